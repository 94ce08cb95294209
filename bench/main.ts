import { selectBackend } from '../src/engine/backend.js';
import type { Batch } from '../src/engine/batch.js';
import { type Model, disposeGradients } from '../src/engine/models/model.js';
import { taggerDefinition } from '../src/engine/models/tagger.js';
import { Optimizer } from '../src/engine/optimizers/optimizer.js';
import { optimizers } from '../src/engine/optimizers/optimizers.js';
import { Rng } from '../src/engine/rng.js';
import { PytorchProcess } from './pytorchProcess.js';

/**
 * `npm run bench`: median milliseconds per training batch (forward, backward, Adam step) of the reference tagger
 * (vocabulary 20,000, embeddings 100, BiLSTM H = 50/100/200, 25 tokens, batch 32, 45 labels, no dropout), and,
 * when /usr/bin/python3 has torch, of the same model in PyTorch on one thread, with the ratio taskrel / PyTorch.
 * The two alternate in short rounds, so load from other processes on a shared machine hits both alike.
 */
const VOCABULARY = 20000;
const EMBEDDING = 100;
const TIME = 25;
const BATCH = 32;
const LABELS = 45;
const SIZES = [50, 100, 200];
const WARMUP = 5;
const ROUNDS = 6;
const PER_ROUND = 5;

function randomBatch(rng: Rng): Batch {
  const tokens = new Int32Array(TIME * BATCH);
  const labels = new Int32Array(TIME * BATCH);
  for (let i = 0; i < tokens.length; i++) {
    tokens[i] = 2 + rng.int(VOCABULARY - 2);
    labels[i] = rng.int(LABELS);
  }
  return { kind: 'tagging', size: BATCH, time: TIME, lengths: new Int32Array(BATCH).fill(TIME), tokens, labels };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** A taskrel training setup for `hidden`: each call trains `count` batches and returns their milliseconds. */
function taskrelTrainer(hidden: number): { run(count: number): number[]; model: Model } {
  const rng = new Rng(hidden);
  const config = { type: 'tagger' as const, embeddingDim: EMBEDDING, hiddenDim: hidden, dropout: 0 };
  const model = taggerDefinition.create(config, { heads: [{ name: 'bench', labels: LABELS }], vocabularySize: VOCABULARY, rng });
  const optimizer = new Optimizer(optimizers.adam({ name: 'adam', learningRate: 1e-3 }));
  const batches = Array.from({ length: 4 }, () => randomBatch(rng));
  let step = 0;
  const run = (count: number): number[] =>
    Array.from({ length: count }, () => {
      const started = performance.now();
      const gradients = model.gradients('bench', batches[step++ % batches.length], rng);
      optimizer.apply(gradients);
      disposeGradients(gradients);
      return performance.now() - started;
    });
  return { run, model };
}

/** Median ms of taskrel, of PyTorch and their ratio. */
function row(ours: number[], theirs: number[]): string {
  if (theirs.length === 0) return `${median(ours).toFixed(1).padStart(10)}            —`;
  const ratio = (median(ours) / median(theirs)).toFixed(2).padStart(17);
  return `${median(ours).toFixed(1).padStart(10)}   ${median(theirs).toFixed(1).padStart(10)}   ${ratio}`;
}

async function main(): Promise<void> {
  const backend = await selectBackend();
  const pytorch = await PytorchProcess.start();
  console.log(`reference tagger: vocabulary ${VOCABULARY}, embeddings ${EMBEDDING}, ${TIME} tokens, batch ${BATCH}, ${LABELS} labels, Adam`);
  console.log(`taskrel on tfjs '${backend}'; PyTorch 1 thread; median of ${ROUNDS * PER_ROUND} batches after ${WARMUP} warm-up`);
  if (typeof pytorch === 'string') console.log(`no PyTorch reference: ${pytorch}`);
  console.log('\n    H   taskrel ms   PyTorch ms   taskrel / PyTorch');
  for (const hidden of SIZES) {
    const ours = taskrelTrainer(hidden);
    const times: { ours: number[]; theirs: number[] } = { ours: [], theirs: [] };
    ours.run(WARMUP);
    if (typeof pytorch !== 'string') {
      await pytorch.ask(`model ${hidden}`);
      await pytorch.run(WARMUP);
    }
    for (let round = 0; round < ROUNDS; round++) {
      times.ours.push(...ours.run(PER_ROUND));
      if (typeof pytorch !== 'string') times.theirs.push(...(await pytorch.run(PER_ROUND)));
    }
    ours.model.dispose();
    console.log(`${String(hidden).padStart(5)}   ${row(times.ours, times.theirs)}`);
  }
  if (typeof pytorch !== 'string') pytorch.close();
}

await main();
