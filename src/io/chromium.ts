/**
 * The headless Chromium effekt renders pages with: the build shipped inside the npm package @sparticuz/chromium,
 * driven by puppeteer-core, so `npm ci` is all a machine needs (no system browser). The package's Chromium is
 * unpacked to the temporary folder on first use; its shared libraries (NSS, expat) are unpacked beside it and put
 * on the library path, for machines that lack them; its fonts are used when the machine has no fontconfig.
 * Pages are opened with every host name unresolvable, so nothing can reach the network.
 *
 * `renderPdf` prints an HTML page to A4 (the page's print CSS decides breaks and repeated table headers) and
 * fixes the PDF's creation and modification dates, so the same page gives the same bytes.
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "puppeteer-core";

/** Where @sparticuz/chromium keeps its packed files (bin/ beside its build/). */
function packageBin(): string {
  return join(dirname(fileURLToPath(import.meta.resolve("@sparticuz/chromium"))), "..", "bin");
}

/** Launches the packaged headless Chromium (unpacking it on first use). Close it when done. */
export async function launchChromium(): Promise<Browser> {
  const { default: chromium, inflate } = await import("@sparticuz/chromium");
  const puppeteer = await import("puppeteer-core");
  const executablePath = await chromium.executablePath();
  const libDir = join(tmpdir(), "al2023", "lib");
  if (!existsSync(join(libDir, "libnss3.so"))) await inflate(join(packageBin(), "al2023.tar.br"));
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  env.LD_LIBRARY_PATH = [libDir, process.env.LD_LIBRARY_PATH].filter((p) => p).join(":");
  if (!existsSync("/etc/fonts/fonts.conf")) {
    const fonts = join(tmpdir(), "fonts");
    if (!existsSync(fonts)) await inflate(join(packageBin(), "fonts.tar.br"));
    env.FONTCONFIG_PATH = fonts;
  }
  return puppeteer.launch({
    executablePath,
    headless: "shell",
    pipe: true,
    env,
    args: [...chromium.args, "--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars", "--no-first-run"],
    protocolTimeout: 180_000,
  });
}

/** Runs `work` with a fresh browser and always closes it. */
export async function withChromium<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

/**
 * Replaces the digits of the PDF's /CreationDate and /ModDate with those of 2000-01-01 00:00:00, keeping every
 * byte offset (the cross-reference table stays valid).
 */
export function fixPdfDates(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString("latin1");
  const fixed = text.replace(/\/(CreationDate|ModDate) ?\(D:([^)]*)\)/g, (whole, _name: string, date: string) => {
    const template = "20000101000000";
    let k = 0;
    const stable = date.replace(/\d/g, () => (k < template.length ? template[k++] : (k++, "0")));
    return whole.replace(date, stable);
  });
  return new Uint8Array(Buffer.from(fixed, "latin1"));
}

/** An HTML page printed to an A4 PDF by the packaged Chromium. */
export async function renderPdf(html: string): Promise<Uint8Array> {
  return withChromium(async (browser) => {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
    return fixPdfDates(pdf);
  });
}
