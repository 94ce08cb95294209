import { mean } from 'simple-statistics';
import type { StudyModel } from './studyModels.js';
import { type ImportanceVariant, importanceRanks, wordImportances } from './wordImportance.js';

export interface RankedWord {
  word: string;
  /** Mean importance over the model's seeds. */
  importance: number;
  /** 1 = most important (ties share their mean rank). */
  rank: number;
}

/** A model's input words by importance, averaged over its seeds. */
export interface ModelImportance {
  model: string;
  variant: ImportanceVariant;
  seeds: number;
  /** Most important first. */
  words: RankedWord[];
}

/**
 * The importance of each word in `model`, as the mean over the model's runs that recorded it, for the words every
 * one of those runs has (all of them with a study-wide vocabulary); null when no run recorded importance.
 */
export function modelImportance(model: StudyModel, variant: ImportanceVariant): ModelImportance | null {
  const perSeed = model.runs.flatMap((run) => (run.inputImportance === undefined ? [] : [wordImportances(run.inputImportance, variant)]));
  if (perSeed.length === 0) return null;
  const words = [...perSeed[0].keys()].filter((word) => perSeed.every((seed) => seed.has(word)));
  const importance = new Map(words.map((word) => [word, mean(perSeed.map((seed) => seed.get(word) as number))]));
  const ranks = importanceRanks(importance);
  return {
    model: model.name,
    variant,
    seeds: perSeed.length,
    words: words
      .map((word) => ({ word, importance: importance.get(word) as number, rank: ranks.get(word) as number }))
      .sort((a, b) => a.rank - b.rank || (a.word < b.word ? -1 : 1)),
  };
}

/** A word's rank in two models, for a scatter plot of one model's ranking against another's. */
export interface RankPair {
  word: string;
  rankA: number;
  rankB: number;
}

/** Ranks of the words both models have, in `a`'s order. */
export function rankPairs(a: ModelImportance, b: ModelImportance): RankPair[] {
  const inB = new Map(b.words.map((w) => [w.word, w.rank]));
  return a.words.flatMap((w) => {
    const rankB = inB.get(w.word);
    return rankB === undefined ? [] : [{ word: w.word, rankA: w.rank, rankB }];
  });
}
