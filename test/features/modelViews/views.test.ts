import assert from 'node:assert/strict';
import { test } from 'node:test';
import { meanInterval } from '../../../src/shared/meanInterval.js';
import { modelViews } from '../../../src/features/modelViews/modelViews.js';
import { scoreComparison } from '../../../src/features/modelViews/scoreComparison.js';
import { sharedLayerComparisons, transferTable } from '../../../src/features/modelViews/transferTable.js';
import { computeGains } from '../../../src/study/gains.js';
import { LAYER_A, tinyRun } from './tinyModels.js';

/** t(0.975, 2), from tables. */
const T_2 = 4.302652729911275;

test('mean with its 95% t interval; none from one value', () => {
  const m = meanInterval([0.7, 0.8, 0.9]);
  const half = (T_2 * 0.1) / Math.sqrt(3);
  assert.ok(
    Math.abs(m.mean - 0.8) < 1e-12 && Math.abs((m.low ?? NaN) - (0.8 - half)) < 1e-9 && Math.abs((m.high ?? NaN) - (0.8 + half)) < 1e-9,
  );
  assert.deepEqual(meanInterval([0.5]), { mean: 0.5, low: null, high: null, n: 1 });
});

const seeds = [1, 2, 3];
const singles = { yelp: [0.7, 0.8, 0.9], imdb: [0.6, 0.6, 0.66] };
const joint = { yelp: [0.75, 0.85, 0.93], imdb: [0.6, 0.62, 0.64] };

/** Three seeds of single yelp, single imdb and joint imdb+yelp, with transfer scores. */
function runs() {
  return seeds.flatMap((seed, i) => [
    tinyRun(['yelp'], seed, { yelp: singles.yelp[i] }, { transfer: { yelp: { imdb: 0.6 + i / 100 } } }),
    tinyRun(['imdb'], seed, { imdb: singles.imdb[i] }, { transfer: { imdb: { yelp: 0.5 } } }),
    tinyRun(
      ['imdb', 'yelp'],
      seed,
      { imdb: joint.imdb[i], yelp: joint.yelp[i] },
      { transfer: { yelp: { imdb: 0.65 }, imdb: { yelp: 0.55 + i / 100 } } },
    ),
  ]);
}

test('view 1: each task alone and with each partner, intervals over seeds, p-values as in the gain matrix', () => {
  const rows = scoreComparison(runs(), ['yelp', 'imdb']);
  assert.deepEqual(
    rows.map((r) => [r.task, r.partner]),
    [
      ['yelp', null],
      ['yelp', 'imdb'],
      ['imdb', null],
      ['imdb', 'yelp'],
    ],
  );
  assert.deepEqual(rows[0].f1, meanInterval(singles.yelp));
  assert.deepEqual(rows[1].f1, meanInterval(joint.yelp));
  assert.equal(rows[0].pValue, null);
  const gain = computeGains(runs(), ['yelp', 'imdb']).rows.find((g) => g.main === 'yelp' && g.aux === 'imdb');
  assert.equal(rows[1].pValue, gain?.pValue);
  assert.ok(rows[1].pValue !== null && rows[1].pValue < 0.05, 'joint yelp is higher by 0.03–0.05 in every seed');
});

test('view 3: every head on every test set it was scored on, and what its model knew of that task', () => {
  const cells = transferTable(runs(), ['yelp', 'imdb']);
  const cell = (model: string, head: string, test: string) =>
    cells.find((c) => c.model === model && c.head === head && c.testTask === test);
  assert.equal(cells.length, 8);
  assert.equal(cell('yelp', 'yelp', 'yelp')?.relation, 'own task');
  assert.deepEqual(cell('yelp', 'yelp', 'yelp')?.accuracy, meanInterval(singles.yelp));
  assert.equal(cell('yelp', 'yelp', 'imdb')?.relation, 'never trained on it');
  assert.ok(Math.abs((cell('yelp', 'yelp', 'imdb')?.accuracy.mean ?? NaN) - 0.61) < 1e-12);
  assert.equal(cell('imdb+yelp', 'imdb', 'yelp')?.relation, 'shared layer trained on it');
  const compared = sharedLayerComparisons(cells);
  assert.deepEqual(
    compared.map((c) => [c.testTask, c.head, c.alone.mean, c.joint.mean].map(String)),
    [
      ['yelp', 'imdb', '0.5', String(meanInterval([0.55, 0.56, 0.57]).mean)],
      ['imdb', 'yelp', String(meanInterval([0.6, 0.61, 0.62]).mean), '0.65'],
    ],
  );
});

test('views 2 and 3 are null when no run kept their records; view 2 has both importance variants when one did', () => {
  const plain = runs().map(({ heads, ...run }) => ({
    ...run,
    heads: Object.fromEntries(Object.entries(heads).map(([t, h]) => [t, { ...h, best: { ...h.best, transfer: undefined } }])),
  }));
  const views = modelViews(plain, ['yelp', 'imdb']);
  assert.equal(views.importance, null);
  assert.equal(views.transfer, null);
  assert.equal(views.scores.length, 4);
  const withImportance = modelViews([...plain, tinyRun(['yelp'], 4, { yelp: 0.8 }, { layer: LAYER_A })], ['yelp', 'imdb']);
  assert.deepEqual(
    withImportance.importance?.map((v) => [v.variant, v.models.map((m) => m.model)]),
    [
      ['absSum', ['yelp']],
      ['sum', ['yelp']],
    ],
  );
});
