import { modelDefinition } from '../engine/models/modelTypes.js';
import { specError } from '../errors.js';
import { identicalSplits } from '../tasks/identicalSplits.js';
import type { Task } from '../tasks/task.js';
import { type RunPlan, planRuns } from './runPlan.js';
import type { StudySpec } from './spec.js';
import { isExternal, loadTaskRef, taskRefName } from './taskRef.js';

export interface PreparedStudy {
  spec: StudySpec;
  tasks: Task[];
  plans: RunPlan[];
}

/**
 * Loads (and on first use prepares) every task of a study, checks that the model fits them, and plans the
 * runs; done in the coordinator so that workers find every task already in the cache. A file-declared task
 * whose splits hold the same examples is a warning (`onWarning`), not an error: a smoke test may want it.
 */
export async function prepareStudy(
  spec: StudySpec,
  onPrepare?: (task: string) => void,
  onWarning?: (message: string) => void,
): Promise<PreparedStudy> {
  const tasks: Task[] = [];
  for (const [i, ref] of spec.tasks.entries()) {
    const task = await loadTaskRef(ref, { onPrepare });
    if (task === undefined)
      throw specError(
        `study '${spec.name}' tasks[${i}]`,
        `a task with data to train on; '${taskRefName(ref)}' was imported from elsewhere`,
      );
    const expected = modelDefinition(spec.model).kind;
    if (task.kind !== expected) {
      throw specError(
        `study '${spec.name}' tasks[${i}]`,
        `a ${expected} task for model.type '${spec.model.type}'; '${task.name}' is ${task.kind}`,
      );
    }
    const same = typeof ref === 'string' || isExternal(ref) ? undefined : identicalSplits(task, ref.files);
    if (same !== undefined) onWarning?.(same);
    tasks.push(task);
  }
  const fingerprints = new Map(tasks.map((t) => [t.name, t.fingerprint]));
  return { spec, tasks, plans: planRuns(spec, fingerprints) };
}
