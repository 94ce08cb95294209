import { type BackendName, selectBackend } from '../engine/backend.js';
import { type CheckpointOptions, runWithCheckpoints } from '../study/runWithCheckpoints.js';
import { runInputs, studyTask } from '../study/runInputs.js';
import type { StudySpec } from '../study/spec.js';
import { sha256, stableStringify } from '../shared/stableJson.js';
import { taskRefName } from '../study/taskRef.js';
import { runVersions } from '../study/versions.js';
import type { AffinityRecord } from './affinityRecord.js';
import { type AffinityMeasurement, type AffinityProgress, measureAffinity } from './affinityRun.js';
import type { AffinityState } from './affinityState.js';
import type { LookaheadConfig } from './lookaheadRules.js';

/** The affinity run's id in its checkpoint (`<study>/checkpoints/affinity.ckpt`). */
export const AFFINITY_RUN = 'affinity';

export interface AffinityOptions extends CheckpointOptions {
  /** Measure every this many steps; default: about DEFAULT_MEASUREMENTS measurements over the run. */
  every?: number;
  /** Default: an SGD step with the study's learning rate. */
  lookahead?: LookaheadConfig;
  /** Default: the study's first seed. */
  seed?: number;
  backend?: BackendName;
  onProgress?: (progress: AffinityProgress) => void;
}

/**
 * Measurements per run by default. One measurement is one batch per task, so its affinities are mostly batch
 * noise; the split-half reliability of the mean grows with the count (on the demo study, sgd lookahead: 0.38 at
 * 50, 0.55 at 360), while measuring (n gradient and n + n² forward passes each) should stay a fraction of the
 * training. `--every` trades one for the other.
 */
export const DEFAULT_MEASUREMENTS = 100;

/**
 * The affinity run of a study: one hard-sharing model over all its tasks, set up as the study's runs are (same
 * model, optimiser, sampler, batch size, vocabulary and word vectors), for the single-task budget times the number
 * of tasks — about as many batches per task as each task gets alone or in a pair. With checkpoints it continues
 * from its checkpoint as a study's runs do; the caller removes it once the record is written.
 */
export async function runAffinity(spec: StudySpec, options: AffinityOptions = {}): Promise<AffinityRecord> {
  const names = spec.tasks.map(taskRefName);
  const seed = options.seed ?? spec.seeds[0];
  const batches = spec.budget.singleBatches * names.length;
  const every = options.every ?? Math.max(1, Math.floor(batches / DEFAULT_MEASUREMENTS));
  const lookahead = options.lookahead ?? { rule: 'sgd', learningRate: spec.optimizer.learningRate };
  const { tasks, vocabularySize, initialEmbeddings } = await runInputs(spec, names, seed);
  const started = Date.now();
  const backend = await selectBackend(options.backend);
  const versions = await runVersions(backend);
  const settings = { seed, batchSize: spec.batchSize, batches, every, lookahead };
  const identity = { run: AFFINITY_RUN, specHash: await affinityHash(spec, settings), versions, batches };
  const elapsed = (): number => (Date.now() - started) / 1000;
  const { result: measurement } = await runWithCheckpoints<AffinityState, AffinityMeasurement>(
    identity,
    options,
    elapsed,
    (resume, checkpoint) =>
      measureAffinity({
        tasks,
        vocabularySize,
        initialEmbeddings,
        model: spec.model,
        optimizer: spec.optimizer,
        sampler: spec.sampler,
        batchSize: spec.batchSize,
        batches,
        seed,
        backend,
        every,
        lookahead,
        onProgress: options.onProgress,
        resume,
        checkpoint,
      }),
  );
  return {
    format: 'taskrel-affinity/1',
    study: spec.name,
    finishedAt: new Date().toISOString(),
    versions,
    settings,
    ...measurement,
  };
}

/** Hash of everything that determines the affinity run (its tasks' data and the study's and run's settings). */
async function affinityHash(spec: StudySpec, settings: AffinityRecord['settings']): Promise<string> {
  const fingerprints = await Promise.all(spec.tasks.map(async (ref) => (await studyTask(spec, taskRefName(ref))).fingerprint));
  const { vocabulary, trainSentences, model, optimizer, sampler } = spec;
  return sha256(
    stableStringify({ run: AFFINITY_RUN, fingerprints, vocabulary, trainSentences, model, optimizer, sampler, settings }),
  ).slice(0, 16);
}
