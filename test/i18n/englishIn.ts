/** Finding text of the English catalogue in a page meant to be Danish (for the catalogue and report tests). */
import { CATALOGUE } from "../../src/i18n/catalogue.js";

/** The literal pieces of an English message a reader could spot: text between placeholders, 3+ letters. */
export function englishFragments(): { key: string; fragment: string }[] {
  const out: { key: string; fragment: string }[] = [];
  for (const [key, entry] of Object.entries(CATALOGUE) as [string, { da: string; en: string }][]) {
    if (entry.en === entry.da) continue;
    for (const piece of entry.en.split(/\{[a-z_][a-z0-9_]*\}/i)) {
      const fragment = piece.trim().replace(/^[^A-Za-z]+|[^A-Za-z.%)]+$/g, "");
      // File names (effects.csv) are names, not English. Short pieces ("n", "p", "df") and pieces the Danish entry shares ("(ITT)") are not evidence of English.
      if (fragment.replace(/[^A-Za-z]/g, "").length < 3 || entry.da.includes(fragment)) continue;
      out.push({ key, fragment });
    }
  }
  return out;
}

/** What a reader sees of an HTML page: text outside tags, styles and attribute values. */
export function visibleText(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/g, " ").replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"');
}


/** Each English catalogue fragment found as a word in `text` ("fragment" (key)); file names, field paths and seeds (a word joined by . _ / -) do not count. */
export function englishIn(text: string): string[] {
  const found: string[] = [];
  const fragments = englishFragments();
  if (fragments.length < 100) throw new Error("englishIn: the catalogue gave too few English fragments");
  for (const { key, fragment } of fragments) {
    const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (new RegExp(`(^|[^A-Za-zæøåÆØÅ0-9_./-])${escaped}($|[^A-Za-zæøåÆØÅ0-9_./-])`).test(text)) found.push(`"${fragment}" (${key})`);
  }
  return found;
}
