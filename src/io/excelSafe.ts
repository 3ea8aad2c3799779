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

/** The text a spreadsheet shows as text: a leading `'` when it could otherwise run as a formula. */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/**
 * The inverse, for effekt reading back a CSV it wrote (the report reading `indicators.csv` or the balance table):
 * `'=X` becomes `=X` again when `=X` is formula-like, so the label is not shown with a stray quote and is not
 * prefixed twice. Any other text is returned as it is.
 */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && isFormulaLike(text.slice(1)) ? text.slice(1) : text;
}
