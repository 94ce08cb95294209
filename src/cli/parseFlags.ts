import { parseArgs } from 'node:util';
import { TaskrelError } from '../errors.js';

type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
type FlagValue<S extends FlagSpec[string]> = S['type'] extends 'string' ? (S['multiple'] extends true ? string[] : string) : boolean;
type FlagValues<F extends FlagSpec> = { [K in keyof F]?: FlagValue<F[K]> };

/**
 * Parses `argv` of command `command` into positionals and flags; an unknown flag or a missing value is a
 * one-line error naming the command, so `taskrel X --bad` never prints a Node stack.
 */
export function parseFlags<F extends FlagSpec>(command: string, argv: string[], flags: F): { positionals: string[]; values: FlagValues<F> } {
  try {
    const { positionals, values } = parseArgs({ args: argv, options: flags, allowPositionals: true, strict: true });
    return { positionals, values: values as FlagValues<F> };
  } catch (error) {
    throw new TaskrelError(`taskrel ${command}: ${(error as Error).message.split('\n')[0]} (see taskrel ${command} --help)`);
  }
}

/** The one positional argument a command takes, e.g. a study folder; `example` shows a correct call. */
export function onePositional(command: string, positionals: string[], what: string, example: string): string {
  const [value, ...rest] = positionals;
  if (value === undefined) throw new TaskrelError(`taskrel ${command}: missing ${what}; expected e.g. ${example}`);
  if (rest.length > 0) throw new TaskrelError(`taskrel ${command}: unexpected '${rest[0]}'; expected one ${what}`);
  return value;
}

/** An integer flag value ≥ `min` (default 1), or `fallback` when the flag is absent. */
export function integerFlag<T extends number | undefined>(command: string, flag: string, value: string | undefined, options: { min?: number; fallback: T }): number | T {
  if (value === undefined) return options.fallback;
  const min = options.min ?? 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new TaskrelError(`taskrel ${command}: --${flag} ${value}: expected an integer ≥ ${min}`);
  return n;
}
