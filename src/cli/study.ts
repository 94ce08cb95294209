import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { readJsonFile } from '../data/jsonFile.js';
import { BackendNames, type BackendName } from '../engine/backend.js';
import { TaskrelError } from '../errors.js';
import { analyzeStudy } from '../meta/analyzeStudy.js';
import { writeReport } from '../report/writeReport.js';
import { LocalPool } from '../study/localPool.js';
import { ProgressTracker } from '../study/progressTracker.js';
import { type StudyOutcome, runStudy } from '../study/runStudy.js';
import { parseStudySpec } from '../study/spec.js';
import { prepareStudy } from '../study/prepareStudy.js';
import type { Command } from './command.js';
import { describeAnalysis } from './analyze.js';
import { printPlan } from './printPlan.js';
import { createProgressDisplay, formatDuration } from './progressDisplay.js';
import { integerFlag, onePositional, parseFlags } from './parseFlags.js';

const help = `usage: taskrel study SPEC.json [--plan] [--workers N] [--backend NAME] [--output DIR]

Trains every task alone and every pair of tasks together (hard parameter sharing), once per seed, in parallel
worker processes, then writes the gains, the analysis (features, meta-model) and the HTML report into the study
folder (default reports/<name>/). Each finished run is saved at once: interrupt at any time (Ctrl-C) and run the
same command again to continue; runs whose settings changed are retrained, finished ones are kept.

options:
  --plan          print the runs and the estimated time, train nothing
  --workers N     parallel worker processes (default: one per core, ${availableParallelism()} here)
  --backend NAME  tfjs backend: ${BackendNames.join(', ')} (default: the fastest that loads)
  --output DIR    study folder (overrides the spec's output)

examples:
  taskrel study studies/demo.json
  taskrel study studies/paper.json --plan`;

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
    });
    const file = onePositional('study', positionals, 'study spec file', 'taskrel study studies/demo.json');
    const backend = readBackend(values.backend);
    const workers = integerFlag('study', 'workers', values.workers, { fallback: availableParallelism() });
    const spec = parseStudySpec(await readJsonFile(file), file, dirname(resolve(file)));
    if (values.output !== undefined) spec.output = values.output;

    const prepared = await prepareStudy(spec, (name) => process.stderr.write(`preparing ${name} (first use)…\n`));
    if (values.plan) {
      await printPlan(prepared, workers, backend);
      return 0;
    }
    const outcome = await train(prepared, workers, backend);
    process.stderr.write(`study folder: ${spec.output}\n`);
    if (outcome === 'interrupted') return 130;
    if (outcome.setAside.length > 0) process.stderr.write(`note: ${outcome.setAside.length} run(s) of an earlier plan moved to runs/superseded/\n`);
    for (const { main, aux, reason } of outcome.unscored) process.stderr.write(`note: ${main} with ${aux} not scored: ${reason}\n`);
    const analysis = await analyzeStudy(spec.output);
    for (const line of describeAnalysis(analysis)) console.log(line);
    console.log(`report: ${await writeReport(spec.output)}`);
    if (outcome.failed.length > 0) {
      for (const { runId, message } of outcome.failed) process.stderr.write(`failed: ${runId}: ${message}\n`);
      throw new TaskrelError(`${outcome.failed.length} run(s) failed (listed above); the analysis and report cover the others. Re-run to retry them.`);
    }
    return 0;
  },
};

function readBackend(value: string | undefined): BackendName | undefined {
  if (value === undefined) return undefined;
  if (!(BackendNames as readonly string[]).includes(value)) throw new TaskrelError(`taskrel study: --backend ${value}: expected one of ${BackendNames.join(', ')}`);
  return value as BackendName;
}

async function train(
  prepared: Awaited<ReturnType<typeof prepareStudy>>,
  workers: number,
  backend: BackendName | undefined,
): Promise<StudyOutcome | 'interrupted'> {
  const { spec, plans } = prepared;
  const display = createProgressDisplay();
  const pool = new LocalPool(workers);
  let tracker = new ProgressTracker(plans.length, plans);
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    pool.stop();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const ticker = setInterval(() => display.update(tracker.snapshot()), 500);
  const label = (worker: number): string => `worker ${worker + 1}`;
  try {
    const outcome = await runStudy(
      spec,
      plans,
      pool,
      {
        planned: (pending, finished, stale) => {
          tracker = new ProgressTracker(plans.length, pending);
          const kept = finished.length > 0 ? `, ${finished.length} already finished` : '';
          const redo = stale.length > 0 ? `, ${stale.length} stale (settings changed) to retrain` : '';
          display.log(`study ${spec.name}: ${plans.length} runs${kept}${redo}; ${pending.length} to train on ${Math.min(workers, Math.max(1, pending.length))} worker(s)`, {
            event: 'planned', runs: plans.length, finished: finished.length, stale: stale.length, pending: pending.length, workers,
          });
        },
        start: (worker, plan) => tracker.start(label(worker), plan),
        progress: (worker, plan, progress) => {
          tracker.progress(label(worker), plan, progress);
          display.update(tracker.snapshot());
        },
        done: (worker, result) => {
          const plan = plans.find((p) => p.id === result.id);
          if (plan) tracker.finish(label(worker), plan, true);
          const scores = result.tasks.map((t) => `${t} F1 ${(100 * result.heads[t].best.test.f1).toFixed(1)}`).join(', ');
          const s = tracker.snapshot();
          display.log(`done ${result.id} in ${formatDuration(result.seconds)}: ${scores}`, {
            event: 'run-done', run: result.id, done: s.done, total: s.total, seconds: Math.round(result.seconds), etaSeconds: s.etaSeconds === null ? null : Math.round(s.etaSeconds),
          });
        },
        failed: (worker, plan, message) => {
          tracker.finish(label(worker), plan, false);
          display.log(`FAILED ${plan.id}: ${message.split('\n')[0]}`, { event: 'run-failed', run: plan.id, message });
        },
      },
      backend,
    );
    display.close(tracker.snapshot());
    return interrupted ? 'interrupted' : outcome;
  } finally {
    clearInterval(ticker);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (interrupted) process.stderr.write('interrupted: finished runs are saved; run the same command again to continue.\n');
  }
}
