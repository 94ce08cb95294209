import { modelDefinition } from '../../engine/models/modelTypes.js';
import { optimizerOf } from '../../engine/optimizers/optimizers.js';
import { samplerOf } from '../../engine/samplers/samplers.js';
import type { RunResult } from '../../study/runResult.js';
import type { StudySpec } from '../../study/spec.js';
import { sortedNames } from '../charts/common.js';
import { formatDuration, formatNumber } from '../format.js';
import { escapeHtml } from '../html.js';
import type { ReportContext } from '../reportContext.js';
import type { ReportSection } from '../section.js';
import type { TaskInfo } from '../taskInfo.js';
import { type Cell, htmlTable } from '../table.js';

/** The study at a glance: settings, tasks with their sizes, and what the runs cost. */
export const studySection = {
  id: 'study',
  title: 'Study',
  render(context) {
    const facts = htmlFacts([...settingFacts(context.spec), ...runFacts(context.runs)]);
    return { html: `${facts}\n<h3>Tasks</h3>\n${taskTable(context)}`, charts: [] };
  },
} satisfies ReportSection;

function settingFacts(spec: StudySpec): [string, string][] {
  const model = modelDefinition(spec.model).describe(spec.model);
  const sampler = samplerOf(spec.sampler).describe(spec.sampler);
  const records = [
    ...(spec.records.transfer ? ['each head’s scores on the other tasks’ test sets'] : []),
    ...(spec.records.inputImportance ? ['input-word importance'] : []),
  ];
  return [
    ['model', model],
    ['optimiser', optimizerOf(spec.optimizer).describe(spec.optimizer)],
    [
      'batches',
      `${formatNumber(spec.budget.singleBatches)} per single-task run, ${formatNumber(spec.budget.pairBatches)} per pair run, batch size ${spec.batchSize}` +
        (spec.budget.pairPatience > 0
          ? `; a pair run ends early once neither task’s dev F1 has improved for ${spec.budget.pairPatience} evaluations`
          : ''),
    ],
    ...(Object.keys(spec.trainSentences).length > 0
      ? [
          [
            'training data',
            'capped: each seed draws its own sample of each capped task’s training split (sizes in the table); dev and test whole',
          ] as [string, string],
        ]
      : []),
    ['pair sampling', `${sampler} choice of task per batch`],
    [
      'evaluation',
      `dev every ${spec.evaluation.evalEvery} steps${spec.evaluation.devLimit > 0 ? ` on the first ${spec.evaluation.devLimit} dev sentences` : ''}; test F1 at the best dev step`,
    ],
    [
      'vocabulary',
      `${spec.vocabulary.combine} of the ${spec.vocabulary.scope === 'run' ? "run's" : "study's"} training words, at most ${formatNumber(spec.vocabulary.maxSize)}`,
    ],
    ['seeds', spec.seeds.join(', ')],
    ...(records.length > 0 ? [['records', `also ${records.join(' and ')} (see Inside the models)`] as [string, string]] : []),
  ];
}

function runFacts(runs: RunResult[]): [string, string][] {
  if (runs.length === 0) return [['runs', 'none finished yet']];
  const singles = runs.filter((r) => r.kind === 'single').length;
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const last =
    runs
      .map((r) => r.finishedAt)
      .sort()
      .at(-1) ?? '';
  const early = runs.filter((r) => r.earlyStop !== undefined).length;
  return [
    ['runs', `${singles} single-task, ${runs.length - singles} pair${early > 0 ? ` (${early} ended early)` : ''}`],
    ['backend', sortedNames(runs.map((r) => r.backend)).join(', ')],
    ['training time', `${formatDuration(seconds)} in total over all runs`],
    ['last run finished', last.replace(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d).*Z$/, '$1 $2 UTC')],
  ];
}

function htmlFacts(facts: [string, string][]): string {
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

function taskTable(context: ReportContext): string {
  const singleF1 = meanSingleTestF1(context.runs);
  const f1 = (task: string): Cell => {
    const value = singleF1.get(task);
    return value === undefined ? null : value.toFixed(4);
  };
  const loaded = context.tasks.map((t) => ({
    name: t.name,
    cells: [
      t.name,
      t.kind,
      t.description,
      t.source,
      trainCell(t),
      formatNumber(t.trainTokens),
      formatNumber(t.sizes.dev),
      formatNumber(t.sizes.test),
      formatNumber(t.labels),
      f1(t.name),
    ],
  }));
  const missing = context.missingTasks.map((t) => ({
    name: t.name,
    cells: [t.name, null, { text: 'details unavailable', help: t.reason }, null, null, null, null, null, null, f1(t.name)],
  }));
  const rows = [...loaded, ...missing].sort((a, b) => a.name.localeCompare(b.name, 'en')).map((r) => r.cells);
  return htmlTable(
    [
      { label: 'task', className: 'name' },
      { label: 'kind' },
      { label: 'description', className: 'prose' },
      { label: 'source', className: 'path' },
      { label: 'train', numeric: true, help: 'training examples (sentences or texts)' },
      { label: 'train tokens', numeric: true, help: 'tokens of the training examples a run sees (mean over seeds for a sample)' },
      { label: 'dev', numeric: true },
      { label: 'test', numeric: true },
      { label: 'labels', numeric: true, help: 'size of the training label set' },
      { label: 'single-task test F1', numeric: true, help: 'at the best dev step, mean over seeds' },
    ],
    rows,
  );
}

function trainCell(task: TaskInfo): Cell {
  if (task.sampledFrom === null) return formatNumber(task.sizes.train);
  return {
    text: `${formatNumber(task.sizes.train)} of ${formatNumber(task.sampledFrom)}`,
    help: `each seed trains on its own sample of ${formatNumber(task.sizes.train)} of the ${formatNumber(task.sampledFrom)} training examples`,
  };
}

function meanSingleTestF1(runs: RunResult[]): Map<string, number> {
  const scores = new Map<string, number[]>();
  for (const run of runs.filter((r) => r.kind === 'single')) {
    for (const [task, head] of Object.entries(run.heads)) scores.set(task, [...(scores.get(task) ?? []), head.best.test.f1]);
  }
  return new Map([...scores].map(([task, f1]) => [task, f1.reduce((a, b) => a + b, 0) / f1.length]));
}
