import type { TransferTask } from '../engine/trainRequest.js';
import { encodeTask } from '../tasks/encodeTask.js';
import type { EncodedTask, Vocabulary } from '../tasks/encodedTask.js';
import { studyTask } from './runInputs.js';
import type { StudySpec } from './spec.js';
import { isExternal, taskRefName } from './taskRef.js';

/**
 * The test sets a run's heads are scored on besides their own (`records.transfer`): every study task of the same
 * kind with exactly the labels of one of the run's tasks — the run's own tasks included, since a joint model's
 * head for one task never trained on the other's data — encoded with the run's vocabulary. Imported tasks have
 * no data here and are left out.
 */
export async function transferTasks(spec: StudySpec, runTasks: readonly EncodedTask[], vocabulary: Vocabulary): Promise<TransferTask[]> {
  const labelsOf = (task: { kind: string; labels: readonly string[] }): string => JSON.stringify([task.kind, task.labels]);
  const wanted = new Set(runTasks.map(labelsOf));
  const loaded = await Promise.all(spec.tasks.filter((ref) => !isExternal(ref)).map((ref) => studyTask(spec, taskRefName(ref))));
  return loaded
    .filter((task) => wanted.has(labelsOf(task)))
    .map((task) => {
      const { name, kind, labels, outside, test } = encodeTask(task, vocabulary);
      return { name, kind, labels, outside, test };
    });
}
