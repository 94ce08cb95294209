import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { affinityPath, readAffinityRecord, writeAffinityRecord } from '../affinity/affinityFile.js';
import type { AffinityRecord } from '../affinity/affinityRecord.js';
import type { AffinityProgress } from '../affinity/affinityRun.js';
import { type AffinityComparison, compareAffinity } from '../affinity/compareAffinity.js';
import { type LookaheadConfig, LookaheadRuleNames } from '../affinity/lookaheadRules.js';
import { predictorLabels } from '../affinity/predictors.js';
import { runAffinity } from '../affinity/runAffinity.js';
import { readJsonFile } from '../data/jsonFile.js';
import { BackendNames, type BackendName } from '../engine/backend.js';
import { TaskrelError } from '../errors.js';
import { validateMetaReport } from '../meta/validateMetaReport.js';
import { formatGain } from '../report/format.js';
import { writeReport } from '../report/writeReport.js';
import { prepareStudy } from '../study/prepareStudy.js';
import { parseStudySpec, type StudySpec } from '../study/spec.js';
import { readGains, readRuns, studyPath } from '../study/studyFolder.js';
import { alignedTable } from './alignedTable.js';
import type { Command } from './command.js';
import { integerFlag, onePositional, parseFlags } from './parseFlags.js';
import { formatDuration } from './progressDisplay.js';

const help = `usage: taskrel affinity SPEC.json [--every K] [--lookahead sgd|optimizer] [--rate R] [--groups K]
                        [--seed N] [--backend NAME] [--output DIR] [--rescore]

Predicts the study's pairwise relations from ONE run instead of n + n(n−1)/2: trains one hard-sharing model over
all the study's tasks (its model, optimiser and sampler; the single-task budget per task) and every K steps
measures, for each task i, TAG's lookahead affinity (Fifty et al. 2021: a step of the shared layers on i's
gradient alone, then 1 − L_j(after) / L_j(before) for every task j, on the same batches) and the cosine of the
tasks' shared-layer gradients, averaged over training. Writes STUDY_DIR/affinity.json. The split-half ρ (odd vs
even measurements) says whether the run measured the pairs' order or mostly batch noise.

When the study has been trained (gains.csv), scores both predictors and the meta-model's held-out predictions
(meta.json) against the directed gains — Spearman ρ overall and per main task, accuracy on the sign of the gain,
precision of the top-ranked auxiliary task — with their cost next to the pairwise study's, prints the best
partition of the tasks into k groups under the gains and under each predictor (a group is worth each member's
mean score from the other members), and rewrites the report.

options:
  --every K        measure every K training steps (default: 100 measurements over the run); more measurements
                   make the averages less noisy (see the split-half ρ printed) and cost more
  --lookahead R    sgd: θ − η·∇L_i, TAG's definition (default); optimizer: the step the training optimiser
                   would take from its state, as TAG's code does (with Adam it carries all tasks' momentum)
  --rate R         η of the sgd lookahead (default: the study's learning rate)
  --groups K       print partitions into K groups (default: 2 … min(4, tasks − 1))
  --seed N         seed of the run (default: the study's first seed)
  --backend NAME   tfjs backend: ${BackendNames.join(', ')} (default: the fastest that loads)
  --output DIR     study folder (overrides the spec's output)
  --rescore        train nothing: score the folder's affinity.json again (after new gains or meta.json)

examples:
  taskrel affinity studies/demo.json
  taskrel affinity studies/demo.json --lookahead optimizer --every 20`;

export const affinityCommand: Command = {
  name: 'affinity',
  summary: 'predict the pairwise gains from one joint run (TAG lookahead, gradient cosine) and score them',
  help,
  async run(argv) {
    const { positionals, values } = parseFlags('affinity', argv, {
      every: { type: 'string' },
      lookahead: { type: 'string' },
      rate: { type: 'string' },
      groups: { type: 'string' },
      seed: { type: 'string' },
      backend: { type: 'string' },
      output: { type: 'string' },
      rescore: { type: 'boolean' },
    });
    const file = onePositional('affinity', positionals, 'study spec file', 'taskrel affinity studies/demo.json');
    const spec = parseStudySpec(await readJsonFile(file), file, dirname(resolve(file)));
    if (values.output !== undefined) spec.output = values.output;
    const groups = integerFlag('affinity', 'groups', values.groups, { min: 1, fallback: undefined });
    if (groups !== undefined && groups > spec.tasks.length) throw new TaskrelError(`taskrel affinity: --groups ${groups}: expected at most ${spec.tasks.length}, the study's tasks`);
    let record: AffinityRecord;
    if (values.rescore) {
      const stored = readAffinityRecord(spec.output);
      if (stored === null) throw new TaskrelError(`taskrel affinity --rescore: no ${affinityPath(spec.output)} yet; run without --rescore first`);
      record = stored;
    } else {
      record = await measure(spec, values);
      mkdirSync(spec.output, { recursive: true });
      console.log(describeRun(record));
      console.log(`wrote ${writeAffinityRecord(spec.output, record)}`);
    }
    const comparison = await compare(spec, record, groups === undefined ? undefined : [groups]);
    if (comparison === null) {
      console.log(`no gains of these tasks in ${studyPath(spec.output, 'gains')} yet: train the study (taskrel study ${file}) to score the predictors`);
      return 0;
    }
    for (const line of describeComparison(comparison)) console.log(line);
    if (existsSync(studyPath(spec.output, 'spec'))) console.log(`report: ${await writeReport(spec.output)}`);
    return 0;
  },
};

interface MeasureFlags {
  every?: string;
  lookahead?: string;
  rate?: string;
  seed?: string;
  backend?: string;
}

async function measure(spec: StudySpec, values: MeasureFlags): Promise<AffinityRecord> {
  const rule = values.lookahead ?? 'sgd';
  if (!(LookaheadRuleNames as readonly string[]).includes(rule)) throw new TaskrelError(`taskrel affinity: --lookahead ${rule}: expected one of ${LookaheadRuleNames.join(', ')}`);
  const rate = values.rate === undefined ? spec.optimizer.learningRate : Number(values.rate);
  if (!(rate > 0)) throw new TaskrelError(`taskrel affinity: --rate ${values.rate}: expected a positive number`);
  if (rule === 'optimizer' && values.rate !== undefined) throw new TaskrelError('taskrel affinity: --rate sets the sgd lookahead; the optimizer lookahead uses the training optimiser');
  const lookahead: LookaheadConfig = rule === 'optimizer' ? { rule } : { rule: 'sgd', learningRate: rate };
  const { backend } = values;
  if (backend !== undefined && !(BackendNames as readonly string[]).includes(backend)) throw new TaskrelError(`taskrel affinity: --backend ${backend}: expected one of ${BackendNames.join(', ')}`);
  const every = integerFlag('affinity', 'every', values.every, { fallback: undefined });
  const seed = integerFlag('affinity', 'seed', values.seed, { min: 0, fallback: undefined });
  // Flags are checked before the tasks are prepared, which can take minutes on first use.
  await prepareStudy(spec, (name) => process.stderr.write(`preparing ${name} (first use)…\n`));
  const progress = progressPrinter();
  try {
    return await runAffinity(spec, { every, seed, lookahead, backend: backend as BackendName | undefined, onProgress: progress.update });
  } finally {
    progress.close();
  }
}

async function compare(spec: StudySpec, record: AffinityRecord, groups: number[] | undefined): Promise<AffinityComparison | null> {
  const seeds = new Set(spec.seeds);
  const metaFile = studyPath(spec.output, 'meta');
  const meta = existsSync(metaFile) ? validateMetaReport(await readJsonFile(metaFile), metaFile) : null;
  const runs = readRuns(spec.output).filter((run) => seeds.has(run.seed));
  return compareAffinity(record, { gains: await readGains(spec.output), runs, meta }, groups);
}

/** On a terminal, one line redrawn in place; elsewhere a line every tenth of the run. */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): { update: (p: AffinityProgress) => void; close: () => void } {
  const started = Date.now();
  let shown = 0;
  let tenth = 0;
  return {
    update(p) {
      const elapsed = (Date.now() - started) / 1000;
      const line = `affinity run: step ${p.step}/${p.batches}, ${p.measurements} measurements, ${p.task} loss ${p.loss.toFixed(3)}, ` +
        `${formatDuration(elapsed)} elapsed, ETA ${formatDuration((elapsed / p.step) * (p.batches - p.step))}`;
      if (stream.isTTY) {
        if (Date.now() - shown < 200 && p.step < p.batches) return;
        shown = Date.now();
        stream.write(`\r\x1b[K${line.slice(0, (stream.columns || 100) - 1)}`);
      } else if (Math.floor((10 * p.step) / p.batches) > tenth) {
        tenth = Math.floor((10 * p.step) / p.batches);
        stream.write(`${line}\n`);
      }
    },
    close() {
      if (stream.isTTY && shown > 0) stream.write('\n');
    },
  };
}

export function describeRun(record: AffinityRecord): string {
  const { settings, cost } = record;
  const lookahead = settings.lookahead.rule === 'sgd' ? `sgd lookahead, η ${settings.lookahead.learningRate}` : 'optimizer lookahead';
  return `affinity run of ${record.tasks.length} tasks: ${settings.batches} batches, ${record.measurements} measurements (every ${settings.every} steps, ` +
    `${lookahead}) in ${formatDuration(cost.seconds)} on ${record.backend}, ${formatDuration(cost.gradientSeconds + cost.lookaheadSeconds)} of it measuring`;
}

const fixed = (x: number | null, digits = 2): string => (x === null ? '—' : x.toFixed(digits));

/** The predictors' scores and costs, and the groupings, as the terminal shows them. */
export function describeComparison({ tasks, study, predictors, groupings }: AffinityComparison): string[] {
  const header = ['predictor', 'split-half ρ', 'ρ all', 'ρ per main', 'sign acc.', 'top-1 prec. (random)', 'batches (× study)', 'seconds (× study)'];
  const rows = predictors.flatMap((p) => {
    if (p.status !== 'ok') return [];
    const s = p.scores;
    return [[
      predictorLabels[p.name], fixed(p.reliability), fixed(s.spearman), fixed(s.spearmanPerMain), fixed(s.signAccuracy),
      `${fixed(s.topOnePrecision)} (${fixed(s.randomTopOnePrecision)})`,
      `${p.cost.batches.toLocaleString('en-US')} (${fixed(p.ratio.batches)})`, `${formatDuration(p.cost.seconds)} (${fixed(p.ratio.seconds)})`,
    ]];
  });
  const lines = [
    '',
    `against the gains of ${tasks.length} tasks measured by ${study.runs} runs (${study.batches.toLocaleString('en-US')} batches, ${formatDuration(study.seconds)}):`,
    ...alignedTable([header, ...rows], new Set([1, 2, 3, 4, 5, 6, 7])),
    ...predictors.flatMap((p) => (p.status === 'ok' ? [] : [`${predictorLabels[p.name]}: unavailable: ${p.reason}`])),
  ];
  if (groupings.length > 0) lines.push('', 'task groups (a group is worth each member’s mean gain from the other members):');
  for (const { k, truth, predictors: chosen } of groupings) {
    const show = (groups: string[][]): string => groups.map((g) => `{${g.join(', ')}}`).join(' ');
    lines.push(`  k = ${k}  best under the gains: ${show(truth.groups)}  ${formatGain(truth.benefit)}`);
    for (const c of chosen) lines.push(`         ${predictorLabels[c.name]}: ${show(c.partition.groups)}  ${formatGain(c.benefitUnderGains)} under the gains`);
  }
  return lines;
}
