import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TaskrelError } from '../../src/errors.js';
import { lines, readText } from '../../src/shared/textFile.js';
import { temporaryFile } from '../data/testFiles.js';

test('invalid UTF-8 is one error naming the file and the line of the first bad byte', async () => {
  const bytes = Buffer.concat([Buffer.from('good line\nanother é line\nbad '), Buffer.from([0xc3, 0x28]), Buffer.from(' here\nlast\n')]);
  const file = temporaryFile('latin.conll', bytes);
  await assert.rejects(readText(file), (error: unknown) => {
    assert.ok(error instanceof TaskrelError);
    assert.equal(error.message, `${file}:3: invalid UTF-8 byte sequence; expected a UTF-8 text file`);
    return true;
  });
});

test('a byte-order mark is dropped and CRLF line endings are accepted', async () => {
  const file = temporaryFile('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\tB\r\nc\tD\r\n')]));
  assert.deepEqual(lines(await readText(file)), ['a\tB', 'c\tD']);
});

test('a missing file is an input error naming it', async () => {
  await assert.rejects(
    readText('/nonexistent/train.conllu'),
    /^TaskrelError: \/nonexistent\/train\.conllu: cannot read the file \(ENOENT\)/,
  );
});
