import type { AffinityMeasurement } from './affinityRun.js';
import type { LookaheadConfig } from './lookaheadRules.js';

/**
 * What `taskrel affinity` stores as `affinity.json` in the study folder: one hard-sharing run over all the study's
 * tasks with TAG's lookahead affinities and the gradient cosines between them, how it was run, and what it cost.
 * Its predictors are scored against the study's gains with all the others by `taskrel predictors` (predictors.json).
 */
export interface AffinityRecord extends AffinityMeasurement {
  format: 'taskrel-affinity/1';
  study: string;
  finishedAt: string;
  /** taskrel, node, @tensorflow/tfjs and backend package versions. */
  versions: Record<string, string>;
  settings: {
    seed: number;
    batchSize: number;
    /** Training batches over all tasks: the single-task budget times the number of tasks. */
    batches: number;
    every: number;
    lookahead: LookaheadConfig;
  };
}
