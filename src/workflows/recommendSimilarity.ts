import type { Outcome } from '../meta/metaReport.js';
import { type PredictorColumn, type PredictorTrust, rankedCells } from '../meta/predictorColumn.js';
import { labelNmi } from '../predictors/labelSimilarityPredictor.js';
import { measurePairs } from '../predictors/pairMeasure.js';
import { PairSet } from '../predictors/pairSet.js';
import { studyTrainingSamples, studyWordCounts } from '../predictors/trainingSamples.js';
import type { NewTaskStudy } from '../study/newTaskRuns.js';

/**
 * Label NMI (Schröder & Biemann 2020) of the main task with each candidate, on the training samples their pair
 * runs would see (averaged over the seeds): no training, seconds of counting. The scoreboard's `label-nmi` row says
 * how far it ranks auxiliary tasks on the knowledge study.
 */
export async function labelNmiColumn(
  prepared: NewTaskStudy,
  candidates: readonly string[],
  trust: Outcome<PredictorTrust>,
): Promise<PredictorColumn> {
  const main = prepared.main.name;
  const wordCounts = studyWordCounts(studyTrainingSamples(prepared.spec));
  const pairs = new PairSet(candidates.filter((aux) => aux !== main).map((aux) => ({ main, aux })));
  const measured = await measurePairs(pairs, wordCounts, labelNmi);
  const scoreOf = (aux: string): { score: number | null; note?: string } => {
    if (measured.status !== 'ok') return { score: null, note: measured.reason };
    const i = measured.pairs.rowOf(main, aux);
    return i === undefined ? { score: null, note: `shares no labelled word type with ${main}` } : { score: measured.scores[i] ?? null };
  };
  return {
    id: 'label-nmi',
    label: 'label NMI',
    about:
      `Normalised mutual information of ${main}'s labels and the candidate's, joined through the word types both training ` +
      'sets contain (Schröder & Biemann 2020); higher = more related labels. Needs no training.',
    format: 'score',
    show: 'rank',
    cells: rankedCells(candidates.map((aux) => ({ aux, ...scoreOf(aux) }))),
    trust,
  };
}
