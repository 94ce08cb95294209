import { computeGains, type UnscoredPair } from './gains.js';
import type { RunEvents, RunExecutor } from './runExecutor.js';
import type { RunPlan } from './runPlan.js';
import type { RunResult } from './runResult.js';
import type { StudySpec } from './spec.js';
import { readRuns, removeCheckpoint, setAsideRuns, setAsideUnreadableRuns, writeGains, writeRun, writeStudySpec } from './studyFolder.js';

export interface StudyListener extends RunEvents {
  /** Called once before training with what is left to do. */
  planned(pending: RunPlan[], finished: RunPlan[], stale: RunPlan[]): void;
  /** Something the user should know before training, e.g. an unreadable run file set aside. */
  note(message: string): void;
}

export interface StudyOutcome {
  runs: RunResult[];
  failed: { runId: string; message: string }[];
  unscored: UnscoredPair[];
  /** Runs of an earlier plan (removed tasks, changed settings) moved to runs/superseded/. */
  setAside: string[];
  /** Training was stopped (Ctrl-C): the finished runs are stored, but no gains were written. */
  interrupted: boolean;
}

export interface RunStudyOptions {
  /**
   * Leave runs that are not in `plans` where they are instead of setting them aside: for a folder that keeps
   * runs of several plans, as the recommendations' store does.
   */
  keepUnplanned?: boolean;
}

/**
 * Brings a study folder up to date with its plan: runs whose stored spec hash matches are kept, missing and
 * stale ones are trained, each finished run is persisted atomically the moment it arrives (so an interruption
 * loses only runs in flight, and of those only what they trained since their last checkpoint), then the gains of
 * every directed pair are written (not after an interruption, whose gains would cover only part of the study). A
 * run's checkpoint is removed once the run is saved. A run file that cannot be read (cut short, say) is moved to
 * runs/unreadable/ with a note, and its run is trained again.
 */
export async function runStudy(
  spec: StudySpec,
  plans: RunPlan[],
  executor: RunExecutor,
  listener: StudyListener,
  backend?: string,
  options: RunStudyOptions = {},
): Promise<StudyOutcome> {
  const dir = spec.output;
  writeStudySpec(dir, spec);
  for (const { reason, movedTo } of setAsideUnreadableRuns(dir)) {
    listener.note(`${reason}; moved to ${movedTo}, and its run is trained again`);
  }
  const stored = new Map(readRuns(dir).map((run) => [run.id, run]));
  const finished = plans.filter((p) => stored.get(p.id)?.specHash === p.specHash);
  const stale = plans.filter((p) => stored.has(p.id) && stored.get(p.id)?.specHash !== p.specHash);
  const pending = plans.filter((p) => !finished.includes(p));
  // Left behind when a session ended between saving a run and removing its checkpoint.
  for (const plan of finished) removeCheckpoint(dir, plan.id);
  listener.planned(pending, finished, stale);

  const failed: StudyOutcome['failed'] = [];
  const byId = new Map(plans.map((p) => [p.id, p]));
  const end = await executor.run(
    pending.map((plan) => ({ spec, plan, backend })),
    {
      start: (worker, plan) => listener.start(worker, plan),
      progress: (worker, plan, progress) => listener.progress(worker, plan, progress),
      checkpoint: (worker, plan, event) => listener.checkpoint(worker, plan, event),
      done: (worker, result) => {
        const plan = byId.get(result.id);
        if (plan === undefined || plan.specHash !== result.specHash) {
          const expected = plan === undefined ? 'no such run in the plan' : `expected spec hash ${plan.specHash}`;
          failed.push({ runId: result.id, message: `a worker returned spec hash ${result.specHash}: ${expected}` });
          return;
        }
        writeRun(dir, result);
        removeCheckpoint(dir, result.id);
        listener.done(worker, result);
      },
      failed: (worker, plan, message) => {
        failed.push({ runId: plan.id, message });
        listener.failed(worker, plan, message);
      },
    },
  );

  const current = new Map(plans.map((p) => [p.id, p.specHash]));
  const setAside = options.keepUnplanned ? [] : setAsideRuns(dir, current);
  const runs = readRuns(dir);
  if (end === 'stopped') return { runs, failed, unscored: [], setAside, interrupted: true };
  const taskNames = [...new Set(plans.flatMap((p) => p.tasks))];
  const gains = computeGains(runs, taskNames);
  writeGains(dir, gains.rows);
  return { runs, failed, unscored: gains.unscored, setAside, interrupted: false };
}
