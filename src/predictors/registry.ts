import { affinityPredictor } from './affinityPredictor.js';
import { auxSizePredictor } from './auxSizePredictor.js';
import { bestMeanGainPredictor } from './bestMeanGainPredictor.js';
import { labelSimilarityPredictor } from './labelSimilarityPredictor.js';
import { metaModelPredictor } from './metaModelPredictor.js';
import type { Predictor } from './predictor.js';
import { vocabularyOverlapPredictor } from './vocabularyOverlapPredictor.js';

/** Every predictor the scoreboard scores, in its row order. A new predictor is one file and one line here. */
export const predictorRegistry: readonly Predictor[] = [
  metaModelPredictor('all'),
  metaModelPredictor('data'),
  metaModelPredictor('curve'),
  affinityPredictor('lookahead'),
  affinityPredictor('cosine'),
  labelSimilarityPredictor('nmi'),
  labelSimilarityPredictor('vi'),
  vocabularyOverlapPredictor,
  auxSizePredictor,
  bestMeanGainPredictor,
];
