import type { AffinityComparison, ScoredPredictor } from '../affinity/compareAffinity.js';
import { predictorLabels } from '../affinity/predictors.js';
import { formatDuration, formatGain } from './format.js';
import { type Cell, htmlTable } from './table.js';

const fixed = (x: number | null): Cell => (x === null ? { text: '—', help: 'undefined: fewer than three pairs, or one side constant' } : x.toFixed(2));
const ratio = (x: number): string => (x < 0.095 ? x.toFixed(3) : x.toFixed(2));

/** Scores against the gains and costs against the study's, one row per predictor and one for the study itself. */
export function predictorTable({ predictors, study }: AffinityComparison): string {
  const rows: Cell[][] = predictors.map((p) => {
    const label = predictorLabels[p.name];
    if (p.status !== 'ok') return [label, null, { text: 'unavailable', help: p.reason }, null, null, null, null, null, null, null];
    const s = p.scores;
    return [
      { text: label, help: `cost: ${p.costNote}` },
      p.reliability === null ? null : p.reliability.toFixed(2),
      fixed(s.spearman),
      `${fixed(s.spearmanPerMain) ?? '—'}${s.spearmanTasks > 0 ? ` (${s.spearmanTasks})` : ''}`,
      `${s.signAccuracy.toFixed(2)} (${s.majoritySignAccuracy.toFixed(2)})`,
      `${s.topOnePrecision.toFixed(2)} (${s.randomTopOnePrecision.toFixed(2)})`,
      p.cost.batches.toLocaleString('en-US'),
      ratio(p.ratio.batches),
      formatDuration(p.cost.seconds),
      ratio(p.ratio.seconds),
    ];
  });
  rows.push([
    { text: 'pairwise study (the truth)', help: `${study.runs} single and pair runs` },
    null, null, null, null, null,
    study.batches.toLocaleString('en-US'), '1', formatDuration(study.seconds), '1',
  ]);
  return htmlTable(
    [
      { label: 'predictor', className: 'name' },
      { label: 'split-half ρ', numeric: true, help: 'Spearman ρ between the pair scores of odd and even measurements: near 1 the run ordered the pairs reliably, near 0 its mean is mostly noise (more measurements: --every)' },
      { label: 'ρ all pairs', numeric: true, help: 'Spearman rank correlation of the scores with the measured gains over all directed pairs' },
      { label: 'mean ρ per main task', numeric: true, help: 'Spearman ρ over each main task’s auxiliary tasks, averaged (over the number of main tasks in brackets)' },
      { label: 'sign accuracy (majority)', numeric: true, help: 'share of pairs whose predicted sign (score above the threshold) is the measured one; in brackets, always predicting the more frequent sign' },
      { label: 'top-1 precision (random)', numeric: true, help: 'share of main tasks whose top-ranked auxiliary task gained; in brackets, picking one at random' },
      { label: 'batches', numeric: true, help: 'hover a predictor’s name for how its batches are counted' },
      { label: '× study', numeric: true },
      { label: 'time', numeric: true, help: 'training seconds as measured (for the study: summed over its runs)' },
      { label: '× study', numeric: true },
    ],
    rows,
  );
}

/** Per main task: the auxiliary task that gained most, and each predictor's top pick with its measured gain. */
export function topPickTable(predictors: readonly ScoredPredictor[]): string {
  const mains = predictors[0].scores.mains.map((m) => m.main);
  const best = new Map(mains.map((main) => {
    const own = predictors[0].predictions.filter((p) => p.main === main);
    const top = own.reduce((a, b) => (b.gain > a.gain ? b : a));
    return [main, `${top.aux} (${formatGain(top.gain)})`];
  }));
  const rows: Cell[][] = mains.map((main) => [
    main,
    best.get(main) ?? null,
    ...predictors.map((p) => {
      const pick = p.scores.mains.find((m) => m.main === main);
      return pick === undefined ? null : `${pick.top} (${formatGain(pick.topGain)})`;
    }),
  ]);
  return htmlTable([{ label: 'main task', className: 'name' }, { label: 'best measured' }, ...predictors.map((p) => ({ label: `${predictorLabels[p.name]} picks` }))], rows);
}

/** For each k, the best grouping under the gains and each predictor's choice, valued by the gains. */
export function groupingTable({ groupings, predictors }: AffinityComparison): string {
  const names = predictors.flatMap((p) => (p.status === 'ok' ? [p.name] : []));
  const show = (groups: string[][]): string => groups.map((g) => `{${g.join(', ')}}`).join(' ');
  const rows: Cell[][] = groupings.map(({ k, method, truth, predictors: chosen }) => [
    { text: String(k), help: method === 'exhaustive' ? 'every partition into k groups was tried' : 'best of a seeded local search' },
    `${show(truth.groups)} ${formatGain(truth.benefit)}`,
    ...names.map((name) => {
      const c = chosen.find((x) => x.name === name);
      return c === undefined ? null : `${show(c.partition.groups)} ${formatGain(c.benefitUnderGains)}`;
    }),
  ]);
  return htmlTable([{ label: 'groups', numeric: true }, { label: 'best under the gains' }, ...names.map((name) => ({ label: `${predictorLabels[name]} chooses` }))], rows);
}
