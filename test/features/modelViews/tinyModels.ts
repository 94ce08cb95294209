import type { Scores } from '../../../src/engine/trainingResult.js';
import { inputImportance } from '../../../src/engine/inputImportance.js';
import { EmbeddingTable } from '../../../src/engine/models/embeddingTable.js';
import type { RunResult, WordImportance } from '../../../src/study/runResult.js';

export const WORDS = ['<pad>', '<unk>', 'good', 'bad', 'the', 'movie', 'food'];

/**
 * Two hand-built input layers over WORDS with two hidden units. The unknown-word row is the largest of all: if it
 * were ranked as a word, every ranking below would change.
 *
 *            A: weights      Σ     Σ|·|      B: weights    Σ     Σ|·|
 *   good     2     1         3     3         1     1       2     2
 *   bad     −2    −1.5      −3.5   3.5      −1     3       2     4
 *   the      0.5  −0.5       0     1         0     0.5     0.5   0.5
 *   movie    1    −0.5       0.5   1.5      −1     0      −1     1
 *   food     0.25  0.25      0.5   0.5       3     0       3     3
 */
export const LAYER_A = [0, 0, 5, 5, 2, 1, -2, -1.5, 0.5, -0.5, 1, -0.5, 0.25, 0.25];
export const LAYER_B = [0, 0, 5, 5, 1, 1, -1, 3, 0, 0.5, -1, 0, 3, 0];

/** The importance record a run over WORDS stores for an input layer (values row by row, two hidden units). */
export function importanceOf(layer: readonly number[]): WordImportance {
  return { words: WORDS, ...inputImportance(new EmbeddingTable(WORDS.length, 2, Float32Array.from(layer))) };
}

const scores = (accuracy: number): Scores => ({ f1: accuracy, accuracy });

/** A run of `tasks` for `seed`: each head's test score, optional transfer scores per head, optional importance. */
export function tinyRun(
  tasks: string[],
  seed: number,
  test: Record<string, number>,
  options: { transfer?: Record<string, Record<string, number>>; layer?: readonly number[] } = {},
): RunResult {
  const kind = tasks.length === 1 ? 'single' : 'pair';
  const head = (task: string) => {
    const transfer = options.transfer?.[task];
    return {
      batches: 10,
      curve: { step: [10], loss: [0.5] },
      dev: { step: [10], f1: [0.5], accuracy: [0.5] },
      best: {
        step: 10,
        dev: scores(0.5),
        test: scores(test[task]),
        ...(transfer === undefined ? {} : { transfer: Object.fromEntries(Object.entries(transfer).map(([t, a]) => [t, scores(a)])) }),
      },
    };
  };
  return {
    id: `${kind}--${tasks.join('+')}--s${seed}`,
    kind,
    tasks,
    seed,
    specHash: 'tiny',
    backend: 'wasm',
    versions: { taskrel: '0.0.0' },
    origin: 'local',
    finishedAt: '2026-01-01T00:00:00.000Z',
    seconds: 1,
    batches: 10,
    heads: Object.fromEntries(tasks.map((t) => [t, head(t)])),
    ...(options.layer === undefined ? {} : { inputImportance: importanceOf(options.layer) }),
  };
}
