import type { PairFeatureName } from '../features/pairRow.js';
import type { AuxRanking } from './recommendAux.js';

/** How far outside the training pairs' range a scaled value may lie before it is worth a note. */
const EXTRAPOLATION_MARGIN = 0.25;

const format = (x: number): string => Number(x.toPrecision(3)).toString();

/**
 * Statements a reader of a ranking should not miss: features the study's model uses but the new task lacks
 * (the ranking's model leaves them out), and new-task values far outside the study's range, where a linear model
 * extrapolates.
 */
export function recommendationNotes(ranking: AuxRanking, studyFeatures: readonly PairFeatureName[]): string[] {
  const notes: string[] = [];
  const left = studyFeatures.filter((f) => !ranking.model.features.includes(f));
  if (left.length > 0) {
    notes.push(`the new task lacks ${left.length} of the study model's ${studyFeatures.length} pair features, so the ranking's model leaves them out: ${left.join(', ')}`);
  }
  const { model, ranked } = ranking;
  const outside = model.features.flatMap((feature, i) => {
    const far = ranked
      .map((r) => r.contributions.find((c) => c.feature === feature))
      .filter((c) => c !== undefined && (c.scaled < -EXTRAPOLATION_MARGIN || c.scaled > 1 + EXTRAPOLATION_MARGIN));
    if (far.length === 0) return [];
    const which = feature.startsWith('main_') ? format(far[0]?.value ?? NaN) : `for ${far.length} of ${ranked.length} auxiliary tasks`;
    return [`${feature} ${which} (study pairs ${format(model.min[i])} to ${format(model.max[i])})`];
  });
  if (outside.length > 0) notes.push(`outside the range of the study's pairs, where the model extrapolates: ${outside.join('; ')}`);
  return notes;
}
