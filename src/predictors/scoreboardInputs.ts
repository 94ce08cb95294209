import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { studyPath } from '../study/studyFolder.js';
import { type ScoreboardInputs, ScoreboardInputFiles, type ScoreboardRecord } from './scoreboardRecord.js';

/** SHA-256 of each input file of the scoreboard as it is now (null: absent). */
export function scoreboardInputs(studyDir: string): ScoreboardInputs {
  const hash = (file: (typeof ScoreboardInputFiles)[number]): string | null => {
    const path = studyPath(studyDir, file);
    return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null;
  };
  return { gains: hash('gains'), pairs: hash('pairs'), affinity: hash('affinity') };
}

/** Input files that changed since `record` was computed: empty when it is current. */
export function changedInputs(studyDir: string, record: Pick<ScoreboardRecord, 'inputs'>): (typeof ScoreboardInputFiles)[number][] {
  const now = scoreboardInputs(studyDir);
  return ScoreboardInputFiles.filter((file) => now[file] !== record.inputs[file]);
}
