import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJsonFile } from '../src/shared/jsonFile.js';
import { selectBackend } from '../src/engine/backend.js';
import { train } from '../src/engine/train.js';
import type { TrainingState } from '../src/engine/trainingState.js';
import { prepareStudy } from '../src/study/prepareStudy.js';
import { RunCheckpoint } from '../src/study/runCheckpoint.js';
import { runInputs } from '../src/study/runInputs.js';
import { parseStudySpec } from '../src/study/spec.js';
import { runVersions } from '../src/study/versions.js';
import { median } from './timing.js';

/** Training steps measured, and a checkpoint after every this many of them. */
const STEPS = 400;
const EVERY = 50;
/** Intervals (seconds) at which the share of training time is reported; the first is --checkpoint-every's default. */
const INTERVALS = [300, 60];

/**
 * The cost of checkpoints on the demo study's settings: a pair run of its first two tasks (its model, GloVe
 * embeddings, optimiser, batch size and vocabulary) trains STEPS steps and writes a checkpoint every EVERY of them
 * into a temporary folder, as a study does (snapshot of the state, encoding, checksum, durable atomic write).
 * Prints the checkpoint's size, the time of one write and one load, and what share of training time the writes
 * take at the default interval. Also what the state would weigh as JSON with its floats as numbers, the format
 * not chosen.
 */
export async function checkpointBench(specFile = 'studies/demo.json'): Promise<void> {
  const spec = parseStudySpec(await readJsonFile(specFile), specFile, '.');
  const { plans } = await prepareStudy(spec);
  const plan = plans.find((p) => p.kind === 'pair') ?? plans[0];
  const inputs = await runInputs(spec, plan.tasks, plan.seed);
  const backend = await selectBackend();
  const folder = mkdtempSync(join(tmpdir(), 'taskrel-bench-'));
  try {
    const identity = { run: plan.id, specHash: plan.specHash, versions: await runVersions(backend), batches: plan.batches };
    const checkpoint = new RunCheckpoint<TrainingState>({ folder, everySeconds: 3600 }, identity, () => undefined);
    const hook = checkpoint.hook(() => 0);
    const writes: number[] = [];
    let state: TrainingState | undefined;
    let began = 0;
    const result = await train({
      tasks: inputs.tasks,
      vocabularySize: inputs.vocabularySize,
      initialEmbeddings: inputs.initialEmbeddings,
      model: spec.model,
      optimizer: spec.optimizer,
      sampler: spec.sampler,
      batchSize: spec.batchSize,
      batches: STEPS + 1,
      curveEvery: spec.evaluation.curveEvery,
      evalEvery: STEPS + 1,
      devLimit: 1,
      seed: plan.seed,
      backend,
      checkpoint: {
        // From here to the end of `save`: the snapshot of the state and the write.
        due: (step) => {
          began = performance.now();
          return step % EVERY === 0;
        },
        save: (saved) => {
          hook.save(saved);
          writes.push(performance.now() - began);
          state = saved;
        },
      },
    });
    const size = statSync(checkpoint.file).size;
    const loads = Array.from({ length: 3 }, () => {
      const start = performance.now();
      checkpoint.load();
      return performance.now() - start;
    });
    const jsonStart = performance.now();
    const json = JSON.stringify(state, (_key, value: unknown) =>
      value instanceof Float32Array || value instanceof Int32Array ? Array.from(value) : value,
    );
    const jsonMs = performance.now() - jsonStart;
    const writeMs = median(writes);
    const stepMs = (result.seconds * 1000 - writes.reduce((a, b) => a + b, 0)) / STEPS;
    console.log(
      `## Checkpoints: ${plan.id} of ${specFile} (vocabulary ${inputs.vocabularySize.toLocaleString('en-US')}, ${spec.model.type}, ${spec.optimizer.name}) on ${backend}`,
    );
    console.log(`\n| checkpoint | MB | write ms (median of ${writes.length}) | load ms | training step ms |`);
    console.log('|---|---|---|---|---|');
    console.log(
      `| binary (taskrel) | ${(size / 1e6).toFixed(1)} | ${writeMs.toFixed(0)} | ${median(loads).toFixed(0)} | ${stepMs.toFixed(1)} |`,
    );
    console.log(
      `| floats as JSON numbers (not used) | ${(json.length / 1e6).toFixed(1)} | ≥ ${jsonMs.toFixed(0)} (JSON.stringify alone) | | |`,
    );
    console.log('\n| --checkpoint-every | share of training time |\n|---|---|');
    for (const seconds of INTERVALS) console.log(`| ${seconds} s | ${((100 * writeMs) / (seconds * 1000)).toFixed(3)} % |`);
    console.log(
      `\none write costs as much as ${(writeMs / stepMs).toFixed(1)} training steps; target: at most 2 % at the default ${INTERVALS[0]} s`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
