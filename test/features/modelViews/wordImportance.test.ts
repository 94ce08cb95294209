import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importanceRanks, rankAgreement, wordImportances } from '../../../src/features/modelViews/wordImportance.js';
import { LAYER_A, LAYER_B, importanceOf } from './tinyModels.js';

const [a, b] = [importanceOf(LAYER_A), importanceOf(LAYER_B)];

test('a word’s importance is the sum (or the sum of |·|) of its weights into the hidden layer; padding and <unk> are no words', () => {
  assert.deepEqual(
    [...wordImportances(a, 'sum')],
    [
      ['good', 3],
      ['bad', -3.5],
      ['the', 0],
      ['movie', 0.5],
      ['food', 0.5],
    ],
  );
  assert.deepEqual(
    [...wordImportances(a, 'absSum')],
    [
      ['good', 3],
      ['bad', 3.5],
      ['the', 1],
      ['movie', 1.5],
      ['food', 0.5],
    ],
  );
});

test('ranks: 1 = most important, ties share the mean of their ranks', () => {
  assert.deepEqual(Object.fromEntries(importanceRanks(wordImportances(a, 'sum'))), { good: 1, movie: 2.5, food: 2.5, the: 4, bad: 5 });
  assert.deepEqual(Object.fromEntries(importanceRanks(wordImportances(b, 'sum'))), { food: 1, good: 2.5, bad: 2.5, the: 4, movie: 5 });
  assert.deepEqual(Object.fromEntries(importanceRanks(wordImportances(a, 'absSum'))), { bad: 1, good: 2, movie: 3, the: 4, food: 5 });
});

test('Spearman ρ of two models by hand: without ties 1 − 6Σd²/(n(n²−1)); with ties the Pearson correlation of mid-ranks', () => {
  // |weights| ranks, good bad the movie food: A 2 1 4 3 5, B 3 1 5 4 2; Σd² = 1 + 0 + 1 + 1 + 9 = 12; ρ = 1 − 72/120.
  const strength = rankAgreement(wordImportances(a, 'absSum'), wordImportances(b, 'absSum'));
  assert.equal(strength.words, 5);
  assert.ok(Math.abs((strength.rho ?? NaN) - 0.4) < 1e-12, String(strength.rho));
  // Signed sums, ranks A 1 5 4 2.5 2.5 and B 2.5 2.5 4 5 1 around their mean 3: deviations A −2 2 1 −0.5 −0.5 and
  // B −0.5 −0.5 1 2 −2, so ρ = (1 − 1 + 1 − 1 + 1) / √(9.5 · 9.5) = 1/9.5. The tie-blind formula would give 0.15.
  const signed = rankAgreement(wordImportances(a, 'sum'), wordImportances(b, 'sum'));
  assert.ok(Math.abs((signed.rho ?? NaN) - 1 / 9.5) < 1e-12, String(signed.rho));
  // ρ does not depend on the order the words are listed in (ranking ties by position would).
  const reversed = new Map([...wordImportances(b, 'sum')].reverse());
  assert.ok(Math.abs((rankAgreement(wordImportances(a, 'sum'), reversed).rho ?? NaN) - 1 / 9.5) < 1e-12);
});

test('agreement is over the words both models have, and undefined below three words or for a constant ranking', () => {
  const partial = new Map([
    ['good', 1],
    ['bad', 2],
    ['the', 3],
    ['unseen', 9],
  ]);
  assert.deepEqual(rankAgreement(wordImportances(a, 'absSum'), partial), { rho: -0.5, words: 3 });
  assert.deepEqual(
    rankAgreement(
      wordImportances(a, 'absSum'),
      new Map([
        ['good', 1],
        ['bad', 2],
      ]),
    ),
    { rho: null, words: 2 },
  );
  assert.deepEqual(
    rankAgreement(
      wordImportances(a, 'absSum'),
      new Map([
        ['good', 1],
        ['bad', 1],
        ['the', 1],
      ]),
    ),
    { rho: null, words: 3 },
  );
});
