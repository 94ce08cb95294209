import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../shared/atomicWrite.js';
import { parseStoredJson } from '../shared/jsonFile.js';
import { studyPath } from '../study/studyFolder.js';
import type { AffinityRecord } from './affinityRecord.js';
import { validateAffinityRecord } from './validateAffinityRecord.js';

export function affinityPath(studyDir: string): string {
  return studyPath(studyDir, 'affinity');
}

export function writeAffinityRecord(studyDir: string, record: AffinityRecord): string {
  const file = affinityPath(studyDir);
  writeFileAtomic(file, `${JSON.stringify(record, null, 1)}\n`);
  return file;
}

/** The study folder's affinity.json, validated, or null when `taskrel affinity` has not run. */
export function readAffinityRecord(studyDir: string): AffinityRecord | null {
  const file = affinityPath(studyDir);
  return existsSync(file) ? parseAffinityJson(readFileSync(file, 'utf8'), file) : null;
}

export function parseAffinityJson(text: string, file: string): AffinityRecord {
  return validateAffinityRecord(parseStoredJson(text, file), file);
}
