import { existsSync, readFileSync } from 'node:fs';
import { readAffinityRecord } from '../affinity/affinityFile.js';
import { writeFileAtomic } from '../shared/atomicWrite.js';
import { TaskrelError } from '../errors.js';
import { parsePairsCsv } from '../features/featureTables.js';
import { gainLabel, hasRelativeGain } from '../features/pairRows.js';
import { defaultMetaOptions, describeProtocol } from '../meta/metaOptions.js';
import { parseMetaJson } from '../meta/studyAnalysis.js';
import { ofSpecSeeds } from '../study/runResult.js';
import { readRuns, readStudyGains, readStudySpec, studyPath } from '../study/studyFolder.js';
import { taskRefName } from '../study/taskRef.js';
import { PairSet } from '../predictors/pairSet.js';
import type { PredictorInputs } from '../predictors/predictor.js';
import { predictorRegistry } from '../predictors/registry.js';
import { type ScoreboardOptions, buildScoreboard, defaultScoreboardOptions } from '../predictors/scoreboard.js';
import { scoreboardInputs } from '../predictors/scoreboardInputs.js';
import type { ScoreboardRecord } from '../predictors/scoreboardRecord.js';
import { pairwiseCost } from '../predictors/studyCost.js';
import type { LoadTaskOptions } from '../tasks/loadTask.js';
import { studyTrainingSamples, studyWordCounts } from '../predictors/trainingSamples.js';

/** Overrides of the protocol, and how the no-training predictors load the tasks (cache folder, first-use note). */
export interface StudyScoreboardOptions extends Partial<ScoreboardOptions>, LoadTaskOptions {}

/**
 * Scores every registered predictor against a study folder's gains (gains.csv, with pairs.csv, meta.json and
 * affinity.json where present) and writes predictors.json atomically. Nothing is written when it fails.
 */
export async function scoreStudyPredictors(
  studyDir: string,
  options: StudyScoreboardOptions = {},
): Promise<{ record: ScoreboardRecord; file: string }> {
  const spec = readStudySpec(studyDir);
  const studyGains = await readStudyGains(studyDir);
  const inputs = scoreboardInputs(studyDir);
  const runs = ofSpecSeeds(readRuns(studyDir), spec);
  const tasks = new Set(spec.tasks.map(taskRefName));
  const gains = studyGains.filter((g) => tasks.has(g.main) && tasks.has(g.aux));
  const measured = gains.filter(hasRelativeGain);
  if (measured.length === 0)
    throw new TaskrelError(`${studyPath(studyDir, 'gains')}: no pair has a relative gain to score predictors against`);
  const { significantOnly } = spec.analysis;
  const pairs = new PairSet(measured.map(({ main, aux }) => ({ main, aux })));
  const pairsFile = studyPath(studyDir, 'pairs');
  const metaFile = studyPath(studyDir, 'meta');
  // The meta-model's settings as the analysis that wrote pairs.csv used them.
  const protocol = existsSync(metaFile) ? parseMetaJson(readFileSync(metaFile, 'utf8'), metaFile).protocol : null;
  const samples = studyTrainingSamples(spec, { cacheDir: options.cacheDir, onPrepare: options.onPrepare });
  const predictorInputs: PredictorInputs = {
    spec,
    pairs,
    runs,
    pairRows: existsSync(pairsFile) ? parsePairsCsv(readFileSync(pairsFile, 'utf8'), pairsFile) : null,
    C: protocol?.C ?? defaultMetaOptions.C,
    curveFeatures: protocol?.curveFeatures ?? spec.analysis.curveFeatures,
    affinity: readAffinityRecord(studyDir),
    samples,
    wordCounts: studyWordCounts(samples),
  };
  const built = await buildScoreboard(
    predictorInputs,
    {
      study: spec.name,
      truth: { gains: measured.map((g) => g.gain), labels: measured.map((g) => gainLabel(g, { significantOnly })) },
      label: describeProtocol({ ...defaultMetaOptions, significantOnly }).label,
      excluded: gains
        .filter((g) => g.gain === null)
        .map(({ main, aux, flag }) => ({ main, aux, reason: flag === '' ? 'no relative gain' : flag })),
      cost: pairwiseCost(runs, pairs.tasks()),
    },
    predictorRegistry,
    { ...defaultScoreboardOptions, ...definedOnly({ ...options, cacheDir: undefined, onPrepare: undefined }) },
  );
  const record: ScoreboardRecord = { ...built, createdAt: new Date().toISOString(), inputs };
  const file = studyPath(studyDir, 'predictors');
  writeFileAtomic(file, `${JSON.stringify(record, null, 1)}\n`);
  return { record, file };
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
