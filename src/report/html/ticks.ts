/**
 * "Nice" axis ticks: round numbers (1, 2 or 5 times a power of ten) that cover a data range, after
 * Heckbert, "Nice numbers for graph labels", Graphics Gems (1990), as in R's pretty() and d3's ticks().
 */

export interface Ticks {
  /** Tick values from the lowest to the highest, covering [min, max]. */
  values: number[];
  /** Distance between ticks. */
  step: number;
  /** Decimals needed to write every tick exactly (0 for whole steps). */
  decimals: number;
}

/**
 * The nice step nearest to `roughStep`: 1, 2 or 5 times a power of ten, choosing by the geometric midpoints
 * (sqrt 2, sqrt 10, sqrt 50) as d3-array's tickIncrement does.
 */
export function niceStep(roughStep: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(roughStep)));
  const fraction = roughStep / power;
  const nice = fraction >= Math.sqrt(50) ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.sqrt(2) ? 2 : 1;
  return nice * power;
}

/**
 * About `target` ticks covering [min, max]. The ends are extended outward to whole steps, so the axis spans
 * values[0]..values[last]. A zero-width range is widened to one unit around the value (or 0..1).
 */
export function niceTicks(min: number, max: number, target = 5): Ticks {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new Error(`niceTicks: non-finite range ${min}..${max}`);
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    if (min === 0) max = 1;
    else {
      const half = Math.abs(min) / 2;
      min -= half;
      max += half;
    }
  }
  const step = niceStep((max - min) / Math.max(1, target));
  // Snap to the step grid; the small epsilon keeps a value that sits on a tick from spilling one step further.
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  const values: number[] = [];
  for (let i = first; i <= last; i++) values.push(cleanFloat(i * step));
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return { values, step, decimals };
}

/** Removes binary noise such as 0.30000000000000004 so tick labels and positions are stable. */
function cleanFloat(value: number): number {
  const cleaned = Number(value.toPrecision(12));
  return cleaned === 0 ? 0 : cleaned;
}

/** A linear map from [domainMin, domainMax] to [rangeMin, rangeMax]. */
export function linearScale(domainMin: number, domainMax: number, rangeMin: number, rangeMax: number): (value: number) => number {
  const span = domainMax - domainMin;
  return (value: number) => rangeMin + ((value - domainMin) / span) * (rangeMax - rangeMin);
}

/** The unit an axis of kroner counts in: millions from 1 million, thousands from 10,000, else kroner. */
export function amountScale(maxAbs: number): 1 | 1e3 | 1e6 {
  return maxAbs >= 1e6 ? 1e6 : maxAbs >= 1e4 ? 1e3 : 1;
}
