import { TaskrelError } from '../../errors.js';
import { taskrelVersion } from '../../packageInfo.js';
import { loadTaskRef, taskRefName } from '../taskRef.js';
import type { RunJobData } from './jobData.js';

/** Tasks whose data this process has already found identical to a coordinator's, by task spec and fingerprint. */
const verified = new Set<string>();

/*
 * A worker refuses (throws a TaskrelError saying what to fix) a run it would train differently from the
 * coordinator's plan, rather than return numbers that do not belong in the study.
 */

/** Refuses a run planned with another taskrel version. */
export function checkVersion({ taskrel, study }: { taskrel: string; study: string }): void {
  if (taskrel !== taskrelVersion) {
    throw new TaskrelError(
      `this worker has taskrel ${taskrelVersion}, study '${study}' was planned with taskrel ${taskrel}; install the same version on every machine`,
    );
  }
}

/** Refuses a run whose task data are missing on this machine or differ from the coordinator's. */
export async function checkData(data: RunJobData): Promise<void> {
  const study = data.spec.name;
  for (const [name, expected] of Object.entries(data.fingerprints)) {
    const ref = data.spec.tasks.find((t) => taskRefName(t) === name);
    if (ref === undefined) throw new TaskrelError(`study '${study}' has no task '${name}'`);
    const key = `${JSON.stringify(ref)} ${expected}`;
    if (verified.has(key)) continue;
    const task = await loadTaskRef(ref).catch((error: unknown) => {
      throw new TaskrelError(
        `task '${name}' of study '${study}': its data are not available on this machine (${(error as Error).message})`,
      );
    });
    if (task === undefined) throw new TaskrelError(`task '${name}' of study '${study}' was imported; its data are not here to train on`);
    if (task.fingerprint !== expected) {
      throw new TaskrelError(
        `task '${name}' of study '${study}': the data on this machine differ from the coordinator's ` +
          `(fingerprint ${task.fingerprint.slice(0, 12)}, expected ${expected.slice(0, 12)}); use the same files and cache on every machine`,
      );
    }
    verified.add(key);
  }
}
