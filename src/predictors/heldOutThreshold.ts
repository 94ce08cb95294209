import type { PairSet } from './pairSet.js';

/**
 * Sign predictions for a score that has no natural "no effect" value (a similarity, a size): for each main task,
 * the cut that best separated gains from the rest on the other main tasks' pairs (score above the cut = gain),
 * applied to its own pairs. The cut is fitted on labels, so it is refitted under each permutation.
 */
export function heldOutThresholdPredictions(pairs: PairSet, scores: readonly number[], labels: readonly (0 | 1)[]): (0 | 1)[] {
  const predicted = new Array<0 | 1>(pairs.size);
  for (const { rows } of pairs.groups) {
    const held = new Set(rows);
    const train = scores.flatMap((_, i) => (held.has(i) ? [] : [i]));
    const cut = bestCut(
      train.map((i) => scores[i]),
      train.map((i) => labels[i]),
    );
    for (const i of rows) predicted[i] = scores[i] > cut ? 1 : 0;
  }
  return predicted;
}

/**
 * The cut c maximising the accuracy of "score > c means gain" on the given pairs: −∞ (all gain), +∞ (none) or
 * a midpoint between neighbouring distinct scores. Of equally accurate cuts, the middle one.
 */
export function bestCut(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  // Cut below everything: every pair predicted a gain, so the gains are right.
  let correct = labels.filter((l) => l === 1).length;
  const cuts = [{ cut: -Infinity, correct }];
  for (let k = 0; k < order.length; k++) {
    // Moving the cut above order[k] turns its prediction to "no gain".
    correct += labels[order[k]] === 1 ? -1 : 1;
    const next = order[k + 1];
    if (next !== undefined && scores[next] === scores[order[k]]) continue;
    cuts.push({ cut: next === undefined ? Infinity : (scores[order[k]] + scores[next]) / 2, correct });
  }
  const most = Math.max(...cuts.map((c) => c.correct));
  const best = cuts.filter((c) => c.correct === most);
  return best[Math.floor((best.length - 1) / 2)].cut;
}
