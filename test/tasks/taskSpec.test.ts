import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readTaskSpecFile, validateTaskSpec } from '../../src/tasks/taskSpec.js';
import { temporaryDirectory } from '../data/testFiles.js';

const valid = {
  name: 'my-pos',
  kind: 'tagging',
  format: 'conllu',
  column: 'xpos',
  files: { train: 't.conllu', dev: 'd.conllu', test: '/data/e.conllu' },
};

test('normalizes a valid spec: paths resolved against the base folder, outside defaulted', () => {
  assert.deepEqual(validateTaskSpec(valid, 'spec.json', '/base'), {
    name: 'my-pos',
    kind: 'tagging',
    format: 'conllu',
    column: 'xpos',
    outside: null,
    files: { train: '/base/t.conllu', dev: '/base/d.conllu', test: '/data/e.conllu' },
  });
  const conll = validateTaskSpec({ name: 'ner', kind: 'tagging', format: 'conll', files: valid.files }, 's', '/b');
  assert.equal(conll.outside, 'O');
  assert.equal(validateTaskSpec({ ...valid, outside: null, description: 'POS' }, 's', '/b').description, 'POS');
});

const errors: [string, Record<string, unknown>, RegExp][] = [
  ['unknown field', { ...valid, colum: 'upos' }, /^TaskrelError: spec\.json: colum: unknown field \(did you mean 'column'\?\)/],
  [
    'bad format',
    { ...valid, format: 'csv' },
    /^TaskrelError: spec\.json: format: expected one of 'conllu', 'conll', 'tsv', 'jsonl', got "csv"$/,
  ],
  [
    'kind against format',
    { ...valid, kind: 'classification' },
    /^TaskrelError: spec\.json: kind: expected 'tagging' \(format 'conllu' holds tagging data\), got "classification"$/,
  ],
  [
    'missing column',
    { ...valid, column: undefined },
    /^TaskrelError: spec\.json: column: expected one of 'upos', 'xpos', 'feats', 'deprel', got nothing$/,
  ],
  [
    'column on tsv',
    { ...valid, kind: 'classification', format: 'tsv' },
    /^TaskrelError: spec\.json: column: expected no column \(only a 'conllu' task has one\)/,
  ],
  [
    'missing split file',
    { ...valid, files: { train: 'a', test: 'b' } },
    /^TaskrelError: spec\.json: files\.dev: expected a non-empty string, got nothing$/,
  ],
  [
    'built-in name',
    { ...valid, name: 'ewt-upos' },
    /^TaskrelError: spec\.json: name: expected a name other than the built-in tasks, got "ewt-upos"$/,
  ],
  ['bad name', { ...valid, name: 'my pos' }, /^TaskrelError: spec\.json: name: expected a name of letters, digits, - _ \., got "my pos"$/],
];

for (const [what, spec, message] of errors) {
  test(`rejects a spec with ${what}, naming the field`, () => {
    assert.throws(() => validateTaskSpec(spec, 'spec.json', '/b'), message);
  });
}

test('a spec file resolves paths against its own folder; invalid JSON names the file', async () => {
  const directory = temporaryDirectory();
  const file = join(directory, 'task.json');
  writeFileSync(file, JSON.stringify(valid));
  assert.equal((await readTaskSpecFile(file)).files.train, join(directory, 't.conllu'));
  writeFileSync(file, '{"name": "x",\n"kind": }');
  await assert.rejects(
    readTaskSpecFile(file),
    (error: Error) => error.message.startsWith(`${file}`) && error.message.includes('invalid JSON'),
  );
});
