import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvField, parseCsv } from '../../src/features/csvText.js';

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

test('errors name the file and line', () => {
  assert.throws(() => parseCsv('a,b\n1,2\n3\n', 'f.csv'), /^TaskrelError: f\.csv:3: 1 fields; expected 2 as in the header$/);
  assert.throws(() => parseCsv('a\n"open\n', 'f.csv'), /f\.csv:2: a quoted field is never closed/);
  assert.throws(() => parseCsv('', 'f.csv'), /f\.csv:1: the file is empty/);
});

test('csvField quotes only when needed and round-trips', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,"b"'), '"a,""b"""');
  assert.equal(csvField(null), '');
  assert.equal(csvField(0.1), '0.1');
  const value = 'reason: x, "y"\nz';
  assert.deepEqual(parseCsv(`h\n${csvField(value)}\n`, 'f').records[0].fields, [value]);
});
