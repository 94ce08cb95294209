import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateRecommendation } from '../../src/meta/validateRecommendation.js';
import { syntheticRecommendation } from './recommendationFixture.js';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

test('a recommendation survives JSON and validation unchanged, verified or not', () => {
  for (const verified of [true, false]) {
    const stored = roundTrip(syntheticRecommendation(verified));
    assert.deepEqual(validateRecommendation(stored, 'recommend-t5.json'), stored);
  }
});

test('a damaged file is one error naming the file and the field', () => {
  const json = roundTrip(syntheticRecommendation()) as { ranking: { probability: unknown }[]; model: { min: number[] }; extra?: number };
  json.ranking[1].probability = 1.5;
  assert.throws(
    () => validateRecommendation(json, 'r.json'),
    /^TaskrelError: r\.json: ranking\[1\]\.probability: expected a number ≥ 0 ≤ 1, got 1\.5$/,
  );
  const short = roundTrip(syntheticRecommendation()) as { model: { min: number[] } };
  short.model.min.pop();
  assert.throws(
    () => validateRecommendation(short, 'r.json'),
    /r\.json: model: expected coefficients, min and max with one entry per feature/,
  );
  assert.throws(
    () => validateRecommendation({ ...syntheticRecommendation(), rankings: [] }, 'r.json'),
    /unknown field \(did you mean 'ranking'\?\)/,
  );
  assert.throws(
    () => validateRecommendation({ ...syntheticRecommendation(), format: 'taskrel-meta/1' }, 'r.json'),
    /format: expected one of 'taskrel-recommendation\/2'/,
  );
  assert.throws(
    () => validateRecommendation({ ...syntheticRecommendation(), format: 'taskrel-recommendation/1' }, 'r.json'),
    /^TaskrelError: r\.json: format: expected 'taskrel-recommendation\/2' \(this file was written by an earlier taskrel: run taskrel recommend again\)/,
  );
  const column = roundTrip(syntheticRecommendation()) as { predictors: { show: string }[] };
  column.predictors[2].show = 'both';
  assert.throws(
    () => validateRecommendation(column, 'r.json'),
    /r\.json: predictors\[2\]\.show: expected one of 'value', 'rank', got "both"/,
  );
});
