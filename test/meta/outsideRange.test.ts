import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outsideRange } from '../../src/meta/outsideRange.js';
import { rankedCells } from '../../src/meta/predictorColumn.js';

/** A model over three pair features, fitted on training pairs whose ranges are sentences 300–5,000, labels 4–44 and a constant 0.5. */
const model = { features: ['main_sentences', 'aux_labels', 'ratio_oov_rate'] as const, min: [300, 4, 0.5], max: [5000, 44, 0.5] };

test('only features more than a quarter of the range outside it are named: main_ for the main task, aux_ and ratio_ for each candidate', () => {
  const main = { main_sentences: 12543 };
  const entries = outsideRange({ ...model, features: [...model.features] }, 'mwe', [
    { aux: 'inside', features: { ...main, aux_labels: 44 + 0.25 * 40, ratio_oov_rate: 0.5 } },
    { aux: 'far', features: { ...main, aux_labels: 2 - 40, ratio_oov_rate: 0.7 } },
  ]);
  assert.deepEqual(
    entries.map((e) => [e.task, e.role, e.features.map((f) => [f.prefix, f.feature])]),
    [
      ['mwe', 'main', [['main', 'sentences']]],
      [
        'far',
        'candidate',
        [
          ['ratio', 'oov_rate'],
          ['aux', 'labels'],
        ],
      ],
    ],
  );
  const [sentences] = entries[0]?.features ?? [];
  assert.ok(sentences !== undefined && Math.abs((sentences.ranges as number) - (12543 - 5000) / 4700) < 1e-12);
  const far = entries[1]?.features ?? [];
  assert.equal(far[0]?.ranges, null, 'a study-wide constant: no range to measure against, listed first');
  assert.ok(Math.abs((far[1]?.ranges as number) - (-38 - 4) / 40) < 1e-12);
  assert.deepEqual(outsideRange({ ...model, features: [...model.features] }, 'mwe', []), []);
});

test('a column ranks by score, highest first, ties by name; unscored candidates stay unranked', () => {
  const cells = rankedCells([
    { aux: 'b', score: 0.2 },
    { aux: 'a', score: 0.2 },
    { aux: 'c', score: null, note: 'no data' },
    { aux: 'd', score: 0.9 },
  ]);
  assert.deepEqual(
    cells.map((c) => [c.aux, c.rank]),
    [
      ['b', 3],
      ['a', 2],
      ['c', null],
      ['d', 1],
    ],
  );
  assert.equal(cells[2]?.note, 'no data');
});
