import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { writeAffinityRecord } from '../../../src/affinity/affinityFile.js';
import { loadReportContext } from '../../../src/report/loadReportContext.js';
import { affinitySection } from '../../../src/report/sections/affinitySection.js';
import { tinyAffinityRecord } from '../../affinity/affinityFixture.js';
import { temporaryDirectory } from '../../data/testFiles.js';
import { tinyAffinityComparison } from '../affinityFixture.js';
import { tinyContext } from '../contextFixture.js';
import { copyTinyStudy } from '../tinyStudy.js';

test('no affinity.json: no section', async () => {
  assert.equal(await affinitySection.render({ ...tinyContext(), studyDir: temporaryDirectory() }), null);
});

test('the three predictors side by side: scores, costs against the study, top picks, groupings, protocol', async () => {
  const { studyDir, cacheDir, root } = copyTinyStudy();
  try {
    writeAffinityRecord(studyDir, tinyAffinityRecord());
    const context = await loadReportContext(studyDir, { cacheDir });
    const rendered = await affinitySection.render(context);
    assert.ok(rendered !== null);
    assert.deepEqual(rendered.charts.map((c) => [c.id, c.figure]), [['affinity-scores', true], ['affinity-scatter', true]]);
    const { html } = rendered;
    const comparison = await tinyAffinityComparison();
    assert.match(html, /One hard-sharing run over the 4 tasks \(1,600 batches, 2 min 0 s\) measured TAG’s lookahead affinity/);
    assert.match(html, new RegExp(`took 20 runs \\(${comparison.study.batches.toLocaleString('en-US')} batches`));
    for (const p of comparison.predictors) {
      assert.ok(p.status === 'ok');
      const rho = p.scores.spearman?.toFixed(2) ?? '';
      assert.match(html, new RegExp(`<td class="num">${rho.replace('-', '\\-')}</td>`), `${p.name} ρ in the table`);
      assert.match(html, new RegExp(`<td class="num">${p.cost.batches.toLocaleString('en-US')}</td>`), `${p.name} batches`);
    }
    assert.match(html, /pairwise study \(the truth\)/);
    const pos = comparison.predictors[0].status === 'ok' ? comparison.predictors[0].scores.mains.find((m) => m.main === 'pos') : undefined;
    assert.ok(pos !== undefined);
    assert.match(html, new RegExp(`<td>${pos.top} \\(`), 'the lookahead’s top pick for pos');
    assert.match(html, /<h3>Task groups<\/h3>/);
    for (const g of comparison.groupings) assert.ok(html.includes(g.truth.groups.map((x) => `{${x.join(', ')}}`).join(' ')), `k = ${g.k}`);
    assert.match(html, /plain SGD step θ − η·∇L_i of the shared parameters, η = 0\.001/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('before the study is trained: the run and a pointer to training, no charts', async () => {
  const dir = temporaryDirectory();
  writeAffinityRecord(dir, tinyAffinityRecord());
  const rendered = await affinitySection.render({ ...tinyContext(), studyDir: dir, gains: [] });
  assert.ok(rendered !== null);
  assert.deepEqual(rendered.charts, []);
  assert.match(rendered.html, /no measured gains of these tasks yet to score them against: train the study/);
});
