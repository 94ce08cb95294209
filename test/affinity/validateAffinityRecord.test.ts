import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { affinityPath, readAffinityRecord, writeAffinityRecord } from '../../src/affinity/affinityFile.js';
import { validateAffinityRecord } from '../../src/affinity/validateAffinityRecord.js';
import { TaskrelError } from '../../src/errors.js';
import { temporaryDirectory } from '../data/testFiles.js';
import { tinyAffinityRecord } from './affinityFixture.js';

test('affinity.json round-trips through the study folder; absent, it reads as null', () => {
  const dir = temporaryDirectory();
  assert.equal(readAffinityRecord(dir), null);
  writeAffinityRecord(dir, tinyAffinityRecord());
  assert.deepEqual(readAffinityRecord(dir), tinyAffinityRecord());
  const optimizer = { ...tinyAffinityRecord(), settings: { ...tinyAffinityRecord().settings, lookahead: { rule: 'optimizer' as const } } };
  assert.deepEqual(validateAffinityRecord(JSON.parse(JSON.stringify(optimizer)), 'a.json'), optimizer);
});

test('a damaged record is one error naming the file, the field and what was expected', () => {
  const broken = (change: (json: Record<string, unknown>) => void): RegExp | string => {
    const json = JSON.parse(JSON.stringify(tinyAffinityRecord())) as Record<string, unknown>;
    change(json);
    try {
      validateAffinityRecord(json, 'study/affinity.json');
    } catch (error) {
      assert.ok(error instanceof TaskrelError);
      return error.message;
    }
    return 'no error';
  };
  assert.equal(
    broken((j) => (j.cosine as number[][]).pop()),
    'study/affinity.json: cosine: expected a 4 × 4 matrix (one row and column per task), got an array of 3',
  );
  assert.match(
    String(
      broken((j) => {
        j.lookahed = [];
      }),
    ),
    /study\/affinity\.json: lookahed: unknown field \(did you mean 'lookahead'\?\)/,
  );
  assert.match(
    String(
      broken((j) => {
        (j.settings as Record<string, unknown>).lookahead = { rule: 'adam' };
      }),
    ),
    /settings\.lookahead\.rule: expected one of 'sgd', 'optimizer', got "adam"/,
  );
  assert.match(
    String(
      broken((j) => {
        (j.settings as Record<string, unknown>).lookahead = { rule: 'optimizer', learningRate: 1 };
      }),
    ),
    /settings\.lookahead\.learningRate: unknown field/,
  );
  assert.match(
    String(
      broken((j) => {
        j.tasks = ['a'];
      }),
    ),
    /tasks: expected two or more distinct task names/,
  );
  const dir = temporaryDirectory();
  writeFileSync(affinityPath(dir), '{ "format": ');
  assert.throws(() => readAffinityRecord(dir), /affinity\.json: not valid JSON/);
});
