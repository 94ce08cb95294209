import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mweLabels } from '../../src/tasks/multiwordExpressions.js';
import { bracketed, EWT_EXCERPT, readExcerpt } from './taskTesting.js';

test('flat names with inner hyphens are one expression each', async () => {
  const [first] = await readExcerpt(EWT_EXCERPT);
  const tokens = first!.words.map((word) => word.form);
  assert.equal(
    bracketed(tokens, mweLabels(first!.words, EWT_EXCERPT)),
    '[flat Al - Zaman ] : American forces killed [flat Shaikh Abdullah al - Ani ] , the preacher at the mosque in the town of Qaim , near the Syrian border .',
  );
});

test('a compound + flat group is typed flat; fixed `as well` is typed fixed', async () => {
  const shall = (await readExcerpt(EWT_EXCERPT))[4]!;
  const labels = mweLabels(shall.words, EWT_EXCERPT);
  assert.equal(
    bracketed(
      shall.words.map((w) => w.form),
      labels,
    ),
    'Shall we censor the works of [flat poet Charles Baudelaire ] [fixed as well ] ?',
  );
  assert.deepEqual(labels.slice(6, 11), ['B-flat', 'I-flat', 'I-flat', 'B-fixed', 'I-fixed']);
});

test('compound:prt (busted up) is not an expression, nor are amod or nummod', async () => {
  const dpa = (await readExcerpt(EWT_EXCERPT))[2]!;
  assert.ok(dpa.words.some((word) => word.deprel === 'compound:prt'));
  assert.ok(mweLabels(dpa.words, EWT_EXCERPT).every((label) => label === 'O'));
});
