import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curvePoints } from '../../../src/report/charts/curvePoints.js';
import { buildLearningCurvesSpec, TASK_PARAM } from '../../../src/report/charts/learningCurves.js';
import { head, run } from '../runFixtures.js';
import { compileStrict, headlessView } from '../chartTesting.js';

const runs = [
  run('single', 1, {
    pos: head(
      [
        [10, 2],
        [20, 1],
      ],
      [
        [10, 0.5],
        [20, 0.7],
      ],
    ),
  }),
  run('single', 1, {
    chunk: head(
      [
        [10, 3],
        [20, 2],
      ],
      [
        [10, 0.4],
        [20, 0.6],
      ],
    ),
  }),
  run('pair', 1, {
    pos: head(
      [
        [10, 2.5],
        [20, 1.5],
      ],
      [[20, 0.75]],
    ),
    chunk: head(
      [
        [10, 3.5],
        [20, 2],
      ],
      [[20, 0.65]],
    ),
  }),
];

test('learning curves compile without warnings; the task drop-down lists every task, sorted, first selected', () => {
  const spec = buildLearningCurvesSpec(curvePoints(runs), ['sentiment']);
  compileStrict(spec);
  const param = (spec as { params: { name: string; value: string; bind: { options: string[] } }[] }).params[0];
  assert.equal(param.name, TASK_PARAM);
  assert.deepEqual(param.bind.options, ['chunk', 'pos', 'sentiment']);
  assert.equal(param.value, 'chunk');
  const json = JSON.stringify(spec);
  assert.match(json, /"title":"mean training loss"/);
  assert.match(json, /"title":"dev F1"/);
  assert.match(json, /"title":"training step \(batches of the whole run\)"/);
});

test('choosing a task draws only its curves: one line alone and one per partner, in both panels', async () => {
  const view = await headlessView(buildLearningCurvesSpec(curvePoints(runs)));
  const drawn = async (): Promise<string> => view.toSVG();
  const chunk = await drawn();
  assert.match(chunk, /trained with: single-task; task: chunk;/);
  assert.match(chunk, /mean training loss: [0-9.]+; trained with: pos; task: chunk;/);
  assert.match(chunk, /dev F1: [0-9.]+; trained with: pos; task: chunk;/);
  assert.doesNotMatch(chunk, /; task: pos;/);
  await view.signal(TASK_PARAM, 'pos').runAsync();
  const pos = await drawn();
  assert.match(pos, /trained with: chunk; task: pos;/);
  assert.doesNotMatch(pos, /; task: chunk;/);
  view.finalize();
});
