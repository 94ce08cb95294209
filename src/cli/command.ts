/** A CLI command: one file per command under src/cli/, registered in commands.ts. */
export interface Command {
  name: string;
  /** One line for `taskrel --help`. */
  summary: string;
  /** Full `taskrel NAME --help` text: usage line, flags, an example. */
  help: string;
  /** Runs the command; throws TaskrelError for anything the user can fix. Resolves to the exit code. */
  run(argv: string[]): Promise<number>;
}
