import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { studyTrainingSamples, studyWordCounts } from '../../src/predictors/trainingSamples.js';
import { readStudySpec } from '../../src/study/studyFolder.js';
import { copyTinyStudy } from '../report/tinyStudy.js';

test('each seed’s training sample as its runs saw it; imported tasks have none, and say why', async () => {
  const { studyDir, cacheDir, root } = copyTinyStudy();
  try {
    const spec = readStudySpec(studyDir);
    spec.trainSentences = { pos: 3 };
    spec.tasks = [...spec.tasks, { name: 'elsewhere', external: true }];
    const samples = studyTrainingSamples(spec, { cacheDir });
    const pos = await samples('pos');
    const chunk = await samples('chunk');
    assert.ok(pos.status === 'ok' && chunk.status === 'ok');
    assert.deepEqual(
      pos.samples.map((s) => s.length),
      [3, 3],
      'capped: a sample of 3 per seed',
    );
    assert.notDeepEqual(pos.samples[0], pos.samples[1], 'seeds draw their own samples');
    assert.equal(chunk.samples[0], chunk.samples[1], 'uncapped: the same split for every seed');
    assert.equal(await samples('pos'), pos, 'loaded once');
    assert.match(JSON.stringify(await samples('elsewhere')), /"unavailable".*elsewhere was imported: its training data is not here/);
    assert.match(JSON.stringify(await samples('nope')), /nope is not a task of the study/);
    const counts = await studyWordCounts(samples)('chunk');
    assert.ok(counts.status === 'ok' && counts.perSeed[0] === counts.perSeed[1], 'the same split is counted once');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
