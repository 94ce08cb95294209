import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { train } from '../../src/engine/train.js';
import type { TrainRequest, TransferTask } from '../../src/engine/trainRequest.js';
import type { TrainingResult } from '../../src/engine/trainingResult.js';
import { StateMismatchError, type TrainingState } from '../../src/engine/trainingState.js';
import type { EncodedTask } from '../../src/tasks/encodedTask.js';
import { contextTagging, majorityClassification, parityTagging, tinyRequest } from './tinyTasks.js';

function tagging(overrides: Partial<TrainRequest> = {}): TrainRequest {
  return tinyRequest({
    tasks: [contextTagging('c'), parityTagging('p')],
    model: { type: 'tagger', embeddingDim: 12, hiddenDim: 10, dropout: 0.2 },
    batches: 90,
    curveEvery: 7,
    evalEvery: 20,
    devLimit: 30,
    seed: 11,
    ...overrides,
  });
}

const testSet = (task: EncodedTask, name: string): TransferTask => ({
  name,
  kind: task.kind,
  labels: task.labels,
  outside: task.outside,
  test: task.test,
});
const withoutTime = ({ seconds: _, ...rest }: TrainingResult) => rest;

/** The states a run offers at the given steps (structured clones: nothing shared with the training that goes on). */
async function statesAt(request: TrainRequest, steps: number[]): Promise<{ result: TrainingResult; states: TrainingState[] }> {
  const states: TrainingState[] = [];
  const result = await train({
    ...request,
    checkpoint: { due: (step) => steps.includes(step), save: (state) => void states.push(structuredClone(state)) },
  });
  return { result, states };
}

/**
 * Trains `request` uninterrupted, then again from its state after each of `steps`, and asserts that every resumed
 * run ends exactly as the uninterrupted one: curves, every dev evaluation, best-dev steps and scores, transfer
 * scores, input importance, batch counts, early stop.
 */
async function assertResumesExactly(request: TrainRequest, steps: number[]): Promise<TrainingResult> {
  const before = tf.memory().numTensors;
  const plain = await train(request);
  const { result, states } = await statesAt(request, steps);
  assert.deepEqual(withoutTime(result), withoutTime(plain), 'offering the state changes nothing');
  assert.deepEqual(
    states.map((s) => s.step),
    steps,
  );
  for (const state of states) {
    const progress: number[] = [];
    const resumed = await train({ ...request, resume: state, onProgress: (p) => progress.push(p.step) });
    assert.deepEqual(withoutTime(resumed), withoutTime(plain), `resumed after step ${state.step}`);
    assert.equal(progress[0], state.step + 1, 'training continues with the next step');
    assert.ok(resumed.seconds >= state.seconds, 'the training time of the first session is counted');
  }
  assert.equal(tf.memory().numTensors, before);
  return plain;
}

test('a pair of taggers (Adam, lazy embedding rows, dropout, uniform sampling, transfer scores) resumes exactly', async () => {
  const [c, c2] = [contextTagging('c'), contextTagging('c2', 6)];
  // Step 33 falls inside a curve window (a partial loss sum) and between evaluations; 40 right after one.
  await assertResumesExactly(tagging({ tasks: [c, parityTagging('p')], transferTasks: [testSet(c2, 'c2')] }), [33, 40, 89]);
});

test('the bag-of-words classifier (Adadelta, proportional sampling, input importance) resumes exactly', async () => {
  const request = tagging({
    tasks: [majorityClassification('a', 3), majorityClassification('b', 4)],
    model: { type: 'classifier', hiddenDim: 8, dropout: 0.3 },
    optimizer: { name: 'adadelta', learningRate: 1 },
    sampler: { name: 'proportional' },
    inputImportance: true,
  });
  await assertResumesExactly(request, [1, 50]);
});

test('early stopping counts the evaluations without improvement across a resume', async () => {
  // A high learning rate makes dev F1 plateau early, so patience 2 ends the run well before its budget.
  const request = tagging({ batches: 600, evalEvery: 10, patience: 2, optimizer: { name: 'adam', learningRate: 0.05 } });
  const plain = await train(request);
  assert.ok(plain.earlyStop !== undefined && plain.earlyStop.step < 600, 'the run stops early');
  const stop = plain.earlyStop.step;
  // Just after the last improvement, and between the two evaluations that end it.
  await assertResumesExactly(request, [stop - 20, stop - 5]);
});

test('a state that does not fit the request is refused as a StateMismatchError, before any step', async () => {
  const { states } = await statesAt(tagging(), [30]);
  const [state] = states;
  const cases: Array<[Partial<TrainRequest>, RegExp]> = [
    [
      { model: { type: 'tagger', embeddingDim: 12, hiddenDim: 11, dropout: 0.2 } },
      /parameter 'shared\.lstm\.input' should have 1056 values, has 960/,
    ],
    [{ tasks: [contextTagging('c')] }, /2 heads were saved for 1 tasks/],
    [{ batches: 30 }, /step 30 is not within a run of 30 batches/],
  ];
  for (const [overrides, message] of cases) {
    const progress: number[] = [];
    await assert.rejects(
      train({ ...tagging(overrides), resume: state, onProgress: (p) => progress.push(p.step) }),
      (e: unknown) => e instanceof StateMismatchError && message.test(e.message),
      String(message),
    );
    assert.deepEqual(progress, []);
  }
  const broken = structuredClone(state) as unknown as { training: { streams: unknown } };
  broken.training.streams = undefined;
  await assert.rejects(train({ ...tagging(), resume: broken as unknown as TrainingState }), StateMismatchError);
});
