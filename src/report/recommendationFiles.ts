import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomicWrite.js';
import { parseStoredJson } from '../shared/jsonFile.js';
import { TaskrelError } from '../errors.js';
import type { Recommendation } from '../meta/recommendation.js';
import { validateRecommendation } from '../meta/validateRecommendation.js';
import { renderRecommendationPage } from './recommendationPage.js';

const FILE = /^recommend-(.+)\.json$/;

/** `recommend-<task>.json` / `.html`, next to the runs they come from. */
export function recommendationFile(task: string, extension: 'json' | 'html'): string {
  return `recommend-${task}.${extension}`;
}

/** Renders the page, then writes the JSON and the page, each atomically. Returns both paths. */
export async function writeRecommendation(dir: string, recommendation: Recommendation): Promise<{ json: string; html: string }> {
  const page = await renderRecommendationPage(recommendation);
  mkdirSync(dir, { recursive: true });
  const json = join(dir, recommendationFile(recommendation.main.name, 'json'));
  const html = join(dir, recommendationFile(recommendation.main.name, 'html'));
  writeFileAtomic(json, `${JSON.stringify(recommendation, null, 2)}\n`);
  writeFileAtomic(html, page);
  return { json, html };
}

export type StoredRecommendation = { file: string; recommendation: Recommendation } | { file: string; error: string };

/**
 * Every recommendation in a folder, by task name. One that cannot be read is listed with the reason, so the
 * study's report still appears.
 */
export function readRecommendations(dir: string): StoredRecommendation[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => FILE.test(file))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      try {
        return { file, recommendation: validateRecommendation(parseStoredJson(readFileSync(path, 'utf8'), path), path) };
      } catch (error) {
        if (error instanceof TaskrelError) return { file, error: error.message };
        throw error;
      }
    });
}
