import { CurveFeatureNames, DatasetFeatureNames, type TaskFeatures } from '../../features/taskFeatures.js';
import { formatNumber } from '../format.js';
import type { ReportSection } from '../section.js';
import { type Cell, htmlTable } from '../table.js';

/**
 * The per-task features the meta-model learns from, one row per feature and one column per task (features
 * outnumber tasks in most studies, and their names are long). An absent feature shows its reason on hover.
 */
export const featuresSection = {
  id: 'features',
  title: 'Task features',
  render({ features, meta }) {
    if (features === null || features.length === 0) return null;
    const tasks = [...features].sort((a, b) => a.task.localeCompare(b.task, 'en'));
    // The study's curve-feature mode: every feature it computes has a value or a reason for each task.
    const curveNames = CurveFeatureNames.filter((name) => tasks.some((t) => name in t.values || name in t.missing));
    const rows: Cell[][] = [
      ...DatasetFeatureNames.map((name) => [name, 'dataset', ...tasks.map((t) => featureCell(t, name))]),
      ...curveNames.map((name) => [name, 'loss curve', ...tasks.map((t) => featureCell(t, name))]),
      ['curve fit', 'loss curve', ...tasks.map(fitCell)],
    ];
    const table = htmlTable([{ label: 'feature' }, { label: 'from' }, ...tasks.map((t) => ({ label: t.task, numeric: true }))], rows);
    const definitions = meta === null ? '' : ` (${curveModeText[meta.protocol.curveFeatures]})`;
    const lead =
      'Dataset features are computed on the training split (js_divergence compares train with test words); ' +
      `curve features on the single-task loss curves, averaged over seeds${definitions}. Hover a dash for why a value is missing.`;
    return { html: `<p class="lead">${lead}</p>\n${table}`, charts: [] };
  },
} satisfies ReportSection;

const curveModeText = {
  taskrel: "taskrel's definitions: gradients at the point nearest p % of the steps; a and the knee (first step + k) of a·ln(x + k) + b",
  paper: "the paper notebook's definitions: gradients at point ⌊n·p/100⌋; b and c of a + b·ln(c·x + d), c depending on the optimiser",
} as const;

function featureCell(features: TaskFeatures, name: keyof TaskFeatures['values']): Cell {
  const value = features.values[name];
  if (value !== undefined) return formatNumber(value);
  return { text: '—', help: features.missing[name] ?? 'not computed' };
}

function fitCell({ curveFit }: TaskFeatures): Cell {
  const fitted = `${curveFit.fitted} of ${curveFit.curves} curves fitted`;
  return { text: curveFit.status, help: [fitted, ...curveFit.failures, ...curveFit.notes].join('; ') };
}
