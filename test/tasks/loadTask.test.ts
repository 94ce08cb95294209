import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadTask } from '../../src/tasks/loadTask.js';
import { UNKNOWN_LABEL } from '../../src/tasks/task.js';
import { validateTaskSpec, type TaskSpec } from '../../src/tasks/taskSpec.js';
import { fixturePath, temporaryDirectory } from '../data/testFiles.js';

function spec(value: Record<string, unknown>, files: Record<string, string>): TaskSpec {
  return validateTaskSpec({ ...value, files }, 'test spec', '/');
}
const same = (file: string): Record<string, string> => ({ train: fixturePath(file), dev: fixturePath(file), test: fixturePath(file) });

test('a CoNLL-U task takes its labels from the chosen column and skips multiword tokens', async () => {
  const task = await loadTask(spec({ name: 'x', kind: 'tagging', format: 'conllu', column: 'xpos' }, same('ewt-excerpt.conllu')), {
    cacheDir: temporaryDirectory(),
  });
  assert.equal(task.train.length, 7);
  assert.deepEqual(task.train[3]!.tokens.slice(5, 8), ['Pakistan', '’s', 'options']);
  assert.deepEqual(task.train[3]!.labels.slice(5, 8), ['NNP', 'POS', 'NNS']);
  assert.equal(task.outside, null);
});

test('two-column, TSV and JSONL tasks', async () => {
  const cacheDir = temporaryDirectory();
  const conll = await loadTask(spec({ name: 'c', kind: 'tagging', format: 'conll' }, same('ewt-upos-excerpt.conll')), { cacheDir });
  assert.deepEqual([conll.train.length, conll.outside, conll.labels.length], [2, 'O', 12]);
  for (const format of ['tsv', 'jsonl']) {
    const task = await loadTask(spec({ name: format, kind: 'classification', format }, same(`yelp-excerpt.${format}`)), { cacheDir });
    assert.deepEqual(task.labels, ['negative', 'positive']);
    assert.deepEqual(task.train[1], { tokens: ['Crust', 'is', 'not', 'good', '.'], labels: ['negative'] });
  }
});

test('a label in test unseen in train is mapped to <unk> and reported', async () => {
  const directory = temporaryDirectory();
  writeFileSync(
    join(directory, 'train.jsonl'),
    '{"text": "Great food.", "label": "positive"}\n{"text": "Cold soup.", "label": "negative"}\n',
  );
  writeFileSync(join(directory, 'test.jsonl'), '{"text": "It was fine.", "label": "neutral"}\n');
  const files = { train: join(directory, 'train.jsonl'), dev: join(directory, 'train.jsonl'), test: join(directory, 'test.jsonl') };
  const task = await loadTask(spec({ name: 'u', kind: 'classification', format: 'jsonl' }, files), { cacheDir: directory });
  assert.deepEqual(task.labels, ['negative', 'positive', UNKNOWN_LABEL]);
  assert.deepEqual(task.test[0]!.labels, [UNKNOWN_LABEL]);
  assert.deepEqual(task.unseen, [{ split: 'test', label: 'neutral', count: 1 }]);
});

test('prepared tasks are cached; a changed source file is prepared again and the stale copy removed', async () => {
  const cacheDir = temporaryDirectory();
  const source = join(temporaryDirectory(), 'train.tsv');
  copyFileSync(fixturePath('yelp-excerpt.tsv'), source);
  const taskSpec = spec({ name: 'cached', kind: 'classification', format: 'tsv' }, { train: source, dev: source, test: source });
  const prepared: string[] = [];
  const onPrepare = (name: string): number => prepared.push(name);
  const first = await loadTask(taskSpec, { cacheDir, onPrepare });
  const again = await loadTask(taskSpec, { cacheDir, onPrepare });
  assert.deepEqual(prepared, ['cached']);
  assert.deepEqual(again, first);
  writeFileSync(source, '7\tGood.\tpositive\n', { flag: 'a' });
  const changed = await loadTask(taskSpec, { cacheDir, onPrepare });
  assert.deepEqual(prepared, ['cached', 'cached']);
  assert.equal(changed.train.length, 7);
  assert.notEqual(changed.fingerprint, first.fingerprint);
  assert.equal(readdirSync(join(cacheDir, 'tasks')).length, 1);
});

test('a malformed file fails with one error and leaves nothing in the cache', async () => {
  const cacheDir = temporaryDirectory();
  const bad = join(temporaryDirectory(), 'dev.tsv');
  writeFileSync(bad, 'text\tlabel\nFine.\tpositive\n\tnegative\n');
  const files = { train: fixturePath('yelp-excerpt.tsv'), dev: bad, test: fixturePath('yelp-excerpt.tsv') };
  await assert.rejects(loadTask(spec({ name: 'bad', kind: 'classification', format: 'tsv' }, files), { cacheDir }), {
    message: `${bad}:3: row has no text; expected a non-empty 'text' column`,
  });
  assert.deepEqual(readdirSync(cacheDir), []);
});

test('a file that is not UTF-8 is an error naming its line', async () => {
  const latin1 = join(temporaryDirectory(), 'dev.conll');
  writeFileSync(latin1, Buffer.from('Paris\tB-LOC\n\nCaf\xe9\tO\n', 'latin1'));
  const files = { train: fixturePath('ewt-upos-excerpt.conll'), dev: latin1, test: fixturePath('ewt-upos-excerpt.conll') };
  await assert.rejects(loadTask(spec({ name: 'l', kind: 'tagging', format: 'conll' }, files), { cacheDir: temporaryDirectory() }), {
    message: `${latin1}:3: invalid UTF-8 byte sequence; expected a UTF-8 text file`,
  });
});

test('an empty split file is an error naming it', async () => {
  const empty = join(temporaryDirectory(), 'test.conll');
  writeFileSync(empty, '\n');
  const files = { train: fixturePath('ewt-upos-excerpt.conll'), dev: fixturePath('ewt-upos-excerpt.conll'), test: empty };
  await assert.rejects(loadTask(spec({ name: 'e', kind: 'tagging', format: 'conll' }, files), { cacheDir: temporaryDirectory() }), {
    message: `${empty}: the test split has no examples; expected at least one`,
  });
});

test("a CoNLL-U label column of '_' is an error, except FEATS where '_' means none", async () => {
  const files = same('gum-excerpt.conllu');
  const feats = await loadTask(spec({ name: 'f', kind: 'tagging', format: 'conllu', column: 'feats' }, files), {
    cacheDir: temporaryDirectory(),
  });
  assert.ok(feats.labels.includes('_'));
  const directory = temporaryDirectory();
  const file = join(directory, 'x.conllu');
  writeFileSync(file, '1\tHi\thi\tINTJ\t_\t_\t0\troot\t_\t_\n');
  await assert.rejects(
    loadTask(spec({ name: 'x', kind: 'tagging', format: 'conllu', column: 'xpos' }, { train: file, dev: file, test: file }), {
      cacheDir: directory,
    }),
    {
      message: `${file}:1: xpos is '_' (not annotated); expected a label on every word`,
    },
  );
});

test('an unknown task name is one error listing the built-in tasks', async () => {
  await assert.rejects(
    loadTask('ewt-pos'),
    /^TaskrelError: unknown task 'ewt-pos'; expected a built-in task \(ewt-upos, ewt-xpos, .*\) or a task spec \.json file$/,
  );
});

test('CoNLL labels with trailing spaces are the same labels, so dev and test keep theirs', async () => {
  const directory = temporaryDirectory();
  const file = (name: string, text: string): string => {
    writeFileSync(join(directory, name), text);
    return join(directory, name);
  };
  const files = {
    train: file('train.conll', 'Paris\tB-LOC  \nis\tO  \n'),
    dev: file('dev.conll', 'Rome\tB-LOC\nis\tO\n'),
    test: file('test.conll', 'Oslo\tB-LOC\n'),
  };
  const task = await loadTask(spec({ name: 'spaces', kind: 'tagging', format: 'conll' }, files), { cacheDir: directory });
  assert.deepEqual(task.labels, ['B-LOC', 'O']);
  assert.deepEqual(task.unseen, []);
});
