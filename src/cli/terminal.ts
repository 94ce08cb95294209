import { type BackendName, BackendNames } from '../engine/backend.js';
import { TaskrelError } from '../errors.js';

/** What every command prints before it prepares a task from its corpus, on the task's first use. */
export function announcePreparing(task: string): void {
  process.stderr.write(`preparing ${task} (first use)…\n`);
}

/** `--backend NAME`, one of the tfjs backends taskrel knows; undefined picks the fastest that loads. */
export function backendFlag(command: string, value: string | undefined): BackendName | undefined {
  if (value === undefined) return undefined;
  if (!(BackendNames as readonly string[]).includes(value))
    throw new TaskrelError(`taskrel ${command}: --backend ${value}: expected one of ${BackendNames.join(', ')}`);
  return value as BackendName;
}

/** Runs `work` with Ctrl-C and SIGTERM calling `onSignal` (once each); the handlers go when `work` settles. */
export async function interruptible<T>(onSignal: () => void, work: () => Promise<T>): Promise<T> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, onSignal);
  try {
    return await work();
  } finally {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, onSignal);
  }
}
