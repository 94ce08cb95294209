/**
 * Every failure a user can act on is a TaskrelError: one line naming where (file and line, or spec field)
 * and what was expected. The CLI prints `message` alone, without a stack.
 */
export class TaskrelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaskrelError';
  }
}

/** A malformed input file: `file:line: what was found; expected what`. */
export function inputError(file: string, line: number | undefined, problem: string): TaskrelError {
  return new TaskrelError(line === undefined ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
}

/** A bad value in a spec (study spec, task spec, CLI flag): `where.field: problem`. */
export function specError(field: string, problem: string): TaskrelError {
  return new TaskrelError(`${field}: ${problem}`);
}
