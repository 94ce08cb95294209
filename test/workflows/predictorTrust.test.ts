import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gainModelTrust } from '../../src/meta/metaColumns.js';
import { evaluateRecommendations } from '../../src/meta/recommendationEvaluation.js';
import { openKnowledgeStudy } from '../../src/workflows/knowledgeStudy.js';
import { knowledgeTrust } from '../../src/workflows/predictorTrust.js';
import { copyTinyStudy } from '../report/tinyStudy.js';

test("the knowledge study's trust: the meta-model by its replayed ranking, the lookahead only once affinity.json scores it", async () => {
  const { studyDir } = copyTinyStudy();
  const knowledge = await openKnowledgeStudy(studyDir);
  const trust = knowledgeTrust(knowledge);
  const meta = trust('meta-model');
  const replay = evaluateRecommendations(knowledge.analysis.pairs, knowledge.analysis.meta.protocol.C);
  assert.ok(meta?.status === 'ok' && replay.precisionAtOne !== null);
  assert.equal(meta.value, replay.precisionAtOne);
  assert.equal(meta.chance, replay.randomPrecision);
  assert.match(meta.statement, new RegExp(`^its top pick gained for ${Math.round(replay.precisionAtOne * replay.evaluated)} of ${replay.evaluated} held-out study tasks`));
  assert.deepEqual(trust('lookahead'), { status: 'unavailable', reason: "not scored on study tiny-study (taskrel affinity on its spec scores it against the study's gains)" });
  assert.equal(trust('similarity'), undefined, 'no verdict: the column keeps its own');
});

test('the predicted gain is trusted as far as it beats predicting the mean gain on held-out main tasks', () => {
  const check = { pairs: 20, tasks: 5, meanAbsoluteError: 0.012, baselineMeanAbsoluteError: 0.021, halfWidth: 0.0206, level: 0.8 };
  const better = gainModelTrust(check);
  assert.ok(better.status === 'ok');
  assert.equal(better.statement, 'on 20 held-out pairs it was off by 1.2 points on average, better than predicting the mean gain (2.1 points); 80 % intervals are ±2.1 points');
  const worse = gainModelTrust({ ...check, meanAbsoluteError: 0.03, halfWidth: null, pairs: 3 });
  assert.ok(worse.status === 'ok');
  assert.equal(worse.statement, 'on 3 held-out pairs it was off by 3.0 points on average, no better than predicting the mean gain (2.1 points); too few held-out pairs (3) to size the 80 % interval');
  assert.equal(gainModelTrust(null).status, 'unavailable');
});
