import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixturePath, temporaryDirectory } from '../data/testFiles.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function taskrel(args: string[], cache?: string): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  if (cache === undefined) delete env.TASKREL_CACHE;
  else env.TASKREL_CACHE = cache;
  const result = spawnSync(process.execPath, [join(root, 'bin', 'taskrel.js'), ...args], { encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The error line of stderr (progress lines such as `preparing x (first use)…` may precede it). */
function errorLine(stderr: string): string {
  const lines = stderr
    .trimEnd()
    .split('\n')
    .filter((line) => !line.startsWith('preparing '));
  assert.equal(lines.length, 1, stderr);
  return lines[0] as string;
}

function specFile(files: Record<string, string>): string {
  const file = join(temporaryDirectory(), 'yelp.json');
  writeFileSync(file, JSON.stringify({ name: 'yelp-mini', kind: 'classification', format: 'tsv', files }));
  return file;
}

test('taskrel tasks lists every built-in task with the corpora split sizes', () => {
  const { status, stdout } = taskrel(['tasks']);
  assert.equal(status, 0);
  const row = (name: string): string[] => (stdout.split('\n').find((line) => line.startsWith(`${name} `)) ?? '').split(/\s{2,}/);
  assert.deepEqual(row('ewt-upos').slice(0, 6), ['ewt-upos', 'tagging', '17', '12,544', '2,001', '2,077']);
  assert.deepEqual(row('gum-wiki').slice(3, 6), ['8,548', '1,117', '1,096']);
  assert.deepEqual(row('brown-pos').slice(3, 6), ['46,175', '5,523', '5,642']);
  assert.deepEqual(row('sent-amazon').slice(1, 6), ['classification', '2', '800', '100', '100']);
  assert.equal(stdout.split('\n').filter((line) => /^(ewt|gum|brown|sent)-/.test(line)).length, 15);
});

test('taskrel tasks show prints sizes, label counts and examples of a file-declared task', () => {
  const tsv = fixturePath('yelp-excerpt.tsv');
  const { status, stdout } = taskrel(
    ['tasks', 'show', specFile({ train: tsv, dev: tsv, test: tsv }), '--examples', '1'],
    temporaryDirectory(),
  );
  assert.equal(status, 0);
  assert.match(stdout, /^yelp-mini \(classification\): Text labels from tsv files\./);
  // tokens: Wow ... Loved this place . = 6, then 5, 9, 16, 13, 12
  assert.match(stdout, /\ntrain\s+6\s+61\n/);
  assert.match(stdout, /\nnegative\s+3\s+3\s+3\n/);
  assert.match(stdout, /first 1 training examples:\n {2}\[positive\] Wow \.\.\. Loved this place \.\n/);
});

test('failures exit 1 with one line naming what to fix', () => {
  const unknown = taskrel(['tasks', 'show', 'ewt-pos'], temporaryDirectory());
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /^taskrel: unknown task 'ewt-pos'; expected a built-in task \(.*\) or a task spec \.json file\n$/);
  const missing = taskrel(['tasks', 'show']);
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr, 'taskrel tasks show: missing task; expected a built-in task name or a task spec .json path\n');
  const bad = join(temporaryDirectory(), 'bad.tsv');
  writeFileSync(bad, 'text\tlabel\nGood.\tpositive\tspare\n');
  const malformed = taskrel(['tasks', 'show', specFile({ train: bad, dev: bad, test: bad })], temporaryDirectory());
  assert.equal(malformed.status, 1);
  assert.equal(errorLine(malformed.stderr), `taskrel: ${bad}:2: found 3 tab-separated columns; expected 2 as in the header`);
  const flag = taskrel(['tasks', 'show', 'ewt-upos', '--examples', 'many']);
  assert.equal(flag.stderr, "taskrel: --examples: 'many' is not a count; expected a whole number such as 5\n");
});

test('taskrel tasks --help shows usage and exits 0', () => {
  const { status, stdout } = taskrel(['tasks', '--help']);
  assert.equal(status, 0);
  assert.match(stdout, /^usage: taskrel tasks\n {7}taskrel tasks show NAME\|SPEC\.json \[--examples N\]/);
});
