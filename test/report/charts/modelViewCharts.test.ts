import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelViews } from '../../../src/features/modelViews/modelViews.js';
import { buildRankScatterSpec } from '../../../src/report/charts/rankScatter.js';
import { buildScoreIntervalsSpec } from '../../../src/report/charts/scoreIntervals.js';
import { VARIANT_PARAM } from '../../../src/report/charts/importanceVariant.js';
import { buildTopWordsSpec } from '../../../src/report/charts/topWords.js';
import { buildTransferMatrixSpec } from '../../../src/report/charts/transferMatrix.js';
import { LAYER_A, LAYER_B, tinyRun } from '../../features/modelViews/tinyModels.js';
import { compileStrict, headlessView } from '../chartTesting.js';

const TASKS = ['yelp', 'imdb'];

/** Three seeds of single yelp, single imdb and joint imdb+yelp, with both records; yelp gains clearly when joint. */
function recordedRuns() {
  return [1, 2, 3].flatMap((seed) => {
    const layer = seed === 2 ? LAYER_B : LAYER_A;
    return [
      tinyRun(['yelp'], seed, { yelp: 0.7 + seed / 100 }, { layer, transfer: { yelp: { imdb: 0.6 } } }),
      tinyRun(['imdb'], seed, { imdb: 0.6 }, { layer: LAYER_B, transfer: { imdb: { yelp: 0.5 } } }),
      tinyRun(
        ['imdb', 'yelp'],
        seed,
        { imdb: 0.6, yelp: 0.8 + seed / 1000 },
        { layer, transfer: { yelp: { imdb: 0.65 }, imdb: { yelp: 0.55 } } },
      ),
    ];
  });
}

const views = modelViews(recordedRuns(), TASKS);

/** Whether some mark's accessible description (vega lists a mark's encoded fields there) has every fragment. */
function drawn(svg: string, ...fragments: string[]): boolean {
  return [...svg.matchAll(/aria-label="([^"]*)"/g)].some(([, label]) => fragments.every((f) => label.includes(f)));
}

test('view 1 chart: one panel per task, alone first; a joint model that differs with p < 0.05 is coloured by direction', async () => {
  const spec = buildScoreIntervalsSpec(views.scores);
  compileStrict(spec);
  const svg = await (await headlessView(spec)).toSVG();
  assert.ok(drawn(svg, 'task: yelp', 'trained: with imdb', 'mean test F1: 0.802'));
  const values = (spec.data as { values: { task: string; model: string; outcome: string }[] }).values;
  assert.deepEqual(
    values.map((v) => [v.task, v.model, v.outcome]),
    [
      ['yelp', 'alone', 'alone'],
      ['yelp', 'with imdb', 'better'],
      ['imdb', 'alone', 'alone'],
      ['imdb', 'with yelp', 'no clear difference'],
    ],
  );
});

test('top words: |weights| is the default importance, the drop-down switches to the blog’s signed sum', async () => {
  const spec = buildTopWordsSpec(views.importance ?? [], 2);
  compileStrict(spec);
  const view = await headlessView(spec);
  // yelp alone, |weights| over seeds 1–3 (A, B, A): bad (3.5+4+3.5)/3 first, good (3+2+3)/3 second.
  const strength = await view.toSVG();
  assert.ok(drawn(strength, 'model: yelp alone', 'word: bad', 'rank: 1', 'importance: 3.666'));
  assert.ok(drawn(strength, 'model: yelp alone', 'word: good', 'rank: 2'));
  assert.ok(!drawn(strength, 'word: the'), 'only the top 2');
  await view.signal(VARIANT_PARAM, 'sum').runAsync();
  // Signed sums over seeds (A, B, A): good (3 + 2 + 3)/3 first.
  assert.ok(drawn(await view.toSVG(), 'model: yelp alone', 'word: good', 'rank: 1', 'importance: 2.666'));
  view.finalize();
});

test('rank scatter: one panel per pair of different models, with its mean ρ over runs of different seeds', async () => {
  const spec = buildRankScatterSpec(views.importance ?? []);
  compileStrict(spec);
  const svg = await (await headlessView(spec)).toSVG();
  for (const panel of ['yelp alone', 'imdb alone', 'imdb + yelp']) assert.ok(svg.includes(panel), panel);
  // yelp alone (A, B, A) vs imdb alone (B, B, B) across seeds: A vs B four times (ρ 0.4), B vs B twice (ρ 1).
  assert.match(svg, />ρ = 0\.60</);
  // food: mean |weights| 1.75 is third in yelp alone, 3 is second in imdb alone (B only).
  assert.ok(
    drawn(
      svg,
      'word: food',
      'first model: yelp alone',
      'second model: imdb alone',
      'rank in the first model: 3',
      'rank in the second model: 2',
    ),
  );
});

test('transfer matrix: test sets across, heads down grouped by task, own-task cells outlined black', async () => {
  const spec = buildTransferMatrixSpec(views.transfer ?? [], TASKS);
  compileStrict(spec);
  const view = await headlessView(spec);
  const stroke = view.scale('stroke') as (relation: string) => string;
  assert.equal(stroke('own task'), '#111111');
  assert.equal(stroke('shared layer trained on it'), '#e08214');
  assert.deepEqual((view.scale('y') as { domain(): string[] }).domain(), [
    'yelp head, alone',
    'yelp head, with imdb',
    'imdb head, alone',
    'imdb head, with yelp',
  ]);
  assert.ok(
    drawn(
      await view.toSVG(),
      'test set of: imdb',
      'head: yelp head, with imdb',
      'the model and this task: shared layer trained on it',
      'accuracy: 0.65',
    ),
  );
  view.finalize();
});
