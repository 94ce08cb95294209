import type { BackendName } from '../engine/backend.js';
import { peekCheckpoint } from '../study/checkpointFile.js';
import { estimateStudy, schedule } from '../study/estimate.js';
import type { PreparedStudy } from '../study/prepareStudy.js';
import type { RunPlan } from '../study/runPlan.js';
import type { RunResult } from '../study/runResult.js';
import { checkpointFile } from '../study/runCheckpoint.js';
import { checkpointFolder, scanRuns } from '../study/studyFolder.js';
import { alignedTable } from './alignedTable.js';
import { formatDuration } from './progressDisplay.js';
import { shownFolder } from './shownFolder.js';

/**
 * `taskrel study --plan`: every run with its state and estimated time, and the total on `workers` workers. A run
 * with a checkpoint of its settings is estimated from the step it resumes at.
 */
export async function printPlan({ spec, tasks, plans }: PreparedStudy, workers: number, backend?: BackendName): Promise<void> {
  const { runs, unreadable } = scanRuns(spec.output);
  const stored = new Map(runs.map((run) => [run.id, run.specHash]));
  const resumesAt = new Map(
    plans.flatMap((plan) => {
      const header = peekCheckpoint(checkpointFile(checkpointFolder(spec.output), plan.id));
      return header !== null && header.specHash === plan.specHash ? [[plan.id, header.step]] : [];
    }),
  );
  const state = (id: string, hash: string): string => {
    if (stored.get(id) === hash) return 'finished';
    if (stored.has(id)) return 'stale';
    const step = resumesAt.get(id);
    return step === undefined ? 'to train' : `resumes at step ${step}`;
  };
  const pending = plans.filter((p) => state(p.id, p.specHash) !== 'finished');
  const pairShare = trainedPairShare(plans, runs);
  process.stderr.write(`measuring training speed of ${spec.model.type} on ${tasks.length} task(s)…\n`);
  const estimate = await estimateStudy(spec, tasks, pending, workers, backend, pairShare ?? 1);
  for (const plan of pending) {
    const seconds = estimate.runSeconds.get(plan.id);
    if (seconds !== undefined) estimate.runSeconds.set(plan.id, seconds * (1 - (resumesAt.get(plan.id) ?? 0) / plan.batches));
  }
  estimate.seconds = schedule([...estimate.runSeconds.values()], workers);
  const singles = plans.filter((p) => p.kind === 'single').length;
  console.log(
    `study ${spec.name}: ${tasks.length} tasks × ${spec.seeds.length} seed(s) → ${singles} single runs (${spec.budget.singleBatches} batches) + ${plans.length - singles} pair runs (${spec.budget.pairBatches} batches)`,
  );
  console.log(`folder: ${shownFolder(spec.output)}`);
  for (const { reason } of unreadable) console.log(`unreadable, to be set aside and its run trained again: ${reason}`);
  console.log('');
  const rows = plans.map((plan) => {
    const seconds = estimate.runSeconds.get(plan.id);
    return [plan.id, state(plan.id, plan.specHash), String(plan.batches), seconds === undefined ? '' : formatDuration(seconds)];
  });
  console.log(alignedTable([['run', 'state', 'batches', 'estimate'], ...rows], new Set([2, 3])).join('\n'));
  const speeds = [...estimate.msPerBatch].map(([task, ms]) => `${task} ${ms.toFixed(1)}`).join(', ');
  console.log(`\nmeasured ms per training batch: ${speeds || '(nothing left to train)'}`);
  if (pairShare !== undefined) {
    console.log(
      `finished pair runs trained ${(pairShare * 100).toFixed(0)} % of their budget on average (pairPatience ${spec.budget.pairPatience}); the estimate assumes the same of the others.`,
    );
  } else if (spec.budget.pairPatience > 0) {
    console.log(`pair runs may end early (pairPatience ${spec.budget.pairPatience}): the estimate assumes whole budgets, an upper bound.`);
  }
  console.log(
    `${pending.length} runs to train, estimated ${formatDuration(estimate.seconds)} on ${workers} worker(s) (plus analysis and report).`,
  );
}

/** Mean share of its planned budget that each finished pair run of the plan trained; undefined before any finished. */
function trainedPairShare(plans: readonly RunPlan[], runs: readonly RunResult[]): number | undefined {
  const planned = new Map(plans.filter((p) => p.kind === 'pair').map((p) => [p.id, p]));
  const shares = runs.flatMap((run) => {
    const plan = planned.get(run.id);
    return plan !== undefined && plan.specHash === run.specHash ? [run.batches / plan.batches] : [];
  });
  return shares.length === 0 ? undefined : shares.reduce((a, b) => a + b, 0) / shares.length;
}
