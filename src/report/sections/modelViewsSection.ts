import type { ImportanceView, ModelViews } from '../../features/modelViews/modelViews.js';
import type { AgreementComparison, AgreementRow } from '../../features/modelViews/rankAgreements.js';
import type { AgreementMean, SharedLayerSummary } from '../../features/modelViews/viewsSummary.js';
import type { ImportanceVariant } from '../../features/modelViews/wordImportance.js';
import { hasViewRecords } from '../../features/modelViews/viewsRecord.js';
import { taskRefName } from '../../study/taskRef.js';
import { buildRankScatterSpec } from '../charts/rankScatter.js';
import { buildScoreIntervalsSpec } from '../charts/scoreIntervals.js';
import { variantLabels } from '../charts/importanceVariant.js';
import { buildTopWordsSpec } from '../charts/topWords.js';
import { buildTransferMatrixSpec } from '../charts/transferMatrix.js';
import { modelLabelOf } from '../charts/modelLabel.js';
import { chartSlot } from '../chartSlot.js';
import { escapeHtml } from '../html.js';
import type { ReportChart, ReportSection } from '../section.js';
import { type Cell, htmlTable } from '../table.js';

/**
 * The GumGum blog's three views of single-task and joint models — scores, the input words the hidden layer weighs,
 * and each task's test set through other tasks' heads — for studies whose runs keep the records they need
 * (`records.inputImportance`, `records.transfer`), as the analysis stored them in views.json.
 */
export const modelViewsSection = {
  id: 'model-views',
  title: 'Inside the models',
  render({ views, runs, spec, studyDir }) {
    if (views === null) {
      if (!hasViewRecords(runs)) return null;
      // A folder analysed before the views were stored: its runs have the records, the analysis has no views.json.
      const note = `The runs keep the records of these views, but this folder’s analysis stored none: taskrel analyze ${studyDir} computes them.`;
      return { html: `<p class="lead">${escapeHtml(note)}</p>`, charts: [] };
    }
    const tasks = spec.tasks.map(taskRefName);
    const parts = [`<p class="lead">${escapeHtml(lead(views))}</p>`];
    const charts: ReportChart[] = [];
    const add = (heading: string, text: string, chart: ReportChart, after = ''): void => {
      charts.push(chart);
      parts.push(`<h3>${escapeHtml(heading)}</h3>\n<p class="lead">${escapeHtml(text)}</p>\n${chartSlot(chart)}${after}`);
    };
    const scores =
      'Does training with another task change a task’s own score? The gain matrix above gives the same comparison as relative gains.';
    add('Scores alone and jointly', scores, { id: 'model-scores', spec: buildScoreIntervalsSpec(views.scores), figure: true });
    if (views.importance !== null) {
      const topWords: ReportChart = { id: 'model-top-words', spec: buildTopWordsSpec(views.importance), figure: false };
      const text = importanceText(views.importance, views.agreementMeans ?? []);
      add('Which input words the hidden layer weighs', text, topWords, agreementTable(views.importance));
      const scatter: ReportChart = { id: 'model-rank-scatter', spec: buildRankScatterSpec(views.importance), figure: false };
      charts.push(scatter);
      parts.push(chartSlot(scatter));
    }
    if (views.transfer !== null) {
      add('One task’s test set through another task’s head', transferText(views.sharedLayerSummary), {
        id: 'model-transfer',
        spec: buildTransferMatrixSpec(views.transfer, tasks),
        figure: true,
      });
    }
    return { html: parts.join('\n'), charts };
  },
} satisfies ReportSection;

function lead(views: ModelViews): string {
  const shown = ['scores'];
  if (views.importance !== null) shown.push('input-word importance');
  if (views.transfer !== null) shown.push('transfer to other tasks’ test sets');
  return (
    `The views of the GumGum blog’s multi-task experiment, for every single-task and joint model of the study: ${shown.join(', ')}. ` +
    'Joint models are the pair runs: shared layers, one head per task.'
  );
}

function meanRho(means: readonly AgreementMean[], variant: ImportanceVariant, comparison: AgreementComparison): string {
  const rho = means.find((m) => m.variant === variant && m.comparison === comparison)?.rho ?? null;
  return rho === null ? 'n/a' : rho.toFixed(2);
}

function importanceText(views: readonly ImportanceView[], means: readonly AgreementMean[]): string {
  const self = views.map((v) => `${meanRho(means, v.variant, 'same model')} by ${variantLabels[v.variant]}`).join(' and ');
  return (
    'A word’s importance is the sum of its final weights into the hidden layer (the blog’s), or the sum of their absolute values. ' +
    `Trained again with another seed, a model ranks its words alike with mean Spearman ρ ${self}: ` +
    'how far any ranking can be trusted. A signed sum flips with the arbitrary sign each hidden unit takes, which the absolute values do not. ' +
    `By |weights|, single-task models of different tasks agree with mean ρ ${meanRho(means, 'absSum', 'alone vs alone')}, ` +
    `a single-task model and a joint model with its task with ${meanRho(means, 'absSum', 'alone vs joint')}.`
  );
}

function agreementTable(views: readonly ImportanceView[]): string {
  const rows = views[0].agreements.map((row, i): Cell[] => [
    row.comparison === 'same model' ? modelLabelOf(row.a) : `${modelLabelOf(row.a)} vs ${modelLabelOf(row.b)}`,
    row.comparison === 'same model' ? 'same model, other seeds' : row.comparison,
    ...views.map((view) => rhoCell(view.agreements[i])),
    String(row.comparisons),
    String(row.words),
  ]);
  return htmlTable(
    [
      { label: 'models' },
      { label: 'comparison' },
      ...views.map((view) => ({
        label: `ρ, ${variantLabels[view.variant]}`,
        numeric: true,
        help: 'mean Spearman ρ over pairs of runs of different seeds (lowest … highest)',
      })),
      { label: 'runs compared', numeric: true, help: 'pairs of runs, each of a different seed' },
      { label: 'words', numeric: true },
    ],
    rows,
  );
}

function rhoCell(row: AgreementRow): Cell {
  if (row.rho === null || row.min === null || row.max === null)
    return { text: '—', help: 'no two runs of different seeds recorded importance' };
  return `${row.rho.toFixed(2)} (${row.min.toFixed(2)} … ${row.max.toFixed(2)})`;
}

function transferText(summary: SharedLayerSummary | null): string {
  const text = 'The blog’s third view: heads scored on other tasks’ test sets (same labels). ';
  if (summary === null || summary.meanDifference === null) return text;
  return (
    text +
    `Task A’s test set through task B’s head does better in the joint model A + B, whose shared layer trained on A, than in B’s single-task model ` +
    `in ${summary.better} of ${summary.compared} cases (mean accuracy difference ${formatSigned(summary.meanDifference)}).`
  );
}

function formatSigned(value: number): string {
  const text = Math.abs(value).toFixed(3);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
