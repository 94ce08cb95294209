import type { HeadResult } from '../engine/trainingResult.js';

/**
 * One finished training run as stored in `<study>/runs/<id>.json`: a single-task run (one head) or a
 * symmetric pair run (two heads, which yields both directed pairs). Local, distributed and imported runs
 * all produce this same record, so analysis never cares where a run came from.
 */
export interface RunResult {
  id: string;
  kind: 'single' | 'pair';
  /** Task names, one for a single run, two (sorted) for a pair run. */
  tasks: string[];
  seed: number;
  /** Hash of everything that determines this run (its tasks' data, model, optimiser, budget, seed). */
  specHash: string;
  backend: string;
  /** taskrel, node, @tensorflow/tfjs and backend package versions. */
  versions: Record<string, string>;
  /** Where it was trained: `local`, `redis:<worker>` or `import`. */
  origin: string;
  finishedAt: string;
  seconds: number;
  batches: number;
  heads: Record<string, HeadResult>;
}
