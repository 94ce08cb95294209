import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseTaskArgument } from '../../src/cli/taskArgument.js';
import { temporaryDirectory, temporaryFile } from '../data/testFiles.js';

test('a built-in task by name, or a JSON task spec file', async () => {
  assert.equal(await parseTaskArgument('ewt-chunk', undefined), 'ewt-chunk');
  const spec = temporaryFile(
    'my-ner.json',
    JSON.stringify({ name: 'my-ner', kind: 'tagging', format: 'conll', files: { train: 'a.conll', dev: 'b.conll', test: 'c.conll' } }),
  );
  const parsed = await parseTaskArgument(spec, undefined);
  assert.ok(typeof parsed !== 'string');
  assert.equal(parsed.files.dev, join(spec, '..', 'b.conll'));
  await assert.rejects(
    parseTaskArgument('ewt-chunky', undefined),
    /--task ewt-chunky: not a built-in task \(ewt-upos, .*\), a \.json task spec or NAME=TRAIN,DEV,TEST files/,
  );
});

test('NAME=TRAIN,DEV,TEST: the format follows the extension; paths resolve against the working directory', async () => {
  const cases = [
    ['.conll', 'conll', 'tagging', 'O'],
    ['.tsv', 'tsv', 'classification', null],
    ['.jsonl', 'jsonl', 'classification', null],
  ] as const;
  for (const [extension, format, kind, outside] of cases) {
    const parsed = await parseTaskArgument(`mine=d/train${extension},d/dev${extension},d/test${extension}`, undefined);
    assert.deepEqual(parsed, {
      name: 'mine',
      kind,
      format,
      files: {
        train: join(process.cwd(), `d/train${extension}`),
        dev: join(process.cwd(), `d/dev${extension}`),
        test: join(process.cwd(), `d/test${extension}`),
      },
      outside,
    });
  }
  const dir = temporaryDirectory();
  const conllu = await parseTaskArgument(`pos=${dir}/a.conllu,${dir}/b.conllu,${dir}/c.conllu`, 'xpos');
  assert.ok(
    typeof conllu !== 'string' && conllu.format === 'conllu' && conllu.column === 'xpos' && conllu.files.train === `${dir}/a.conllu`,
  );
});

test('a malformed --task is one error saying what was expected', async () => {
  await assert.rejects(
    parseTaskArgument('x=a.conll,b.conll', undefined),
    /--task x=a\.conll,b\.conll: expected NAME=TRAIN,DEV,TEST, three comma-separated files; got 2/,
  );
  await assert.rejects(
    parseTaskArgument('x=a.conll,b.tsv,c.conll', undefined),
    /expected three files with one extension of \.conllu, \.conll, \.tsv, \.jsonl; got \.conll, \.tsv/,
  );
  await assert.rejects(parseTaskArgument('x=a.txt,b.txt,c.txt', undefined), /got \.txt$/);
  await assert.rejects(
    parseTaskArgument('x=a.conllu,b.conllu,c.conllu', undefined),
    /CoNLL-U files need --column upos\|xpos\|feats\|deprel/,
  );
  await assert.rejects(
    parseTaskArgument('x=a.conllu,b.conllu,c.conllu', 'lemma'),
    /--task: column: expected one of 'upos', 'xpos', 'feats', 'deprel', got "lemma"/,
  );
  await assert.rejects(parseTaskArgument('x=a.conll,b.conll,c.conll', 'upos'), /--task: column: expected no column/);
  await assert.rejects(
    parseTaskArgument('ewt-chunk', 'upos'),
    /--column upos: only for a task given as NAME=TRAIN,DEV,TEST \.conllu files/,
  );
  await assert.rejects(
    parseTaskArgument('my ner=a.conll,b.conll,c.conll', undefined),
    /--task: name: expected a name of letters, digits, - _ \./,
  );
  await assert.rejects(
    parseTaskArgument('ewt-upos=a.conll,b.conll,c.conll', undefined),
    /--task: name: expected a name other than the built-in tasks/,
  );
});
