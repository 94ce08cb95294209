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
  // Main task by main task, its first choice was better than the fixed choice's once and worse once.
  assert.match(
    trusted,
    /\. It does not beat the best fixed choice, which needs no model \(the auxiliary task that helped the other main tasks most\): regret@1 \+0\.4% against it \(95 % CI −0\.1% to \+1\.4%\), a better first choice for 1 and a worse one for 1 of 4 main tasks \(paired sign-flip p = 0\.750\)\./,
  );
  const beating = await withLookahead({ spearmanPerMain: 0.01 });
  for (const p of beating.predictors)
    if (p.status === 'ok' && p.name === 'lookahead')
      p.versusFixed = { meanDifference: -0.02, interval: [-0.03, -0.01], better: 3, worse: 0, same: 1, pValue: 0.0624 };
  assert.match(
    scoreboardVerdict(beating),
    /It does not beat the best fixed choice.*: regret@1 −2\.0% against it \(95 % CI −3\.0% to −1\.0%\), a better first choice for 3 and a worse one for 0 of 4 main tasks \(paired sign-flip p = 0\.062\)/,
  );
  for (const p of beating.predictors) if (p.status === 'ok' && p.name === 'lookahead') p.versusFixed.pValue = 0.04;
  assert.match(
    scoreboardVerdict(beating),
    /It also beats the best fixed choice \(the auxiliary task that helped the other main tasks most\): regret@1 −2\.0%/,
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
