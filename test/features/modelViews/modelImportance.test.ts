import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelImportance, rankPairs } from '../../../src/features/modelViews/modelImportance.js';
import { blogComparisons, rankAgreements } from '../../../src/features/modelViews/rankAgreements.js';
import { studyModels } from '../../../src/features/modelViews/studyModels.js';
import { LAYER_A, LAYER_B, tinyRun } from './tinyModels.js';

const TASKS = ['yelp', 'imdb'];

/** Seed 1 of every model has layer A, seed 2 layer B: runs of one seed agree perfectly, runs of two seeds do not. */
function runs() {
  return [1, 2].flatMap((seed) => {
    const layer = seed === 1 ? LAYER_A : LAYER_B;
    return [
      tinyRun(['yelp'], seed, { yelp: 0.8 }, { layer }),
      tinyRun(['imdb'], seed, { imdb: 0.7 }, { layer }),
      tinyRun(['imdb', 'yelp'], seed, { imdb: 0.7, yelp: 0.8 }, { layer }),
    ];
  });
}

test('models: single-task models in task order, then joint models; runs in seed order', () => {
  const models = studyModels(runs().reverse(), TASKS);
  assert.deepEqual(
    models.map((m) => [m.name, m.runs.map((r) => r.seed)]),
    [
      ['yelp', [1, 2]],
      ['imdb', [1, 2]],
      ['imdb+yelp', [1, 2]],
    ],
  );
});

test('a model’s importance is the mean over its seeds, ranked; its ranks pair up with another model’s', () => {
  const yelp = modelImportance(studyModels(runs(), TASKS)[0], 'absSum');
  // |weights| of A and B: good 3, 2; bad 3.5, 4; the 1, 0.5; movie 1.5, 1; food 0.5, 3.
  assert.deepEqual(yelp?.words, [
    { word: 'bad', importance: 3.75, rank: 1 },
    { word: 'good', importance: 2.5, rank: 2 },
    { word: 'food', importance: 1.75, rank: 3 },
    { word: 'movie', importance: 1.25, rank: 4 },
    { word: 'the', importance: 0.75, rank: 5 },
  ]);
  assert.equal(yelp?.seeds, 2);
  const single = modelImportance({ name: 'yelp', tasks: ['yelp'], runs: [tinyRun(['yelp'], 1, { yelp: 0.8 }, { layer: LAYER_A })] }, 'sum');
  assert.ok(yelp !== null && single !== null);
  assert.deepEqual(rankPairs(single, yelp)[0], { word: 'good', rankA: 1, rankB: 2 });
  assert.equal(modelImportance({ name: 'yelp', tasks: ['yelp'], runs: [tinyRun(['yelp'], 1, { yelp: 0.8 })] }, 'sum'), null);
});

test('the blog’s comparisons per joint model, then each compared model against itself', () => {
  const pairs = blogComparisons(studyModels(runs(), TASKS)).map(([a, b]) => `${a.name}~${b.name}`);
  assert.deepEqual(pairs, ['yelp~imdb', 'yelp~imdb+yelp', 'imdb~imdb+yelp', 'yelp~yelp', 'imdb~imdb', 'imdb+yelp~imdb+yelp']);
});

test('rank agreement pairs runs of different seeds only, never runs that share their initial weights', () => {
  const rows = rankAgreements(blogComparisons(studyModels(runs(), TASKS)), 'absSum');
  // Different models: (seed 1, seed 2) and (seed 2, seed 1), i.e. A vs B twice: ρ = 0.4 by hand (wordImportance test).
  // Same-seed pairs would have given ρ = 1.
  const crossModel = rows.find((r) => r.a === 'yelp' && r.b === 'imdb');
  assert.equal(crossModel?.comparisons, 2);
  assert.ok(Math.abs((crossModel?.rho ?? NaN) - 0.4) < 1e-12 && crossModel?.min === crossModel?.max);
  // One model against itself: seed 1 vs seed 2 once.
  const self = rows.find((r) => r.a === 'yelp' && r.b === 'yelp');
  assert.equal(self?.comparisons, 1);
  assert.equal(self?.words, 5);
  const signed = rankAgreements(blogComparisons(studyModels(runs(), TASKS)), 'sum').find((r) => r.a === 'yelp' && r.b === 'yelp');
  assert.ok(Math.abs((signed?.rho ?? NaN) - 1 / 9.5) < 1e-12);
});

test('a model with one seed has nothing to compare: ρ is absent, not 1', () => {
  const one = runs().filter((r) => r.seed === 1);
  const self = rankAgreements(blogComparisons(studyModels(one, TASKS)), 'sum').find((r) => r.a === r.b);
  assert.deepEqual(self && { rho: self.rho, min: self.min, comparisons: self.comparisons }, { rho: null, min: null, comparisons: 0 });
});
