import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metaSection } from '../../../src/report/sections/metaSection.js';
import { tinyContext } from '../contextFixture.js';
import { tinyMeta, tinyPairs } from '../metaFixture.js';

test('no meta.json, no meta-model section', () => {
  assert.equal(metaSection.render(tinyContext()), null);
});

test('a full meta report: scores, held-out tasks, coefficients, ablation and predictions, in that order', () => {
  const rendered = metaSection.render({ ...tinyContext(), meta: tinyMeta(), pairs: tinyPairs() });
  assert.deepEqual(
    rendered?.charts.map((c) => [c.id, c.figure]),
    [
      ['meta-scores', true],
      ['meta-held-out', false],
      ['meta-coefficients', true],
      ['meta-ablation', true],
      ['meta-predictions', false],
    ],
  );
  const html = rendered?.html ?? '';
  assert.match(html, /12 directed pairs of 4 tasks: \d+ labelled gain, \d+ no gain \(gain: relative gain &#62; 0\)/);
  assert.match(html, /<td>baseline<\/td><td>0\.\d{3} \(majority class\)<\/td>/);
  assert.match(html, /<details class="protocol">.*<dt>cross-validation<\/dt><dd>20 × 3-fold, stratified;/s);
});

test('what could not be computed says why; notes are shown and escaped; a meta.json without stored predictions says how to add them', () => {
  const meta = tinyMeta();
  const rendered = metaSection.render({
    ...tinyContext(),
    meta: {
      ...meta,
      evaluations: { ...meta.evaluations, curve: { status: 'unavailable', reason: 'none of the <curve> features is present' } },
      ranking: { status: 'unavailable', reason: 'fewer than three pairs' },
      notes: ['a note with <markup>'],
      fitted: null,
    },
  });
  const html = rendered?.html ?? '';
  assert.match(html, /<td>learning curve<\/td><td title="none of the &#60;curve&#62; features is present">unavailable<\/td>/);
  assert.match(html, /<li>a note with &#60;markup&#62;<\/li>/);
  assert.match(html, /predates stored predictions; <code>taskrel analyze<\/code> adds them/);
  assert.deepEqual(
    rendered?.charts.map((c) => c.id),
    ['meta-scores', 'meta-held-out', 'meta-coefficients'],
  );
});
