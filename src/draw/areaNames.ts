/**
 * Area names as registers write them differ from the selected ones in case, spaces and hyphens (`HOULKÆR`,
 * `Karup-Kølvrå`, `Karup - Kølvrå` for `Karup Kølvrå`). `areaKey` compares names after Unicode NFC, lower case,
 * hyphens read as spaces and runs of white space as one. A name of the file that still matches no selected area is
 * either another area (far from every selected name: not selected, and listed) or a spelling the user must confirm
 * (`--area-alias FILE_NAME=SELECTED`) or exclude (`--exclude-area FILE_NAME`): near a selected name by edit
 * distance, so a typo never silently drops a whole area from the lottery.
 */

/** The comparison key of an area name: NFC, lower case (Danish rules), hyphens as spaces, white space collapsed. */
export function areaKey(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("da").replace(/[\s\u00a0]*[-\u2010-\u2013][\s\u00a0]*/g, " ").replace(/[\s\u00a0]+/g, " ").trim();
}

/** Levenshtein distance (insertions, deletions, substitutions each 1) between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length];
}

export interface AreaMatch {
  /** File name -> selected name, for every name of the file that is not literally a selected name but matches one. */
  names: Record<string, string>;
  /** Names near a selected one that match none: the draw stops on these unless aliased or excluded. */
  unconfirmed: { name: string; count: number; nearest: string }[];
  /** Names far from every selected one (other areas), and names excluded explicitly: not selected. */
  notSelected: { name: string; count: number }[];
  /** Selected areas no household's name matches. */
  absent: string[];
}

/**
 * Matches the area names of a households file (with their counts) to the selected areas: literally, by `areaKey`,
 * or by a confirmed alias (`aliases`: file name -> selected name). A name is "near" a selected name when their keys
 * differ by at most a third of the longer key's length (at least 1) or one key contains the other.
 */
export function matchAreas(counts: ReadonlyMap<string, number>, selected: readonly string[], aliases: Readonly<Record<string, string>> = {}, excluded: readonly string[] = []): AreaMatch {
  const bySelectedKey = new Map(selected.map((s) => [areaKey(s), s]));
  const aliasByKey = new Map(Object.entries(aliases).map(([from, to]) => [areaKey(from), to]));
  const excludedKeys = new Set(excluded.map(areaKey));
  const out: AreaMatch = { names: {}, unconfirmed: [], notSelected: [], absent: [] };
  const matched = new Set<string>();
  for (const [name, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const key = areaKey(name);
    const target = selected.includes(name) ? name : bySelectedKey.get(key) ?? aliasByKey.get(key);
    if (target !== undefined && !excludedKeys.has(key)) {
      if (target !== name) out.names[name] = target;
      matched.add(target);
      continue;
    }
    if (excludedKeys.has(key)) { out.notSelected.push({ name, count }); continue; }
    let nearest = selected[0] ?? "";
    let best = Infinity;
    for (const s of selected) {
      const d = editDistance(key, areaKey(s));
      if (d < best) { best = d; nearest = s; }
    }
    const nk = areaKey(nearest);
    const near = best <= Math.max(1, Math.floor(Math.max(key.length, nk.length) / 3)) || (key.length >= 3 && (nk.includes(key) || key.includes(nk)));
    if (near) out.unconfirmed.push({ name, count, nearest });
    else out.notSelected.push({ name, count });
  }
  out.absent = selected.filter((s) => !matched.has(s));
  return out;
}
