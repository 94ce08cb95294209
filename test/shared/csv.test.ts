import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCsv, parseCsv, parseDelimited } from '../../src/shared/csv.js';

test('parses quoted fields, doubled quotes, line breaks in quotes, CRLF and a BOM, with record lines', () => {
  const text = '\uFEFFa,b\r\n1,"x, ""y"""\r\n\r\n"multi\nline",2\n3,\n';
  const table = parseCsv(text, 'f.csv');
  assert.deepEqual(table.header, ['a', 'b']);
  assert.deepEqual(table.records, [
    { line: 2, fields: ['1', 'x, "y"'] },
    { line: 4, fields: ['multi\nline', '2'] },
    { line: 6, fields: ['3', ''] },
  ]);
});

test('a quote inside an unquoted field is text; a lone CR ends a line; the last line needs no line end', () => {
  assert.deepEqual(parseDelimited('a"b\tc\rd\te', 'f.tsv', '\t'), [
    { line: 1, fields: ['a"b', 'c'] },
    { line: 2, fields: ['d', 'e'] },
  ]);
});

test('a header without rows is a table without records', () => {
  assert.deepEqual(parseCsv('a,b\n', 'f.csv'), { file: 'f.csv', header: ['a', 'b'], records: [] });
});

test('errors name the file and line', () => {
  assert.throws(() => parseCsv('a,b\n1,2\n3\n', 'f.csv'), /^TaskrelError: f\.csv:3: 1 fields; expected 2 as in the header$/);
  assert.throws(() => parseCsv('a\n1\n"open\n', 'f.csv'), /f\.csv:3: a quoted field is never closed/);
  assert.throws(() => parseCsv('a\n1\n\n"x" y\n', 'f.csv'), /f\.csv:4: text follows the closing quote/);
  assert.throws(() => parseCsv('', 'f.csv'), /f\.csv:1: the file is empty/);
});

test('formatCsv quotes only what needs quoting (RFC 4180), writes null as empty, and round-trips', () => {
  const tricky = 'reason: x, "y"\nz';
  const text = formatCsv(
    ['name', 'value', 'note'],
    [
      ['plain', 0.1, null],
      [tricky, -2, 'a"b'],
    ],
  );
  assert.equal(text, `name,value,note\nplain,0.1,\n"reason: x, ""y""\nz",-2,"a""b"\n`);
  assert.deepEqual(
    parseCsv(text, 'f').records.map((record) => record.fields),
    [
      ['plain', '0.1', ''],
      [tricky, '-2', 'a"b'],
    ],
  );
  assert.equal(formatCsv(['a', 'b'], []), 'a,b\n');
});
