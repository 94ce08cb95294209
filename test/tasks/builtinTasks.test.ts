import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinTasks } from '../../src/tasks/builtinTasks.js';
import { loadTask } from '../../src/tasks/loadTask.js';
import type { Task } from '../../src/tasks/task.js';
import { temporaryDirectory } from '../data/testFiles.js';

const cacheDir = temporaryDirectory();
const sizes = (task: Task): number[] => [task.train.length, task.dev.length, task.test.length];

test('the registry lists every built-in task with a one-line description', () => {
  assert.deepEqual(
    builtinTasks.map((task) => task.name),
    [
      'ewt-upos',
      'ewt-xpos',
      'ewt-feats',
      'ewt-deprel',
      'ewt-head',
      'ewt-chunk',
      'ewt-mwe',
      'gum-ner',
      'gum-wiki',
      'gum-infstat',
      'gum-discourse',
      'brown-pos',
      'sent-yelp',
      'sent-imdb',
      'sent-amazon',
    ],
  );
  for (const task of builtinTasks) assert.match(task.description, /^[^\n]{20,160}$/, task.name);
});

test('ewt-upos has the official EWT splits and the 17 UPOS tags', async () => {
  const task = await loadTask('ewt-upos', { cacheDir });
  assert.deepEqual(sizes(task), [12544, 2001, 2077]);
  assert.equal(task.labels.length, 17);
  assert.deepEqual(task.unseen, []);
  assert.deepEqual(task.train[0]!.tokens.slice(0, 3), ['Al', '-', 'Zaman']);
});

test('gum-ner has the official GUM splits and BIO labels over 10 entity types', async () => {
  const task = await loadTask('gum-ner', { cacheDir });
  assert.deepEqual(sizes(task), [8548, 1117, 1096]);
  assert.equal(task.outside, 'O');
  assert.equal(new Set(task.labels.filter((l) => l !== 'O').map((l) => l.slice(2))).size, 10);
});

test('ewt-feats tags each word with its whole FEATS column; words without features are _', async () => {
  const task = await loadTask('ewt-feats', { cacheDir });
  assert.deepEqual(sizes(task), [12544, 2001, 2077]);
  assert.equal(task.outside, null);
  assert.ok(task.labels.includes('_') && task.labels.includes('Number=Sing'));
  assert.ok(task.labels.includes('Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin'));
});

test('gum-discourse marks the first token of each discourse unit with its coarse relation, 16 of them and root', async () => {
  const task = await loadTask('gum-discourse', { cacheDir });
  assert.deepEqual(sizes(task), [8548, 1117, 1096]);
  assert.equal(task.outside, 'O');
  assert.deepEqual(task.labels.filter((l) => l !== 'O' && l !== '<unk>').length, 16);
  assert.deepEqual(task.train[1]!.labels.slice(0, 2), ['elaboration', 'O']);
});

test('brown-pos splits all 57,340 Brown sentences by document into 92 base tags', async () => {
  const task = await loadTask('brown-pos', { cacheDir });
  assert.deepEqual(sizes(task), [46175, 5523, 5642]);
  assert.equal(
    sizes(task).reduce((a, b) => a + b),
    57340,
  );
  assert.equal(task.labels.length, 92);
});

test('sentiment tasks: 1,000 sentences split 800/100/100, balanced', async () => {
  const task = await loadTask('sent-imdb', { cacheDir });
  assert.deepEqual(sizes(task), [800, 100, 100]);
  assert.equal(task.dev.filter((e) => e.labels[0] === 'positive').length, 50);
  assert.equal(task.kind, 'classification');
});
