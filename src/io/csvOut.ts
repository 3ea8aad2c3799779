/** Writing CSV cells: the one place that decides how effekt quotes text and prints numbers in the files it writes. */

/** Quotes a field when it holds a delimiter, a quote or a line break, or starts or ends with white space. */
export function csvField(value: string): string {
  return /[",;\r\n\t]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A number for a CSV file: shortest round-trip form; empty where it is absent or not finite (never NaN). */
export function csvNumber(x: number | undefined): string {
  return x !== undefined && Number.isFinite(x) ? String(x) : "";
}
