import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verificationChoice } from '../../src/workflows/recommendVerify.js';

// The verification runs themselves (trained, scored, printed against the predictions) are exercised end to end
// on a trained study in test/cli/recommend.test.ts.
test('--verify K trains the top K and, for contrast, the bottom one', () => {
  const ranked = ['a', 'b', 'c', 'd', 'e'];
  assert.deepEqual(verificationChoice(ranked, 0), []);
  assert.deepEqual(verificationChoice(ranked, 1), ['a', 'e']);
  assert.deepEqual(verificationChoice(ranked, 2), ['a', 'b', 'e']);
  assert.deepEqual(verificationChoice(ranked, 4), ['a', 'b', 'c', 'd', 'e']);
  assert.deepEqual(verificationChoice(ranked, 9), ranked);
  assert.deepEqual(verificationChoice(['a'], 1), ['a']);
});
