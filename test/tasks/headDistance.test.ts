import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headDistanceLabels } from '../../src/tasks/headDistance.js';
import { EWT_EXCERPT, readExcerpt } from './taskTesting.js';

test('buckets head − position: exact within 5, <=-6 / >=+6 beyond, ROOT for the root', async () => {
  const killing = (await readExcerpt(EWT_EXCERPT))[1]!;
  // [ This killing of a respected cleric will be causing us trouble for years to come . ]
  // heads: 10 3 10 7 7 7 3 10 10 0 10 10 14 10 16 14 10 10
  assert.deepEqual(headDistanceLabels(killing.words, EWT_EXCERPT), [
    '>=+6',
    '+1',
    '>=+6',
    '+3',
    '+2',
    '+1',
    '-4',
    '+2',
    '+1',
    'ROOT',
    '-1',
    '-2',
    '+1',
    '-4',
    '+1',
    '-2',
    '<=-6',
    '<=-6',
  ]);
});

test('empty nodes do not count as positions', async () => {
  const typo = (await readExcerpt(EWT_EXCERPT))[6]!;
  // They recently surprised me [4.1 with] a larger order .  heads: 3 3 0 3 7 7 3 3
  assert.deepEqual(headDistanceLabels(typo.words, EWT_EXCERPT), ['+2', '+1', 'ROOT', '-1', '+2', '+1', '-4', '-5']);
});

test("a head of '_' is an error naming the line", async () => {
  const typo = (await readExcerpt(EWT_EXCERPT))[6]!;
  const words = typo.words.map((word, index) => (index === 1 ? { ...word, head: null } : word));
  assert.throws(() => headDistanceLabels(words, 'x.conllu'), {
    message: `x.conllu:${typo.words[1]!.line}: head is '_'; expected a word id or 0 (this task is derived from the tree)`,
  });
});
