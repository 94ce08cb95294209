import assert from 'node:assert/strict';
import { test } from 'node:test';
import { integerFlag, parseFlags } from '../../src/cli/parseFlags.js';
import { taskrel } from './cliTesting.js';

const flags = { plan: { type: 'boolean' }, workers: { type: 'string' }, output: { type: 'string' } } as const;
const parse = (argv: string[]) => parseFlags('study', argv, flags);

test('flags, inline values and positionals parse as node does', () => {
  const { positionals, values } = parse(['spec.json', '--plan', '--workers', '2', '--output=out']);
  assert.deepEqual(positionals, ['spec.json']);
  assert.deepEqual({ ...values }, { plan: true, workers: '2', output: 'out' });
  assert.deepEqual(parse(['--', '--not-a-flag']).positionals, ['--not-a-flag']);
});

test('a mistyped flag: one line with the closest flag and the list, no parser text', () => {
  assert.throws(
    () => parse(['spec.json', '--wrokers', '2']),
    (error: Error) =>
      error.message ===
      "taskrel study: unknown option '--wrokers' (did you mean '--workers'?); options: --plan, --workers, --output; see taskrel study --help",
  );
  assert.throws(() => parse(['--zzzzzzzz']), /^TaskrelError: taskrel study: unknown option '--zzzzzzzz'; options:/);
  assert.throws(() => parse(['-w', '2']), /unknown option '-w'; options: --plan, --workers, --output/);
});

test('a negative number is a value for the flag to judge; a missing value or a value for a switch is named', () => {
  const { values } = parse(['--workers', '-1']);
  assert.equal(values.workers, '-1');
  assert.throws(
    () => integerFlag('study', 'workers', values.workers, { fallback: 2 }),
    /^TaskrelError: taskrel study: --workers -1: expected an integer ≥ 1$/,
  );
  assert.throws(() => parse(['--workers']), /taskrel study: --workers needs a value, got nothing; see taskrel study --help/);
  assert.throws(
    () => parse(['--output', '--plan']),
    /--output needs a value, got '--plan' \(for a value starting with a dash: --output=--plan\)/,
  );
  assert.throws(() => parse(['--plan=yes']), /taskrel study: --plan takes no value, got 'yes'/);
});

test('the command line prints such an error once, with one taskrel prefix', async () => {
  const typo = await taskrel(['study', 'studies/demo.json', '--wrokers', '2']);
  assert.equal(typo.code, 1);
  assert.equal(
    typo.stderr,
    "taskrel study: unknown option '--wrokers' (did you mean '--workers'?); options: --plan, --workers, --backend, --output, --redis, --checkpoint-every; see taskrel study --help\n",
  );
  const negative = await taskrel(['study', 'studies/demo.json', '--workers', '-1']);
  assert.equal(negative.stderr, 'taskrel study: --workers -1: expected an integer ≥ 1\n');
  const other = await taskrel(['no-such-command']);
  assert.match(other.stderr, /^taskrel: unknown command 'no-such-command'/);
});
