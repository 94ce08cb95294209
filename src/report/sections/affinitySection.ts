import type { AffinityRecord } from '../../affinity/affinityRecord.js';
import { readAffinityRecord } from '../../affinity/affinityFile.js';
import { type AffinityComparison, type ScoredPredictor, compareAffinity } from '../../affinity/compareAffinity.js';
import { buildPredictorScatterSpec } from '../charts/predictorScatter.js';
import { buildPredictorScoresSpec } from '../charts/predictorScores.js';
import { chartSlot } from '../chartSlot.js';
import { formatDuration } from '../format.js';
import { escapeHtml } from '../html.js';
import { groupingTable, predictorTable, topPickTable } from '../affinityTables.js';
import type { ReportChart, ReportSection } from '../section.js';

/**
 * Cheaper predictors of the pairwise study from one joint run (TAG's lookahead affinity, gradient cosine), next to
 * the meta-model's held-out predictions: their scores against the measured gains, their costs, the groupings
 * they would choose. Shown once `taskrel affinity` has written affinity.json.
 */
export const affinitySection = {
  id: 'affinity',
  title: 'Affinity from one run',
  render({ studyDir, spec, gains, runs, meta }) {
    const record = readAffinityRecord(studyDir);
    if (record === null) return null;
    const seeds = new Set(spec.seeds);
    const comparison = compareAffinity(record, { gains, runs: runs.filter((run) => seeds.has(run.seed)), meta });
    const parts = [`<p class="lead">${escapeHtml(lead(record, comparison))}</p>`];
    const charts: ReportChart[] = [];
    const scored = comparison?.predictors.flatMap((p) => (p.status === 'ok' ? [p] : [])) ?? [];
    if (comparison !== null && scored.length > 0) {
      const add = (heading: string, chart: ReportChart, after = ''): void => {
        charts.push(chart);
        parts.push(`<h3>${escapeHtml(heading)}</h3>\n${chartSlot(chart)}${after}`);
      };
      add('Scores and costs', { id: 'affinity-scores', spec: buildPredictorScoresSpec(scored), figure: true }, predictorTable(comparison));
      add('Predicted vs measured', { id: 'affinity-scatter', spec: buildPredictorScatterSpec(scored), figure: true });
      parts.push('<h3>Top-ranked auxiliary task per main task</h3>', topPickTable(scored));
      if (comparison.groupings.length > 0) {
        parts.push(
          '<h3>Task groups</h3>',
          '<p>Partitions of the tasks into k groups, each group trained as one model. A group is worth each member’s mean gain (or score) from the other members, summed (TAG’s network selection); each predictor’s choice is valued by the measured gains.</p>',
          groupingTable(comparison),
        );
      }
    }
    parts.push(protocol(record, scored));
    return { html: parts.join('\n'), charts };
  },
} satisfies ReportSection;

function lead(record: AffinityRecord, comparison: AffinityComparison | null): string {
  const run = `One hard-sharing run over the ${record.tasks.length} tasks (${record.settings.batches.toLocaleString('en-US')} batches, ` +
    `${formatDuration(record.cost.seconds)}) measured TAG’s lookahead affinity and the cosine of the tasks’ gradients ${record.measurements} times.`;
  if (comparison === null) return `${run} There are no measured gains of these tasks yet to score them against: train the study.`;
  const { study } = comparison;
  return `${run} The pairwise study it tries to predict took ${study.runs} runs (${study.batches.toLocaleString('en-US')} batches, ` +
    `${formatDuration(study.seconds)}). How well do the two — and the meta-model’s predictions for held-out main tasks — rank and sign the measured gains?`;
}

function protocol(record: AffinityRecord, scored: readonly ScoredPredictor[]): string {
  const { settings, cost } = record;
  const step = settings.lookahead.rule === 'sgd'
    ? `plain SGD step θ − η·∇L_i of the shared parameters, η = ${settings.lookahead.learningRate} (TAG’s definition)`
    : 'the step the training optimiser would take from its current state (TAG’s code); heads unchanged';
  const facts: [string, string][] = [
    ['lookahead affinity', `Z(i→j) = 1 − L_j(after) / L_j(before), averaged over measurements; ${step}; losses without dropout on one training batch per task, the same before and after; parameters restored exactly`],
    ['gradient cosine', 'cos of tasks i’s and j’s gradients on the shared parameters, each on its own batch of the same measurement, embedding rows as separate coordinates'],
    ['shared parameters', record.sharedParameters.join(', ')],
    ['measurements', `${record.measurements}, every ${settings.every} training steps; batches and dropout from streams of their own, so training runs as without them`],
    ['cost of measuring', `${cost.gradientPasses} gradient passes (${formatDuration(cost.gradientSeconds)}), ${cost.forwardPasses} forward passes with the lookahead steps (${formatDuration(cost.lookaheadSeconds)})`],
    ...scored.map((p): [string, string] => [`cost counted, ${p.name}`, p.costNote]),
    ['seed', `${settings.seed} (${record.backend}, batch size ${settings.batchSize})`],
  ];
  const list = facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  return `<details class="protocol"><summary>How the affinities were measured and scored</summary><dl class="facts">${list}</dl></details>`;
}
