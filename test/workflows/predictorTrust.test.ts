import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gainModelTrust } from '../../src/meta/metaColumns.js';
import { evaluateRecommendations } from '../../src/meta/recommendationEvaluation.js';
import { readScoreboard } from '../../src/predictors/scoreboardFile.js';
import { scoreStudyPredictors } from '../../src/workflows/predictors.js';
import { openKnowledgeStudy } from '../../src/workflows/knowledgeStudy.js';
import { knowledgeTrust } from '../../src/workflows/predictorTrust.js';
import { copyTinyStudy } from '../report/tinyStudy.js';

test('without a scoreboard, the meta-model is trusted by its replayed ranking and the other columns are unscored', async () => {
  const { studyDir } = copyTinyStudy();
  const knowledge = await openKnowledgeStudy(studyDir);
  const trust = knowledgeTrust(knowledge);
  const meta = trust('meta-all');
  const replay = evaluateRecommendations(knowledge.analysis.pairs, knowledge.analysis.meta.protocol);
  assert.ok(meta.status === 'ok' && replay.precisionAtOne !== null);
  assert.equal(meta.value, replay.precisionAtOne);
  assert.equal(meta.chance, replay.randomPrecision);
  assert.match(
    meta.statement,
    new RegExp(
      `^its top pick gained for ${Math.round(replay.precisionAtOne * replay.evaluated)} of ${replay.evaluated} held-out study tasks`,
    ),
  );
  assert.deepEqual(trust('lookahead'), {
    status: 'unavailable',
    reason: `study tiny-study has no predictors.json (taskrel predictors ${studyDir} scores every predictor)`,
  });
});

test('with a scoreboard, each column is trusted by its scoreboard row: ρ per main task, regret and sign accuracy against chance', async () => {
  const { studyDir, cacheDir } = copyTinyStudy();
  await scoreStudyPredictors(studyDir, { permutations: 50, resamples: 50, cacheDir });
  const board = readScoreboard(studyDir);
  assert.ok(board !== null);
  const trust = knowledgeTrust(await openKnowledgeStudy(studyDir));
  const row = board.predictors.find((p) => p.name === 'meta-all');
  assert.ok(row?.status === 'ok');
  const meta = trust('meta-all');
  assert.ok(meta.status === 'ok');
  assert.equal(meta.value, row.scores.spearmanPerMain);
  assert.equal(meta.chance, 0);
  const regret = `${(100 * row.scores.regret).toFixed(1)} %`;
  assert.ok(meta.statement.startsWith('on study tiny-study: '), meta.statement);
  assert.ok(meta.statement.includes(`its first choice lost ${regret} against the best auxiliary task`), meta.statement);
  assert.ok(meta.statement.includes(`majority class ${Math.round(100 * row.scores.majorityAccuracy)} %`), meta.statement);
  // affinity.json is absent, so the lookahead is on the scoreboard as unavailable, with the scoreboard's reason.
  const lookahead = trust('lookahead');
  assert.ok(lookahead.status === 'unavailable');
  assert.match(lookahead.reason, /^on study tiny-study: /);
  assert.deepEqual(trust('unknown'), { status: 'unavailable', reason: 'not on the scoreboard of study tiny-study' });
});

test('the predicted gain is trusted as far as it beats predicting the mean gain on held-out main tasks', () => {
  const check = { pairs: 20, tasks: 5, meanAbsoluteError: 0.012, baselineMeanAbsoluteError: 0.021, halfWidth: 0.0206, level: 0.8 };
  const better = gainModelTrust(check);
  assert.ok(better.status === 'ok');
  assert.equal(
    better.statement,
    'on 20 held-out pairs it was off by 1.2 points on average, better than predicting the mean gain (2.1 points); 80 % intervals are ±2.1 points',
  );
  const worse = gainModelTrust({ ...check, meanAbsoluteError: 0.03, halfWidth: null, pairs: 3 });
  assert.ok(worse.status === 'ok');
  assert.equal(
    worse.statement,
    'on 3 held-out pairs it was off by 3.0 points on average, no better than predicting the mean gain (2.1 points); too few held-out pairs (3) to size the 80 % interval',
  );
  assert.equal(gainModelTrust(null).status, 'unavailable');
});
