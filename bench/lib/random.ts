/**
 * Deterministic randomness for the reference data set: the same seed gives the same
 * organisation, byte for byte, on every machine. Math.random is never used.
 */

/** A 32-bit hash of two integers (splitmix-style finaliser): derives independent streams. */
export function mix(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A small, fast PRNG (sfc32: four 32-bit words, period ≥ 2^32 per stream, passes PractRand far
 * beyond what a data set needs). Each post gets its own stream, derived with mix(), so its text
 * does not depend on the order in which anything else was generated.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    this.a = mix(seed, stream);
    this.b = mix(this.a, 0x51ed270b);
    this.c = mix(this.b, 0x2a7e1c4d);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A 32-bit unsigned integer. */
  u32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Index skewed towards 0: u^power (power > 1) makes the first items the busiest. */
  skewed(length: number, power: number): number {
    return Math.min(length - 1, Math.floor(length * this.next() ** power));
  }

  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Log-normal around `median`, spread by `sigma` (natural log units). */
  logNormal(median: number, sigma: number): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return median * Math.exp(sigma * z);
  }

  /** `count` distinct items, in pick order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const n = Math.min(count, items.length);
    if (n * 3 > items.length) return this.shuffle([...items]).slice(0, n);
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].map((i) => items[i] as T);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

/**
 * Samples ranks of a Zipf-like distribution (weight 1/(rank+1)^s) by binary search over the
 * cumulative weights: a vocabulary where a few words are everywhere and most are rare, as in
 * real text, so that "common" and "rare" search terms both exist.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(size: number, s: number) {
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let i = 0; i < size; i++) {
      total += 1 / (i + 1) ** s;
      this.cumulative[i] = total;
    }
    for (let i = 0; i < size; i++) this.cumulative[i] = (this.cumulative[i] as number) / total;
  }

  rank(rng: Rng): number {
    const u = rng.next();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A UUIDv7-shaped id (RFC 9562 layout: 48-bit millisecond time, version 7, variant 10) that is
 * deterministic: the "random" bits are `n` (unique per id, below 2^38) and a seeded hash of it,
 * so ids are unique by construction and sort by time like the server's own (platform/ids.ts).
 */
export function uuid7(seed: number, atMs: number, n: number): string {
  const r = mix(seed, n);
  const ms = Math.max(0, Math.floor(atMs));
  const high = Math.floor(ms / 0x1000000); // top 24 of the 48 time bits
  const low = ms % 0x1000000;
  const b = [
    (high >>> 16) & 0xff,
    (high >>> 8) & 0xff,
    high & 0xff,
    (low >>> 16) & 0xff,
    (low >>> 8) & 0xff,
    low & 0xff,
    0x70 | ((r >>> 28) & 0x0f),
    (r >>> 20) & 0xff,
    0x80 | (Math.floor(n / 0x100000000) & 0x3f),
    (n >>> 24) & 0xff,
    (n >>> 16) & 0xff,
    (n >>> 8) & 0xff,
    n & 0xff,
    (r >>> 12) & 0xff,
    (r >>> 4) & 0xff,
    (r << 4) & 0xff,
  ];
  const h = b.map((x) => HEX[x]).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Ids for everything but posts, numbered in creation order (posts use uuid7 with their index). */
export class IdMaker {
  private counter = 0;

  constructor(private readonly seed: number) {}

  next(atMs: number): string {
    return uuid7(this.seed, atMs, ++this.counter);
  }
}
