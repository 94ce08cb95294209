import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePairsCsv } from '../../src/features/featureTables.js';
import type { PairRow } from '../../src/features/pairRow.js';
import type { MetaReport } from '../../src/meta/metaReport.js';
import { validateMetaReport } from '../../src/meta/validateMetaReport.js';
import { reportFixtures } from './tinyStudy.js';

/** meta.json of the tiny study, as buildMetaReport wrote it. */
export function tinyMeta(): MetaReport {
  const file = join(reportFixtures, 'tiny-study', 'meta.json');
  return validateMetaReport(JSON.parse(readFileSync(file, 'utf8')), file);
}

export function tinyPairs(): PairRow[] {
  const file = join(reportFixtures, 'tiny-study', 'pairs.csv');
  return parsePairsCsv(readFileSync(file, 'utf8'), file);
}
