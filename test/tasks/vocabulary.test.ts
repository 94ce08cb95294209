import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildVocabulary } from '../../src/tasks/vocabulary.js';
import { tinyTask } from './taskTesting.js';

const example = (text: string): { tokens: string[]; labels: string[] } => ({
  tokens: text.split(' '),
  labels: text.split(' ').map(() => 'X'),
});

test('union: <pad>, <unk>, then lowercased training words by count, ties in code-point order', () => {
  // train tokens: The cat sat | the Dog saw the cat  →  the 3, cat 2, dog 1, sat 1, saw 1
  assert.deepEqual(buildVocabulary([tinyTask()], { combine: 'union' }).words, ['<pad>', '<unk>', 'the', 'cat', 'dog', 'sat', 'saw']);
});

test('dev and test words are never in the vocabulary', () => {
  const words = buildVocabulary([tinyTask()], { combine: 'union' }).words;
  assert.ok(!words.includes('bird') && !words.includes('a'));
});

test('intersection keeps only words in every task, ranked by total count', () => {
  const other = tinyTask({ name: 'other', train: [example('a cat and a dog'), example('Cat')] });
  assert.deepEqual(buildVocabulary([tinyTask(), other], { combine: 'intersection' }).words, ['<pad>', '<unk>', 'cat', 'dog']);
  assert.deepEqual(buildVocabulary([tinyTask(), other], { combine: 'union' }).words.slice(2, 5), ['cat', 'the', 'a']);
});

test('maxSize counts <pad> and <unk>; a literal <unk> token is not duplicated', () => {
  assert.deepEqual(buildVocabulary([tinyTask()], { combine: 'union', maxSize: 4 }).words, ['<pad>', '<unk>', 'the', 'cat']);
  const odd = tinyTask({ train: [example('<unk> <UNK> cat')] });
  assert.deepEqual(buildVocabulary([odd], { combine: 'union' }).words, ['<pad>', '<unk>', 'cat']);
  assert.throws(() => buildVocabulary([tinyTask()], { combine: 'union', maxSize: 1 }), /maxSize: 1 is too small/);
});
