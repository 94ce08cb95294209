import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oovRate } from '../../../src/features/dataset/oovRate.js';
import { tinyTask, tinyVocabulary } from '../tinyTask.js';

test('OOV rate is the percentage of training tokens missing from the vocabulary, lowercased lookup', () => {
  // "The" and "A" are found lowercased; only "dogs" (1 of 9 tokens) is missing.
  assert.equal(oovRate(tinyTask().train, tinyVocabulary), 100 / 9);
});

test('OOV rate counts occurrences, and a cased vocabulary still matches cased tokens', () => {
  const train = [{ tokens: ['Paris', 'Paris', 'in', 'spring'], labels: ['L', 'L', 'O', 'O'] }];
  assert.equal(oovRate(train, new Set(['Paris', 'in'])), 25);
  assert.equal(oovRate(train, new Set(['paris'])), 50);
  assert.equal(oovRate(train, new Set()), 100);
  assert.equal(oovRate([], new Set(['a'])), undefined);
});
