import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, test } from 'node:test';
import { treebankFiles } from '../../src/data/corpora.js';
import { verificationAgreement } from '../../src/meta/recommendation.js';
import { evaluateRecommendations, type HeldOutRanking } from '../../src/meta/recommendationEvaluation.js';
import { readStudyAnalysis } from '../../src/meta/studyAnalysis.js';
import { validateRecommendation } from '../../src/meta/validateRecommendation.js';
import { readGains } from '../../src/study/studyFolder.js';
import { spearmanByHand } from '../meta/spearmanByHand.js';
import { conlluHead, excerptStudy } from '../study/studyTesting.js';
import { taskrel } from './cliTesting.js';


const withoutTimes = (file: string): unknown => {
  const { seconds: _s, finishedAt: _f, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return rest;
};

/**
 * A real study trained here: four columns of an EWT excerpt and the UPOS of a GUM excerpt (so dataset features
 * differ between tasks), a tiny model, one seed.
 */
let full: { specFile: string; dir: string; root: string; tasks: Record<string, unknown>[] };

before(async () => {
  const columns = ['upos', 'xpos', 'deprel', 'feats'];
  const ewtFiles = { train: 'train.conllu', dev: 'dev.conllu', test: 'test.conllu' };
  const gumFiles = { train: 'gum-train.conllu', dev: 'gum-dev.conllu', test: 'gum-test.conllu' };
  const tasks = [
    ...columns.map((column) => ({ name: `x-${column}`, kind: 'tagging', format: 'conllu', column, files: ewtFiles })),
    { name: 'g-upos', kind: 'tagging', format: 'conllu', column: 'upos', files: gumFiles },
  ];
  const { specFile, dir } = excerptStudy({ tasks });
  const root = dirname(specFile);
  const gum = treebankFiles('en_gum');
  for (const split of ['train', 'dev', 'test'] as const) writeFileSync(join(root, gumFiles[split]), conlluHead(gum[split], split === 'train' ? 400 : 60));
  const trained = await taskrel(['study', specFile, '--workers', '2']);
  assert.equal(trained.code, 0, trained.stderr);
  full = { specFile, dir, root, tasks };
});

test('held-out evaluation on a real trained study: each task removed, ranked, compared with its measured gains', async () => {
  const { pairs, meta } = readStudyAnalysis(full.dir);
  const gains = await readGains(full.dir);
  const evaluation = evaluateRecommendations(pairs, meta.protocol);
  assert.equal(evaluation.tasks.length, 5);
  assert.ok(evaluation.evaluated >= 1, 'at least one held-out task can be ranked');
  for (const task of evaluation.tasks) {
    if (task.status !== 'ok') continue;
    assert.equal(task.trainingPairs, 12);
    assert.equal(task.ranked.length, 4);
    for (const r of task.ranked) assert.equal(r.gain, gains.find((g) => g.main === task.main && g.aux === r.aux)?.gain);
    assert.equal(task.precisionAtOne, task.ranked[0].gain > 0 ? 1 : 0);
    const rho = spearmanByHand(task.ranked.map((r) => r.probability), task.ranked.map((r) => r.gain));
    assert.ok(task.spearman !== null && Math.abs(task.spearman - rho) < 1e-12);
  }
  assert.ok(evaluation.precisionAtOne !== null && evaluation.precisionAtOne >= 0 && evaluation.precisionAtOne <= 1);
  assert.ok(evaluation.spearman !== null && Math.abs(evaluation.spearman) <= 1);
  const report = await taskrel(['report', full.dir]);
  assert.equal(report.code, 0, report.stderr);
  const html = readFileSync(join(full.dir, 'index.html'), 'utf8');
  assert.match(html, new RegExp(`the top recommendation gained for ${Math.round(evaluation.precisionAtOne * evaluation.evaluated)} of ${evaluation.evaluated} `));
});

test('recommending for a task the study never had reproduces the held-out evaluation, and --verify its true gains', { timeout: 240_000 }, async () => {
  const { pairs, meta } = readStudyAnalysis(full.dir);
  const held = evaluateRecommendations(pairs, meta.protocol).tasks.find((t): t is HeldOutRanking & { status: 'ok' } => t.status === 'ok');
  assert.ok(held !== undefined);
  const name = held.main;
  // The study without that task: its runs are copied, so the study trains nothing and analyses the rest.
  const reducedDir = join(full.root, 'reduced');
  const reducedSpec = join(full.root, 'reduced.json');
  const spec = JSON.parse(readFileSync(full.specFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(reducedSpec, JSON.stringify({ ...spec, name: 'reduced', tasks: full.tasks.filter((t) => t.name !== name), output: reducedDir }));
  mkdirSync(join(reducedDir, 'runs'), { recursive: true });
  for (const file of readdirSync(join(full.dir, 'runs')).filter((f) => f.endsWith('.json') && !f.split(/--|\+/).includes(name))) {
    copyFileSync(join(full.dir, 'runs', file), join(reducedDir, 'runs', file));
  }
  const reduced = await taskrel(['study', reducedSpec, '--workers', '2']);
  assert.equal(reduced.code, 0, reduced.stderr);
  assert.match(reduced.stderr, /"finished":10,"stale":0,"pending":0/);
  const taskFile = join(full.root, `${name}.json`);
  writeFileSync(taskFile, JSON.stringify(full.tasks.find((t) => t.name === name)));

  const recommended = await taskrel(['recommend', '--study', reducedDir, '--task', taskFile, '--verify', '3', '--workers', '2']);
  assert.equal(recommended.code, 0, recommended.stderr);
  const file = join(reducedDir, `recommend-${name}.json`);
  const recommendation = validateRecommendation(JSON.parse(readFileSync(file, 'utf8')), file);
  // Trained as the study would have: its single run is the study's own.
  assert.deepEqual(withoutTimes(join(reducedDir, 'recommend', name, 'runs', `single--${name}--s7.json`)), withoutTimes(join(full.dir, 'runs', `single--${name}--s7.json`)));
  // Ranked as the held-out evaluation of the whole study ranks it.
  assert.deepEqual(recommendation.ranking.map((r) => r.aux), held.ranked.map((r) => r.aux));
  recommendation.ranking.forEach((r, i) => assert.ok(Math.abs(r.probability - held.ranked[i].probability) < 1e-9, r.aux));
  // --verify 3 of 4: the top three and the bottom one, i.e. all; their gains are the study's.
  const fullGains = await readGains(full.dir);
  for (const r of recommendation.ranking) {
    assert.ok(r.verified?.status === 'ok', `${r.aux} verified`);
    assert.ok(Math.abs(r.verified.gain - (fullGains.find((g) => g.main === name && g.aux === r.aux)?.gain ?? NaN)) < 1e-12);
  }
  const agreement = verificationAgreement(recommendation.ranking);
  assert.deepEqual(agreement, { precisionAtOne: held.precisionAtOne, randomPrecision: held.randomPrecision, spearman: agreement?.spearman, pairs: 4, topRank: 1 });
  assert.ok(held.spearman !== null && agreement?.spearman !== null && Math.abs((agreement?.spearman ?? NaN) - held.spearman) < 1e-12);

  const { stdout } = recommended;
  assert.match(stdout, new RegExp(`auxiliary tasks for ${name} from study reduced, most likely to help first:`));
  for (const r of recommendation.ranking) assert.match(stdout, new RegExp(`^ +${r.rank}  ${r.aux} +${r.probability.toFixed(2)}  [+−]\\d+\\.\\d%`, 'm'));
  assert.match(stdout, /For a main task it had not seen, the study's meta-model labelled \d+ % of pairs right/);
  assert.match(stdout, new RegExp(`Trained 4 pairs: the best-ranked one \\(${recommendation.ranking[0].aux}, rank 1\\) ${held.precisionAtOne === 1 ? 'gained' : 'did not gain'}`));
  const page = readFileSync(join(reducedDir, `recommend-${name}.html`), 'utf8');
  assert.match(page, new RegExp(`Spearman ρ of P\\(gain\\) and measured gain ${held.spearman.toFixed(2)}\\.`));

  // A second call reuses every run; the study report lists the recommendation.
  const again = await taskrel(['recommend', '--study', reducedDir, '--task', taskFile]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /"pending":0/);
  assert.doesNotMatch(again.stderr, /run-done/);
  assert.match(again.stdout, /Trained 4 pairs/);
  assert.equal((await taskrel(['report', reducedDir])).code, 0);
  assert.match(readFileSync(join(reducedDir, 'index.html'), 'utf8'), new RegExp(`<a href="recommend-${name}\\.html">${name}</a> — top: `));
});

test('bad new tasks and folders are one clear error each, before anything trains', async () => {
  const bad = join(full.root, 'bad.conll');
  writeFileSync(bad, 'Tokens\tNOUN\nhere\tADV\tX\n');
  const badFiles = await taskrel(['recommend', '--study', full.dir, '--task', `mine=${bad},${bad},${bad}`]);
  assert.equal(badFiles.code, 1);
  assert.equal(badFiles.stderr.trim().split('\n').at(-1), `taskrel: ${bad}:2: found 3 tab-separated columns; expected 2 (token<TAB>label)`);
  const tsv = join(full.root, 'reviews.tsv');
  writeFileSync(tsv, 'text\tlabel\ngood film\tpos\n');
  const wrongKind = await taskrel(['recommend', '--study', full.dir, '--task', `reviews=${tsv},${tsv},${tsv}`]);
  assert.match(wrongKind.stderr, /^taskrel: task 'reviews' is a classification task, but study 'excerpt' trains a tagger model, which takes tagging tasks$/m);
  const sameName = join(full.root, 'same-name.json');
  writeFileSync(sameName, JSON.stringify(full.tasks[0]));
  const inStudy = await taskrel(['recommend', '--study', full.dir, '--task', sameName]);
  assert.match(inStudy.stderr, /^taskrel: task 'x-upos' is already part of study 'excerpt'; its measured gains are in .*gains\.csv$/m);
  const unanalysed = await taskrel(['recommend', '--study', full.root, '--task', 'ewt-upos']);
  assert.match(unanalysed.stderr, /not a study folder \(no study\.json\)/);
  const missing = await taskrel(['recommend', '--task', 'ewt-upos']);
  assert.match(missing.stderr, /--study STUDY_DIR is required/);
  assert.deepEqual(readdirSync(full.dir).filter((f) => f.startsWith('recommend')), []);
});
