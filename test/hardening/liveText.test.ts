/**
 * Text from data is never live in any output. Three classes, each with one shared helper:
 * - formula injection in every CSV effekt writes, the register included (`neutraliseFormula` / `restoreNeutralised`
 *   in src/io/excelSafe.ts, a bijection, so the register round-trips through verify and a re-run of the draw);
 * - raw HTML and Markdown link/image syntax in report.md (`markdownText` in src/report/write/markdown.ts) and
 *   HTML in report.html (escapeXml);
 * - terminal control characters (`terminalSafe` / `renderTerminal` in src/terminalText.ts, applied by the CLI's
 *   only writers), and control characters in area and stratum names refused at input.
 * The unit properties run over generated strings from the hostile alphabets, not a list of examples.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { isFormulaLike, neutraliseFormula, restoreNeutralised } from "../../src/io/excelSafe.js";
import { markdownText } from "../../src/report/write/markdown.js";
import { hasControlCharacter, renderTerminal, styled, terminalSafe } from "../../src/terminalText.js";
import { effektAsync, tempDir } from "../helpers.js";
import { runInProcess } from "./runInProcess.js";
import { runs, seed } from "./mutations.js";

const FORMULA_CHARS = ["=", "+", "-", "@", "\t", "\r", "'", "'", "1", "A", "(", ")", " ", ".", ","];
const formulaText = fc.array(fc.constantFrom(...FORMULA_CHARS), { maxLength: 8 }).map((a) => a.join(""));
const CONTROLS = ["\u001b", "\u0007", "\u0000", "\r", "\u0085", "\u009b", "\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u061c", "\u2028", "\u007f", "\b"];
const hostile = fc.array(fc.oneof(fc.constantFrom(...CONTROLS, "[", "]", "(", ")", "<", ">", "/", "a", "?", "&", "!", "|", "\\", "#", ";", ":", "x", "æ", "1", " "), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((a) => a.join(""));
const SEED = 20261202;

describe("the shared helpers, over generated text", () => {
  it("neutraliseFormula: never formula-like, and restoreNeutralised is its exact inverse (the register round-trips)", () => {
    fc.assert(fc.property(fc.oneof(formulaText, fc.string()), (s) => {
      const n = neutraliseFormula(s);
      expect(isFormulaLike(n)).toBe(false);
      expect(restoreNeutralised(n)).toBe(s);
      expect(neutraliseFormula(restoreNeutralised(n))).toBe(n);
    }), { seed: SEED, numRuns: 3000 });
    // A label that really starts with a quote keeps it: one quote is added, one removed.
    expect(neutraliseFormula("'=X")).toBe("''=X");
    expect(restoreNeutralised("''=X")).toBe("'=X");
  });

  it("markdownText: no raw HTML, no link or image, no line break from any text", () => {
    fc.assert(fc.property(hostile, (s) => {
      const m = markdownText(s);
      expect(m).not.toMatch(/<[A-Za-z/!?]/); // no tag, comment or autolink can open (a "<0,001" stays readable)
      expect(m).not.toMatch(/[\r\n]/);
      expect(hasControlCharacter(m)).toBe(false);
      expect(m).not.toMatch(/(^|[^\\])\]\(/); // ]( closes a link or image unless the ] is escaped
      expect(m).not.toMatch(/(^|[^\\])\]\[/);
      expect(m).not.toMatch(/&(?!amp;|lt;)#?[0-9A-Za-z]+;/); // no character reference from the text
    }), { seed: SEED, numRuns: 3000 });
    expect(markdownText("![x](http://t/p.png)")).toBe("![x\\](http://t/p.png)");
    expect(markdownText("<img src=x onerror=alert(1)>")).toBe("&lt;img src=x onerror=alert(1)>");
    expect(markdownText("[s]")).toBe("[s]");
  });

  it("terminalSafe and renderTerminal: no control character from the text reaches the terminal; effekt's colour does", () => {
    fc.assert(fc.property(hostile, (s) => {
      expect(hasControlCharacter(terminalSafe(s).replace(/[\t\n]/g, ""))).toBe(false);
      expect(hasControlCharacter(terminalSafe(s, false))).toBe(false);
      const painted = renderTerminal(`${s}${styled("bold", s)}`, (style, t) => `\u001b[1m${t}\u001b[22m`);
      expect(painted.replace(/\u001b\[(1|22)m/g, "")).toBe(terminalSafe(s) + terminalSafe(s));
    }), { seed: SEED, numRuns: 3000 });
  });
});

/** Area names a municipal export could hold: formulas, a label that starts with a quote, HTML, Markdown link and image. */
const AREAS = ["=1+1", "@SUM(A1)", "-2+3", "+cmd|' /C calc'!A0", "'=X", "<img src=x onerror=alert(1)>", "![x](http://t/p.png)", "[click](http://evil)"];

function householdsCsv(areas: readonly string[], extra: (i: number) => string = () => "a"): string {
  const lines = ["household_id,area,active_cases,note"];
  let k = 0;
  for (const a of areas) for (let i = 0; i < 12; i++) lines.push(`H${++k},"${a.replace(/"/g, '""')}",2,${i % 2 ? extra(k) : "b"}`);
  return `${lines.join("\n")}\n`;
}

describe("hostile names through the real CLI", () => {
  it("the register, balance table and report CSVs hold no formula; verify passes and a re-run changes nothing; report.md and report.html show the names as text", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "households.csv"), householdsCsv(AREAS));
    const ev = join(dir, "ev");
    const draw = ["draw", "--households", join(dir, "households.csv"), "--register", join(ev, "allocations.csv"), "--wave", "1", "--seed", "s", "--treat", "40", "--date", "2025-03-01", "--areas", AREAS.join(",")];
    const first = await effektAsync(draw);
    expect(first.code, first.stderr).toBe(0);
    const register = readFileSync(join(ev, "allocations.csv"), "utf8");
    const rows = parse(register, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(96);
    for (const r of rows) for (const cell of Object.values(r)) expect(isFormulaLike(cell), `register cell ${cell}`).toBe(false);
    expect(new Set(rows.map((r) => restoreNeutralised(r.stratum)))).toEqual(new Set(AREAS));
    expect(rows.some((r) => r.stratum === "''=X")).toBe(true);

    const verified = await effektAsync(["verify", "--register", join(ev, "allocations.csv")]);
    expect(verified.code, verified.stderr).toBe(0);
    const again = await effektAsync(draw);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("already drawn");
    expect(readFileSync(join(ev, "allocations.csv"), "utf8")).toBe(register);

    const report = await effektAsync(["report", "--audience", "sus", "--results", ev, "--format", "csv,md,html", "--out", join(ev, "report")]);
    expect(report.code, report.stderr).toBe(0);
    const csvs = [join(ev, "allocations.csv.balance.csv"), ...readdirSync(join(ev, "report", "csv")).map((f) => join(ev, "report", "csv", f))];
    for (const f of csvs) {
      const text = readFileSync(f, "utf8").replace(/^\uFEFF/, "");
      const cells = (parse(text, { delimiter: text.split("\n")[0].includes(";") ? ";" : ",", relax_column_count: true }) as string[][]).flat();
      for (const c of cells) expect(isFormulaLike(c), `${f}: ${c}`).toBe(false);
    }
    const md = readFileSync(join(ev, "report", "report.md"), "utf8");
    expect(md).toContain("&lt;img src=x");
    expect(md).not.toContain("<img");
    expect(md).toContain("![x\\](http://t/p.png)");
    expect(md).not.toMatch(/[^\\]\]\(http/);
    const html = readFileSync(join(ev, "report", "report.html"), "utf8");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/<a [^>]*href="(?!#)/); // only the page's own contents links
  }, 60_000);

  it("an area or stratum name with a control character is refused at input (one problem per row, nothing written, no raw control character printed)", async () => {
    for (const ctrl of ["\u001b[2J", "\u009b31m", "\u202e", "\t", "\u0007"]) {
      const dir = tempDir();
      writeFileSync(join(dir, "h.csv"), householdsCsv([`Houlk${ctrl}ær`, "Houlkær"]));
      const r = await effektAsync(["draw", "--households", join(dir, "h.csv"), "--register", join(dir, "ev", "a.csv"), "--wave", "1", "--seed", "s", "--treat", "3", "--date", "2025-03-01"]);
      expect(r.code, JSON.stringify(ctrl)).toBe(2);
      expect(r.stderr).toContain("holds a control character");
      expect(hasControlCharacter(r.stderr.replace(/\n/g, ""))).toBe(false);
      expect(readdirSync(dir)).toEqual(["h.csv"]);
    }
  }, 60_000);

  it("control characters in other data (a covariate level, a household id, a flag) reach neither stdout nor stderr raw", async () => {
    const dir = tempDir();
    const esc = "\u001b]0;pwned\u0007\u001b[2J\u202e";
    writeFileSync(join(dir, "h.csv"), householdsCsv(["Houlkær"], () => `b${esc}`));
    const ev = join(dir, "ev");
    const r = await effektAsync(["draw", "--households", join(dir, "h.csv"), "--register", join(ev, "a.csv"), "--wave", "1", "--seed", "s", "--treat", "6", "--date", "2025-03-01"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("note=b?]0;pwned??[2J?");
    // A household id with control characters, its arm edited in the register: verify names it, safely.
    mkdirSync(join(dir, "v"));
    const lines = readFileSync(join(dir, "h.csv"), "utf8").split("\n");
    lines[1] = lines[1].replace(/^H1,/, `"H1${esc}",`);
    writeFileSync(join(dir, "v", "h.csv"), lines.join("\n"));
    const reg = join(dir, "v", "a.csv");
    expect((await effektAsync(["draw", "--households", join(dir, "v", "h.csv"), "--register", reg, "--wave", "1", "--seed", "s", "--treat", "6", "--date", "2025-03-01"])).code).toBe(0);
    const text = readFileSync(reg, "utf8");
    const row = text.split("\n").find((l) => l.includes("pwned"))!;
    const flipped = row.includes(",treatment,") ? row.replace(",treatment,", ",control,") : row.replace(",control,", ",treatment,");
    writeFileSync(reg, text.replace(row, flipped));
    const v = await effektAsync(["verify", "--register", reg]);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain("pwned");
    for (const out of [r.stdout, r.stderr, v.stdout, v.stderr]) expect(hasControlCharacter(out.replace(/\n/g, ""))).toBe(false);
    // A flag's value echoed in a refusal.
    const f = await effektAsync(["draw", "--households", join(dir, "h.csv"), "--register", reg, "--wave", `1${esc}`, "--seed", "s", "--treat", "6"]);
    expect(f.code).toBe(2);
    expect(hasControlCharacter(f.stderr.replace(/\n/g, ""))).toBe(false);
  }, 60_000);
});

/** A name from the hostile alphabets: formula prefixes, a leading quote, HTML, Markdown link/image, control characters. */
const PIECES = ["=", "+", "-", "@", "'", "<b>", "<img src=x>", "](http://e)", "![i](http://e/p.png)", "[l]", "&amp;", "|", "\\", "\u001b[2J", "\u009b", "\u202e", "\t", "\u0007", "æ", "A(1)", " x"];
const hostileName = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((a) => a.join(""));
const HUGE = ["1e308", "-1e308", "1.7976931348623157e308", "5e-324", "0", "12"];

describe("hardening: whole commands on generated hostile names and huge numbers", () => {
  it("draw and verify in-process: a name with a control character is refused (exit 2); any other name round-trips through the register (never a formula), verify passes, the terminal gets no control character, no NaN or Infinity anywhere", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(hostileName, { minLength: 1, maxLength: 3, selector: (n) => n.trim().toLowerCase() }), fc.constantFrom(...HUGE), async (names, huge) => {
        const areas = names.map((n, k) => `${n.trim()}X${k}`);
        const d = tempDir();
        const lines = ["household_id,area,active_cases,score"];
        areas.forEach((a, k) => { for (let i = 0; i < 6; i++) lines.push(`H${k}-${i},"${a.replace(/"/g, '""')}",2,${i % 2 ? huge : i}`); });
        writeFileSync(join(d, "h.csv"), `${lines.join("\n")}\n`);
        const reg = join(d, "ev", "a.csv");
        const r = await runInProcess(["draw", "--households", join(d, "h.csv"), "--register", reg, "--wave", "1", "--seed", "s", "--treat", String(areas.length * 3), "--date", "2025-03-01", "--areas", areas.join(",")]);
        expect(r.crash).toBeUndefined();
        const printed = r.stdout.replace(/\n/g, "");
        expect(hasControlCharacter(printed), JSON.stringify(r.stdout)).toBe(false);
        if (areas.some((a) => hasControlCharacter(a))) {
          expect(r.code, r.stderr).toBe(2);
          expect(r.stderr).toContain("holds a control character");
          return;
        }
        if (r.code !== 0) {
          // the only other refusal: --areas cannot name a name with a comma (none here) or a blank one
          throw new Error(`draw refused ${JSON.stringify(areas)}: ${r.stderr}`);
        }
        const register = readFileSync(reg, "utf8");
        const rows = parse(register, { columns: true }) as Record<string, string>[];
        for (const row of rows) for (const cell of Object.values(row)) expect(isFormulaLike(cell), cell).toBe(false);
        expect(new Set(rows.map((row) => restoreNeutralised(row.stratum)))).toEqual(new Set(areas.map((a) => a.normalize("NFC"))));
        const balance = readFileSync(`${reg}.balance.csv`, "utf8");
        expect(balance + r.stdout).not.toMatch(/NaN|Infinity/);
        const v = await runInProcess(["verify", "--register", reg]);
        expect(v.code, v.stderr).toBe(0);
        const again = await runInProcess(["draw", "--households", join(d, "h.csv"), "--register", reg, "--wave", "1", "--seed", "s", "--treat", String(areas.length * 3), "--date", "2025-03-01", "--areas", areas.join(",")]);
        expect(again.code, again.stderr).toBe(0);
        expect(readFileSync(reg, "utf8")).toBe(register);
      }),
      { seed: seed(12012), numRuns: runs(40) },
    );
  }, 300_000);
});
