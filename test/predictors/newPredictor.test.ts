import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeScoreboard } from '../../src/cli/predictors.js';
import type { Predictor } from '../../src/predictors/predictor.js';
import { predictorRegistry } from '../../src/predictors/registry.js';
import { scoreStudyPredictors } from '../../src/workflows/predictors.js';
import { loadReportContext } from '../../src/report/loadReportContext.js';
import { predictorsSection } from '../../src/report/sections/predictorsSection.js';
import { copyTinyStudy } from '../report/tinyStudy.js';
import { oraclePredictor } from './oraclePredictor.js';

test('a new predictor is one file and one registry line: the scoreboard scores it, the terminal and the report show it', async () => {
  (predictorRegistry as Predictor[]).push(oraclePredictor);
  try {
    const { studyDir, cacheDir } = copyTinyStudy();
    const permutations = 99;
    const { record } = await scoreStudyPredictors(studyDir, { permutations, resamples: 50, cacheDir });
    const entry = record.predictors.at(-1);
    assert.equal(entry?.name, 'oracle');
    assert.ok(entry.status === 'ok', entry.status === 'ok' ? '' : entry.reason);
    // Knowing the gains, it ranks and signs every pair right, never regrets, and no shuffle of the gains beats it.
    assert.deepEqual([entry.scores.spearmanPerMain, entry.scores.accuracy, entry.scores.regret], [1, 1, 0]);
    assert.equal(entry.pValues.spearmanPerMain, 1 / (permutations + 1));
    assert.equal(entry.definition, oraclePredictor.definition);

    assert.ok(describeScoreboard(record).some((line) => line.startsWith('oracle (test)')));
    const rendered = predictorsSection.render(await loadReportContext(studyDir, { cacheDir }));
    assert.ok(rendered !== null);
    assert.match(rendered.html, /oracle \(test\)/);
    assert.match(rendered.html, /the ceiling every predictor is measured against/);
  } finally {
    (predictorRegistry as Predictor[]).pop();
  }
});
