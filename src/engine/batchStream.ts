import type { EncodedSplit } from '../tasks/encodedTask.js';
import type { TaskKind } from '../tasks/task.js';
import { type Batch, makeBatch } from './batch.js';
import type { Rng } from '../shared/random.js';
import { type BatchStreamState, expectState } from './trainingState.js';

/** Batches per length-sorted pool: enough to group similar lengths, few enough to keep batches varied. */
const POOL_BATCHES = 20;

/**
 * Endless training batches of one task, epoch after epoch. Each epoch shuffles the examples, sorts each pool of
 * POOL_BATCHES batches' worth by length, cuts it into batches and shuffles the batch order. Batches are padded
 * only to their own longest example, so with sentences of 1–150 tokens little compute goes to padding, while
 * batch composition and order still change every epoch. The last batch of an epoch may be smaller.
 */
export class BatchStream {
  private queue: number[][] = [];

  constructor(
    private readonly split: EncodedSplit,
    private readonly kind: TaskKind,
    private readonly batchSize: number,
    private readonly rng: Rng,
  ) {}

  next(): Batch {
    if (this.queue.length === 0) this.queue = this.epoch();
    return makeBatch(this.split, this.queue.pop() as number[], this.kind);
  }

  /** Where the stream is: its random position and the current epoch's remaining batches. */
  state(): BatchStreamState {
    return {
      rng: this.rng.state(),
      batchSizes: Int32Array.from(this.queue, (batch) => batch.length),
      examples: Int32Array.from(this.queue.flat()),
    };
  }

  restore({ rng, batchSizes, examples }: BatchStreamState): void {
    const total = batchSizes.reduce((sum, size) => sum + size, 0);
    expectState(total === examples.length, `a batch queue of ${total} examples holds ${examples.length}`);
    expectState(
      examples.every((example) => example >= 0 && example < this.split.tokens.length),
      `a batch queue names examples beyond the ${this.split.tokens.length} of its task`,
    );
    this.rng.restore(rng);
    let start = 0;
    this.queue = Array.from(batchSizes, (size) => {
      start += size;
      return Array.from(examples.subarray(start - size, start));
    });
  }

  private epoch(): number[][] {
    const order = this.rng.shuffle(Array.from(this.split.tokens.keys()));
    const batches: number[][] = [];
    const poolSize = this.batchSize * POOL_BATCHES;
    for (let start = 0; start < order.length; start += poolSize) {
      const pool = order.slice(start, start + poolSize).sort((a, b) => this.length(a) - this.length(b));
      for (let i = 0; i < pool.length; i += this.batchSize) batches.push(pool.slice(i, i + this.batchSize));
    }
    return this.rng.shuffle(batches);
  }

  private length(example: number): number {
    return this.split.tokens[example].length;
  }
}

/** The first `limit` examples (all when limit is 0) in length-sorted batches, for evaluation. */
export function evaluationBatches(split: EncodedSplit, kind: TaskKind, batchSize: number, limit = 0): Batch[] {
  const count = limit > 0 ? Math.min(limit, split.tokens.length) : split.tokens.length;
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => split.tokens[a].length - split.tokens[b].length);
  const batches: Batch[] = [];
  for (let i = 0; i < order.length; i += batchSize) batches.push(makeBatch(split, order.slice(i, i + batchSize), kind));
  return batches;
}
