import { existsSync } from 'node:fs';
import { readStoredJson } from '../shared/jsonFile.js';
import { studyPath } from '../study/studyFolder.js';
import type { ScoreboardRecord } from './scoreboardRecord.js';
import { validateScoreboard } from './validateScoreboard.js';

/** The study folder's predictors.json, validated, or null when the scoreboard has not been computed. */
export function readScoreboard(studyDir: string): ScoreboardRecord | null {
  const file = studyPath(studyDir, 'predictors');
  if (!existsSync(file)) return null;
  return validateScoreboard(readStoredJson(file), file);
}
