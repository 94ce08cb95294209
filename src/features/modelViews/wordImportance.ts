import { sampleRankCorrelation } from 'simple-statistics';
import type { WordImportance } from '../../study/runResult.js';
import { PAD_WORD, UNK_WORD } from '../../tasks/vocabulary.js';

/**
 * How a word's importance is read from its weights into the hidden layer: `absSum`, the sum of their absolute
 * values (how strongly the word moves the hidden units either way), and `sum`, the GumGum blog's (the signed sum:
 * large means the word pushes the hidden units up). A hidden sigmoid unit computes the same function with its
 * incoming and outgoing weights negated, so which sign each unit takes is an accident of initialisation, and a
 * signed sum over units mixes those accidents in; the absolute values do not. Hence `absSum` comes first.
 */
export const ImportanceVariants = ['absSum', 'sum'] as const;
export type ImportanceVariant = (typeof ImportanceVariants)[number];

/**
 * Importance by word from one run's record. Padding and the unknown-word row are left out: they are not words
 * (the unknown-word row stands for every word outside the vocabulary).
 */
export function wordImportances(record: WordImportance, variant: ImportanceVariant): Map<string, number> {
  const values = record[variant];
  const importance = new Map<string, number>();
  record.words.forEach((word, i) => {
    if (word !== PAD_WORD && word !== UNK_WORD) importance.set(word, values[i]);
  });
  return importance;
}

/** Rank of each word, 1 = most important; tied words share the mean of the ranks they span. */
export function importanceRanks(importance: ReadonlyMap<string, number>): Map<string, number> {
  const sorted = [...importance].sort((a, b) => b[1] - a[1]);
  const ranks = new Map<string, number>();
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1][1] === sorted[i][1]) j++;
    for (let k = i; k <= j; k++) ranks.set(sorted[k][0], (i + j) / 2 + 1);
    i = j + 1;
  }
  return ranks;
}

/** Spearman's ρ needs a few ranks before it says anything (with two it is always ±1). */
const MIN_WORDS = 3;

export interface Agreement {
  /** Spearman's ρ over the words both have; null below three words or when either side is constant. */
  rho: number | null;
  words: number;
}

/**
 * How far two models rank the same words alike: Spearman's ρ (simple-statistics' sampleRankCorrelation, which
 * gives tied values their mean rank) of the two importances over the words both vocabularies have.
 */
export function rankAgreement(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): Agreement {
  const words = [...a.keys()].filter((word) => b.has(word));
  if (words.length < MIN_WORDS) return { rho: null, words: words.length };
  const rho = sampleRankCorrelation(
    words.map((w) => a.get(w) as number),
    words.map((w) => b.get(w) as number),
  );
  return { rho: Number.isFinite(rho) ? rho : null, words: words.length };
}
