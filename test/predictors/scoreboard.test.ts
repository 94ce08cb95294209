import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { exhaustivePartition } from '../../src/affinity/taskGrouping.js';
import { informationMeasures } from '../../src/features/similarity/informationMeasures.js';
import { labelContingency } from '../../src/features/similarity/labelContingency.js';
import { wordLabelCounts } from '../../src/features/similarity/wordLabelCounts.js';
import { predictorRegistry } from '../../src/predictors/registry.js';
import { readScoreboard } from '../../src/predictors/scoreboardFile.js';
import type { ScoredEntry } from '../../src/predictors/scoreboardRecord.js';
import { changedInputs } from '../../src/predictors/scoreboardInputs.js';
import { scoreStudyPredictors } from '../../src/workflows/predictors.js';
import { validateScoreboard } from '../../src/predictors/validateScoreboard.js';
import { readGains, readRuns, readStudySpec } from '../../src/study/studyFolder.js';
import { loadTaskRef } from '../../src/study/taskRef.js';
import { tinyAffinityRecord } from '../affinity/affinityFixture.js';
import { tinyMeta } from '../report/metaFixture.js';
import { copyTinyStudy } from '../report/tinyStudy.js';
import { scoredTinyStudy } from './scoreboardFixture.js';

const entry = (entries: readonly { name: string; status: string }[], name: string): ScoredEntry => {
  const found = entries.find((e) => e.name === name);
  assert.ok(found !== undefined && found.status === 'ok', `${name} is scored`);
  return found as ScoredEntry;
};

test('every registered predictor is scored, in registry order, and predictors.json reads back as written', async () => {
  const { studyDir, record } = await scoredTinyStudy();
  assert.deepEqual(
    record.predictors.map((p) => [p.name, p.status]),
    predictorRegistry.map((p) => [p.name, 'ok']),
  );
  assert.deepEqual(readScoreboard(studyDir), record);
  assert.deepEqual(record.truth.tasks, ['chunk', 'ner-conll', 'pos', 'sentiment']);
  assert.deepEqual([record.truth.pairs, record.truth.mainTasks, record.truth.excluded.length], [12, 4, 0]);
  for (const e of record.predictors) {
    if (e.status !== 'ok') continue;
    for (const statistic of ['accuracy', 'spearmanPerMain', 'regret'] as const) {
      const p: number | null = e.pValues[statistic];
      const adjusted: number | null = e.adjustedPValues[statistic];
      if (e.scores[statistic] === null) {
        // aux-size: the four tiny tasks are equally large, so its ρ is undefined, and so is the test
        assert.deepEqual([p, adjusted], [null, null], `${e.name} ${statistic}`);
        continue;
      }
      assert.ok(p !== null && adjusted !== null && p >= 1 / 200 && p <= 1 && adjusted >= p, `${e.name} ${statistic}: ${p}, ${adjusted}`);
    }
  }
});

test('the meta-model’s held-out predictions are meta.json’s leave-one-main-task-out probabilities', async () => {
  const { record } = await scoredTinyStudy();
  const meta = tinyMeta().evaluations.all;
  assert.ok(meta.status === 'ok' && meta.leaveOneMainTaskOut.status === 'ok');
  const held = meta.leaveOneMainTaskOut;
  const scored = entry(record.predictors, 'meta-all');
  for (const p of scored.predictions) {
    const expected = held.tasks.find((t) => t.main === p.main)?.predictions.find((x) => x.aux === p.aux)?.probability;
    assert.ok(expected !== undefined && Math.abs(p.score - expected) < 1e-9, `${p.main}/${p.aux}: ${p.score} vs ${expected}`);
  }
  assert.equal(scored.scores.accuracy, held.accuracy);
});

test('affinity scores are read the right way round; costs are counted against the pairwise study', async () => {
  const { studyDir, record } = await scoredTinyStudy();
  const affinity = tinyAffinityRecord();
  const lookahead = entry(record.predictors, 'lookahead');
  const score = (e: ScoredEntry, main: string, aux: string) => e.predictions.find((p) => p.main === main && p.aux === aux)?.score;
  // chunk helped by pos: a step on pos (row 2) measured on chunk (column 0)
  assert.equal(score(lookahead, 'chunk', 'pos'), affinity.lookahead[2][0]);
  assert.equal(score(lookahead, 'pos', 'chunk'), affinity.lookahead[0][2]);
  assert.equal(score(entry(record.predictors, 'cosine'), 'sentiment', 'ner-conll'), 0.05);
  const runs = readRuns(studyDir);
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  assert.deepEqual(record.truth.cost, { runs: 20, batches: sum(runs.map((r) => r.batches)), seconds: sum(runs.map((r) => r.seconds)) });
  assert.deepEqual(lookahead.cost, { batches: 1600 + 200 + 1000, seconds: 120 });
  assert.equal(lookahead.ratio.batches, 2800 / record.truth.cost.batches);
  assert.deepEqual(entry(record.predictors, 'cosine').cost, { batches: 1800, seconds: 99 });
  const singles = runs.filter((r) => r.kind === 'single');
  assert.deepEqual(entry(record.predictors, 'meta-all').cost, {
    batches: sum(singles.map((r) => r.batches)),
    seconds: sum(singles.map((r) => r.seconds)),
  });
  assert.deepEqual(entry(record.predictors, 'meta-data').cost, { batches: 0, seconds: null });
  assert.equal(entry(record.predictors, 'label-nmi').cost.batches, 0);
});

test('the no-training similarity is the NMI of the two tasks’ training data; the best fixed choice is its own predictor', async () => {
  const { studyDir, cacheDir, record } = await scoredTinyStudy();
  const spec = readStudySpec(studyDir);
  const train = async (name: string) =>
    (await loadTaskRef(spec.tasks.find((t) => typeof t !== 'string' && t.name === name) ?? name, { cacheDir }))?.train ?? [];
  const expected = informationMeasures(
    labelContingency(wordLabelCounts(await train('pos')), wordLabelCounts(await train('chunk'))).table,
  )?.nmiJoint;
  const nmi = entry(record.predictors, 'label-nmi').predictions.find((p) => p.main === 'pos' && p.aux === 'chunk');
  assert.ok(expected !== undefined && expected !== null && nmi !== undefined && Math.abs(nmi.score - expected) < 1e-12);
  const best = entry(record.predictors, 'best-mean-gain');
  assert.equal(best.fixedRegret, best.scores.regret);
  for (const e of record.predictors)
    if (e.status === 'ok' && e.scores.pairs === 12) assert.equal(e.fixedRegret, best.scores.regret, e.name);
  // The fixed choice against itself: the same first choice everywhere. Every other row's mean difference is its regret's.
  assert.deepEqual([best.versusFixed.better, best.versusFixed.worse, best.versusFixed.pValue], [0, 0, 1]);
  for (const e of record.predictors) {
    if (e.status === 'ok' && e.scores.pairs === 12)
      assert.ok(Math.abs(e.versusFixed.meanDifference - (e.scores.regret - e.fixedRegret)) < 1e-12, e.name);
  }
});

test('groupings: the best partition under the gains, and each predictor with a neutral value valued by the gains', async () => {
  const { studyDir, record } = await scoredTinyStudy();
  const tasks = record.truth.tasks;
  const gains = await readGains(studyDir);
  const truth = tasks.map((aux) => tasks.map((main) => gains.find((g) => g.main === main && g.aux === aux)?.gain ?? 0));
  assert.deepEqual(
    record.groupings.map((g) => g.k),
    [2, 3],
  );
  for (const grouping of record.groupings) {
    assert.deepEqual(
      grouping.truth.groups,
      exhaustivePartition(truth, grouping.k).groups.map((g) => g.map((i) => tasks[i])),
    );
    assert.deepEqual(
      grouping.predictors.map((p) => p.name),
      ['meta-all', 'meta-data', 'meta-curve', 'lookahead', 'cosine', 'best-mean-gain'],
    );
    for (const p of grouping.predictors) assert.ok(p.benefitUnderGains <= grouping.truth.benefit + 1e-12);
  }
});

test('without affinity.json or pairs.csv those predictors are unavailable with the command that makes them; changed inputs are detected', async () => {
  const { studyDir, cacheDir, root } = copyTinyStudy();
  try {
    rmSync(join(studyDir, 'pairs.csv'));
    const { record } = await scoreStudyPredictors(studyDir, { permutations: 19, resamples: 20, cacheDir });
    const reason = (name: string) => JSON.stringify(record.predictors.find((p) => p.name === name));
    assert.match(reason('lookahead'), /"unavailable".*no affinity\.json: run 'taskrel affinity'/);
    assert.match(reason('meta-curve'), /"unavailable".*no pairs\.csv yet: run 'taskrel analyze'/);
    assert.deepEqual(changedInputs(studyDir, record), []);
    const gains = join(studyDir, 'gains.csv');
    rmSync(gains);
    assert.deepEqual(changedInputs(studyDir, record), ['gains']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a malformed predictors.json is one error naming the file and field', async () => {
  const { studyDir } = await scoredTinyStudy();
  const json = JSON.parse(readFileSync(join(studyDir, 'predictors.json'), 'utf8'));
  json.predictors[0].scores.accuracy = 1.5;
  assert.throws(
    () => validateScoreboard(json, 'x/predictors.json'),
    /x\/predictors\.json: predictors\[0\]\.scores\.accuracy: expected a number ≥ 0 ≤ 1, got 1\.5/,
  );
  delete json.predictors[0].scores;
  json.predictors[0].extra = 1;
  assert.throws(() => validateScoreboard(json, 'x/predictors.json'), /predictors\[0\]\.extra: unknown field/);
});
