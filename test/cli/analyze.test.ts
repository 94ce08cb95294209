import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeCommand, describeAnalysis } from '../../src/cli/analyze.js';
import type { Analysis } from '../../src/workflows/analyze.js';
import { baselines } from '../../src/meta/baselines.js';

test('analyze rejects bad arguments with one-line errors', async () => {
  await assert.rejects(analyzeCommand.run([]), /^TaskrelError: taskrel analyze: missing study folder/);
  await assert.rejects(analyzeCommand.run(['a', 'b']), /unexpected 'b'; expected one study folder/);
  await assert.rejects(
    analyzeCommand.run(['a', '--bogus']),
    /taskrel analyze: unknown option '--bogus'; options: --repetitions, .*; see taskrel analyze --help/,
  );
  await assert.rejects(analyzeCommand.run(['a', '--repetitions', '0']), /--repetitions 0: expected an integer ≥ 1/);
  await assert.rejects(
    analyzeCommand.run(['a', '--curve-features', 'notebook']),
    /^TaskrelError: taskrel analyze: --curve-features notebook: expected taskrel or paper$/,
  );
});

/** The baseline line describeAnalysis prints for a study with `gains` of `pairs` directed pairs gaining. */
function baselineLine(gains: number, pairs: number): string {
  const analysis = {
    gains: [],
    features: [],
    pairs: [],
    files: [],
    meta: {
      protocol: { curveFeatures: 'taskrel' },
      data: { pairs, tasks: 4, mainTasks: 4, gains, noGains: pairs - gains },
      baselines: baselines(Array.from({ length: pairs }, (_, i): 0 | 1 => (i < gains ? 1 : 0))),
      evaluations: {},
      notes: [],
    },
  } as unknown as Analysis;
  return describeAnalysis(analysis)[1] ?? '';
}

test('the terminal summary names the majority class as the baseline to beat when most pairs gain', () => {
  assert.equal(baselineLine(3, 12), 'baselines: always "no gain" accuracy 75.0 %, always "gain" F1 40.0 %');
  assert.equal(
    baselineLine(9, 12),
    'baselines: always "no gain" accuracy 25.0 %, majority class ("gain") accuracy 75.0 %, always "gain" F1 85.7 %',
  );
});
