import { seededRandom, shuffleInPlace } from '../shared/random.js';
import type { SplitName } from './task.js';

/**
 * Deterministic splits for corpora without an official one. The seed is fixed so every machine derives the same
 * split; the generator is mulberry32 (small, well-distributed, reproducible).
 */
export const SPLIT_SEED = 2017;

/**
 * 80/10/10 within each class (classes in sorted order, each shuffled with one generator seeded by `seed`); every
 * split keeps the items' original order.
 */
export function stratifiedSplit<T>(items: readonly T[], classOf: (item: T) => string, seed = SPLIT_SEED): Record<SplitName, T[]> {
  const random = seededRandom(seed);
  const byClass = new Map<string, number[]>();
  items.forEach((item, index) => {
    byClass.set(classOf(item), [...(byClass.get(classOf(item)) ?? []), index]);
  });
  const chosen: Record<SplitName, number[]> = { train: [], dev: [], test: [] };
  for (const label of [...byClass.keys()].sort()) {
    const indices = shuffleInPlace([...(byClass.get(label) as number[])], random);
    const train = Math.round(indices.length * 0.8);
    const dev = Math.round(indices.length * 0.1);
    chosen.train.push(...indices.slice(0, train));
    chosen.dev.push(...indices.slice(train, train + dev));
    chosen.test.push(...indices.slice(train + dev));
  }
  const pick = (indices: number[]): T[] => indices.sort((a, b) => a - b).map((index) => items[index] as T);
  return { train: pick(chosen.train), dev: pick(chosen.dev), test: pick(chosen.test) };
}

/** Documents in corpus order: the 9th of every 10 goes to dev, the 10th to test, the rest to train. */
export function documentSplit<T>(documents: readonly T[][]): Record<SplitName, T[]> {
  const splits: Record<SplitName, T[]> = { train: [], dev: [], test: [] };
  documents.forEach((document, index) => {
    const split: SplitName = index % 10 === 8 ? 'dev' : index % 10 === 9 ? 'test' : 'train';
    splits[split].push(...document);
  });
  return splits;
}
