import { join } from 'node:path';
import { type AffinityComparison, type ScoredPredictor, compareAffinity } from '../../src/affinity/compareAffinity.js';
import { readGains, readRuns } from '../../src/study/studyFolder.js';
import { tinyAffinityRecord } from '../affinity/affinityFixture.js';
import { tinyMeta } from './metaFixture.js';
import { reportFixtures } from './tinyStudy.js';

/** The hand-shaped affinity record compared with the tiny study's gains, runs and meta.json. */
export async function tinyAffinityComparison(): Promise<AffinityComparison> {
  const dir = join(reportFixtures, 'tiny-study');
  const comparison = compareAffinity(tinyAffinityRecord(), { gains: await readGains(dir), runs: readRuns(dir), meta: tinyMeta() });
  if (comparison === null) throw new Error('the tiny study has gains');
  return comparison;
}

export function scored(comparison: AffinityComparison): ScoredPredictor[] {
  return comparison.predictors.flatMap((p) => (p.status === 'ok' ? [p] : []));
}
