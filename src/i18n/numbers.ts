/**
 * Numbers as a reader of each language writes them. Danish: decimal comma and `.` between thousands
 * (1.222.768,5; 25,6 %; <0,001); English: point and `,` (1,222,768.5; 25.6%; <0.001). Formatting is done by hand
 * (not Intl) so the bytes do not depend on the ICU data Node was built with.
 */
import { t } from "./catalogue.js";
import type { Lang } from "./types.js";

/** Separators per language. */
export function separators(lang: Lang): { decimal: string; thousands: string } {
  return lang === "da" ? { decimal: ",", thousands: "." } : { decimal: ".", thousands: "," };
}

/**
 * A number with `decimals` decimals and thousands separators, in the language's style. Rounds half away from
 * zero on the decimal string (toFixed), and never writes "-0".
 */
export function formatNumber(x: number, lang: Lang, decimals: number, groupThousands = true): string {
  if (!Number.isFinite(x)) return "";
  const { decimal, thousands } = separators(lang);
  let fixed = Math.abs(x).toFixed(decimals);
  const negative = x < 0 && /[1-9]/.test(fixed);
  const [whole, frac] = fixed.split(".");
  const grouped = groupThousands ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands) : whole;
  fixed = frac !== undefined ? `${grouped}${decimal}${frac}` : grouped;
  return negative ? `-${fixed}` : fixed;
}

/** A share in 0..1 as a percentage: `25.6%` (en), `25,6 %` (da). */
export function formatPercent(share: number, lang: Lang, decimals = 1): string {
  const text = formatNumber(share * 100, lang, decimals);
  return lang === "da" ? `${text} %` : `${text}%`;
}

/** A difference of shares (0..1) in percentage points: `4,2 procentpoint` (da), `4.2 percentage points` (en). */
export function formatPoints(diff: number, lang: Lang, decimals = 1): string {
  return t(lang, "unit_points", { value: formatNumber(diff * 100, lang, decimals) });
}

/** A p-value: three decimals, `<0.001` below that (`<0,001` in Danish). */
export function formatPValue(p: number, lang: Lang, decimals = 3): string {
  const floor = 10 ** -decimals;
  if (p < floor) return `<${formatNumber(floor, lang, decimals)}`;
  return formatNumber(p, lang, decimals);
}

/** A date "2026-12-31" as a reader of the language writes it: 31.12.2026 (da), 2026-12-31 (en); other text as is. */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || lang === "en") return iso;
  return `${m[3]}.${m[2]}.${m[1]}`;
}
