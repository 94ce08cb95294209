import { join } from 'node:path';
import { TaskrelError } from '../errors.js';
import { type LoadTaskOptions, loadTask } from '../tasks/loadTask.js';
import type { Task } from '../tasks/task.js';
import type { TaskSpec } from '../tasks/taskSpec.js';
import { type RunPlan, planRuns } from './runPlan.js';
import { kindOfModel } from './prepareStudy.js';
import { type RunExecutor, type StudyListener, type StudyOutcome, runStudy } from './runStudy.js';
import type { StudySpec } from './spec.js';
import { readRuns } from './studyFolder.js';
import { isExternal, taskRefName } from './taskRef.js';


/**
 * Where the runs of a task that is not part of a study are kept: `<study>/recommend/<task>/`, itself a small
 * study folder (study.json, runs/, gains.csv). Not the study's runs/: a re-run of the study would set them
 * aside as not in its plan, and the study's analysis would count them.
 */
export function newTaskFolder(studyDir: string, task: string): string {
  return join(studyDir, 'recommend', task);
}

/** A new task set against a finished study. */
export interface NewTaskStudy {
  /**
   * The study's settings with the new task added and `output` set to its folder: every run is planned (and
   * hashed) as if the task had been part of the study, so a study that later includes it finds the same runs.
   */
  spec: StudySpec;
  task: Task;
  /** Its single-task runs, one per seed of the study. */
  singles: RunPlan[];
  /** Its pair runs by auxiliary task (one plan per seed), for every study task it can be trained with here. */
  pairs: Map<string, RunPlan[]>;
  /** Study tasks it cannot be trained with here, and why. */
  untrainable: Map<string, string>;
}

/**
 * Loads a new task (data errors are the data layer's, naming file and line), checks that the study's model fits
 * it and that the study does not have it already, and plans its runs with the study's settings.
 */
export async function prepareNewTask(studyDir: string, study: StudySpec, ref: string | TaskSpec, options: LoadTaskOptions = {}): Promise<NewTaskStudy> {
  const name = taskRefName(ref);
  if (study.tasks.some((t) => taskRefName(t) === name)) {
    throw new TaskrelError(`task '${name}' is already part of study '${study.name}'; its measured gains are in ${join(studyDir, 'gains.csv')}`);
  }
  if (study.tasks.every(isExternal)) {
    throw new TaskrelError(
      `study '${study.name}' was imported: its runs were trained elsewhere, so a run of '${name}' here would not be comparable; ` +
        'train it alone there with the same settings and import it with the study',
    );
  }
  const task = await loadTask(ref, options);
  const expected = kindOfModel[study.model.type];
  if (task.kind !== expected) {
    throw new TaskrelError(`task '${name}' is a ${task.kind} task, but study '${study.name}' trains a ${study.model.type} model, which takes ${expected} tasks`);
  }
  const fingerprints = new Map([[name, task.fingerprint]]);
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
    // Only runs with a trainable task are kept below; this stands in for plans that are discarded.
    if (untrainable.has(aux)) fingerprints.set(aux, `untrainable:${aux}`);
  }
  if (study.vocabulary.scope === 'study' && untrainable.size > 0) {
    const [aux, reason] = [...untrainable][0];
    throw new TaskrelError(`study '${study.name}' builds its vocabulary from all its tasks, so '${name}' cannot be trained here: ${aux}: ${reason}`);
  }
  const spec: StudySpec = { ...study, tasks: [...study.tasks, ref], output: newTaskFolder(studyDir, name) };
  const plans = planRuns(spec, fingerprints).filter((plan) => plan.tasks.includes(name));
  const pairs = new Map<string, RunPlan[]>();
  for (const plan of plans) {
    const aux = plan.tasks.find((t) => t !== name);
    if (aux !== undefined && !untrainable.has(aux)) pairs.set(aux, [...(pairs.get(aux) ?? []), plan]);
  }
  return { spec, task, singles: plans.filter((plan) => plan.kind === 'single'), pairs, untrainable };
}

/**
 * Trains the given runs of the new task into its folder, keeping every stored run that still matches its plan
 * (earlier single and verification runs are reused, never set aside), and writes the folder's gains.csv.
 */
export async function trainNewTaskRuns(
  prepared: NewTaskStudy,
  wanted: readonly RunPlan[],
  executor: RunExecutor,
  listener: StudyListener,
  backend?: string,
): Promise<StudyOutcome> {
  const stored = new Map(readRuns(prepared.spec.output).map((run) => [run.id, run.specHash]));
  const all = [...prepared.singles, ...[...prepared.pairs.values()].flat()];
  const kept = all.filter((plan) => stored.get(plan.id) === plan.specHash);
  const ids = new Set([...kept, ...wanted].map((plan) => plan.id));
  const plans = all.filter((plan) => ids.has(plan.id));
  return runStudy(prepared.spec, plans, executor, listener, backend);
}
