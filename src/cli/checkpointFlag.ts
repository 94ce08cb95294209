import { TaskrelError } from '../errors.js';

/** Width of the commands' help text. */
const HELP_WIDTH = 116;

/** Seconds between two checkpoints of a run in flight unless --checkpoint-every says otherwise. */
export const DEFAULT_CHECKPOINT_SECONDS = 300;

/** The option's entry in a command's help, its description indented to `column` like the other options'. */
export function checkpointHelp(column: number): string {
  const text = `save each run in flight every S seconds of wall time, so that it continues from there after a kill, crash or reboot (default ${DEFAULT_CHECKPOINT_SECONDS}; 0: never); changes no result`;
  const lines = ['  --checkpoint-every S'];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && column + line.length + 1 + word.length > HELP_WIDTH) {
      lines.push(`${' '.repeat(column)}${line}`);
      line = '';
    }
    line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(`${' '.repeat(column)}${line}`);
  return lines.join('\n');
}

/** The value of --checkpoint-every: seconds ≥ 0 (fractions allowed), 0 meaning no checkpoints. */
export function checkpointEveryFlag(command: string, value: string | undefined): number {
  if (value === undefined) return DEFAULT_CHECKPOINT_SECONDS;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
    throw new TaskrelError(`taskrel ${command}: --checkpoint-every ${value}: expected a number of seconds ≥ 0 (0: no checkpoints)`);
  }
  return seconds;
}
