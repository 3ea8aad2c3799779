import type { Rng } from "./rng.js";

/**
 * The lottery's random stream (`waveRng` in rng.ts): seedrandom's ARC4 keyed by `effekt-draw\0${seed}\0wave=${wave}`,
 * written out so that randomisation inference, which seeds 10,000s of streams, can re-key one stream in place: the
 * same state updates as seedrandom 3 (key = mixkey of the seed string, the standard RC4 key schedule, RC4-drop[256],
 * `int32()` = four output bytes big-endian) on a reused Uint8Array, without seedrandom's per-seed string work for
 * its entropy pool (which does not affect the output). `test/draw/rng.test.ts` checks it against seedrandom.
 */
export class LotteryStream implements Rng {
  private readonly s = new Uint8Array(256);
  private readonly key = new Uint8Array(256);
  private i = 0;
  private j = 0;

  /** Re-keys the stream for `seed` and `wave` exactly as `waveRng(seed, wave)`. */
  reset(seed: string, wave: number): void {
    const text = `effekt-draw\u0000${seed}\u0000wave=${wave}`;
    const key = this.key;
    key.fill(0);
    // seedrandom's mixkey: key[j & 255] = 255 & ((smear ^= key[j & 255] * 19) + charCode(j))
    let smear = 0;
    for (let j = 0; j < text.length; j++) {
      smear ^= key[j & 255] * 19;
      key[j & 255] = (smear + text.charCodeAt(j)) & 255;
    }
    const keylen = Math.min(text.length, 256) || 1;
    const s = this.s;
    for (let i = 0; i < 256; i++) s[i] = i;
    let j = 0;
    for (let i = 0; i < 256; i++) {
      const t = s[i];
      j = (j + key[i % keylen] + t) & 255;
      s[i] = s[j];
      s[j] = t;
    }
    this.i = 0;
    this.j = 0;
    for (let k = 0; k < 256; k++) this.byte(); // RC4-drop[256]
  }

  private byte(): number {
    const s = this.s;
    const i = (this.i = (this.i + 1) & 255);
    const t = s[i];
    const j = (this.j = (this.j + t) & 255);
    s[i] = s[j];
    s[j] = t;
    return s[(s[i] + t) & 255];
  }

  /** seedrandom's `int32() >>> 0`: four bytes, first most significant. */
  uint32(): number {
    return ((this.byte() << 24) | (this.byte() << 16) | (this.byte() << 8) | this.byte()) >>> 0;
  }
}
