import assert from 'node:assert/strict';
import { test } from 'node:test';
import { studySection } from '../../../src/report/sections/studySection.js';
import { tinyContext } from '../contextFixture.js';

test('study facts: model, budgets, seeds, backend, run counts and total training time', () => {
  const html = studySection.render(tinyContext())?.html ?? '';
  assert.match(html, /<dt>model<\/dt><dd>BiLSTM tagger \(embeddings 100, hidden 50, dropout 0.1, word vectors glove-100d\)<\/dd>/);
  assert.match(html, /<dd>100 per single-task run, 200 per pair run, batch size 32<\/dd>/);
  assert.match(html, /<dt>seeds<\/dt><dd>1, 2<\/dd>/);
  assert.match(html, /<dt>backend<\/dt><dd>wasm<\/dd>/);
  assert.match(html, /<dt>runs<\/dt><dd>4 single-task, 2 pair<\/dd>/);
  assert.match(html, /<dt>training time<\/dt><dd>8 min 10 s in total over all runs<\/dd>/);
});

test('task table: sorted by name, sizes grouped, descriptions escaped, mean single-task test F1 over seeds', () => {
  const html = studySection.render(tinyContext())?.html ?? '';
  assert.ok(html.indexOf('<td class="name">chunk</td>') < html.indexOf('<td class="name">pos</td>'));
  assert.match(html, /<td class="prose">UPOS &#60;tags&#62; &#38; more<\/td>/);
  assert.match(html, /<td class="num">12,543<\/td>/);
  assert.match(html, /<td class="name">chunk<\/td>.*<td class="num">0\.8150<\/td><\/tr>/);
  assert.match(html, /<td class="name">pos<\/td>.*<td class="num">0\.9000<\/td><\/tr>/);
});

test('a study without finished runs says so and leaves the F1 column empty', () => {
  const html = studySection.render({ ...tinyContext(), runs: [] })?.html ?? '';
  assert.match(html, /<dt>runs<\/dt><dd>none finished yet<\/dd>/);
  assert.match(html, /<td class="missing">—<\/td><\/tr>/);
});

test('a task that could not be loaded keeps its row, with the reason on hover', () => {
  const context = { ...tinyContext(), missingTasks: [{ name: 'alpha', reason: 'data/alpha.tsv: no such file' }] };
  const html = studySection.render(context)?.html ?? '';
  assert.match(
    html,
    /<tr><td class="name">alpha<\/td><td class="missing">—<\/td><td class="prose" title="data\/alpha\.tsv: no such file">details unavailable<\/td>/,
  );
  assert.ok(html.indexOf('<td class="name">alpha</td>') < html.indexOf('<td class="name">chunk</td>'));
});

test('a capped study says so: the sample size of the whole split per task, early stops, the pair patience', () => {
  const base = tinyContext();
  const spec = { ...base.spec, trainSentences: { chunk: 400 }, budget: { ...base.spec.budget, pairPatience: 5 } };
  const runs = base.runs.map((run, i) =>
    i === base.runs.length - 1 && run.kind === 'pair' ? { ...run, earlyStop: { step: 150, patience: 5 } } : run,
  );
  const html = studySection.render({ ...base, spec, runs })?.html ?? '';
  assert.match(
    html,
    /<td class="num" title="each seed trains on its own sample of 400 of the 12,543 training examples">400 of 12,543<\/td>/,
  );
  assert.match(html, /<dt>training data<\/dt><dd>capped: each seed draws its own sample/);
  assert.match(html, /a pair run ends early once neither task’s dev F1 has improved for 5 evaluations/);
  assert.match(html, /<dt>runs<\/dt><dd>4 single-task, 2 pair \(1 ended early\)<\/dd>/);
});
