import { isAbsolute, resolve } from 'node:path';

/**
 * A study folder as the terminal shows it: its absolute path, and for a relative one where it came from — a spec's
 * relative `output` resolves against the working directory, so the same command run from elsewhere uses
 * (and trains) another folder.
 */
export function shownFolder(output: string): string {
  const absolute = resolve(output);
  return isAbsolute(output) ? absolute : `${absolute} ('${output}' in the working directory)`;
}
