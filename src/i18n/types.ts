/** The two languages effekt speaks, and one catalogue entry: the same message in each. */
export type Lang = "da" | "en";

export const LANGS: readonly Lang[] = ["da", "en"];

export interface Entry {
  da: string;
  en: string;
}
