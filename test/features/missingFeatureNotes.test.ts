import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingFeatureNotes } from '../../src/features/missingFeatureNotes.js';
import type { TaskFeatures } from '../../src/features/taskFeatures.js';

const record = (task: string, missing: TaskFeatures['missing']): TaskFeatures => ({
  task,
  values: {},
  missing,
  curveFit: { status: 'absent', curves: 0, fitted: 0, rmse: [], failures: [], notes: [] },
});

test('one note per reason and set of tasks, listing the features', () => {
  const notes = missingFeatureNotes([
    record('pos', { labels: 'not given', curve_a: 'fit failed' }),
    record('ner', { labels: 'not given', oov_rate: 'not given' }),
    record('chunk', {}),
  ]);
  assert.deepEqual(notes, ['pos, ner lack labels: not given', 'pos lacks curve_a: fit failed', 'ner lacks oov_rate: not given']);
  assert.deepEqual(missingFeatureNotes([record('pos', {})]), []);
});
