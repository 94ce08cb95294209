import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTask } from '../../src/tasks/makeTask.js';
import { UNKNOWN_LABEL, type Example } from '../../src/tasks/task.js';
import type { TaskRecipe } from '../../src/tasks/taskRecipe.js';

const recipe: TaskRecipe = {
  name: 'pos',
  kind: 'tagging',
  description: 'd',
  source: 's',
  outside: null,
  derivation: 'test/1',
  files: [],
  build: () => Promise.reject(new Error('not used')),
};
const example = (tokens: string, labels: string): Example => ({ tokens: tokens.split(' '), labels: labels.split(' ') });
const origin = { train: 'train.conll', dev: 'dev.conll', test: 'test.conll' };
const splits = {
  train: [example('the cat sat', 'DET NOUN VERB')],
  dev: [example('a dog', 'DET NOUN')],
  test: [example('wow , a cat', 'INTJ PUNCT DET NOUN'), example('wow', 'INTJ')],
};

test('labels unseen in train become <unk>, are counted per split, and <unk> is appended to the label set', () => {
  const task = makeTask(recipe, { splits, origin });
  assert.deepEqual(task.labels, ['DET', 'NOUN', 'VERB', UNKNOWN_LABEL]);
  assert.deepEqual(
    task.test.map((e) => e.labels),
    [[UNKNOWN_LABEL, UNKNOWN_LABEL, 'DET', 'NOUN'], [UNKNOWN_LABEL]],
  );
  assert.deepEqual(task.unseen, [
    { split: 'test', label: 'INTJ', count: 2 },
    { split: 'test', label: 'PUNCT', count: 1 },
  ]);
  assert.deepEqual(task.dev, splits.dev);
});

test('without unseen labels the label set is exactly the training labels', () => {
  const task = makeTask(recipe, { splits: { ...splits, test: splits.dev }, origin });
  assert.deepEqual(task.labels, ['DET', 'NOUN', 'VERB']);
  assert.deepEqual(task.unseen, []);
});

test('an empty split is an error naming where it comes from', () => {
  assert.throws(() => makeTask(recipe, { splits: { ...splits, dev: [] }, origin }), {
    message: 'dev.conll: the dev split has no examples; expected at least one',
  });
});

test('the fingerprint follows the data, not the name', () => {
  const base = makeTask(recipe, { splits, origin }).fingerprint;
  assert.match(base, /^[0-9a-f]{64}$/);
  assert.equal(makeTask({ ...recipe, name: 'other' }, { splits, origin }).fingerprint, base);
  const changed = { ...splits, train: [example('the cat sat', 'DET NOUN NOUN')] };
  assert.notEqual(makeTask(recipe, { splits: changed, origin }).fingerprint, base);
});
