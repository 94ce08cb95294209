import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeCommand } from '../../src/cli/analyze.js';

test('analyze rejects bad arguments with one-line errors', async () => {
  await assert.rejects(analyzeCommand.run([]), /^TaskrelError: taskrel analyze: missing study folder/);
  await assert.rejects(analyzeCommand.run(['a', 'b']), /unexpected 'b'; expected one study folder/);
  await assert.rejects(analyzeCommand.run(['a', '--bogus']), /taskrel analyze: Unknown option '--bogus'.*see taskrel analyze --help/);
  await assert.rejects(analyzeCommand.run(['a', '--repetitions', '0']), /--repetitions 0: expected an integer ≥ 1/);
});
