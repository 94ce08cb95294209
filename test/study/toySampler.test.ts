import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { samplers } from '../../src/engine/samplers/samplers.js';
import type { SamplerDefinition } from '../../src/engine/samplers/taskSampler.js';
import { studySection } from '../../src/report/sections/studySection.js';
import { loadReportContext } from '../../src/report/loadReportContext.js';
import { executeRun } from '../../src/study/executeRun.js';
import { prepareStudy } from '../../src/study/prepareStudy.js';
import type { RunExecutor } from '../../src/study/runExecutor.js';
import { runStudy, type StudyListener } from '../../src/study/runStudy.js';
import { parseStudySpec } from '../../src/study/spec.js';
import { readGains } from '../../src/study/studyFolder.js';
import { roundRobin } from '../engine/samplers/roundRobin.js';
import { copyTinyStudy } from '../report/tinyStudy.js';

/** Trains each run here, in this process (where the test registered its sampler). */
const inProcess: RunExecutor = {
  async run(jobs, events) {
    for (const job of jobs) events.done('test', await executeRun(job, { origin: 'test' }));
    return 'done';
  },
  stop() {},
};
const silent: StudyListener = { planned() {}, note() {}, start() {}, progress() {}, checkpoint() {}, done() {}, failed() {} };

test('a new sampler is one file and one registry line: the spec reads its options, a study trains with it, the report names it', async () => {
  (samplers as Record<string, SamplerDefinition>)['round-robin'] = roundRobin;
  try {
    const { root } = copyTinyStudy();
    const task = (name: string) => ({
      name,
      kind: 'tagging',
      format: 'conll',
      outside: 'O',
      files: Object.fromEntries(['train', 'dev', 'test'].map((split) => [split, join('tasks', `${name}.${split}.conll`)])),
    });
    const spec = (sampler: object) =>
      parseStudySpec(
        {
          name: 'toy',
          tasks: [task('chunk'), task('pos')],
          model: { type: 'tagger', embeddingDim: 8, hiddenDim: 8, wordVectors: 'none' },
          sampler,
          batchSize: 2,
          budget: { singleBatches: 10, pairBatches: 20 },
          evaluation: { evalEvery: 10, curveEvery: 5 },
          seeds: [1],
          output: join(root, 'toy'),
        },
        join(root, 'toy.json'),
        root,
      );
    assert.deepEqual(spec({ name: 'round-robin' }).sampler, { name: 'round-robin', turns: 1 }, 'its default');
    assert.throws(() => spec({ name: 'round-robin', turns: 0 }), /sampler\.turns: expected an integer ≥ 1, got 0/);
    assert.throws(() => spec({ name: 'uniform', turns: 2 }), /sampler\.turns: expected nothing for sampler 'uniform'/);
    assert.throws(
      () => spec({ name: 'round-robn' }),
      /sampler\.name: expected one of 'uniform', 'proportional', 'temperature', 'round-robin', got "round-robn"/,
    );

    const study = spec({ name: 'round-robin', turns: 3 });
    const prepared = await prepareStudy(study);
    const outcome = await runStudy(study, prepared.plans, inProcess, silent, 'wasm');
    assert.deepEqual(outcome.failed, []);
    const pair = outcome.runs.find((run) => run.kind === 'pair');
    assert.ok(pair !== undefined);
    // 20 pair batches in cycles of chunk, chunk, chunk, pos.
    assert.deepEqual(Object.fromEntries(Object.entries(pair.heads).map(([name, head]) => [name, head.batches])), { chunk: 15, pos: 5 });
    assert.equal((await readGains(study.output)).length, 2);

    const context = await loadReportContext(study.output);
    const html = (await studySection.render(context))?.html ?? '';
    assert.match(html, /round-robin \(the first task 3 turns in a row\) choice of task per batch/);
  } finally {
    delete (samplers as Record<string, SamplerDefinition>)['round-robin'];
  }
});
