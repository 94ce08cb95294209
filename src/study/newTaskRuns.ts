import { join } from 'node:path';
import { TaskrelError } from '../errors.js';
import { type LoadTaskOptions, loadTask } from '../tasks/loadTask.js';
import type { Task } from '../tasks/task.js';
import type { TaskSpec } from '../tasks/taskSpec.js';
import { modelDefinition } from '../engine/models/modelTypes.js';
import { type RunPlan, planRuns } from './runPlan.js';
import type { RunExecutor } from './runExecutor.js';
import { type StudyListener, type StudyOutcome, runStudy } from './runStudy.js';
import type { StudySpec } from './spec.js';
import { readRuns } from './studyFolder.js';
import { isExternal, taskRefName } from './taskRef.js';

/**
 * Where recommendations for new tasks keep their runs when the knowledge study is a user's folder:
 * `<study>/recommend/`, a folder of runs (runs/, study.json of the last call) shared by every main task. Not
 * the study's runs/: a re-run of the study would set them aside as not in its plan, and its analysis would count them.
 */
export function newTaskFolder(studyDir: string): string {
  return join(studyDir, 'recommend');
}

/** New tasks set against a finished study: a main task and the auxiliary tasks it could be trained with. */
export interface NewTaskStudy {
  /**
   * The study's settings for these tasks, `output` set to the runs' folder. With the study's own tasks as
   * candidates: the study with the main task added (caps included), so a study that later includes it finds the
   * same runs. With candidates given: the main task and the candidates, each at its own size.
   */
  spec: StudySpec;
  main: Task;
  /** Candidates given by the user, loaded; empty when the candidates are the study's tasks. */
  given: Task[];
  /** Single-task runs to train here, by task (the main task and given candidates), one plan per seed. */
  singles: Map<string, RunPlan[]>;
  /** Pair runs of the main task, by auxiliary task, one plan per seed. */
  pairs: Map<string, RunPlan[]>;
  /** Study tasks the main task cannot be trained with here, and why. */
  untrainable: Map<string, string>;
}

/**
 * Loads the main task and every given candidate (data errors are the data layer's, naming file and line),
 * checks names and the study's model against them, and plans their runs with the study's settings. Nothing is
 * trained: a bad candidate fails here, before any run starts. `candidates` null: the study's own tasks.
 */
export async function prepareNewTasks(
  study: StudySpec,
  output: string,
  mainRef: string | TaskSpec,
  candidates: readonly (string | TaskSpec)[] | null,
  options: LoadTaskOptions = {},
): Promise<NewTaskStudy> {
  const name = taskRefName(mainRef);
  if (study.tasks.every(isExternal)) {
    throw new TaskrelError(
      `study '${study.name}' was imported: its runs were trained elsewhere, so a run of '${name}' here would not be comparable; ` +
        'train it alone there with the same settings and import it with the study',
    );
  }
  if (candidates === null && study.tasks.some((t) => taskRefName(t) === name)) {
    throw new TaskrelError(
      `task '${name}' is already part of study '${study.name}'; its measured gains are in its gains.csv (or give the candidates with --aux)`,
    );
  }
  const names = (candidates ?? []).map(taskRefName);
  const clash = names.find((n, i) => n === name || names.indexOf(n) !== i);
  if (clash !== undefined)
    throw new TaskrelError(`task name '${clash}' is given twice; every task needs its own name (a JSON task spec can rename one)`);
  const load = async (ref: string | TaskSpec): Promise<Task> => {
    const task = await loadTask(ref, options);
    const expected = modelDefinition(study.model).kind;
    if (task.kind !== expected) {
      throw new TaskrelError(
        `task '${task.name}' is a ${task.kind} task, but study '${study.name}' trains a ${study.model.type} model, which takes ${expected} tasks`,
      );
    }
    return task;
  };
  const main = await load(mainRef);
  const given: Task[] = [];
  for (const ref of candidates ?? []) given.push(await load(ref));
  const fingerprints = new Map([main, ...given].map((t) => [t.name, t.fingerprint]));
  const untrainable = candidates === null ? await studyFingerprints(study, fingerprints, options) : new Map<string, string>();
  const spec: StudySpec =
    candidates === null
      ? { ...study, tasks: [...study.tasks, mainRef], output }
      : { ...study, tasks: [mainRef, ...candidates], trainSentences: {}, records: { transfer: false, inputImportance: false }, output };
  const plans = planRuns(spec, fingerprints);
  const byTask = (kind: RunPlan['kind'], key: (plan: RunPlan) => string | undefined): Map<string, RunPlan[]> => {
    const map = new Map<string, RunPlan[]>();
    for (const plan of plans.filter((p) => p.kind === kind)) {
      const task = key(plan);
      if (task !== undefined && !untrainable.has(task)) map.set(task, [...(map.get(task) ?? []), plan]);
    }
    return map;
  };
  const trainedHere = new Set([name, ...names]);
  const singles = byTask('single', (plan) => (trainedHere.has(plan.tasks[0] as string) ? plan.tasks[0] : undefined));
  const pairs = byTask('pair', (plan) => (plan.tasks.includes(name) ? plan.tasks.find((t) => t !== name) : undefined));
  return { spec, main, given, singles, pairs, untrainable };
}

/** Adds the fingerprints of the study's tasks; returns those that cannot be loaded here, and why. */
async function studyFingerprints(
  study: StudySpec,
  fingerprints: Map<string, string>,
  options: LoadTaskOptions,
): Promise<Map<string, string>> {
  const untrainable = new Map<string, string>();
  for (const studyRef of study.tasks) {
    const aux = taskRefName(studyRef);
    if (isExternal(studyRef)) untrainable.set(aux, 'imported: trained elsewhere, its data is not here');
    else {
      try {
        fingerprints.set(aux, (await loadTask(studyRef, options)).fingerprint);
      } catch (error) {
        if (!(error instanceof TaskrelError)) throw error;
        untrainable.set(aux, `its data cannot be loaded: ${error.message}`);
      }
    }
    // Only runs with a trainable task are kept; this stands in for plans that are discarded.
    if (untrainable.has(aux)) fingerprints.set(aux, `untrainable:${aux}`);
  }
  if (study.vocabulary.scope === 'study' && untrainable.size > 0) {
    const [aux, reason] = [...untrainable][0] as [string, string];
    throw new TaskrelError(
      `study '${study.name}' builds its vocabulary from all its tasks, so new tasks cannot be trained here: ${aux}: ${reason}`,
    );
  }
  return untrainable;
}

/**
 * Trains the wanted runs into the folder, reusing every stored run whose settings match and leaving the
 * folder's other runs (other main tasks, other candidates) alone. Returns the outcome and how many were trained.
 */
export async function trainNewTaskRuns(
  prepared: NewTaskStudy,
  wanted: readonly RunPlan[],
  executor: RunExecutor,
  listener: StudyListener,
  backend?: string,
): Promise<{ outcome: StudyOutcome; trained: number }> {
  const stored = new Map(readRuns(prepared.spec.output).map((run) => [run.id, run.specHash]));
  const trained = wanted.filter((plan) => stored.get(plan.id) !== plan.specHash).length;
  const outcome = await runStudy(prepared.spec, [...wanted], executor, listener, backend, { keepUnplanned: true });
  return { outcome, trained };
}
