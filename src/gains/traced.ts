/**
 * A number with the names of the model parameters it was computed from (e.g.
 * `outcomes.employment.unit_values.kommune`, `discount_rate`), so every output cell can be traced back to the
 * lines of the gains model file that produced it.
 */
export interface Traced {
  value: number;
  from: string[];
}

export function traced(value: number, from: Iterable<string>): Traced {
  return { value, from: [...new Set(from)].sort() };
}

/** Sum of traced numbers; traces are the union. The sum of nothing is 0 with no traces. */
export function sumTraced(items: readonly Traced[]): Traced {
  let v = 0;
  const from: string[] = [];
  for (const t of items) {
    v += t.value;
    from.push(...t.from);
  }
  return traced(v, from);
}

/** a - b with the union of traces. */
export function minusTraced(a: Traced, b: Traced): Traced {
  return traced(a.value - b.value, [...a.from, ...b.from]);
}

/** a * k where k traces to `kFrom`. */
export function scaleTraced(a: Traced, k: number, kFrom: readonly string[] = []): Traced {
  return traced(a.value * k, [...a.from, ...kFrom]);
}
