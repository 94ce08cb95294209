import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { train } from '../../src/engine/train.js';
import type { TrainRequest } from '../../src/engine/trainRequest.js';
import type { TrainingResult } from '../../src/engine/trainingResult.js';
import type { TrainingState } from '../../src/engine/trainingState.js';
import type { CheckpointEvent } from '../../src/study/checkpointEvent.js';
import { type RunIdentity, checkpointFile } from '../../src/study/runCheckpoint.js';
import { runWithCheckpoints } from '../../src/study/runWithCheckpoints.js';
import { temporaryDirectory } from '../data/testFiles.js';
import { contextTagging, tinyRequest } from '../engine/tinyTasks.js';

const request = (hiddenDim: number): TrainRequest =>
  tinyRequest({ tasks: [contextTagging('c')], model: { type: 'tagger', embeddingDim: 8, hiddenDim, dropout: 0.1 }, batches: 30, seed: 2 });

const identity: RunIdentity = { run: 'single--c--s2', specHash: 'abc', versions: {}, batches: 30 };
const withoutTime = ({ seconds: _, ...rest }: TrainingResult) => rest;

/** Trains `trained` through runWithCheckpoints, asking the engine to save after step 12 of the first session. */
function session(folder: string, trained: TrainRequest, events: CheckpointEvent[], stopAt12 = false) {
  let asked = false;
  return runWithCheckpoints<TrainingState, TrainingResult>(
    identity,
    { checkpoints: { folder, everySeconds: 3600 }, onCheckpoint: (e) => void events.push(e), saveNow: () => asked },
    () => 4,
    (resume, checkpoint) =>
      train({
        ...trained,
        resume,
        checkpoint: checkpoint && {
          due: (step) => {
            asked = stopAt12 && step === 12;
            return asked || checkpoint.due(step);
          },
          save: checkpoint.save,
        },
      }),
  );
}

test('a session continues from the checkpoint of the last, and counts its seconds', async () => {
  const folder = temporaryDirectory();
  const events: CheckpointEvent[] = [];
  const first = await session(folder, request(6), events, true);
  assert.deepEqual(events, [{ kind: 'saved', step: 12, batches: 30 }]);
  assert.equal(first.earlier, 0);
  const second = await session(folder, request(6), events);
  assert.equal(events[1].kind, 'resumed');
  assert.equal(second.earlier, 4, 'the seconds the first session had taken when it saved');
  assert.deepEqual(withoutTime(second.result), withoutTime(first.result));
  assert.ok(existsSync(checkpointFile(folder, identity.run)), 'the caller removes the checkpoint once the result is safe');
});

test('a checkpoint whose state the engine finds does not fit is set aside, and the run restarts from step 0', async () => {
  const folder = temporaryDirectory();
  const events: CheckpointEvent[] = [];
  await session(folder, request(6), events, true);
  // Same identity (as if the settings had changed without the hash noticing), another model size.
  const { result, earlier } = await session(folder, request(7), events);
  assert.deepEqual(
    events.map((e) => e.kind),
    ['saved', 'resumed', 'set-aside'],
  );
  const aside = events[2];
  assert.ok(
    aside.kind === 'set-aside' &&
      /parameter 'shared\.lstm\.input' should have/.test(aside.reason) &&
      aside.movedTo === join(folder, 'set-aside', 'single--c--s2.ckpt'),
  );
  assert.equal(earlier, 0);
  assert.deepEqual(withoutTime(result), withoutTime(await train(request(7))));
});

test('without checkpoint settings nothing is read or written', async () => {
  let hook: unknown = 'unset';
  const { earlier } = await runWithCheckpoints(
    identity,
    {},
    () => 0,
    async (resume, checkpoint) => {
      hook = checkpoint;
      return resume;
    },
  );
  assert.equal(hook, undefined);
  assert.equal(earlier, 0);
});
