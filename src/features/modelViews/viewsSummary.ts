import { mean } from 'simple-statistics';
import type { ImportanceView } from './modelViews.js';
import { type AgreementComparison, AgreementComparisons } from './rankAgreements.js';
import type { SharedLayerComparison } from './transferTable.js';
import type { ImportanceVariant } from './wordImportance.js';

/** Mean Spearman ρ of one importance variant over the model pairs of one kind of comparison (null: none had a ρ). */
export interface AgreementMean {
  variant: ImportanceVariant;
  comparison: AgreementComparison;
  rho: number | null;
  /** Model pairs with a ρ, of those compared. */
  pairs: number;
}

/** The blog's reading of view 3 in one line: in how many comparisons the joint model's head did better, by how much. */
export interface SharedLayerSummary {
  compared: number;
  better: number;
  /** Mean over comparisons of joint − alone accuracy; null with none. */
  meanDifference: number | null;
}

export function agreementMeans(views: readonly ImportanceView[]): AgreementMean[] {
  return views.flatMap(({ variant, agreements }) =>
    AgreementComparisons.map((comparison) => {
      const rhos = agreements.flatMap((row) => (row.comparison === comparison && row.rho !== null ? [row.rho] : []));
      return { variant, comparison, rho: rhos.length === 0 ? null : mean(rhos), pairs: rhos.length };
    }),
  );
}

export function sharedLayerSummary(compared: readonly SharedLayerComparison[]): SharedLayerSummary {
  const differences = compared.map((c) => c.joint.mean - c.alone.mean);
  return {
    compared: compared.length,
    better: differences.filter((d) => d > 0).length,
    meanDifference: differences.length === 0 ? null : mean(differences),
  };
}
