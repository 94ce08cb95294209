import { dirname, resolve } from 'node:path';
import type { AffinityRecord } from '../affinity/affinityRecord.js';
import type { AffinityProgress } from '../affinity/affinityRun.js';
import { type LookaheadConfig, LookaheadRuleNames } from '../affinity/lookaheadRules.js';
import { readJsonFile } from '../shared/jsonFile.js';
import { BackendNames } from '../engine/backend.js';
import { TaskrelError } from '../errors.js';
import { parseStudySpec, type StudySpec } from '../study/spec.js';
import { describeCheckpointEvent } from '../study/checkpointEvent.js';
import { studyPath } from '../study/studyFolder.js';
import { type AffinityResult, type AffinityRunSettings, affinityWorkflow } from '../workflows/affinity.js';
import { checkpointEveryFlag, checkpointHelp } from './checkpointFlag.js';
import { lineProgress } from './lineProgress.js';
import { describeScoreboard, runScoreboard } from './predictors.js';
import type { Command } from './command.js';
import { integerFlag, onePositional, parseFlags } from './parseFlags.js';
import { formatDuration } from './progressDisplay.js';
import { announcePreparing, backendFlag } from './terminal.js';

const help = `usage: taskrel affinity SPEC.json [--every K] [--lookahead sgd|optimizer] [--rate R] [--groups K]
                        [--seed N] [--backend NAME] [--output DIR] [--checkpoint-every S] [--rescore]

Predicts the study's pairwise relations from ONE run instead of n + n(n−1)/2: trains one hard-sharing model over
all the study's tasks (its model, optimiser and sampler; the single-task budget per task) and every K steps
measures, for each task i, TAG's lookahead affinity (Fifty et al. 2021: a step of the shared layers on i's
gradient alone, then 1 − L_j(after) / L_j(before) for every task j, on the same batches) and the cosine of the
tasks' shared-layer gradients, averaged over training. Writes STUDY_DIR/affinity.json. The split-half ρ (odd vs
even measurements) says whether the run measured the pairs' order or mostly batch noise.

When the study has been trained (gains.csv), scores both predictors with all the others against the directed
gains, as 'taskrel predictors' does (predictors.json: Spearman ρ, sign accuracy, regret@1, permutation p-values,
costs against the pairwise study), prints the best partition of the tasks into k groups under the gains and under
each predictor (a group is worth each member's mean score from the other members), and rewrites the report.

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
${checkpointHelp(19)}
  --rescore        train nothing: score the folder's affinity.json again (after new gains or pairs.csv)

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
      'checkpoint-every': { type: 'string' },
      rescore: { type: 'boolean' },
    });
    const file = onePositional('affinity', positionals, 'study spec file', 'taskrel affinity studies/demo.json');
    const spec = parseStudySpec(await readJsonFile(file), file, dirname(resolve(file)));
    if (values.output !== undefined) spec.output = values.output;
    const groups = integerFlag('affinity', 'groups', values.groups, { min: 1, fallback: undefined });
    if (groups !== undefined && groups > spec.tasks.length)
      throw new TaskrelError(`taskrel affinity: --groups ${groups}: expected at most ${spec.tasks.length}, the study's tasks`);
    // Without --rescore, the run's flags are checked before the tasks are prepared, which can take minutes on first use.
    const run = values.rescore ? undefined : runSettings(spec, values);
    const progress = progressPrinter();
    // Interrupted, the run first saves its checkpoint after the step in progress (a second Ctrl-C kills it at once).
    let stopping = false;
    const onSignal = (): void => {
      stopping = true;
      progress.note('interrupted: saving a checkpoint of the affinity run…');
    };
    const signals = ['SIGINT', 'SIGTERM'] as const;
    if (run !== undefined && run.checkpointEverySeconds > 0) for (const signal of signals) process.once(signal, onSignal);
    // Once the run ends (measured or failed), Ctrl-C stops the process again.
    const runEnded = (): void => {
      for (const signal of signals) process.off(signal, onSignal);
      progress.close();
    };
    let result: AffinityResult;
    try {
      result = await affinityWorkflow(spec, run, {
        onPrepare: announcePreparing,
        onProgress: progress.update,
        onCheckpoint: (event) => {
          progress.note(describeCheckpointEvent('the affinity run', event));
          if (event.kind === 'saved') process.exit(130);
        },
        saveNow: () => stopping,
        onMeasured: (record, written) => {
          runEnded();
          console.log(describeRun(record));
          console.log(`wrote ${written}`);
        },
        async score(dir) {
          const scoreboard = await runScoreboard(dir, { groups: groups === undefined ? undefined : [groups] });
          for (const line of describeScoreboard(scoreboard)) console.log(line);
        },
      });
    } finally {
      runEnded();
    }
    if (result.status === 'untrained') {
      console.log(`no gains in ${studyPath(spec.output, 'gains')} yet: train the study (taskrel study ${file}) to score the predictors`);
      return 0;
    }
    console.log(`report: ${result.report}`);
    return 0;
  },
};

interface MeasureFlags {
  every?: string;
  lookahead?: string;
  rate?: string;
  seed?: string;
  backend?: string;
  'checkpoint-every'?: string;
}

function runSettings(spec: StudySpec, values: MeasureFlags): AffinityRunSettings {
  const rule = values.lookahead ?? 'sgd';
  if (!(LookaheadRuleNames as readonly string[]).includes(rule))
    throw new TaskrelError(`taskrel affinity: --lookahead ${rule}: expected one of ${LookaheadRuleNames.join(', ')}`);
  const rate = values.rate === undefined ? spec.optimizer.learningRate : Number(values.rate);
  if (!(rate > 0)) throw new TaskrelError(`taskrel affinity: --rate ${values.rate}: expected a positive number`);
  if (rule === 'optimizer' && values.rate !== undefined)
    throw new TaskrelError('taskrel affinity: --rate sets the sgd lookahead; the optimizer lookahead uses the training optimiser');
  const lookahead: LookaheadConfig = rule === 'optimizer' ? { rule } : { rule: 'sgd', learningRate: rate };
  return {
    backend: backendFlag('affinity', values.backend),
    every: integerFlag('affinity', 'every', values.every, { fallback: undefined }),
    seed: integerFlag('affinity', 'seed', values.seed, { min: 0, fallback: undefined }),
    lookahead,
    checkpointEverySeconds: checkpointEveryFlag('affinity', values['checkpoint-every']),
  };
}

/** The affinity run's progress line, with an ETA; `note` prints a line that stays. */
export function progressPrinter(): { update: (p: AffinityProgress) => void; note: (line: string) => void; close: () => void } {
  // The clock starts with the run's first step, after the tasks are prepared.
  let started: number | undefined;
  const line = lineProgress();
  return {
    update(p) {
      started ??= Date.now();
      const elapsed = (Date.now() - started) / 1000;
      line.update(
        `affinity run: step ${p.step}/${p.batches}, ${p.measurements} measurements, ${p.task} loss ${p.loss.toFixed(3)}, ` +
          `${formatDuration(elapsed)} elapsed, ETA ${formatDuration((elapsed / p.step) * (p.batches - p.step))}`,
        p.step / p.batches,
      );
    },
    note: (text) => line.note(text),
    close: () => line.close(),
  };
}

export function describeRun(record: AffinityRecord): string {
  const { settings, cost } = record;
  const lookahead = settings.lookahead.rule === 'sgd' ? `sgd lookahead, η ${settings.lookahead.learningRate}` : 'optimizer lookahead';
  return (
    `affinity run of ${record.tasks.length} tasks: ${settings.batches} batches, ${record.measurements} measurements (every ${settings.every} steps, ` +
    `${lookahead}) in ${formatDuration(cost.seconds)} on ${record.backend}, ${formatDuration(cost.gradientSeconds + cost.lookaheadSeconds)} of it measuring`
  );
}
