import type { Batch } from '../engine/batch.js';
import { BatchStream } from '../engine/batchStream.js';
import type { Rng } from '../shared/random.js';
import { expectState } from '../engine/trainingState.js';
import type { EncodedTask } from '../tasks/encodedTask.js';
import type { AffinityState } from './affinityState.js';
import { HalfSums } from './splitHalf.js';

/** What of an affinity run's state its probes hold (see AffinityState). */
export type ProbesState = Pick<AffinityState, 'measurements' | 'timing' | 'probeStreams' | 'probeDropout' | 'sums'>;

/**
 * What an affinity run keeps besides training: the probe batches' own streams (one per task) and dropout, which
 * measuring draws from so that training's streams are untouched, and the sums of the measurements so far with
 * their count and cost.
 */
export class AffinityProbes {
  readonly dropout: Rng;
  readonly sums: { lookahead: HalfSums; cosine: HalfSums };
  measurements = 0;
  readonly timing = { gradientSeconds: 0, lookaheadSeconds: 0 };
  private readonly streams: BatchStream[];

  constructor(
    private readonly tasks: readonly Pick<EncodedTask, 'name' | 'kind' | 'train'>[],
    batchSize: number,
    rng: Rng,
  ) {
    this.streams = tasks.map((t) => new BatchStream(t.train, t.kind, batchSize, rng.fork(`affinity-batches:${t.name}`)));
    this.dropout = rng.fork('affinity-dropout');
    this.sums = { lookahead: new HalfSums(tasks.length), cosine: new HalfSums(tasks.length) };
  }

  /** The next probe batch of every task, for the head of that task. */
  next(): { head: string; batch: Batch }[] {
    return this.streams.map((stream, i) => ({ head: this.tasks[i].name, batch: stream.next() }));
  }

  state(): ProbesState {
    return {
      measurements: this.measurements,
      timing: { ...this.timing },
      probeStreams: this.streams.map((stream) => stream.state()),
      probeDropout: this.dropout.state(),
      sums: { lookahead: this.sums.lookahead.state(), cosine: this.sums.cosine.state() },
    };
  }

  restore(state: ProbesState): void {
    expectState(
      state.probeStreams.length === this.streams.length,
      `${state.probeStreams.length} probe streams were saved for ${this.streams.length} tasks`,
    );
    this.streams.forEach((stream, i) => {
      stream.restore(state.probeStreams[i]);
    });
    this.dropout.restore(state.probeDropout);
    this.sums.lookahead.restore(state.sums.lookahead);
    this.sums.cosine.restore(state.sums.cosine);
    this.measurements = state.measurements;
    Object.assign(this.timing, state.timing);
  }
}
