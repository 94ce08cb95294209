import { parseArgs } from 'node:util';
import { TaskrelError } from '../errors.js';

type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
type FlagValues<F extends FlagSpec> = { [K in keyof F]?: F[K]['type'] extends 'string' ? string : boolean };

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

/** A positive integer flag value, or the fallback when the flag is absent. */
export function integerFlag(command: string, flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new TaskrelError(`taskrel ${command}: --${flag} ${value}: expected a positive integer`);
  return n;
}
