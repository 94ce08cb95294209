import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { readJsonFile } from '../shared/jsonFile.js';
import { BackendNames, type BackendName } from '../engine/backend.js';
import { TaskrelError } from '../errors.js';
import { QueueCoordinator } from '../study/distributed/queueCoordinator.js';
import { checkRedis, shownUrl } from '../study/distributed/redisUrl.js';
import { LocalPool } from '../study/localPool.js';
import type { RunExecutor } from '../study/runExecutor.js';
import { type StudyOutcome, runStudy } from '../study/runStudy.js';
import { parseStudySpec } from '../study/spec.js';
import type { PreparedStudy } from '../study/prepareStudy.js';
import { runStudyPipeline } from '../workflows/study.js';
import type { Command } from './command.js';
import { describeAnalysis } from './analyze.js';
import { checkpointEveryFlag, checkpointHelp } from './checkpointFlag.js';
import { scoreboardSummary } from './predictors.js';
import { printPlan } from './printPlan.js';
import { shownFolder } from './shownFolder.js';
import { StudyProgress, localTrainers } from './studyProgress.js';
import { integerFlag, onePositional, parseFlags } from './parseFlags.js';
import { announcePreparing, backendFlag, interruptible } from './terminal.js';

const help = `usage: taskrel study SPEC.json [--plan] [--workers N | --redis URL] [--backend NAME] [--output DIR]
                     [--checkpoint-every S]

Trains every task alone and every pair of tasks together (hard parameter sharing), once per seed, in parallel
worker processes, then writes the gains, the analysis (features, meta-model) and the HTML report into the study
folder (default reports/<name>/). Each finished run is saved at once, and each run in flight saves a checkpoint
every few minutes: interrupt at any time (Ctrl-C, kill, reboot) and run the same command again to continue, each
unfinished run from its last checkpoint; runs whose settings changed are retrained, finished ones are kept.

options:
  --plan          print the runs and the estimated time, train nothing
  --workers N     parallel worker processes (default: one per core, ${availableParallelism()} here)
  --backend NAME  tfjs backend: ${BackendNames.join(', ')} (default: the fastest that loads)
  --output DIR    study folder (overrides the spec's output)
${checkpointHelp(18)}
  --redis URL     train on other machines instead: queue the runs in this Redis (BullMQ), where processes started
                  with 'taskrel worker --redis URL' take them; results still land in the study folder here.
                  Ctrl-C leaves the queued runs to the workers; the same command again collects their results.
                  Checkpoints are then the workers' (see taskrel worker --help).

examples:
  taskrel study studies/demo.json
  taskrel study studies/paper.json --plan
  taskrel study studies/paper.json --redis redis://10.0.0.5:6379`;

export const studyCommand: Command = {
  name: 'study',
  summary: 'train all single-task and pair runs of a study, then analyze and report',
  help,
  async run(argv) {
    const { positionals, values } = parseFlags('study', argv, {
      plan: { type: 'boolean' },
      workers: { type: 'string' },
      backend: { type: 'string' },
      output: { type: 'string' },
      redis: { type: 'string' },
      'checkpoint-every': { type: 'string' },
    });
    const file = onePositional('study', positionals, 'study spec file', 'taskrel study studies/demo.json');
    const backend = backendFlag('study', values.backend);
    const workers = integerFlag('study', 'workers', values.workers, { fallback: availableParallelism() });
    if (values.redis !== undefined && values.workers !== undefined) {
      throw new TaskrelError(
        'taskrel study: --workers counts local processes; with --redis, each machine runs taskrel worker --redis URL --concurrency N',
      );
    }
    if (values.redis !== undefined && values['checkpoint-every'] !== undefined) {
      throw new TaskrelError(
        'taskrel study: with --redis the workers write the checkpoints; give --checkpoint-every to taskrel worker on each machine',
      );
    }
    const checkpointEvery = checkpointEveryFlag('study', values['checkpoint-every']);
    const spec = parseStudySpec(await readJsonFile(file), file, dirname(resolve(file)));
    if (values.output !== undefined) spec.output = values.output;
    // Before preparing the tasks, which may take minutes, so that a wrong address fails at once.
    const redis =
      values.redis !== undefined && !values.plan
        ? { url: values.redis, ...(await checkRedis(values.redis, 'taskrel study --redis')) }
        : undefined;

    const result = await runStudyPipeline(spec, {
      onPrepare: announcePreparing,
      onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
      planOnly: values.plan ? (prepared) => printPlan(prepared, workers, backend) : undefined,
      train: (prepared) => {
        const training =
          redis === undefined ? localTraining(prepared, workers, checkpointEvery) : queueTraining(prepared, redis.url, redis.workers);
        process.stderr.write(`study folder: ${shownFolder(spec.output)}\n`);
        return train(prepared, training, backend);
      },
      onTrained: (outcome) => {
        if (outcome.setAside.length > 0)
          process.stderr.write(`note: ${outcome.setAside.length} run(s) of an earlier plan moved to runs/superseded/\n`);
        for (const { main, aux, reason } of outcome.unscored) process.stderr.write(`note: ${main} with ${aux}: ${reason}\n`);
      },
      onAnalysis: (analysis) => {
        for (const line of describeAnalysis(analysis)) console.log(line);
      },
      score: async (dir) => {
        for (const line of await scoreboardSummary(dir)) console.log(line);
      },
    });
    if (result.status === 'planned') return 0;
    if (result.status === 'interrupted') return 130;
    const { outcome } = result;
    console.log(`report: ${result.report}`);
    if (outcome.failed.length > 0) {
      for (const { runId, message } of outcome.failed) process.stderr.write(`failed: ${runId}: ${message}\n`);
      throw new TaskrelError(
        `${outcome.failed.length} run(s) failed (listed above); the analysis and report cover the others. Re-run to retry them.`,
      );
    }
    return 0;
  },
};

async function train(prepared: PreparedStudy, training: Training, backend: BackendName | undefined): Promise<StudyOutcome | 'interrupted'> {
  const { spec, plans } = prepared;
  const { executor, progress } = training;
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    void executor.stop();
  };
  try {
    const outcome = await interruptible(onSignal, () => runStudy(spec, plans, executor, progress.listener(), backend));
    return interrupted || outcome.interrupted ? 'interrupted' : outcome;
  } finally {
    progress.close(interrupted ? 'interrupted' : 'finished');
    if (interrupted) process.stderr.write(`interrupted: ${training.interrupted}\n`);
  }
}

/** An executor with its progress display. */
interface Training {
  executor: RunExecutor;
  progress: StudyProgress;
  /** What an interruption leaves, for the line printed then. */
  interrupted: string;
}

function localTraining(prepared: PreparedStudy, workers: number, checkpointEvery: number): Training {
  const progress = new StudyProgress(`study ${prepared.spec.name}`, localTrainers(workers));
  const inFlight = checkpointEvery > 0 ? ', runs in flight continue from their last checkpoint' : '';
  const interrupted = `finished runs are saved${inFlight}; run the same command again to continue.`;
  return { executor: new LocalPool(workers, checkpointEvery), progress, interrupted };
}

function queueTraining(prepared: PreparedStudy, url: string, workers: number | null): Training {
  const start = `taskrel worker --redis ${shownUrl(url)}`;
  const progress = new StudyProgress(`study ${prepared.spec.name}`, {
    where: () =>
      `on the workers of ${shownUrl(url)} (${workers ?? 'unknown number'} connected${workers === 0 ? `; start some with: ${start}` : ''})`,
    workers: workers ?? 0,
  });
  const coordinator = new QueueCoordinator({
    url,
    fingerprints: new Map(prepared.tasks.map((t) => [t.name, t.fingerprint])),
    onRequeued: (worker, plan) => progress.requeued(worker, plan),
    onWarning: (message) => progress.note(message, { event: 'warning', message }),
  });
  const interrupted = 'finished runs are saved, the workers go on with the others; run the same command again to collect them.';
  return { executor: coordinator, progress, interrupted };
}
