/**
 * Internal rate of return of dated yearly cash flows: the r at which their net present value is zero,
 *
 *   NPV(r) = sum_t CF_t / (1 + r)^t = 0,   t = 0, 1, ... (budget year minus year 0).
 *
 * For an investment (outflows first, inflows after) NPV falls as r rises, so the root is unique when the inflows
 * are positive; it is found by bisection on (-1, 100) to machine precision. With no inflows the investor loses
 * everything: IRR = -1. When NPV does not change sign on the interval (e.g. inflows before any outflow) the IRR is
 * not defined and `undefined` is returned.
 */
export function npv(flows: readonly number[], rate: number): number {
  let v = 0;
  let d = 1;
  const k = 1 / (1 + rate);
  for (let t = 0; t < flows.length; t++) {
    if (flows[t] !== 0) v += flows[t] * d;
    d *= k;
  }
  return v;
}

export function irr(flows: readonly number[]): number | undefined {
  const inflow = flows.reduce((s, x) => s + Math.max(0, x), 0);
  const outflow = flows.reduce((s, x) => s + Math.max(0, -x), 0);
  if (outflow === 0) return undefined;
  if (inflow === 0) return -1;
  let lo = -1 + 1e-12;
  let hi = 100;
  let fLo = npv(flows, lo);
  const fHi = npv(flows, hi);
  if (!(Math.sign(fLo) !== Math.sign(fHi)) || !Number.isFinite(fLo)) return undefined;
  for (let i = 0; i < 400; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    const f = npv(flows, mid);
    if (f === 0) return mid;
    if (Math.sign(f) === Math.sign(fLo)) {
      lo = mid;
      fLo = f;
    } else hi = mid;
  }
  return (lo + hi) / 2;
}
