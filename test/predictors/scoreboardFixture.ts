import { writeAffinityRecord } from '../../src/affinity/affinityFile.js';
import type { ScoreboardRecord } from '../../src/predictors/scoreboardRecord.js';
import { scoreStudyPredictors } from '../../src/workflows/predictors.js';
import { tinyAffinityRecord } from '../affinity/affinityFixture.js';
import { copyTinyStudy } from '../report/tinyStudy.js';

export interface ScoredTinyStudy {
  studyDir: string;
  cacheDir: string;
  record: ScoreboardRecord;
}

let scored: Promise<ScoredTinyStudy> | undefined;

/**
 * A copy of the report fixture's tiny study with the hand-shaped affinity record, scored by every predictor (199
 * permutations and 200 resamples keep it quick). Computed once per test file; do not write into the folder.
 */
export function scoredTinyStudy(): Promise<ScoredTinyStudy> {
  scored ??= (async () => {
    const { studyDir, cacheDir } = copyTinyStudy();
    writeAffinityRecord(studyDir, tinyAffinityRecord());
    const { record } = await scoreStudyPredictors(studyDir, { permutations: 199, resamples: 200, cacheDir });
    return { studyDir, cacheDir, record };
  })();
  return scored;
}
