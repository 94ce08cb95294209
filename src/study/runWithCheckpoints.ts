import { type CheckpointHook, StateMismatchError } from '../engine/trainingState.js';
import type { CheckpointEvent } from './checkpointEvent.js';
import { type CheckpointSettings, RunCheckpoint, type RunIdentity } from './runCheckpoint.js';

/** How a run saves and continues: where and how often (absent: never), whom to tell, and when to save at once. */
export interface CheckpointOptions {
  checkpoints?: CheckpointSettings;
  onCheckpoint?: (event: CheckpointEvent) => void;
  /** True once the process is asked to stop: the run then saves its checkpoint after the step in progress. */
  saveNow?: () => boolean;
}

/**
 * Runs `run` from the run's checkpoint when there is one that fits (else from step 0), handing it the hook that
 * saves new ones; `earlier` is the seconds the run had taken before this session (`elapsed` counts this one's).
 * A checkpoint the engine finds does not fit (a StateMismatchError before any step) is set aside and the run
 * restarts. The checkpoint stays when the run ends: its caller removes it once the result is safe.
 */
export async function runWithCheckpoints<State extends { step: number }, Result>(
  identity: RunIdentity,
  options: CheckpointOptions,
  elapsed: () => number,
  run: (resume: State | undefined, hook: CheckpointHook<State> | undefined) => Promise<Result>,
): Promise<{ result: Result; earlier: number }> {
  if (options.checkpoints === undefined) return { result: await run(undefined, undefined), earlier: 0 };
  const checkpoint = new RunCheckpoint<State>(options.checkpoints, identity, options.onCheckpoint ?? (() => undefined));
  const fromStart = async (): Promise<{ result: Result; earlier: number }> => ({
    result: await run(undefined, checkpoint.hook(elapsed, options.saveNow)),
    earlier: 0,
  });
  const saved = checkpoint.load();
  if (saved === undefined) return fromStart();
  try {
    return {
      result: await run(
        saved.state,
        checkpoint.hook(() => saved.seconds + elapsed(), options.saveNow),
      ),
      earlier: saved.seconds,
    };
  } catch (error) {
    if (!(error instanceof StateMismatchError)) throw error;
    checkpoint.setAside(error.message);
    return fromStart();
  }
}
