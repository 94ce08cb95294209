import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { prepareStudy } from '../../src/study/prepareStudy.js';
import { parseStudySpec } from '../../src/study/spec.js';
import { identicalSplits } from '../../src/tasks/identicalSplits.js';
import type { Task } from '../../src/tasks/task.js';
import { fixturePath, temporaryDirectory } from '../data/testFiles.js';
import { example } from './taskTesting.js';

const task = (dev: string): Task => ({
  name: 'ner',
  kind: 'tagging',
  description: '',
  source: '',
  labels: ['B-LOC', 'O'],
  outside: 'O',
  unseen: [],
  fingerprint: 'f',
  train: [example('Paris is big', 'B-LOC O O')],
  dev: [example(dev, 'B-LOC O O')],
  test: [example('Paris is big', 'B-LOC O O')],
});
const files = { train: 'ner/all.conll', dev: 'ner/dev.conll', test: 'ner/all.conll' };

test('splits with the same examples are a warning naming them and their files', () => {
  assert.equal(
    identicalSplits(task('Paris is big'), files),
    "task 'ner': train, dev and test hold the same examples (train, test: ner/all.conll; dev: ner/dev.conll): scores on them measure memorisation of the training data, not how the task generalises",
  );
  assert.match(
    identicalSplits(task('Rome is old'), files) ?? '',
    /^task 'ner': train and test hold the same examples \(train, test: ner\/all\.conll\)/,
  );
  const distinct = { ...task('Rome is old'), test: [example('Oslo is cold', 'B-LOC O O')] };
  assert.equal(identicalSplits(distinct, files), undefined);
});

test('a study with such a task trains it, but warns first', async () => {
  const dir = temporaryDirectory();
  const all = join(dir, 'all.conll');
  copyFileSync(fixturePath('ewt-upos-excerpt.conll'), all);
  const tagged = { name: 'tagged', kind: 'tagging', format: 'conll', files: { train: all, dev: all, test: all } };
  const split = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const files = {
    train: split('train.conll', 'Paris\tB-LOC\n'),
    dev: split('dev.conll', 'Rome\tB-LOC\n'),
    test: split('test.conll', 'Oslo\tB-LOC\n'),
  };
  const other = { name: 'other', kind: 'tagging', format: 'conll', files };
  const spec = parseStudySpec({ name: 'same', tasks: [other, tagged], budget: { singleBatches: 10 }, output: dir }, 'spec', dir);
  const warnings: string[] = [];
  const cache = process.env.TASKREL_CACHE;
  process.env.TASKREL_CACHE = join(dir, 'cache');
  const prepared = await prepareStudy(spec, undefined, (message) => warnings.push(message)).finally(() => {
    if (cache === undefined) delete process.env.TASKREL_CACHE;
    else process.env.TASKREL_CACHE = cache;
  });
  assert.equal(prepared.tasks.length, 2);
  assert.deepEqual(warnings, [
    `task 'tagged': train, dev and test hold the same examples (train, dev, test: ${all}): scores on them measure memorisation of the training data, not how the task generalises`,
  ]);
});
