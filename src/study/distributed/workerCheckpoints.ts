import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDirectory } from '../../data/cacheDirectory.js';
import type { CheckpointSettings } from '../runCheckpoint.js';
import { checkpointFolder, studyPath } from '../studyFolder.js';
import type { RunJobData } from './jobData.js';
import { studyKey } from './runQueue.js';

/** How `taskrel worker --checkpoint-every` reaches the processes that train its runs (absent or 0: none). */
export const CHECKPOINT_EVERY_ENV = 'TASKREL_CHECKPOINT_EVERY';

/** A worker's own checkpoints older than this belong to runs that other workers have finished since. */
const OWN_CHECKPOINT_DAYS = 7;

/** This machine's own checkpoints of distributed runs, one folder per study. */
export function ownCheckpointRoot(): string {
  return join(cacheDirectory(), 'checkpoints');
}

/**
 * Where a worker keeps a run's checkpoints. In the study folder when that folder is visible here at the
 * coordinator's path (this machine coordinates the study, or the folder is on a shared disk): any worker that
 * sees it continues the run. Otherwise in this machine's own folder, where only a worker restarted here finds
 * it; a run taken over by another machine restarts there.
 */
export function workerCheckpoints(data: RunJobData, env: NodeJS.ProcessEnv = process.env): CheckpointSettings | undefined {
  const everySeconds = Number(env[CHECKPOINT_EVERY_ENV] ?? 0);
  if (!(everySeconds > 0)) return undefined;
  const shared = data.studyFolder !== undefined && existsSync(studyPath(data.studyFolder, 'spec'));
  if (shared) return { folder: checkpointFolder(data.studyFolder as string), everySeconds };
  const study = studyKey({ ...data.spec, output: data.studyFolder ?? data.spec.output });
  return { folder: join(ownCheckpointRoot(), study), everySeconds };
}

/** Removes this machine's own checkpoints not written for a week; returns how many. */
export function pruneOwnCheckpoints(now = Date.now()): number {
  const root = ownCheckpointRoot();
  if (!existsSync(root)) return 0;
  let removed = 0;
  for (const study of readdirSync(root)) {
    const folder = join(root, study);
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.ckpt'))) {
      const path = join(folder, file);
      if (now - statSync(path).mtimeMs < OWN_CHECKPOINT_DAYS * 86_400_000) continue;
      rmSync(path, { force: true });
      removed++;
    }
  }
  return removed;
}
