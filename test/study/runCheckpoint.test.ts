import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { train } from '../../src/engine/train.js';
import type { TrainingResult } from '../../src/engine/trainingResult.js';
import type { TrainingState } from '../../src/engine/trainingState.js';
import { taskrelVersion } from '../../src/packageInfo.js';
import { type CheckpointIdentity, openCheckpoint, writeCheckpoint } from '../../src/study/checkpointFile.js';
import type { CheckpointEvent } from '../../src/study/checkpointEvent.js';
import { RunCheckpoint, type RunIdentity } from '../../src/study/runCheckpoint.js';
import { temporaryDirectory } from '../data/testFiles.js';
import { contextTagging, parityTagging, tinyRequest } from '../engine/tinyTasks.js';

const request = tinyRequest({ tasks: [contextTagging('c'), parityTagging('p')], curveEvery: 3, evalEvery: 15, seed: 3 });

const identity: RunIdentity = {
  run: 'pair--c+p--s3',
  specHash: '0123456789abcdef',
  versions: { taskrel: taskrelVersion, node: process.versions.node },
  batches: 40,
};
const withoutTime = ({ seconds: _, ...rest }: TrainingResult) => rest;

/** A checkpoint of `request` saved after step 37 (or the last step before the run's end that it was due). */
async function savedCheckpoint(
  folder: string,
): Promise<{ checkpoint: RunCheckpoint<TrainingState>; events: CheckpointEvent[]; plain: TrainingResult }> {
  const events: CheckpointEvent[] = [];
  const checkpoint = new RunCheckpoint<TrainingState>({ folder, everySeconds: 3600 }, identity, (e) => void events.push(e));
  const hook = checkpoint.hook(() => 12.5);
  const plain = await train({ ...request, checkpoint: { due: (step) => step === 37 || hook.due(step), save: hook.save } });
  return { checkpoint, events, plain };
}

test('a checkpoint file holds the whole training state: a run resumed from it ends exactly as the uninterrupted one', async () => {
  const folder = temporaryDirectory();
  const { checkpoint, events, plain } = await savedCheckpoint(folder);
  assert.deepEqual(events, [], 'an hour-long interval wrote only the requested checkpoint, silently');
  const { header } = openCheckpoint(checkpoint.file);
  assert.equal(readFileSync(checkpoint.file, 'latin1').split('\n')[0], 'taskrel checkpoint');
  assert.deepEqual(
    { run: header.run, step: header.step, batches: header.batches, seconds: header.seconds, taskrel: header.taskrel },
    {
      run: identity.run,
      step: 37,
      batches: 40,
      seconds: 12.5,
      taskrel: taskrelVersion,
    },
  );
  const loaded = checkpoint.load();
  assert.ok(loaded !== undefined);
  assert.equal(loaded.seconds, 12.5);
  assert.deepEqual(events, [{ kind: 'resumed', step: 37, batches: 40, savedAt: header.savedAt }]);
  const resumed = await train({ ...request, resume: loaded.state });
  assert.deepEqual(withoutTime(resumed), withoutTime(plain));
});

test('a damaged checkpoint is set aside with a note saying why, and the run starts from step 0', async () => {
  const damages: Array<[string, (bytes: Buffer) => Buffer, RegExp]> = [
    ['cut off', (b) => b.subarray(0, b.length - 100), /bytes of state, the header says \d+ \(cut off\?\)/],
    [
      'a flipped bit',
      (b) => {
        const c = Buffer.from(b);
        c[c.length - 7] ^= 4;
        return c;
      },
      /does not match its checksum/,
    ],
    ['not a checkpoint', () => Buffer.from('{"step": 3}\n'), /not a taskrel checkpoint/],
    [
      'a broken header',
      (b) => Buffer.concat([Buffer.from('taskrel checkpoint\n{"format":1,'), b.subarray(60)]),
      /the header is not valid JSON/,
    ],
    ['an empty file', () => Buffer.alloc(0), /not a taskrel checkpoint/],
  ];
  const folder = temporaryDirectory();
  const { checkpoint } = await savedCheckpoint(folder);
  const good = readFileSync(checkpoint.file);
  for (const [what, damage, reason] of damages) {
    writeFileSync(checkpoint.file, damage(good));
    const events: CheckpointEvent[] = [];
    const again = new RunCheckpoint<TrainingState>({ folder, everySeconds: 60 }, identity, (e) => void events.push(e));
    assert.equal(again.load(), undefined, what);
    assert.equal(existsSync(checkpoint.file), false, `${what}: moved away`);
    const movedTo = join(folder, 'set-aside', 'pair--c+p--s3.ckpt');
    assert.equal(events.length, 1, what);
    const [event] = events;
    assert.ok(event.kind === 'set-aside' && event.movedTo === movedTo && reason.test(event.reason), `${what}: ${JSON.stringify(event)}`);
    assert.match(readFileSync(`${movedTo}.txt`, 'utf8'), /set aside, the run restarted from step 0: damaged: /);
    assert.deepEqual(readFileSync(movedTo), damage(good), `${what}: kept as it was`);
  }
});

test('a checkpoint of another run, settings, taskrel version, platform or library versions is set aside, never resumed', async () => {
  const folder = temporaryDirectory();
  const here: CheckpointIdentity = {
    ...identity,
    taskrel: taskrelVersion,
    platform: `${process.platform}-${process.arch}`,
    step: 5,
    savedAt: 'then',
    seconds: 1,
  };
  const cases: Array<[Partial<CheckpointIdentity>, RegExp]> = [
    [{ specHash: 'fedcba9876543210' }, /saved under other settings \(spec hash fedcba9876543210, the run's is now 0123456789abcdef\)/],
    [{ taskrel: '0.0.1' }, new RegExp(`taskrel 0\\.0\\.1 wrote it, this is taskrel ${taskrelVersion.replaceAll('.', '\\.')}`)],
    [{ platform: 'darwin-arm64' }, /saved on darwin-arm64, this is /],
    [{ versions: { ...identity.versions, node: '18.0.0' } }, /other versions, which change the numbers \(node 18\.0\.0 there, .* here\)/],
    [{ versions: { ...identity.versions, 'taskrel wasm kernels': 'simd' } }, /taskrel wasm kernels simd there, none here/],
    [{ run: 'single--c--s3' }, /belongs to run single--c--s3/],
  ];
  for (const [differs, reason] of cases) {
    const checkpoint = new RunCheckpoint({ folder, everySeconds: 60 }, identity, () => undefined);
    writeCheckpoint(checkpoint.file, { ...here, ...differs }, { step: 5 });
    const events: CheckpointEvent[] = [];
    const again = new RunCheckpoint({ folder, everySeconds: 60 }, identity, (e) => void events.push(e));
    assert.equal(again.load(), undefined, String(reason));
    assert.ok(
      events.length === 1 && events[0].kind === 'set-aside' && reason.test(events[0].reason),
      `${reason}: ${JSON.stringify(events)}`,
    );
  }
  writeCheckpoint(join(folder, `${identity.run}.ckpt`), here, { step: 5 });
  assert.deepEqual(
    new RunCheckpoint({ folder, everySeconds: 60 }, identity, () => undefined).load()?.state,
    { step: 5 },
    'the same identity loads',
  );
});

test('the hook saves at its interval and at once when asked to stop (once); a failed write is reported once and training goes on', async () => {
  const folder = temporaryDirectory();
  const events: CheckpointEvent[] = [];
  let stopping = false;
  const checkpoint = new RunCheckpoint<{ step: number }>({ folder, everySeconds: 0.05 }, identity, (e) => void events.push(e));
  const hook = checkpoint.hook(
    () => 1,
    () => stopping,
  );
  assert.equal(hook.due(1), false, 'not before the interval');
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(hook.due(2), true);
  await hook.save({ step: 2 });
  assert.equal(hook.due(3), false, 'the interval starts again after a save');
  assert.equal(openCheckpoint(checkpoint.file).header.step, 2);
  stopping = true;
  assert.equal(hook.due(3), true, 'asked to stop: at once');
  await hook.save({ step: 3 });
  assert.equal(hook.due(4), false, 'once');
  assert.deepEqual(events, [{ kind: 'saved', step: 3, batches: 40 }]);

  const blocked = join(temporaryDirectory(), 'a-file');
  writeFileSync(blocked, '');
  const failing = new RunCheckpoint<{ step: number }>({ folder: blocked, everySeconds: 0.001 }, identity, (e) => void events.push(e));
  const failingHook = failing.hook(() => 1);
  await failingHook.save({ step: 1 });
  await failingHook.save({ step: 2 });
  assert.equal(events.length, 2);
  assert.ok(events[1].kind === 'not-saved' && events[1].reason.includes(blocked), JSON.stringify(events[1]));
});
