import type { RngState } from '../shared/random.js';
import type { BatchStreamState, HardSharingState } from '../engine/trainingState.js';

/** An affinity run between two steps (see TrainingState): training, the probes' own streams and the sums so far. */
export interface AffinityState {
  step: number;
  seconds: number;
  measurements: number;
  timing: { gradientSeconds: number; lookaheadSeconds: number };
  training: HardSharingState;
  /** One per task, in the request's order. */
  probeStreams: BatchStreamState[];
  probeDropout: RngState;
  sums: { lookahead: HalfSumsState; cosine: HalfSumsState };
}

/** A HalfSums so far: both halves' sums and the measurements added. */
export interface HalfSumsState {
  halves: [number[][], number[][]];
  count: number;
}
