/** The position of a stream: sfc32's four 32-bit words. */
export type RngState = [number, number, number, number];

/**
 * Seeded pseudo-random numbers for everything training draws: initialisation, batch order, task sampling and
 * dropout. sfc32 (fast, 128-bit state, passes PractRand far beyond what a run draws) seeded through splitmix32.
 *
 * Each consumer takes its own stream with `fork(label)`, so e.g. changing the dropout rate (which changes how many
 * numbers dropout draws) leaves batch order and task sampling untouched.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    let s = this.seed;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** An independent stream named `label`, derived from this stream's seed (not from its position). */
  fork(label: string): Rng {
    let h = Math.imul(this.seed ^ 0x811c9dc5, 0x01000193);
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    return new Rng(h >>> 0);
  }

  /** The stream's position; `restore` of it continues the same sequence (from a checkpoint). */
  state(): RngState {
    return [this.a, this.b, this.c, this.d];
  }

  restore(state: RngState): void {
    const words =
      Array.isArray(state) &&
      state.length === 4 &&
      state.every((word) => Number.isInteger(word) && word >= -0x80000000 && word <= 0xffffffff);
    // Restored inside the engine's `restoring`, which reports this as a state that does not fit the run.
    if (!words) throw new Error(`a random stream's position should be four 32-bit words, got ${JSON.stringify(state)}`);
    [this.a, this.b, this.c, this.d] = state.map((word) => word | 0);
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Index drawn with probability proportional to `weights` (non-negative, not all zero). */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    return shuffleInPlace(items, () => this.next());
  }
}

/** Fisher–Yates shuffle of `items` in place, drawing uniform numbers in [0, 1) from `random`. */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * mulberry32: the generator of the fixed splits of corpora without official ones (tasks/splitting.ts). It stays
 * beside sfc32 rather than being replaced by it because every prepared split, task fingerprint and run hash
 * depends on its numbers.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
