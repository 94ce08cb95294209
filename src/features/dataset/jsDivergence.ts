import type { Example } from '../../tasks/task.js';

function wordDistribution(examples: readonly Example[]): Map<string, number> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const example of examples) {
    for (const token of example.tokens) {
      counts.set(token, (counts.get(token) ?? 0) + 1);
      total += 1;
    }
  }
  for (const [word, count] of counts) counts.set(word, count / total);
  return counts;
}

/**
 * Jensen–Shannon divergence in nats (0 … ln 2) between the unigram word distributions of two splits:
 * ½·KL(P‖M) + ½·KL(Q‖M) with M = (P + Q)/2. Case-sensitive words. Undefined when either split has no tokens.
 */
export function jsDivergence(train: readonly Example[], test: readonly Example[]): number | undefined {
  const p = wordDistribution(train);
  const q = wordDistribution(test);
  if (p.size === 0 || q.size === 0) return undefined;
  let divergence = 0;
  const halfTerm = (x: number, y: number): number => (x === 0 ? 0 : 0.5 * x * Math.log((2 * x) / (x + y)));
  for (const [word, pw] of p) divergence += halfTerm(pw, q.get(word) ?? 0);
  for (const [word, qw] of q) divergence += halfTerm(qw, p.get(word) ?? 0);
  return divergence;
}
