/** What happened to a run's checkpoint, for the terminal (`saved`: only a save asked for by `saveNow`). */
export type CheckpointEvent =
  | { kind: 'resumed'; step: number; batches: number; savedAt: string }
  | { kind: 'saved'; step: number; batches: number }
  | { kind: 'set-aside'; reason: string; movedTo: string }
  | { kind: 'not-saved'; reason: string };

/** One line for a checkpoint event of run `run`, as the terminal and worker logs show it. */
export function describeCheckpointEvent(run: string, event: CheckpointEvent): string {
  switch (event.kind) {
    case 'resumed':
      return `resumed ${run} at step ${event.step.toLocaleString('en-US')} of ${event.batches.toLocaleString('en-US')} (checkpoint of ${event.savedAt})`;
    case 'saved':
      return `saved ${run} at step ${event.step.toLocaleString('en-US')} of ${event.batches.toLocaleString('en-US')}: it continues from there next time`;
    case 'set-aside':
      return `note: ${run} restarts from step 0: its checkpoint was set aside (${event.reason}); moved to ${event.movedTo}`;
    case 'not-saved':
      return `warning: ${run}: its checkpoint could not be written (${event.reason}); training goes on`;
  }
}
