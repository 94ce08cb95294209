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
  render({ features }) {
    if (features === null || features.length === 0) return null;
    const tasks = [...features].sort((a, b) => a.task.localeCompare(b.task, 'en'));
    const rows: Cell[][] = [
      ...DatasetFeatureNames.map((name) => [name, 'dataset', ...tasks.map((t) => featureCell(t, name))]),
      ...CurveFeatureNames.map((name) => [name, 'loss curve', ...tasks.map((t) => featureCell(t, name))]),
      ['curve fit', 'loss curve', ...tasks.map(fitCell)],
    ];
    const table = htmlTable(
      [{ label: 'feature' }, { label: 'from' }, ...tasks.map((t) => ({ label: t.task, numeric: true }))],
      rows,
    );
    const lead = 'Dataset features are computed on the training split (js_divergence compares train with test words); ' +
      'curve features on the single-task loss curves, averaged over seeds. Hover a dash for why a value is missing.';
    return { html: `<p class="lead">${lead}</p>\n${table}`, charts: [] };
  },
} satisfies ReportSection;

function featureCell(features: TaskFeatures, name: keyof TaskFeatures['values']): Cell {
  const value = features.values[name];
  if (value !== undefined) return formatNumber(value);
  return { text: '—', help: features.missing[name] ?? 'not computed' };
}

function fitCell({ curveFit }: TaskFeatures): Cell {
  const fitted = `${curveFit.fitted} of ${curveFit.curves} curves fitted`;
  return { text: curveFit.status, help: [fitted, ...curveFit.failures].join('; ') };
}
