import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAffinityJson } from '../affinity/affinityFile.js';
import type { AffinityRecord } from '../affinity/affinityRecord.js';
import type { AffinityProgress } from '../affinity/affinityRun.js';
import { runAffinity } from '../affinity/runAffinity.js';
import { writeFileAtomic } from '../shared/atomicWrite.js';
import type { BackendName } from '../engine/backend.js';
import type { Outcome } from '../meta/metaReport.js';
import { type PredictorColumn, type PredictorTrust, rankedCells } from '../meta/predictorColumn.js';
import type { NewTaskStudy } from '../study/newTaskRuns.js';
import { sha256, stableStringify } from '../shared/stableJson.js';
import { taskRefName } from '../study/taskRef.js';

/** The joint run of a recommendation and whether an earlier call's was reused. */
export interface RecommendAffinity {
  record: AffinityRecord;
  reused: boolean;
  file: string;
}

/**
 * One hard-sharing run over the main task and every trainable candidate (TAG's lookahead, runAffinity with
 * the knowledge study's settings and the first seed). Kept in the runs' folder under a key of everything that
 * determines it (the pair runs' spec hashes cover tasks, data and settings), so a second call reuses it.
 */
export async function recommendAffinity(
  prepared: NewTaskStudy,
  seed: number,
  options: { backend?: string; onProgress?: (progress: AffinityProgress) => void },
): Promise<RecommendAffinity> {
  const trainable = new Set([prepared.main.name, ...prepared.pairs.keys()]);
  const spec = { ...prepared.spec, tasks: prepared.spec.tasks.filter((t) => trainable.has(taskRefName(t))), seeds: [seed] };
  const pairHashes = [...prepared.pairs.values()].flatMap((plans) => plans.filter((p) => p.seed === seed).map((p) => p.specHash)).sort();
  const key = sha256(stableStringify({ pairs: pairHashes, tasks: spec.tasks.map(taskRefName), seed })).slice(0, 16);
  const file = join(prepared.spec.output, 'affinity', `${prepared.main.name}--${key}.json`);
  if (existsSync(file)) return { record: parseAffinityJson(readFileSync(file, 'utf8'), file), reused: true, file };
  const record = await runAffinity(spec, { seed, backend: options.backend as BackendName | undefined, onProgress: options.onProgress });
  mkdirSync(join(prepared.spec.output, 'affinity'), { recursive: true });
  writeFileAtomic(file, `${JSON.stringify(record, null, 1)}\n`);
  return { record, reused: false, file };
}

/** The lookahead of a step on each candidate onto the main task's loss, as a column ranking the candidates. */
export function lookaheadColumn(
  record: AffinityRecord,
  main: string,
  candidates: readonly string[],
  trust: Outcome<PredictorTrust>,
): PredictorColumn {
  const j = record.tasks.indexOf(main);
  const reliability = record.reliability.lookahead;
  const split = reliability === null ? '' : ` Split-half ρ of this run: ${reliability.toFixed(2)}.`;
  return {
    id: 'lookahead',
    label: 'TAG lookahead',
    about: `TAG's lookahead affinity (Fifty et al. 2021) from one joint run over the main task and the candidates: 1 − L_main(after a step on the candidate's gradient) / L_main(before), averaged over ${record.measurements} measurements.${split}`,
    format: 'score',
    show: 'rank',
    cells: rankedCells(
      candidates.map((aux) => {
        const i = record.tasks.indexOf(aux);
        return i === -1
          ? { aux, score: null, note: 'not in the joint run (its data is not here)' }
          : { aux, score: record.lookahead[i]?.[j] ?? null };
      }),
    ),
    trust,
  };
}
