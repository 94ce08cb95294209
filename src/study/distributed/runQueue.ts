import { resolve } from 'node:path';
import type { RunPlan } from '../runPlan.js';
import type { StudySpec } from '../spec.js';
import { sha256 } from '../../shared/stableJson.js';

/**
 * Every study shares this one BullMQ queue: `taskrel worker` then needs nothing but the Redis address, and its
 * --concurrency bounds the load on its machine however many studies run at once. The study is part of each job id.
 */
export const RUN_QUEUE = 'taskrel-runs';

/** Tells apart the studies sharing a Redis: the study's name and a hash of its folder's absolute path. */
export function studyKey(spec: StudySpec): string {
  return `${spec.name}.${sha256(resolve(spec.output)).slice(0, 8)}`;
}

/**
 * `<study key>--<run id>--<spec hash>`. BullMQ ignores adding a job whose id exists, so enqueueing a study
 * again is idempotent, and a run whose settings changed gets a new id.
 */
export function runJobId(study: string, plan: RunPlan): string {
  return `${study}--${plan.id}--${plan.specHash}`;
}

/** Whether a job id (of any study sharing the queue) belongs to the study `study`. */
export function isJobOfStudy(jobId: string, study: string): boolean {
  return jobId.startsWith(`${study}--`);
}
