import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { compareAffinity } from '../../src/affinity/compareAffinity.js';
import { exhaustivePartition, partitionBenefit } from '../../src/affinity/taskGrouping.js';
import type { MetaReport } from '../../src/meta/metaReport.js';
import { validateMetaReport } from '../../src/meta/validateMetaReport.js';
import { readGains, readRuns } from '../../src/study/studyFolder.js';
import { tinyMeta } from '../report/metaFixture.js';
import { reportFixtures } from '../report/tinyStudy.js';
import { tinyAffinityRecord } from './affinityFixture.js';

const dir = join(reportFixtures, 'tiny-study');

/** The tiny study's gains, runs and meta.json. */
async function study(meta: MetaReport = tinyMeta()) {
  return { gains: await readGains(dir), runs: readRuns(dir), meta };
}

function heldOutProbability(meta: MetaReport, main: string, aux: string): number | undefined {
  const all = meta.evaluations.all;
  if (all.status !== 'ok' || all.leaveOneMainTaskOut.status !== 'ok') return undefined;
  return all.leaveOneMainTaskOut.tasks.find((t) => t.main === main)?.predictions.find((p) => p.aux === aux)?.probability;
}

test('each predictor’s score of a pair is read the right way round and scored against that pair’s gain', async () => {
  const record = tinyAffinityRecord();
  const evidence = await study();
  const comparison = compareAffinity(record, evidence);
  assert.ok(comparison !== null);
  assert.deepEqual(comparison.tasks, ['chunk', 'ner-conll', 'pos', 'sentiment']);
  const [lookahead, cosine, meta] = comparison.predictors;
  assert.ok(lookahead.status === 'ok' && cosine.status === 'ok' && meta.status === 'ok');
  assert.equal(lookahead.predictions.length, 12);
  const pair = (p: typeof lookahead, main: string, aux: string) => p.predictions.find((x) => x.main === main && x.aux === aux);
  // chunk helped by pos: a step on pos (row 2) measured on chunk (column 0)
  assert.equal(pair(lookahead, 'chunk', 'pos')?.predicted, record.lookahead[2][0]);
  assert.equal(pair(lookahead, 'pos', 'chunk')?.predicted, record.lookahead[0][2]);
  assert.equal(pair(cosine, 'sentiment', 'ner-conll')?.predicted, 0.05);
  const gain = evidence.gains.find((g) => g.main === 'chunk' && g.aux === 'pos')?.gain;
  assert.equal(pair(lookahead, 'chunk', 'pos')?.gain, gain);
  const held = heldOutProbability(evidence.meta, 'pos', 'sentiment');
  assert.ok(held !== undefined);
  assert.equal(pair(meta, 'pos', 'sentiment')?.predicted, held);
  assert.equal(meta.threshold, 0.5);
});

test('costs: the pairwise study is the sum of its runs; lookahead counts every pass, cosine only the gradients', async () => {
  const record = tinyAffinityRecord();
  const evidence = await study();
  const comparison = compareAffinity(record, evidence);
  assert.ok(comparison !== null);
  const batches = evidence.runs.reduce((s, r) => s + r.batches, 0);
  const seconds = evidence.runs.reduce((s, r) => s + r.seconds, 0);
  assert.deepEqual(comparison.study, { runs: 20, batches, seconds });
  const [lookahead, cosine, meta] = comparison.predictors;
  assert.ok(lookahead.status === 'ok' && cosine.status === 'ok' && meta.status === 'ok');
  assert.deepEqual(lookahead.cost, { batches: 1600 + 200 + 1000, seconds: 120 });
  assert.deepEqual(cosine.cost, { batches: 1600 + 200, seconds: 120 - 21 });
  const singles = evidence.runs.filter((r) => r.kind === 'single');
  assert.deepEqual(meta.cost, { batches: singles.reduce((s, r) => s + r.batches, 0), seconds: singles.reduce((s, r) => s + r.seconds, 0) });
  assert.equal(lookahead.ratio.batches, 2800 / batches);
  assert.equal(cosine.ratio.seconds, 99 / seconds);
});

test('groupings: the best under the gains, and each predictor’s choice valued by the gains', async () => {
  const comparison = compareAffinity(tinyAffinityRecord(), await study());
  assert.ok(comparison !== null);
  assert.deepEqual(comparison.groupings.map((g) => g.k), [2, 3]);
  const tasks = comparison.tasks;
  const gains = await readGains(dir);
  const truth = tasks.map((aux) => tasks.map((main) => gains.find((g) => g.main === main && g.aux === aux)?.gain ?? 0));
  for (const grouping of comparison.groupings) {
    const best = exhaustivePartition(truth, grouping.k);
    assert.deepEqual(grouping.truth.groups, best.groups.map((g) => g.map((i) => tasks[i])));
    assert.equal(grouping.method, 'exhaustive');
    assert.equal(grouping.predictors.length, 3);
    for (const { partition, benefitUnderGains } of grouping.predictors) {
      const indices = partition.groups.map((g) => g.map((t) => tasks.indexOf(t)));
      assert.ok(Math.abs(benefitUnderGains - partitionBenefit(truth, indices)) < 1e-12);
      assert.ok(benefitUnderGains <= grouping.truth.benefit + 1e-12);
    }
  }
  assert.deepEqual(compareAffinity(tinyAffinityRecord(), await study(), [3])?.groupings.map((g) => g.k), [3]);
});

test('the meta-model is unavailable, with the reason, without meta.json or without per-pair predictions in it', async () => {
  const none = compareAffinity(tinyAffinityRecord(), { ...(await study()), meta: null });
  assert.match(JSON.stringify(none?.predictors[2]), /unavailable.*taskrel analyze/);
  // meta.json as taskrel wrote it before it kept per-pair predictions still reads, without them
  const json = JSON.parse(JSON.stringify(tinyMeta())) as { evaluations: { all: { leaveOneMainTaskOut: { tasks: { predictions?: unknown }[] } } } };
  for (const task of json.evaluations.all.leaveOneMainTaskOut.tasks) delete task.predictions;
  const old = compareAffinity(tinyAffinityRecord(), await study(validateMetaReport(json, 'old/meta.json')));
  assert.match(JSON.stringify(old?.predictors[2]), /no per-pair predictions/);
});

test('nothing to compare without gains of the run’s tasks', async () => {
  assert.equal(compareAffinity(tinyAffinityRecord(), { gains: [], runs: [], meta: null }), null);
});
