import { parseArgs } from 'node:util';
import { TaskrelError } from '../errors.js';
import { closest } from '../validate.js';
import { type CurveFeatureMode, CurveFeatureModes } from '../features/taskFeatures.js';

type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
type FlagValue<S extends FlagSpec[string]> = S['type'] extends 'string' ? (S['multiple'] extends true ? string[] : string) : boolean;
type FlagValues<F extends FlagSpec> = { [K in keyof F]?: FlagValue<F[K]> };

/** A value that starts with a dash but is a number (`--workers -1`), which node's parser takes for an option. */
const NEGATIVE_NUMBER = /^-\.?\d/;

/**
 * Parses `argv` of command `command` into positionals and flags. A mistyped flag, a missing value or a value
 * given to a switch is a one-line error naming the command (with the closest flag for a typo), so
 * `taskrel X --bad` never prints node's parser text; a negative number after a flag is taken as its value, for
 * the flag's own check to say what is expected.
 */
export function parseFlags<F extends FlagSpec>(
  command: string,
  argv: string[],
  flags: F,
): { positionals: string[]; values: FlagValues<F> } {
  const args = checkFlags(command, argv, flags);
  try {
    const { positionals, values } = parseArgs({ args, options: flags, allowPositionals: true, strict: true });
    return { positionals, values: values as FlagValues<F> };
  } catch (error) {
    throw new TaskrelError(`taskrel ${command}: ${(error as Error).message.split('\n')[0]} (see taskrel ${command} --help)`);
  }
}

/** Checks every `--name` of `argv` against `flags` and returns the arguments with negative values joined (`--n=-1`). */
function checkFlags(command: string, argv: string[], flags: FlagSpec): string[] {
  const names = Object.keys(flags);
  const help = `see taskrel ${command} --help`;
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (!arg.startsWith('--')) {
      if (arg.length > 1 && arg.startsWith('-') && !NEGATIVE_NUMBER.test(arg)) {
        throw new TaskrelError(`taskrel ${command}: unknown option '${arg}'; options: ${names.map((n) => `--${n}`).join(', ')}; ${help}`);
      }
      args.push(arg);
      continue;
    }
    const [name, inline] = splitFlag(arg.slice(2));
    const flag = flags[name];
    if (flag === undefined) {
      const hint = closest(name, names);
      const known = names.map((n) => `--${n}`).join(', ');
      throw new TaskrelError(
        `taskrel ${command}: unknown option '--${name}'${hint ? ` (did you mean '--${hint}'?)` : ''}; options: ${known}; ${help}`,
      );
    }
    if (flag.type === 'boolean') {
      if (inline !== undefined) throw new TaskrelError(`taskrel ${command}: --${name} takes no value, got '${inline}'; ${help}`);
      args.push(arg);
      continue;
    }
    if (inline !== undefined) {
      args.push(arg);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value === '--' || (value.startsWith('-') && !NEGATIVE_NUMBER.test(value))) {
      const found = value === undefined ? 'nothing' : `'${value}' (for a value starting with a dash: --${name}=${value})`;
      throw new TaskrelError(`taskrel ${command}: --${name} needs a value, got ${found}; ${help}`);
    }
    args.push(`--${name}=${value}`);
    i++;
  }
  return args;
}

function splitFlag(text: string): [string, string | undefined] {
  const equals = text.indexOf('=');
  return equals === -1 ? [text, undefined] : [text.slice(0, equals), text.slice(equals + 1)];
}

/** The one positional argument a command takes, e.g. a study folder; `example` shows a correct call. */
export function onePositional(command: string, positionals: string[], what: string, example: string): string {
  const [value, ...rest] = positionals;
  if (value === undefined) throw new TaskrelError(`taskrel ${command}: missing ${what}; expected e.g. ${example}`);
  if (rest.length > 0) throw new TaskrelError(`taskrel ${command}: unexpected '${rest[0]}'; expected one ${what}`);
  return value;
}

/** An integer flag value ≥ `min` (default 1), or `fallback` when the flag is absent. */
export function integerFlag<T extends number | undefined>(
  command: string,
  flag: string,
  value: string | undefined,
  options: { min?: number; fallback: T },
): number | T {
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
