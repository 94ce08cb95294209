import { Rng } from '../../src/shared/random.js';
import { PairSet, type PairTruth } from '../../src/predictors/pairSet.js';

/**
 * Every directed pair of `tasks` tasks with a random gain (a main-task offset plus pair noise, so main tasks
 * differ in level as in real studies) and a score that carries `signal` of the gain (0: none) plus unit noise.
 */
export function syntheticStudy(tasks: number, seed: number, signal: number): { pairs: PairSet; truth: PairTruth; scores: number[] } {
  const random = new Rng(seed);
  const names = Array.from({ length: tasks }, (_, i) => `t${i}`);
  const offsets = names.map(() => 0.02 * random.normal());
  const pairs = new PairSet(names.flatMap((main) => names.filter((aux) => aux !== main).map((aux) => ({ main, aux }))));
  const gains = pairs.pairs.map(({ main }) => offsets[names.indexOf(main)] + 0.02 * random.normal());
  const scores = gains.map((g) => signal * (g / 0.02) + random.normal());
  return { pairs, truth: { gains, labels: gains.map((g): 0 | 1 => (g > 0 ? 1 : 0)) }, scores };
}
