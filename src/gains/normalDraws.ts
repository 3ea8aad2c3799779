import seedrandom from "seedrandom";

/**
 * A seeded stream of standard normal draws: seedrandom's ARC4 generator (identical on every machine) keyed by
 * `effekt-gains\0<seed>`, turned into normals by the Box-Muller transform (Box & Muller 1958):
 *
 *   u1 in (0, 1], u2 in [0, 1):  z1 = sqrt(-2 ln u1) cos(2 pi u2),  z2 = sqrt(-2 ln u1) sin(2 pi u2)
 *
 * Both normals of each pair are used, in that order. Uniforms use seedrandom's 53-bit `double()`.
 */
export interface NormalStream {
  next(): number;
}

export function normalStream(seed: string): NormalStream {
  const prng = seedrandom(`effekt-gains\u0000${seed}`);
  let spare: number | undefined;
  return {
    next(): number {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      const u1 = 1 - prng.double();
      const u2 = prng.double();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return r * Math.cos(2 * Math.PI * u2);
    },
  };
}
