import { parseArgs } from 'node:util';
import { TaskrelError } from '../errors.js';
import { type CurveFeatureMode, CurveFeatureModes } from '../features/taskFeatures.js';

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

/** `--curve-features taskrel|paper`, or undefined when absent (the study spec's setting then holds). */
export function curveFeaturesFlag(command: string, value: string | undefined): CurveFeatureMode | undefined {
  if (value === undefined) return undefined;
  if (!(CurveFeatureModes as readonly string[]).includes(value)) {
    throw new TaskrelError(`taskrel ${command}: --curve-features ${value}: expected ${CurveFeatureModes.join(' or ')}`);
  }
  return value as CurveFeatureMode;
}
