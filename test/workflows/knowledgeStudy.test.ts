import assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openKnowledgeStudy, shippedStudyFolder } from '../../src/workflows/knowledgeStudy.js';
import { temporaryDirectory } from '../data/testFiles.js';
import { reportFixtures } from '../report/tinyStudy.js';

test('the shipped study is found in the installation, not the working directory', () => {
  assert.match(shippedStudyFolder(), /[/\\]studies[/\\]reference$/);
  assert.ok(!shippedStudyFolder().startsWith(join(process.cwd(), 'dist')), 'the package root, not dist/');
});

test('a shipped study that is missing or unfinished is one error saying how to get it; a finished one opens', async () => {
  const root = temporaryDirectory();
  const folder = join(root, 'reference');
  await assert.rejects(
    openKnowledgeStudy(undefined, folder),
    /^TaskrelError: the shipped reference study \(.*reference\) is not in this installation: train it once in taskrel's folder \(cd .+ && taskrel study studies\/reference\.json; hours on 2 cores, interrupt and rerun to continue\), or give --study DIR/,
  );
  cpSync(join(reportFixtures, 'tiny-study'), folder, { recursive: true });
  rmSync(join(folder, 'meta.json'));
  rmSync(join(folder, 'pairs.csv'));
  await assert.rejects(
    openKnowledgeStudy(undefined, folder),
    /the shipped reference study \(.*\) is not finished \(no pairs\.csv, meta\.json\): train it once in taskrel's folder/,
  );
  cpSync(join(reportFixtures, 'tiny-study'), folder, { recursive: true });
  const knowledge = await openKnowledgeStudy(undefined, folder);
  assert.equal(knowledge.shipped, true);
  assert.equal(knowledge.spec.name, 'tiny-study');
  assert.equal(knowledge.analysis.pairs.length, knowledge.gains.length);
  const given = await openKnowledgeStudy(folder);
  assert.equal(given.shipped, false);
  await assert.rejects(openKnowledgeStudy(root), /not a study folder \(no study\.json\)/);
});
