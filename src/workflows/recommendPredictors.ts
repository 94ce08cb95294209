import type { AffinityProgress } from '../affinity/affinityRun.js';
import type { Outcome } from '../meta/metaReport.js';
import type { PredictorColumn, PredictorTrust } from '../meta/predictorColumn.js';
import type { RecommendCost } from '../meta/recommendation.js';
import { affinityPredictor } from '../predictors/affinityPredictor.js';
import { labelSimilarityPredictor } from '../predictors/labelSimilarityPredictor.js';
import type { NewTaskStudy } from '../study/newTaskRuns.js';
import { lookaheadColumn, recommendAffinity } from './recommendAffinity.js';
import { labelNmiColumn } from './recommendSimilarity.js';

/** What a predictor of new pairs gets: the tasks (loaded and planned), the candidates' names, the seeds, the call's wishes. */
export interface PredictorInput {
  prepared: NewTaskStudy;
  candidates: readonly string[];
  seeds: readonly number[];
  /** Flags of the call that switch optional predictors on, e.g. `affinity`. */
  wanted: ReadonlySet<string>;
  /** The knowledge study's verdict on the predictor, or what to say when it has none. */
  trust: Outcome<PredictorTrust>;
  backend?: string;
  onPhase?: (phase: string) => void;
  onAffinityProgress?: (progress: AffinityProgress) => void;
}

/** A predictor's column and the training it took, if any. */
export interface PredictorOutput {
  column: PredictorColumn;
  cost: RecommendCost['predictors'][number] | null;
}

/**
 * A predictor that scores a new main task's candidates without the meta-model. Each one in `newTaskPredictors`
 * adds a column to the ranking table when `applies` (a cheap one always; one that trains when asked for).
 */
export interface NewTaskPredictor {
  /** The column id. */
  id: string;
  /** Its name on the knowledge study's scoreboard (the predictor registry's), whose verdict the column carries. */
  scoreboard: string;
  applies(input: Pick<PredictorInput, 'wanted'>): boolean;
  column(input: PredictorInput): Promise<PredictorOutput>;
}

/** The phase of the joint run, which trains in this process (an interruption cannot hand it to a worker). */
export const AFFINITY_PHASE = 'affinity run';

const lookahead: NewTaskPredictor = {
  id: 'lookahead',
  scoreboard: affinityPredictor('lookahead').name,
  applies: ({ wanted }) => wanted.has('affinity'),
  async column({ prepared, candidates, seeds, trust, backend, onPhase, onAffinityProgress }) {
    onPhase?.(AFFINITY_PHASE);
    const { record, reused } = await recommendAffinity(prepared, seeds[0] as number, { backend, onProgress: onAffinityProgress });
    return {
      column: lookaheadColumn(record, prepared.main.name, candidates, trust),
      cost: { id: 'lookahead', batches: record.settings.batches, seconds: record.cost.seconds, reused },
    };
  },
};

const labelNmi: NewTaskPredictor = {
  id: 'label-nmi',
  scoreboard: labelSimilarityPredictor('nmi').name,
  applies: () => true,
  async column({ prepared, candidates, trust, onPhase }) {
    onPhase?.('label similarity');
    return { column: await labelNmiColumn(prepared, candidates, trust), cost: null };
  },
};

/** The predictors beside the meta-model, in column order. */
export const newTaskPredictors: readonly NewTaskPredictor[] = [labelNmi, lookahead];
