import { mean } from 'simple-statistics';
import type { ImportanceView, ModelViews } from '../../features/modelViews/modelViews.js';
import type { AgreementRow } from '../../features/modelViews/rankAgreements.js';
import type { SharedLayerComparison } from '../../features/modelViews/transferTable.js';
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
      add('Which input words the hidden layer weighs', importanceText(views.importance), topWords, agreementTable(views.importance));
      const scatter: ReportChart = { id: 'model-rank-scatter', spec: buildRankScatterSpec(views.importance), figure: false };
      charts.push(scatter);
      parts.push(chartSlot(scatter));
    }
    if (views.transfer !== null) {
      add('One task’s test set through another task’s head', transferText(views.sharedLayer ?? []), {
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

const isSelf = (row: AgreementRow): boolean => row.a === row.b;

function meanRho(rows: readonly AgreementRow[]): string {
  const rhos = rows.flatMap((row) => (row.rho === null ? [] : [row.rho]));
  return rhos.length === 0 ? 'n/a' : mean(rhos).toFixed(2);
}

function importanceText(views: readonly ImportanceView[]): string {
  const byVariant = new Map(views.map((v) => [v.variant, v.agreements]));
  const self = views.map((v) => `${meanRho(v.agreements.filter(isSelf))} by ${variantLabels[v.variant]}`).join(' and ');
  const strength = byVariant.get('absSum') ?? [];
  const singles = strength.filter((row) => !isSelf(row) && !row.a.includes('+') && !row.b.includes('+'));
  const joint = strength.filter((row) => !isSelf(row) && (row.a.includes('+') || row.b.includes('+')));
  return (
    'A word’s importance is the sum of its final weights into the hidden layer (the blog’s), or the sum of their absolute values. ' +
    `Trained again with another seed, a model ranks its words alike with mean Spearman ρ ${self}: ` +
    'how far any ranking can be trusted. A signed sum flips with the arbitrary sign each hidden unit takes, which the absolute values do not. ' +
    `By |weights|, single-task models of different tasks agree with mean ρ ${meanRho(singles)}, ` +
    `a single-task model and a joint model with its task with ${meanRho(joint)}.`
  );
}

function agreementTable(views: readonly ImportanceView[]): string {
  const rows = views[0].agreements.map((row, i): Cell[] => [
    isSelf(row) ? modelLabelOf(row.a) : `${modelLabelOf(row.a)} vs ${modelLabelOf(row.b)}`,
    isSelf(row) ? 'same model, other seeds' : row.a.includes('+') || row.b.includes('+') ? 'alone vs joint' : 'alone vs alone',
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

function transferText(compared: readonly SharedLayerComparison[]): string {
  const text = 'The blog’s third view: heads scored on other tasks’ test sets (same labels). ';
  if (compared.length === 0) return text;
  const differences = compared.map((c) => c.joint.mean - c.alone.mean);
  const better = differences.filter((d) => d > 0).length;
  return (
    text +
    `Task A’s test set through task B’s head does better in the joint model A + B, whose shared layer trained on A, than in B’s single-task model ` +
    `in ${better} of ${compared.length} cases (mean accuracy difference ${formatSigned(mean(differences))}).`
  );
}

function formatSigned(value: number): string {
  const text = Math.abs(value).toFixed(3);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
