import type { PairFeatureName } from '../features/pairRow.js';
import type { AuxRanking } from './recommendAux.js';

/**
 * Statements a reader of a ranking should not miss: features the study's model uses but the new tasks lack
 * (the ranking's model leaves them out), and a study task of the main task's name whose pairs were left out.
 * Features far outside the study's range are listed per task (outsideRange), not here.
 */
export function recommendationNotes(ranking: AuxRanking, studyFeatures: readonly PairFeatureName[], leftOut: string | null): string[] {
  const notes: string[] = [];
  const left = studyFeatures.filter((f) => !ranking.model.features.includes(f));
  if (left.length > 0) {
    notes.push(
      `the new tasks lack ${left.length} of the study model's ${studyFeatures.length} pair features, so the ranking's model leaves them out: ${left.join(', ')}`,
    );
  }
  if (leftOut !== null) {
    notes.push(
      `${leftOut} is a task of the knowledge study: its pairs were left out of the models, so it is ranked as a new task; "study measured" is the study's own gain (at its caps)`,
    );
  }
  return notes;
}
