import { LotteryStream } from "./arc4.js";

/**
 * The lottery's random stream: seedrandom's ARC4 generator (its default, identical on every machine and Node
 * version; written out in arc4.ts and checked against seedrandom) keyed by the user's seed and the wave number, so
 * each wave has its own reproducible stream.
 */
export interface Rng {
  /** A uniform 32-bit unsigned integer. */
  uint32(): number;
}

export const RNG_NAME = "seedrandom-arc4";

export function waveRng(seed: string, wave: number): Rng {
  const stream = new LotteryStream();
  stream.reset(seed, wave);
  return stream;
}

/**
 * A uniform integer in [0, n), exactly unbiased: 32-bit draws above the largest multiple of n are rejected.
 * For n above 2^32 two draws are combined into 53 bits and rejected the same way.
 */
export function uniformInt(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`uniformInt needs a positive whole n, got ${n}`);
  if (n <= 0x1_0000_0000) {
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % n);
    for (;;) {
      const x = rng.uint32();
      if (x < limit) return x % n;
    }
  }
  const span = 2 ** 53;
  const limit = span - (span % n);
  for (;;) {
    const x = (rng.uint32() >>> 11) * 0x1_0000_0000 + rng.uint32();
    if (x < limit) return x % n;
  }
}
