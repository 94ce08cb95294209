import type { Interval } from '../predictors/bootstrap.js';
import type { ScoreboardRecord, ScoredEntry } from '../predictors/scoreboardRecord.js';
import { formatDuration, formatFixed, formatGain, formatRatio } from './format.js';
import { type Cell, htmlTable } from './table.js';

const fixed = (x: number | null): string => formatFixed(x);
const ratio = formatRatio;
const withInterval = (value: string, interval: Interval, format: (x: number) => string): Cell =>
  interval === null
    ? value
    : { text: `${value} [${format(interval[0])}, ${format(interval[1])}]`, help: '95 % bootstrap interval over main tasks in brackets' };
const pCell = (raw: number | null, adjusted: number | null): Cell => {
  if (raw === null) return null;
  const show = (p: number): string => (p < 0.001 ? '<0.001' : p.toFixed(3));
  return {
    text: `${show(raw)} (${adjusted === null ? '—' : show(adjusted)})`,
    help: 'one-sided label-permutation p-value; Holm-adjusted over the predictors in brackets',
  };
};

const versusFixedCell = ({ versusFixed: v }: ScoredEntry): Cell => {
  if (v.better + v.worse === 0) return { text: '—', help: 'its first choice is the best fixed choice’s for every main task' };
  const difference = withInterval(formatGain(v.meanDifference), v.interval, formatGain);
  const text = typeof difference === 'string' ? difference : (difference?.text ?? '');
  return {
    text: `${text}; ${v.better}/${v.worse}; p ${v.pValue < 0.001 ? '<0.001' : v.pValue.toFixed(3)}`,
    help: 'better / worse first choice than the fixed one, in main tasks; one-sided paired sign-flip p',
  };
};

/** One row per scored predictor (scores with intervals and p-values, costs against the study's), one for the study itself. */
export function scoreboardTable(record: ScoreboardRecord): string {
  const scored = record.predictors.flatMap((e) => (e.status === 'ok' ? [e] : []));
  const rows: Cell[][] = scored.map((e) => {
    const name: Cell = { text: e.label, help: e.definition };
    const s = e.scores;
    return [
      name,
      e.newTask,
      e.reliability === null ? null : e.reliability.toFixed(2),
      withInterval(fixed(s.spearman), e.intervals.spearman, fixed),
      withInterval(`${fixed(s.spearmanPerMain)} (${s.spearmanTasks})`, e.intervals.spearmanPerMain, fixed),
      pCell(e.pValues.spearmanPerMain, e.adjustedPValues.spearmanPerMain),
      withInterval(`${fixed(s.accuracy)} (${fixed(s.majorityAccuracy)})`, e.intervals.accuracy, fixed),
      pCell(e.pValues.accuracy, e.adjustedPValues.accuracy),
      withInterval(formatGain(s.regret), e.intervals.regret, formatGain),
      `${formatGain(s.randomRegret)} / ${formatGain(e.fixedRegret)}`,
      pCell(e.pValues.regret, e.adjustedPValues.regret),
      versusFixedCell(e),
      `${s.topOnePrecision.toFixed(2)} (${s.randomTopOnePrecision.toFixed(2)})`,
      { text: e.cost.batches.toLocaleString('en-US'), help: e.costNote },
      ratio(e.ratio.batches),
      e.cost.seconds === null ? { text: '—', help: e.costNote } : formatDuration(e.cost.seconds),
      ratio(e.ratio.seconds),
    ];
  });
  const { cost } = record.truth;
  rows.push([
    { text: 'pairwise study (the truth)', help: `${cost.runs} single and pair runs` },
    'every pair run',
    ...new Array<Cell>(11).fill(null),
    cost.batches.toLocaleString('en-US'),
    '1',
    formatDuration(cost.seconds),
    '1',
  ]);
  return htmlTable(
    [
      { label: 'predictor', className: 'name', help: 'hover a name for what the score is' },
      {
        label: 'a new main task needs',
        help: 'no training: scores a candidate before any run; single-task run: its curve features; joint run: an affinity run with the candidates',
      },
      {
        label: 'split-half ρ',
        numeric: true,
        help: 'for scores averaged over measurements: Spearman ρ between odd and even measurements (near 1: stable; near 0: noise)',
      },
      {
        label: 'ρ all pairs',
        numeric: true,
        help: 'Spearman ρ of the held-out scores with the measured gains over all pairs (mixes main tasks of different scales)',
      },
      {
        label: 'mean ρ per main task',
        numeric: true,
        help: 'Spearman ρ over each main task’s auxiliary tasks, averaged (number of main tasks with a defined ρ in brackets): the ranking a user of one main task sees',
      },
      { label: 'p (Holm)', numeric: true },
      {
        label: 'sign accuracy (majority)',
        numeric: true,
        help: 'share of pairs whose predicted sign is the measured one, held out; in brackets, always predicting the more frequent label',
      },
      { label: 'p (Holm)', numeric: true },
      {
        label: 'regret@1',
        numeric: true,
        help: 'best measured gain of a main task minus the gain of the predictor’s first choice, mean over main tasks (lower is better)',
      },
      {
        label: 'random / best fixed',
        numeric: true,
        help: 'regret@1 of a random choice, and of always choosing the auxiliary task with the best mean gain on the other main tasks',
      },
      { label: 'p (Holm)', numeric: true },
      {
        label: 'vs best fixed',
        numeric: true,
        help: 'regret@1 minus the best fixed choice’s, mean over main tasks (negative: the predictor chose better) [95 % bootstrap interval]; main tasks where its first choice was better / worse; paired sign-flip p',
      },
      {
        label: 'top-1 precision (random)',
        numeric: true,
        help: 'share of main tasks whose first choice gained; in brackets, a random choice',
      },
      { label: 'batches', numeric: true, help: 'hover a predictor’s count for how it was counted' },
      { label: '× study', numeric: true },
      { label: 'time', numeric: true, help: 'seconds as measured (for the study: summed over its runs); — not measured' },
      { label: '× study', numeric: true },
    ],
    rows,
  );
}

/** Per main task: the auxiliary task that gained most, and each predictor's first choice with its gain and regret. */
export function topPickTable(predictors: readonly ScoredEntry[]): string {
  const mains = [...new Set(predictors.flatMap((p) => p.scores.mains.map((m) => m.main)))].sort((a, b) => a.localeCompare(b, 'en'));
  const rows: Cell[][] = mains.map((main) => {
    const best = predictors.flatMap((p) => p.scores.mains.filter((m) => m.main === main)).reduce((a, b) => (b.pairs > a.pairs ? b : a));
    return [
      main,
      `${best.best} (${formatGain(best.bestGain)})`,
      ...predictors.map((p): Cell => {
        const pick = p.scores.mains.find((m) => m.main === main);
        if (pick === undefined) return null;
        const tie = pick.top.length > 1 ? { help: `tied first: ${pick.top.join(', ')}; their mean gain counts` } : undefined;
        const text = `${pick.top.length > 1 ? `${pick.top.length} tied` : pick.top[0]} (${formatGain(pick.topGain)}, regret ${formatGain(pick.regret)})`;
        return tie === undefined ? text : { text, ...tie };
      }),
    ];
  });
  return htmlTable(
    [{ label: 'main task', className: 'name' }, { label: 'best measured' }, ...predictors.map((p) => ({ label: `${p.label} picks` }))],
    rows,
  );
}

/** For each k, the best grouping under the gains and each predictor's choice, valued by the gains. */
export function groupingTable({ groupings, predictors }: ScoreboardRecord): string {
  const names = groupings[0]?.predictors.map((p) => p.name) ?? [];
  const label = (name: string): string => predictors.find((p) => p.name === name)?.label ?? name;
  const show = (groups: string[][]): string => groups.map((g) => `{${g.join(', ')}}`).join(' ');
  const rows: Cell[][] = groupings.map(({ k, method, truth, predictors: chosen }) => [
    { text: String(k), help: method === 'exhaustive' ? 'every partition into k groups was tried' : 'best of a seeded local search' },
    `${show(truth.groups)} ${formatGain(truth.benefit)}`,
    ...names.map((name) => {
      const c = chosen.find((x) => x.name === name);
      return c === undefined ? null : `${show(c.partition.groups)} ${formatGain(c.benefitUnderGains)}`;
    }),
  ]);
  return htmlTable(
    [{ label: 'groups', numeric: true }, { label: 'best under the gains' }, ...names.map((name) => ({ label: `${label(name)} chooses` }))],
    rows,
  );
}
