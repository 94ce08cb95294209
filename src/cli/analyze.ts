import { type Analysis, analyzeStudy } from '../workflows/analyze.js';
import type { Command } from './command.js';
import { scoreboardSummary } from './predictors.js';
import { curveFeaturesFlag, integerFlag, onePositional, parseFlags } from './parseFlags.js';
import { announcePreparing } from './terminal.js';

const help = `usage: taskrel analyze STUDY_DIR [--curve-features taskrel|paper] [--repetitions N] [--splits N] [--seed N]

Computes the task features (dataset features of each task's training data, learning-curve features of its
single-task runs), one row per directed pair (42 pair features, gain, label) and the logistic-regression
meta-model, and writes STUDY_DIR/features.csv, pairs.csv and meta.json; then scores every predictor against the
gains (STUDY_DIR/predictors.json, see taskrel predictors). A study runs this when it finishes.

The meta-model (L2, C = 1, features min-max scaled inside each training part) is scored by repeated shuffled
stratified 5-fold CV and by leaving out all pairs of one main task at a time — the estimate for a new task —
against always predicting the majority class, on all features, dataset features only and curve features only.

options:
  --curve-features MODE
                    taskrel (default): gradients at the point nearest p % of the steps, knee and slope of
                    a·ln(x + k) + b fitted to the whole curve; paper: Bingel & Søgaard's notebook exactly
                    (gradients at point ⌊n·p/100⌋, b and c of a + b·ln(c·x + d) fitted to every 10th of the
                    first 5,000 points). Default: the study spec's analysis.curveFeatures
  --repetitions N   repetitions of 5-fold CV (default 100)
  --splits N        random 80 % splits for the feature ranking and ablation (default 100)
  --seed N          seed of every shuffle (default 1)

example:
  taskrel analyze reports/demo`;

const percent = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${(100 * x).toFixed(1)} %`);

/** A few lines on what the analysis found, for the terminal. */
export function describeAnalysis({ gains, features, meta, files }: Analysis): string[] {
  const { data, baselines } = meta;
  // Never silent about a run that did not learn or an outlier seed: every such run marks at least one pair.
  const lines = gains.flatMap((g) =>
    g.flag === '' ? [] : [`warning: ${g.main} with ${g.aux}: ${g.flag}; kept in the means, flagged in gains.csv`],
  );
  lines.push(
    `${features.length} tasks, ${data.pairs} directed pairs: ${data.gains} gain, ${data.noGains} no gain; curve features: ${meta.protocol.curveFeatures}`,
  );
  const noGain = percent(baselines.alwaysNoGainAccuracy);
  // When most pairs gain, always "no gain" is the weaker baseline; the majority class is the one to beat.
  const majority =
    baselines.majorityAccuracy > baselines.alwaysNoGainAccuracy
      ? `, majority class ("gain") accuracy ${percent(baselines.majorityAccuracy)}`
      : '';
  lines.push(`baselines: always "no gain" accuracy ${noGain}${majority}, always "gain" F1 ${percent(baselines.alwaysGainF1)}`);
  for (const [set, evaluation] of Object.entries(meta.evaluations)) {
    if (evaluation.status !== 'ok') {
      lines.push(`${set} features: ${evaluation.reason}`);
      continue;
    }
    const { crossValidation: cv, leaveOneMainTaskOut: held } = evaluation;
    const cvText =
      cv.status === 'ok' ? `CV accuracy ${percent(cv.accuracy.mean)} ± ${percent(cv.accuracy.sd)}, F1 ${percent(cv.f1?.mean)}` : cv.reason;
    const heldText = held.status === 'ok' ? `new main task: accuracy ${percent(held.accuracy)}, F1 ${percent(held.f1)}` : held.reason;
    lines.push(`${set} features (${evaluation.features.length}): ${cvText}; ${heldText}`);
  }
  lines.push(...meta.notes.map((note) => `note: ${note}`));
  lines.push(`wrote ${files.join(', ')}`);
  return lines;
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'compute task features, pair features and the meta-model of a study folder',
  help,
  async run(argv) {
    const { values, positionals } = parseFlags('analyze', argv, {
      repetitions: { type: 'string' },
      splits: { type: 'string' },
      seed: { type: 'string' },
      'curve-features': { type: 'string' },
    });
    const dir = onePositional('analyze', positionals, 'study folder', 'taskrel analyze reports/demo');
    const meta = {
      repetitions: integerFlag('analyze', 'repetitions', values.repetitions, { fallback: undefined }),
      rankingSplits: integerFlag('analyze', 'splits', values.splits, { fallback: undefined }),
      seed: integerFlag('analyze', 'seed', values.seed, { min: 0, fallback: undefined }),
    };
    const onPrepare = announcePreparing;
    const curveFeatures = curveFeaturesFlag('analyze', values['curve-features']);
    const analysis = await analyzeStudy(dir, { meta, onPrepare, curveFeatures });
    for (const line of describeAnalysis(analysis)) console.log(line);
    for (const line of await scoreboardSummary(dir)) console.log(line);
    return 0;
  },
};
