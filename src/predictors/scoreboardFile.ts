import { existsSync, readFileSync } from 'node:fs';
import { TaskrelError } from '../errors.js';
import { studyPath } from '../study/studyFolder.js';
import type { ScoreboardRecord } from './scoreboardRecord.js';
import { validateScoreboard } from './validateScoreboard.js';

/** The study folder's predictors.json, validated, or null when the scoreboard has not been computed. */
export function readScoreboard(studyDir: string): ScoreboardRecord | null {
  const file = studyPath(studyDir, 'predictors');
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TaskrelError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return validateScoreboard(json, file);
}
