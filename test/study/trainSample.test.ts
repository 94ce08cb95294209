import assert from 'node:assert/strict';
import { test } from 'node:test';
import { studySamples, trainSample } from '../../src/study/trainSample.js';
import type { Example, Task } from '../../src/tasks/task.js';

const example = (i: number): Example => ({ tokens: [`w${i}`], labels: ['L'] });
const task: Task = {
  name: 'tiny',
  kind: 'tagging',
  description: '',
  source: '',
  labels: ['L'],
  outside: null,
  train: Array.from({ length: 50 }, (_, i) => example(i)),
  dev: [example(100)],
  test: [example(200)],
  unseen: [],
  fingerprint: 'f',
};
const words = (t: Task) => t.train.map((e) => e.tokens[0]);

test('a capped task trains on cap examples drawn by the seed, in corpus order; dev and test stay whole', () => {
  const sample = trainSample(task, 10, 1);
  assert.equal(sample.train.length, 10);
  assert.equal(new Set(words(sample)).size, 10);
  const positions = words(sample).map((w) => Number(w.slice(1)));
  assert.deepEqual(
    positions,
    [...positions].sort((a, b) => a - b),
  );
  assert.equal(sample.dev, task.dev);
  assert.equal(sample.test, task.test);
  assert.deepEqual(words(trainSample(task, 10, 1)), words(sample), 'the same seed draws the same sample');
  assert.notDeepEqual(words(trainSample(task, 10, 2)), words(sample), 'another seed draws another');
});

test("a smaller cap's sample lies inside a larger one's for the same seed; a cap at or above the size is the whole task", () => {
  const small = new Set(words(trainSample(task, 5, 3)));
  const large = new Set(words(trainSample(task, 20, 3)));
  assert.ok([...small].every((w) => large.has(w)));
  assert.equal(trainSample(task, 50, 3), task);
  assert.equal(trainSample(task, undefined, 3), task);
});

test('the samples a study trains on: one per seed when capped, the task itself otherwise', () => {
  assert.deepEqual(studySamples(task, 10, [1, 2]).map(words), [words(trainSample(task, 10, 1)), words(trainSample(task, 10, 2))]);
  assert.deepEqual(studySamples(task, undefined, [1, 2]), [task]);
});
