import { FeatureSetNames } from '../../meta/featureSets.js';
import type { MetaReport, Outcome } from '../../meta/metaReport.js';
import { buildAblationSpec } from '../charts/ablation.js';
import { buildCoefficientsSpec } from '../charts/coefficients.js';
import { buildHeldOutTasksSpec } from '../charts/heldOutTasks.js';
import { buildMetaScoresSpec, featureSetLabels } from '../charts/metaScores.js';
import { buildPredictedGainSpec } from '../charts/predictedGain.js';
import { chartSlot } from '../chartSlot.js';
import { escapeHtml } from '../html.js';
import type { ReportContext } from '../reportContext.js';
import type { ReportChart, ReportSection } from '../section.js';
import { type Cell, htmlTable } from '../table.js';

/** The meta-model: how well task features predict which pairs gain, and which features carry the signal. */
export const metaSection = {
  id: 'meta',
  title: 'Meta-model',
  render({ meta }: ReportContext) {
    if (meta === null) return null;
    const parts: string[] = [`<p class="lead">${escapeHtml(summary(meta))}</p>`, notesList(meta.notes)];
    const charts: ReportChart[] = [];
    const add = (heading: string, chart: ReportChart, after = ''): void => {
      charts.push(chart);
      parts.push(`<h3>${escapeHtml(heading)}</h3>\n${chartSlot(chart)}${after}`);
    };
    add('Scores against the baselines', { id: 'meta-scores', spec: buildMetaScoresSpec(meta), figure: true }, scoreTable(meta));
    const all = meta.evaluations.all;
    if (all.status === 'ok' && all.leaveOneMainTaskOut.status === 'ok') {
      const spec = buildHeldOutTasksSpec(all.leaveOneMainTaskOut, featureSetLabels.all);
      add('New main tasks', { id: 'meta-held-out', spec, figure: false });
    }
    if (meta.model.status === 'ok') {
      const ranks = meta.ranking.status === 'ok' ? meta.ranking.ranks : [];
      add('Which features matter', { id: 'meta-coefficients', spec: buildCoefficientsSpec(meta.model, ranks), figure: true });
    }
    if (meta.ranking.status === 'ok') {
      add('How many features are needed', { id: 'meta-ablation', spec: buildAblationSpec(meta.ranking, meta.baselines), figure: true });
    }
    if (meta.fitted !== null && meta.fitted.length > 0) {
      add('Predicted vs observed', { id: 'meta-predictions', spec: buildPredictedGainSpec(meta.fitted), figure: false });
    } else if (meta.fitted === null && meta.model.status === 'ok') {
      parts.push('<p>Predicted vs observed: this meta.json predates stored predictions; <code>taskrel analyze</code> adds them.</p>');
    }
    parts.push(protocolDetails(meta));
    return { html: parts.join('\n'), charts };
  },
} satisfies ReportSection;

function summary(meta: MetaReport): string {
  const { pairs, tasks, gains, noGains } = meta.data;
  return (
    `${pairs} directed pairs of ${tasks} tasks: ${gains} labelled gain, ${noGains} no gain (${meta.protocol.label}). ` +
    `Always predicting the majority class is right for ${(meta.baselines.majorityAccuracy * 100).toFixed(0)} % of pairs; ` +
    `the meta-model is worth something only above that.`
  );
}

function notesList(notes: string[]): string {
  if (notes.length === 0) return '';
  return `<div class="notes"><strong>Read before trusting these numbers:</strong><ul>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></div>`;
}

function scoreTable(meta: MetaReport): string {
  const rows: Cell[][] = FeatureSetNames.map((name) => {
    const evaluation = meta.evaluations[name];
    const set = featureSetLabels[name];
    if (evaluation.status !== 'ok') return [set, { text: 'unavailable', help: evaluation.reason }, null, null, null];
    const { crossValidation: cv, leaveOneMainTaskOut: lomo } = evaluation;
    return [
      set,
      scoreCell(cv, (r) => ({ value: r.accuracy.mean, sd: r.accuracy.sd })),
      scoreCell(cv, (r) => (r.f1 === null ? undefined : { value: r.f1.mean, sd: r.f1.sd })),
      scoreCell(lomo, (r) => ({ value: r.accuracy, sd: null })),
      scoreCell(lomo, (r) => (r.f1 === null ? undefined : { value: r.f1, sd: null })),
    ];
  });
  const f1 = meta.baselines.alwaysGainF1;
  rows.push([
    'baseline',
    `${meta.baselines.majorityAccuracy.toFixed(3)} (majority class)`,
    f1 === null ? null : `${f1.toFixed(3)} (always “gain”)`,
    null,
    null,
  ]);
  return htmlTable(
    [
      { label: 'features' },
      { label: 'CV accuracy' },
      { label: 'CV gain F1' },
      { label: 'held-out-task accuracy' },
      { label: 'held-out-task gain F1' },
    ],
    rows,
  );
}

/** `0.712 ± 0.031`, or why the score is missing. */
function scoreCell<T>(outcome: Outcome<T>, pick: (result: T) => { value: number; sd: number | null } | undefined): Cell {
  if (outcome.status !== 'ok') return { text: 'unavailable', help: outcome.reason };
  const score = pick(outcome);
  if (score === undefined) return { text: '—', help: 'undefined: no pair was predicted or labelled as a gain' };
  return score.sd === null ? score.value.toFixed(3) : `${score.value.toFixed(3)} ± ${score.sd.toFixed(3)}`;
}

function protocolDetails(meta: MetaReport): string {
  const p = meta.protocol;
  const facts: [string, string][] = [
    ['label', p.label],
    ['model', `${p.model}, C = ${p.C}`],
    ['scaling', p.scaling],
    ['cross-validation', `${p.crossValidation.repetitions} × ${p.crossValidation.folds}-fold, stratified; ${p.crossValidation.pooling}`],
    ['leave one main task out', p.leaveOneMainTaskOut],
    ['ranking', `${p.ranking.splits} splits of ${Math.round(p.ranking.trainFraction * 100)} %; ${p.ranking.method}`],
    [
      'features used',
      `${meta.features.used.length} of 42${meta.features.dropped.length > 0 ? `; dropped: ${meta.features.dropped.map((d) => `${d.feature} (${d.reason})`).join(', ')}` : ''}`,
    ],
    ['seed', String(p.seed)],
  ];
  const list = facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  return `<details class="protocol"><summary>How the meta-model was fitted and evaluated</summary><dl class="facts">${list}</dl></details>`;
}
