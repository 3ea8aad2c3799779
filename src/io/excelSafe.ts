/**
 * Formula injection ("CSV injection"): a spreadsheet treats a cell that starts with `=`, `+`, `-` or `@` as a
 * formula, and some also after a leading tab or carriage return. An area name or label from a municipal export
 * such as `=HYPERLINK("http://x")` would then run when an investor opens the file.
 *
 * OWASP's advice (https://owasp.org/www-community/attacks/CSV_Injection): prefix such a cell with a single quote,
 * so Excel shows it as text. Plain numbers stay numbers: `-0.5`, `+3`, `-1e-7` are written as they are, because a
 * number is not a formula and a `'` would turn an effect estimate into text. "Plain number" means the decimal
 * forms effekt itself writes and reads: optional sign, digits with an optional decimal point or comma (Danish
 * CSV), an optional exponent. Nothing else: `-1+2`, `-0,5,1`, `+3 pp` get the `'`.
 */

const TRIGGER = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/** True when a spreadsheet could read `text` as a formula (and it is not a plain number). */
export function isFormulaLike(text: string): boolean {
  return TRIGGER.test(text) && !PLAIN_NUMBER.test(text);
}

/**
 * Whether `neutraliseFormula` prefixes `text`: its core (the text after any leading `'`) is formula-like. Text that
 * already starts with `'` before a formula-like core gets one more, so that reading back removes exactly the one
 * effekt added: `=X` -> `'=X`, and a label that really is `'=X` -> `''=X`. That makes the pair a bijection, which
 * the register (read back, hashed and re-derived by verify) needs.
 */
function needsQuote(text: string): boolean {
  let i = 0;
  while (text.charCodeAt(i) === 39) i++; // '
  return isFormulaLike(i === 0 ? text : text.slice(i));
}

/** The text a spreadsheet shows as text: a leading `'` when it could otherwise run as a formula. */
export function neutraliseFormula(text: string): string {
  return needsQuote(text) ? `'${text}` : text;
}

/**
 * The inverse, for effekt reading back a CSV it wrote (the register, `indicators.csv`, the balance table): the `'`
 * effekt added is removed, so the label is not shown with a stray quote and is not prefixed twice.
 * `restoreNeutralised(neutraliseFormula(x)) === x` for every text x. Any other text is returned as it is.
 */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && needsQuote(text.slice(1)) ? text.slice(1) : text;
}
