import assert from 'node:assert/strict';
import test from 'node:test';
import { ProgressTracker } from '../../src/study/progressTracker.js';
import type { RunPlan } from '../../src/study/runPlan.js';

const plan = (id: string, batches: number): RunPlan => ({ id, kind: 'single', tasks: [id], seed: 1, batches, specHash: 'h' });

test('ETA extrapolates from the batches trained in this session, including runs in flight', () => {
  let now = 0;
  const pending = [plan('a', 100), plan('b', 100), plan('c', 200)];
  const tracker = new ProgressTracker(5, pending, () => now);
  assert.equal(tracker.snapshot().done, 2, 'runs finished before this session count as done');
  assert.equal(tracker.snapshot().etaSeconds, null);
  tracker.start('w1', pending[0]);
  now = 10_000;
  tracker.progress('w1', pending[0], { step: 50, batches: 100, task: 'a', loss: 1 });
  // 50 batches in 10 s → 350 batches left at 5 batches/s = 70 s.
  assert.equal(tracker.snapshot().etaSeconds, 70);
  now = 20_000;
  tracker.finish('w1', pending[0], true);
  assert.equal(tracker.snapshot().etaSeconds, 60);
  assert.equal(tracker.snapshot().done, 3);
  tracker.start('w1', pending[1]);
  tracker.finish('w1', pending[1], false);
  const last = tracker.snapshot();
  assert.equal(last.failed, 1);
  assert.deepEqual(last.workers, []);
});

test('steps a run resumed at count as done but not towards the speed', () => {
  let now = 0;
  const pending = [plan('a', 100), plan('b', 100)];
  const tracker = new ProgressTracker(2, pending, () => now);
  tracker.start('w1', pending[0]);
  tracker.resumed(pending[0], 60);
  tracker.progress('w1', pending[0], { step: 61, batches: 100, task: 'a', loss: 1 });
  now = 10_000;
  tracker.progress('w1', pending[0], { step: 80, batches: 100, task: 'a', loss: 1 });
  // 20 batches in 10 s → 120 left (20 of a, 100 of b) at 2 batches/s = 60 s.
  assert.equal(tracker.snapshot().etaSeconds, 60);
  tracker.resumed(pending[0], 60);
  assert.equal(tracker.snapshot().etaSeconds, 60, 'the same resumption told twice counts once');
  now = 20_000;
  tracker.finish('w1', pending[0], true);
  // 40 batches in 20 s → 100 left at 2 batches/s.
  assert.equal(tracker.snapshot().etaSeconds, 50);
});
