import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importCommand } from '../../src/cli/import.js';

test('import rejects bad arguments with one-line errors', async () => {
  await assert.rejects(importCommand.run([]), /^TaskrelError: taskrel import: missing folder of CSV files/);
  await assert.rejects(importCommand.run(['dir']), /taskrel import: --study NAME is required/);
  const step = ['dir', '--study', 'x', '--score-step', 'best'];
  await assert.rejects(importCommand.run(step), /--score-step: expected last, best-dev or a step number, got 'best'/);
});
