import { existsSync } from 'node:fs';
import { TaskrelError } from '../errors.js';
import { type StudyScoreboardOptions, scoreStudyPredictors } from '../workflows/predictors.js';
import type { ScoreboardRecord, ScoredEntry } from '../predictors/scoreboardRecord.js';
import { defaultScoreboardOptions } from '../predictors/scoreboard.js';
import { formatFixed, formatGain, formatRatio } from '../report/format.js';
import { scoreboardVerdict } from '../report/scoreboardVerdict.js';
import { writeReport } from '../report/writeReport.js';
import { studyPath } from '../study/studyFolder.js';
import { alignedTable } from './alignedTable.js';
import type { Command } from './command.js';
import { lineProgress } from './lineProgress.js';
import { integerFlag, onePositional, parseFlags } from './parseFlags.js';
import { formatDuration } from './progressDisplay.js';
import { announcePreparing } from './terminal.js';

const help = `usage: taskrel predictors STUDY_DIR [--permutations N] [--bootstrap N] [--seed N]

Which predictor of "does this auxiliary task help this main task?" deserves trust, on this study? Scores every
predictor against the study's measured gains, all under one protocol, and writes STUDY_DIR/predictors.json (the
report's "Which predictor to trust" section shows it):

  meta-model (all, dataset-only, curve-only features)   fitted leaving each main task out
  TAG lookahead affinity, gradient cosine               from affinity.json (taskrel affinity), when present
  label NMI and variation of information                no training: Schröder & Biemann (2020)
  vocabulary overlap, auxiliary training size           no training: the baselines a practitioner tries first
  best mean gain elsewhere                              always the auxiliary task that helped the other main tasks most

For each: Spearman ρ over all pairs and per main task, sign accuracy against the majority class, regret@1 (the best
gain available minus the gain of the predictor's first choice) beside a random and the best fixed choice, 95 %
bootstrap intervals over main tasks, a label-permutation p-value (the gains are shuffled and the whole protocol,
refits included, runs again), and the cost in batches and seconds against the pairwise study.

options:
  --permutations N  label permutations per predictor (default ${defaultScoreboardOptions.permutations}, at least 1000 for a p-value to 0.001)
  --bootstrap N     bootstrap resamples of the main tasks (default ${defaultScoreboardOptions.resamples})
  --seed N          seed of the permutations, resamples and grouping search (default ${defaultScoreboardOptions.seed})

example:
  taskrel predictors reports/demo`;

export const predictorsCommand: Command = {
  name: 'predictors',
  summary: 'score every predictor of the pairwise gains against the study (which one to trust, at what cost)',
  help,
  async run(argv) {
    const { positionals, values } = parseFlags('predictors', argv, {
      permutations: { type: 'string' },
      bootstrap: { type: 'string' },
      seed: { type: 'string' },
    });
    const dir = onePositional('predictors', positionals, 'study folder', 'taskrel predictors reports/demo');
    const record = await runScoreboard(dir, {
      permutations: integerFlag('predictors', 'permutations', values.permutations, { fallback: undefined }),
      resamples: integerFlag('predictors', 'bootstrap', values.bootstrap, { fallback: undefined }),
      seed: integerFlag('predictors', 'seed', values.seed, { min: 0, fallback: undefined }),
    });
    for (const line of describeScoreboard(record)) console.log(line);
    if (existsSync(studyPath(dir, 'spec'))) console.log(`report: ${await writeReport(dir)}`);
    return 0;
  },
};

/** Computes and writes predictors.json, with a progress line; says where it wrote it. */
export async function runScoreboard(dir: string, options: StudyScoreboardOptions = {}): Promise<ScoreboardRecord> {
  const progress = lineProgress();
  const started = Date.now();
  let scored: Awaited<ReturnType<typeof scoreStudyPredictors>>;
  try {
    scored = await scoreStudyPredictors(dir, {
      ...options,
      onPrepare: announcePreparing,
      onProgress: ({ predictor, index, predictors, permutation, permutations }) => {
        const fraction = (index + permutation / permutations) / predictors;
        const elapsed = (Date.now() - started) / 1000;
        progress.update(
          `predictors: ${predictor} (${index + 1}/${predictors}), permutation ${permutation}/${permutations}, ` +
            `${formatDuration(elapsed)} elapsed, ETA ${formatDuration((elapsed / fraction) * (1 - fraction))}`,
          fraction,
        );
      },
    });
  } finally {
    progress.close();
  }
  console.log(`wrote ${scored.file}`);
  return scored.record;
}

/**
 * The scoreboard at the end of `taskrel study` and `taskrel analyze`: its notes (a verdict over a handful of main
 * tasks is rough, and says so), its verdict and where the table is. A study it cannot score (no pair with a relative
 * gain, say) gets a note instead of failing before its report.
 */
export async function scoreboardSummary(dir: string): Promise<string[]> {
  try {
    const record = await runScoreboard(dir);
    return [
      ...record.notes.map((note) => `note: ${note}`),
      scoreboardVerdict(record),
      `every predictor's scores: taskrel predictors ${dir}`,
    ];
  } catch (error) {
    if (!(error instanceof TaskrelError)) throw error;
    return [`note: no predictor scoreboard: ${error.message}`];
  }
}

const fixed = (x: number | null): string => formatFixed(x);
const p = (x: number | null): string => (x === null ? '—' : x < 0.001 ? '<.001' : x.toFixed(3));
const ratio = formatRatio;
const interval = (i: [number, number] | null, format: (x: number) => string): string =>
  i === null ? '' : ` [${format(i[0])}, ${format(i[1])}]`;

/** Regret@1 against the best fixed choice's, with its paired sign-flip p; — where the first choices are the fixed one's. */
const versusFixed = ({ versusFixed: v }: ScoredEntry): string =>
  v.better + v.worse === 0 ? '—' : `${formatGain(v.meanDifference)} (${p(v.pValue)})`;

/** The scoreboard as the terminal shows it: one row per predictor, the references, what is unavailable, the verdict. */
export function describeScoreboard(record: ScoreboardRecord): string[] {
  const { truth } = record;
  const header = [
    'predictor',
    'new task needs',
    'ρ all',
    'ρ per main [95% CI]',
    'p',
    'sign acc. (majority)',
    'p',
    'regret@1 [95% CI]',
    'p',
    'random',
    'best fixed',
    'vs best fixed (p)',
    'batches (× study)',
    'time (× study)',
  ];
  const rows = record.predictors.flatMap((e) => {
    if (e.status !== 'ok') return [];
    const s = e.scores;
    return [
      [
        e.label,
        e.newTask,
        fixed(s.spearman),
        `${fixed(s.spearmanPerMain)}${interval(e.intervals.spearmanPerMain, fixed)}`,
        p(e.pValues.spearmanPerMain),
        `${fixed(s.accuracy)} (${fixed(s.majorityAccuracy)})`,
        p(e.pValues.accuracy),
        `${formatGain(s.regret)}${interval(e.intervals.regret, formatGain)}`,
        p(e.pValues.regret),
        formatGain(s.randomRegret),
        formatGain(e.fixedRegret),
        versusFixed(e),
        `${e.cost.batches.toLocaleString('en-US')} (${ratio(e.ratio.batches)})`,
        e.cost.seconds === null ? '— (—)' : `${formatDuration(e.cost.seconds)} (${ratio(e.ratio.seconds)})`,
      ],
    ];
  });
  return [
    '',
    `${record.study}: ${truth.pairs} directed pairs of ${truth.tasks.length} tasks (${truth.mainTasks} main tasks, ${truth.gained} gain; ${truth.label}), ` +
      `measured by ${truth.cost.runs} runs (${truth.cost.batches.toLocaleString('en-US')} batches, ${formatDuration(truth.cost.seconds)}):`,
    ...alignedTable([header, ...rows], new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])),
    `p: one-sided label-permutation p-values (${record.protocol.permutations} permutations, the whole protocol rerun); Holm-adjusted ones are in predictors.json and the report.`,
    ...record.predictors.flatMap((e) => (e.status === 'ok' ? [] : [`${e.label}: unavailable: ${e.reason}`])),
    ...record.notes.map((note) => `note: ${note}`),
    ...describeGroupings(record),
    '',
    scoreboardVerdict(record),
  ];
}

/** For each k, the best partition under the gains and each predictor's choice valued by the gains. */
function describeGroupings({ groupings, predictors }: ScoreboardRecord): string[] {
  if (groupings.length === 0) return [];
  const label = (name: string): string => predictors.find((p) => p.name === name)?.label ?? name;
  const show = (groups: string[][]): string => groups.map((g) => `{${g.join(', ')}}`).join(' ');
  const lines = ['', 'task groups (a group is worth each member’s mean gain from the other members):'];
  for (const { k, truth, predictors: chosen } of groupings) {
    lines.push(`  k = ${k}  best under the gains: ${show(truth.groups)}  ${formatGain(truth.benefit)}`);
    for (const c of chosen)
      lines.push(`         ${label(c.name)}: ${show(c.partition.groups)}  ${formatGain(c.benefitUnderGains)} under the gains`);
  }
  return lines;
}
