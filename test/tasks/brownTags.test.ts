import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBrown } from '../../src/data/brown.js';
import { brownBaseTag } from '../../src/tasks/brownTags.js';
import { fixturePath } from '../data/testFiles.js';

test('strips fw-, -tl/-hl/-nc, contraction second parts and negation marks', () => {
  const cases: [string, string][] = [
    ['np-tl', 'np'],
    ['nn-hl', 'nn'],
    ['nn-tl-hl', 'nn'],
    ['fw-at-tl', 'at'],
    ['fw-nns', 'nns'],
    ['np$', 'np$'],
    ['pps+bez', 'pps'],
    ['ppss+ber-n', 'ppss'],
    ['dod*', 'dod'],
    ['*', '*'],
    ['md*', 'md'],
    ['--', '--'],
    ["''", "''"],
  ];
  for (const [raw, base] of cases) assert.equal(brownBaseTag(raw), base, raw);
});

test('a real Brown sentence with contractions and negation', async () => {
  const meal = (await readBrown(fixturePath('brown-excerpt.txt')))[1]!;
  // It's not much of a meal , but it's what I eat '' .
  assert.deepEqual(meal.labels.map(brownBaseTag), ['pps', '*', 'ap', 'in', 'at', 'nn', ',', 'cc', 'pps', 'wdt', 'ppss', 'vb', "''", '.']);
});
