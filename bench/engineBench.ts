import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src/engine/backend.js';
import type { Batch } from '../src/engine/batch.js';
import { biLstm } from '../src/engine/kernels/biLstm.js';
import { type BiLstmKernel, type BiLstmLayout, biLstmKernelFor, registerBiLstmKernel } from '../src/engine/kernels/biLstmKernel.js';
import { portableBiLstm } from '../src/engine/kernels/biLstmPortable.js';
import { disposeGradients } from '../src/engine/models/model.js';
import { taggerDefinition } from '../src/engine/models/tagger.js';
import { Optimizer } from '../src/engine/optimizers/optimizer.js';
import { optimizers } from '../src/engine/optimizers/optimizers.js';
import { Rng } from '../src/shared/random.js';
import { compileKernelModule } from '../src/engine/wasmKernels/kernelModule.js';
import { PytorchProcess } from './pytorchProcess.js';
import { type Medians, type Timing, medians, ratio, timed } from './timing.js';

/**
 * The reference tagger of the engine issue: vocabulary 20,000, embeddings 100, BiLSTM H = 50/100/200, 25 tokens,
 * batch 32, 45 labels, Adam, no dropout. taskrel and PyTorch (one thread) alternate short rounds, so load from
 * other processes on a shared machine hits both alike; CPU time is printed beside wall time because it is less
 * inflated by that load.
 */
const VOCABULARY = 20000;
const EMBEDDING = 100;
const TIME = 25;
const BATCH = 32;
const LABELS = 45;
const SIZES = [50, 100, 200];
const WARMUP = 5;
const ROUNDS = 8;
const PER_ROUND = 5;

function randomBatch(rng: Rng): Batch {
  const tokens = Int32Array.from({ length: TIME * BATCH }, () => 2 + rng.int(VOCABULARY - 2));
  const labels = Int32Array.from({ length: TIME * BATCH }, () => rng.int(LABELS));
  return { kind: 'tagging', size: BATCH, time: TIME, lengths: new Int32Array(BATCH).fill(TIME), tokens, labels };
}

/** One training step (forward, backward, Adam) of the engine's tagger per call. */
function taskrelStep(hidden: number): { run(): void; dispose(): void } {
  const rng = new Rng(hidden);
  const config = { type: 'tagger' as const, embeddingDim: EMBEDDING, hiddenDim: hidden, dropout: 0 };
  const model = taggerDefinition.create(config, { heads: [{ name: 'bench', labels: LABELS }], vocabularySize: VOCABULARY, rng });
  const optimizer = new Optimizer(optimizers.adam.create({ name: 'adam', learningRate: 1e-3 }));
  const batches = Array.from({ length: 4 }, () => randomBatch(rng));
  let step = 0;
  return {
    run: () => {
      const gradients = model.gradients('bench', batches[step++ % batches.length], rng);
      optimizer.apply(gradients);
      disposeGradients(gradients);
    },
    dispose: () => model.dispose(),
  };
}

/** The BiLSTM op alone, forward and backward, with `kernel` (what PyTorch's `lstm` figure measures). */
function biLstmOp(kernel: BiLstmKernel, hidden: number): { run(): void; dispose(): void } {
  const rng = new Rng(hidden + 1);
  const uniform = (shape: number[], scale: number): tf.Tensor =>
    tf.tensor(
      Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.uniform(-scale, scale)),
      shape,
    );
  const layout: BiLstmLayout = { time: TIME, batch: BATCH, lengths: new Int32Array(BATCH).fill(TIME) };
  const args = [
    uniform([TIME * BATCH, EMBEDDING], 1),
    uniform([EMBEDDING, 8 * hidden], 0.1),
    uniform([8 * hidden], 0.1),
    uniform([hidden, 4 * hidden], 0.1),
    uniform([hidden, 4 * hidden], 0.1),
  ];
  const probe = uniform([TIME * BATCH, 2 * hidden], 1);
  const [x, input, bias, forward, backward] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor2D];
  const pass = tf.valueAndGrads((...t: tf.Tensor[]) =>
    tf.sum(
      tf.mul(
        biLstm(
          t[0] as tf.Tensor2D,
          { input: t[1] as tf.Tensor2D, bias: t[2] as tf.Tensor1D, forward: t[3] as tf.Tensor2D, backward: t[4] as tf.Tensor2D },
          layout,
        ),
        probe,
      ),
    ),
  );
  return {
    run: () => {
      const previous = biLstmKernelFor('wasm');
      registerBiLstmKernel('wasm', kernel);
      const { value, grads } = pass([x, input, bias, forward, backward]);
      grads[0].dataSync();
      tf.dispose([value, ...grads]);
      registerBiLstmKernel('wasm', previous);
    },
    dispose: () => tf.dispose([...args, probe]),
  };
}

function repeat(run: () => void, count: number): Timing[] {
  return Array.from({ length: count }, () => timed(run));
}

const cell = (m: Medians | undefined): string => (m === undefined ? '—' : `${m.wall.toFixed(1)} / ${m.cpu.toFixed(1)}`);

export async function engineBench(): Promise<void> {
  const backend = await selectBackend();
  const build = backend === 'wasm' ? ` with taskrel's ${(await compileKernelModule()).variant} kernels` : '';
  const pytorch = await PytorchProcess.start();
  console.log(`## Engine: training step of the reference tagger`);
  console.log(`vocabulary ${VOCABULARY}, embeddings ${EMBEDDING}, ${TIME} tokens, batch ${BATCH}, ${LABELS} labels, Adam`);
  console.log(
    `taskrel on tfjs '${backend}'${build}; PyTorch on 1 thread; medians of ${ROUNDS * PER_ROUND} calls after ${WARMUP} warm-up, ms wall / CPU`,
  );
  if (typeof pytorch === 'string') console.log(`no PyTorch reference: ${pytorch}`);
  const stepRows: string[] = [];
  const opRows: string[] = [];
  for (const hidden of SIZES) {
    const ours = taskrelStep(hidden);
    const portable = biLstmOp(portableBiLstm, hidden);
    const kernel = biLstmOp(biLstmKernelFor(backend), hidden);
    const t = {
      step: [] as Timing[],
      portable: [] as Timing[],
      kernel: [] as Timing[],
      torchStep: [] as Timing[],
      torchLstm: [] as Timing[],
    };
    if (typeof pytorch !== 'string') await pytorch.ask(`model ${hidden}`);
    repeat(ours.run, WARMUP);
    repeat(portable.run, WARMUP);
    repeat(kernel.run, WARMUP);
    if (typeof pytorch !== 'string') await Promise.all([pytorch.run('step', WARMUP), pytorch.run('lstm', WARMUP)]);
    for (let round = 0; round < ROUNDS; round++) {
      t.step.push(...repeat(ours.run, PER_ROUND));
      t.portable.push(...repeat(portable.run, PER_ROUND));
      t.kernel.push(...repeat(kernel.run, PER_ROUND));
      if (typeof pytorch !== 'string') {
        t.torchStep.push(...(await pytorch.run('step', PER_ROUND)));
        t.torchLstm.push(...(await pytorch.run('lstm', PER_ROUND)));
      }
    }
    [ours, portable, kernel].forEach((m) => {
      m.dispose();
    });
    const step = medians(t.step);
    const torchStep = t.torchStep.length > 0 ? medians(t.torchStep) : undefined;
    const torchLstm = t.torchLstm.length > 0 ? medians(t.torchLstm) : undefined;
    stepRows.push(
      `| ${hidden} | ${cell(step)} | ${cell(torchStep)} | ${ratio(step.wall, torchStep?.wall)} | ${ratio(step.cpu, torchStep?.cpu)} |`,
    );
    const k = medians(t.kernel);
    opRows.push(`| ${hidden} | ${cell(medians(t.portable))} | ${cell(k)} | ${cell(torchLstm)} | ${ratio(k.cpu, torchLstm?.cpu)} |`);
  }
  if (typeof pytorch !== 'string') pytorch.close();
  console.log('\n| H | taskrel ms | PyTorch ms | taskrel / PyTorch (wall) | taskrel / PyTorch (CPU) |\n|---|---|---|---|---|');
  console.log(stepRows.join('\n'));
  console.log('\nBiLSTM op alone, forward + backward:');
  console.log(`\n| H | standard tf ops ms | ${backend} kernel ms | PyTorch LSTM ms | kernel / PyTorch (CPU) |\n|---|---|---|---|---|`);
  console.log(opRows.join('\n'));
}
