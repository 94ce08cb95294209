import type { HeadResult } from '../../src/engine/trainingResult.js';
import type { RunResult } from '../../src/study/runResult.js';

/** A head whose loss and dev-F1 curves are given point by point as [step, value] pairs. */
export function head(loss: [number, number][], devF1: [number, number][], testF1 = 0.8): HeadResult {
  return {
    batches: loss.at(-1)?.[0] ?? 0,
    curve: { step: loss.map((p) => p[0]), loss: loss.map((p) => p[1]) },
    dev: { step: devF1.map((p) => p[0]), f1: devF1.map((p) => p[1]), accuracy: devF1.map((p) => p[1]) },
    best: { step: devF1.at(-1)?.[0] ?? 0, dev: { f1: 0.8, accuracy: 0.8 }, test: { f1: testF1, accuracy: testF1 } },
  };
}

export function run(kind: 'single' | 'pair', seed: number, heads: Record<string, HeadResult>, seconds = 10): RunResult {
  const tasks = Object.keys(heads).sort();
  return {
    id: `${kind}--${tasks.join('+')}--s${seed}`,
    kind,
    tasks,
    seed,
    specHash: 'test',
    backend: 'wasm',
    versions: { taskrel: '0.1.0' },
    origin: 'local',
    finishedAt: `2026-11-20T10:0${seed}:00.000Z`,
    seconds,
    batches: 100,
    heads,
  };
}
