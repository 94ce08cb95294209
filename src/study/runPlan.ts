import type { StudySpec } from './spec.js';
import { sha256, stableStringify } from '../shared/stableJson.js';
import { taskRefName } from './taskRef.js';

/** One training run to do: a single-task run or a symmetric pair run, for one seed. */
export interface RunPlan {
  /** Also the file name under runs/: `single--<task>--s<seed>` or `pair--<a>+<b>--s<seed>`. */
  id: string;
  kind: 'single' | 'pair';
  tasks: string[];
  seed: number;
  batches: number;
  specHash: string;
}

/**
 * Bumped when a change to training or evaluation makes earlier results incomparable, so a re-run of a study
 * retrains instead of mixing old and new runs.
 */
export const RUN_FORMAT = 2;

/**
 * n single runs and n(n−1)/2 symmetric pair runs, each once per seed. `fingerprints` maps task name → content
 * hash of its prepared data; a run's spec hash covers everything that determines its result.
 */
export function planRuns(spec: StudySpec, fingerprints: ReadonlyMap<string, string>): RunPlan[] {
  const names = spec.tasks.map(taskRefName);
  const groups: string[][] = [...names.map((t) => [t]), ...names.flatMap((a, i) => names.slice(i + 1).map((b) => [a, b].sort()))];
  return spec.seeds.flatMap((seed) =>
    groups.map((tasks) => {
      const kind = tasks.length === 1 ? 'single' : 'pair';
      const batches = kind === 'single' ? spec.budget.singleBatches : spec.budget.pairBatches;
      const vocabularyTasks = spec.vocabulary.scope === 'study' ? names : tasks;
      const hashed = {
        format: RUN_FORMAT,
        tasks: tasks.map((t) => fingerprintOf(fingerprints, t)),
        vocabulary: { ...spec.vocabulary, tasks: vocabularyTasks.map((t) => fingerprintOf(fingerprints, t)) },
        model: spec.model,
        optimizer: spec.optimizer,
        sampler: kind === 'pair' ? spec.sampler : null,
        batchSize: spec.batchSize,
        evaluation: spec.evaluation,
        batches,
        seed,
        ...recordsHashed(spec, names, fingerprints),
        ...capsHashed(spec, [...new Set([...tasks, ...vocabularyTasks])]),
        ...(kind === 'pair' && spec.budget.pairPatience > 0 ? { patience: spec.budget.pairPatience } : {}),
      };
      const id = `${kind}--${tasks.join('+')}--s${seed}`;
      return { id, kind, tasks, seed, batches, specHash: sha256(stableStringify(hashed)).slice(0, 16) };
    }),
  );
}

function fingerprintOf(fingerprints: ReadonlyMap<string, string>, task: string): string {
  const fingerprint = fingerprints.get(task);
  if (fingerprint === undefined) throw new Error(`no fingerprint for task ${task}`);
  return fingerprint;
}

/** Training-set caps of the tasks a run reads (its own and its vocabulary's), hashed only when there are any. */
function capsHashed(spec: StudySpec, tasks: readonly string[]): { trainSentences?: Record<string, number> } {
  const caps = Object.fromEntries(tasks.filter((t) => spec.trainSentences[t] !== undefined).map((t) => [t, spec.trainSentences[t]]));
  return Object.keys(caps).length === 0 ? {} : { trainSentences: caps };
}

/**
 * The optional records, hashed only when one is on (so studies without them keep their hashes). Transfer
 * records score every study task with the same labels, so they depend on all the study's tasks.
 */
function recordsHashed(spec: StudySpec, names: string[], fingerprints: ReadonlyMap<string, string>): { records?: unknown } {
  const { transfer, inputImportance } = spec.records;
  if (!transfer && !inputImportance) return {};
  return { records: { inputImportance, transfer: transfer ? names.map((t) => fingerprintOf(fingerprints, t)) : false } };
}
