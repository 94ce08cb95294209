import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CheckpointHook } from '../engine/trainingState.js';
import { TaskrelError } from '../errors.js';
import { taskrelVersion } from '../packageInfo.js';
import { type CheckpointHeader, type CheckpointIdentity, openCheckpoint, writeCheckpoint } from './checkpointFile.js';
import type { CheckpointEvent } from './checkpointEvent.js';

/** Where runs in flight keep their checkpoints, and how often they write them. */
export interface CheckpointSettings {
  /** `<study>/checkpoints`, or a worker's own folder. */
  folder: string;
  /** Wall-clock seconds between two checkpoints of a run (> 0; no settings at all means no checkpoints). */
  everySeconds: number;
}

/** A run's identity as its checkpoints record it; the taskrel version and platform are this process's. */
export type RunIdentity = Pick<CheckpointIdentity, 'run' | 'specHash' | 'versions' | 'batches'>;

/** Set-aside checkpoints go here, each with a `.txt` note saying why. */
const SET_ASIDE = 'set-aside';

export function checkpointFile(folder: string, run: string): string {
  return join(folder, `${run}.ckpt`);
}

/**
 * The checkpoint file of one run (`<folder>/<run>.ckpt`): loads it when it belongs to the run, sets it aside
 * (with a note) when it does not or is damaged, so that the run restarts, and writes it at a fixed interval of
 * wall time through the engine's checkpoint hook. Writing never fails a run: a failed write is reported once.
 */
export class RunCheckpoint<State extends { step: number }> {
  readonly file: string;
  private readonly identity: Omit<CheckpointIdentity, 'step' | 'savedAt' | 'seconds'>;
  private warned = false;

  constructor(
    private readonly settings: CheckpointSettings,
    identity: RunIdentity,
    private readonly notify: (event: CheckpointEvent) => void,
  ) {
    this.file = checkpointFile(settings.folder, identity.run);
    this.identity = { ...identity, taskrel: taskrelVersion, platform: `${process.platform}-${process.arch}` };
  }

  /** The state saved for this run and the seconds the run had taken, or undefined (none, or set aside). */
  load(): { state: State; seconds: number } | undefined {
    if (!existsSync(this.file)) return undefined;
    try {
      const opened = openCheckpoint(this.file);
      const { header } = opened;
      const mismatch = this.mismatch(header);
      if (mismatch !== null) return this.setAside(mismatch);
      const state = opened.state() as State;
      this.notify({ kind: 'resumed', step: header.step, batches: header.batches, savedAt: header.savedAt });
      return { state, seconds: header.seconds };
    } catch (error) {
      if (!(error instanceof TaskrelError)) throw error;
      return this.setAside(`damaged: ${error.message}`);
    }
  }

  /**
   * Saves the state offered after a step whenever `everySeconds` have passed since the last save (or the start),
   * and at once when `saveNow` says so (the process is asked to stop), which is then notified as `saved`.
   */
  hook(secondsSoFar: () => number, saveNow: () => boolean = () => false): CheckpointHook<State> {
    let last = performance.now();
    let savedToStop = false;
    const stopping = (): boolean => !savedToStop && saveNow();
    return {
      due: () => stopping() || performance.now() - last >= this.settings.everySeconds * 1000,
      save: (state) => {
        try {
          const toStop = stopping();
          writeCheckpoint(
            this.file,
            { ...this.identity, step: state.step, savedAt: new Date().toISOString(), seconds: secondsSoFar() },
            state,
          );
          savedToStop ||= toStop;
          if (toStop) this.notify({ kind: 'saved', step: state.step, batches: this.identity.batches });
        } catch (error) {
          if (!this.warned) this.notify({ kind: 'not-saved', reason: `${this.file}: ${(error as Error).message}` });
          this.warned = true;
        }
        last = performance.now();
      },
    };
  }

  /** Moves the file to `set-aside/` with a note saying `reason`; the run then starts from step 0. */
  setAside(reason: string): undefined {
    const folder = join(this.settings.folder, SET_ASIDE);
    const movedTo = join(folder, basename(this.file));
    mkdirSync(folder, { recursive: true });
    renameSync(this.file, movedTo);
    writeFileSync(`${movedTo}.txt`, `${new Date().toISOString()}: set aside, the run restarted from step 0: ${reason}\n`);
    this.notify({ kind: 'set-aside', reason, movedTo });
    return undefined;
  }

  /** Why the checkpoint cannot continue this run, or null when it can. */
  private mismatch(header: CheckpointHeader): string | null {
    const here = this.identity;
    if (header.run !== here.run) return `it belongs to run ${header.run}`;
    if (header.taskrel !== here.taskrel) return `taskrel ${header.taskrel} wrote it, this is taskrel ${here.taskrel}`;
    if (header.specHash !== here.specHash)
      return `it was saved under other settings (spec hash ${header.specHash}, the run's is now ${here.specHash})`;
    if (header.platform !== here.platform) return `it was saved on ${header.platform}, this is ${here.platform}`;
    const keys = [...new Set([...Object.keys(header.versions), ...Object.keys(here.versions)])].sort();
    const differ = keys.filter((key) => header.versions[key] !== here.versions[key]);
    if (differ.length > 0) {
      const shown = differ.map((key) => `${key} ${header.versions[key] ?? 'none'} there, ${here.versions[key] ?? 'none'} here`);
      return `it was trained with other versions, which change the numbers (${shown.join('; ')})`;
    }
    if (header.step >= here.batches) return `it is at step ${header.step} of a run of ${here.batches} batches`;
    return null;
  }
}
