import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScoreboardRecord, ScoredEntry } from '../../src/predictors/scoreboardRecord.js';
import { scoreboardVerdict } from '../../src/report/scoreboardVerdict.js';
import { scoredTinyStudy } from '../predictors/scoreboardFixture.js';

/** The tiny study's scoreboard with the lookahead's Holm-adjusted p-values replaced. */
async function withLookahead(adjusted: Partial<ScoredEntry['adjustedPValues']>): Promise<ScoreboardRecord> {
  const { record } = await scoredTinyStudy();
  const copy = structuredClone(record);
  for (const p of copy.predictors) if (p.status === 'ok' && p.name === 'lookahead') Object.assign(p.adjustedPValues, adjusted);
  return copy;
}

test('the verdict trusts a predictor only when its Holm-adjusted p is below α, and says what its first choice costs', async () => {
  const { record } = await scoredTinyStudy();
  const lookahead = record.predictors.find((p) => p.name === 'lookahead') as ScoredEntry;
  // As computed: raw p 0.015 or so, but Holm over nine predictors lifts it above 0.05.
  assert.ok((lookahead.pValues.spearmanPerMain ?? 1) < 0.05 && (lookahead.adjustedPValues.spearmanPerMain ?? 0) >= 0.05);
  assert.match(
    scoreboardVerdict(record),
    /^No predictor ranks auxiliary tasks better than chance on this study: the closest, TAG lookahead affinity, has mean ρ per main task 0\.75 \(95 % CI/,
  );
  const trusted = scoreboardVerdict(await withLookahead({ spearmanPerMain: 0.01, accuracy: 0.02 }));
  assert.match(
    trusted,
    /^Trust TAG lookahead affinity to rank auxiliary tasks: mean ρ per main task 0\.75 \(95 % CI [^)]+\), permutation p = 0\.\d{3}, Holm-adjusted 0\.010 over 4 main tasks; its first choice costs \+0\.5% against the best auxiliary task \(random choice \+2\.7%, best fixed choice 0\.0%\)\./,
  );
  assert.match(
    trusted,
    /TAG lookahead affinity predicts whether a pair gains better than chance \(held-out accuracy 0\.83 against 0\.58 for the majority class/,
  );
});

test('without three auxiliary tasks per main task the verdict judges first choices by regret', async () => {
  const { record } = await scoredTinyStudy();
  const copy = structuredClone(record);
  for (const p of copy.predictors) if (p.status === 'ok') p.scores.spearmanPerMain = null;
  assert.match(
    scoreboardVerdict(copy),
    /^No main task has the three auxiliary tasks a rank correlation needs, so only first choices can be tested, and none beats chance \(closest: .*regret@1 /,
  );
});
