import { readAffinityRecord } from '../../affinity/affinityFile.js';
import type { AffinityRecord } from '../../affinity/affinityRecord.js';
import { readScoreboard } from '../../predictors/scoreboardFile.js';
import type { ScoreboardRecord } from '../../predictors/scoreboardRecord.js';
import { changedInputs } from '../../predictors/scoreboardInputs.js';
import { StudyFiles } from '../../study/studyFolder.js';
import { buildPredictorScatterSpec } from '../charts/predictorScatter.js';
import { buildPredictorScoresSpec, buildRegretSpec } from '../charts/predictorScores.js';
import { chartSlot } from '../chartSlot.js';
import { formatDuration } from '../format.js';
import { escapeHtml } from '../html.js';
import { groupingTable, scoreboardTable, topPickTable } from '../predictorTables.js';
import { scoreboardVerdict } from '../scoreboardVerdict.js';
import type { ReportChart, ReportSection } from '../section.js';

/**
 * Which of taskrel's predictors of the pairwise gains deserves trust, with what certainty and at what cost: the
 * scoreboard `taskrel predictors` stored in predictors.json (meta-models, affinity from one joint run, the
 * no-training similarity, the baselines), rendered as stored.
 */
export const predictorsSection = {
  id: 'predictors',
  title: 'Which predictor to trust',
  render({ studyDir, gains }) {
    const record = readScoreboard(studyDir);
    const affinity = readAffinityRecord(studyDir);
    if (record === null) {
      if (gains.length === 0 && affinity === null) return null;
      const todo = gains.length === 0 ? 'train the study, then run' : 'run';
      const run = affinity === null ? '' : `${affinityRun(affinity)} `;
      return {
        html: `<p class="lead">${escapeHtml(`${run}No predictor has been scored against the gains yet: ${todo} 'taskrel predictors ${studyDir}'.`)}</p>`,
        charts: [],
      };
    }
    const parts = [`<p class="lead">${escapeHtml(scoreboardVerdict(record))}</p>`];
    const changed = changedInputs(studyDir, record);
    const warnings = [
      ...(changed.length > 0
        ? [
            `${changed.map((f) => StudyFiles[f]).join(', ')} changed after these scores were computed (${record.createdAt}): run 'taskrel predictors ${studyDir}' again.`,
          ]
        : []),
      ...record.notes,
    ];
    if (warnings.length > 0)
      parts.push(
        `<div class="notes"><strong>Read before trusting these numbers:</strong><ul>${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></div>`,
      );
    parts.push(`<p>${escapeHtml(truthText(record))}</p>`, scoreboardTable(record));
    const unavailable = record.predictors.flatMap((p) => (p.status === 'ok' ? [] : [`${p.label}: ${p.reason}.`]));
    if (unavailable.length > 0) parts.push(`<p>Not scored: ${unavailable.map(escapeHtml).join(' ')}</p>`);
    const scored = record.predictors.flatMap((p) => (p.status === 'ok' ? [p] : []));
    const charts: ReportChart[] = [];
    const add = (heading: string, chart: ReportChart, after = ''): void => {
      charts.push(chart);
      parts.push(`<h3>${escapeHtml(heading)}</h3>\n${chartSlot(chart)}${after}`);
    };
    if (scored.length > 0) {
      add('Scores with their intervals', { id: 'predictor-scores', spec: buildPredictorScoresSpec(scored), figure: true });
      add('What the first choice costs', { id: 'predictor-regret', spec: buildRegretSpec(scored), figure: true });
      parts.push('<h3>First choice per main task</h3>', topPickTable(scored));
      add('Predicted vs measured', { id: 'predictor-scatter', spec: buildPredictorScatterSpec(scored), figure: true });
    }
    if (record.groupings.length > 0) {
      parts.push(
        '<h3>Task groups</h3>',
        '<p>Partitions of the tasks into k groups, each group trained as one model. A group is worth each member’s mean gain (or score) from the other members, summed (TAG’s network selection); each predictor’s choice (those with a “no effect” value) is valued by the measured gains.</p>',
        groupingTable(record),
      );
    }
    parts.push(protocol(record, affinity));
    return { html: parts.join('\n'), charts };
  },
} satisfies ReportSection;

function truthText({ truth }: ScoreboardRecord): string {
  return (
    `Scored against ${truth.pairs} directed pairs of ${truth.tasks.length} tasks (${truth.mainTasks} main tasks; ${truth.gained} labelled ` +
    `“${truth.label}”), measured by ${truth.cost.runs} runs (${truth.cost.batches.toLocaleString('en-US')} batches, ${formatDuration(truth.cost.seconds)}). ` +
    'Every prediction is held out: fitted predictors never saw the main task they predict.'
  );
}

function affinityRun(record: AffinityRecord): string {
  return (
    `One hard-sharing run over the ${record.tasks.length} tasks (${record.settings.batches.toLocaleString('en-US')} batches, ` +
    `${formatDuration(record.cost.seconds)}) measured TAG’s lookahead affinity and the cosine of the tasks’ gradients ${record.measurements} times.`
  );
}

function protocol(record: ScoreboardRecord, affinity: AffinityRecord | null): string {
  const facts: [string, string][] = [
    ...record.protocol.description.map((text, i): [string, string] => [i === 0 ? 'protocol' : '', text]),
    ...record.predictors.map((p): [string, string] => [
      p.label,
      p.status === 'ok' ? `${p.definition} Cost: ${p.costNote}.` : `${p.definition} Unavailable: ${p.reason}.`,
    ]),
    ...(affinity === null ? [] : affinityFacts(affinity)),
    ...record.truth.excluded.map(({ main, aux, reason }): [string, string] => [`left out: ${main} / ${aux}`, reason]),
  ];
  const list = facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  return `<details class="protocol"><summary>How the predictors were scored</summary><dl class="facts">${list}</dl></details>`;
}

function affinityFacts(record: AffinityRecord): [string, string][] {
  const { settings, cost } = record;
  const step =
    settings.lookahead.rule === 'sgd'
      ? `plain SGD step θ − η·∇L_i of the shared parameters, η = ${settings.lookahead.learningRate} (TAG’s definition)`
      : 'the step the training optimiser would take from its current state (TAG’s code); heads unchanged';
  return [
    ['affinity run', affinityRun(record)],
    [
      'lookahead affinity',
      `Z(i→j) = 1 − L_j(after) / L_j(before), averaged over measurements; ${step}; losses without dropout on one training batch per task, the same before and after; parameters restored exactly`,
    ],
    [
      'gradient cosine',
      'cos of tasks i’s and j’s gradients on the shared parameters, each on its own batch of the same measurement, embedding rows as separate coordinates',
    ],
    ['shared parameters', record.sharedParameters.join(', ')],
    [
      'measurements',
      `${record.measurements}, every ${settings.every} training steps; batches and dropout from streams of their own, so training runs as without them`,
    ],
    [
      'cost of measuring',
      `${cost.gradientPasses} gradient passes (${formatDuration(cost.gradientSeconds)}), ${cost.forwardPasses} forward passes with the lookahead steps (${formatDuration(cost.lookaheadSeconds)})`,
    ],
    ['affinity seed', `${settings.seed} (${record.backend}, batch size ${settings.batchSize})`],
  ];
}
