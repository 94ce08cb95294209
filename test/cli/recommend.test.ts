import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, test } from 'node:test';
import { treebankFiles } from '../../src/data/corpora.js';
import { loadedDatasetSource } from '../../src/features/datasetSource.js';
import { studyTaskFeatures } from '../../src/features/studyTaskFeatures.js';
import { rankCandidates } from '../../src/meta/rankCandidates.js';
import { auxCandidates } from '../../src/meta/recommendAux.js';
import { type Recommendation, verificationAgreement } from '../../src/meta/recommendation.js';
import { evaluateRecommendations, type HeldOutRanking } from '../../src/meta/recommendationEvaluation.js';
import { readStudyAnalysis } from '../../src/meta/studyAnalysis.js';
import { validateRecommendation } from '../../src/meta/validateRecommendation.js';
import { probabilityText } from '../../src/report/recommendationTables.js';
import { readGains, readRuns } from '../../src/study/studyFolder.js';
import { validateTaskSpec } from '../../src/tasks/taskSpec.js';
import { spearmanByHand } from '../meta/spearmanByHand.js';
import { conlluHead, excerptStudy } from '../study/studyTesting.js';
import { taskrel } from './cliTesting.js';

const readRecommendation = (file: string): Recommendation => validateRecommendation(JSON.parse(readFileSync(file, 'utf8')), file);

const withoutTimes = (file: string): unknown => {
  const { seconds: _s, finishedAt: _f, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return rest;
};

/**
 * A real study trained here: four columns of an EWT excerpt and the UPOS of a GUM excerpt (so dataset features
 * differ between tasks), a tiny model, one seed.
 */
let full: { specFile: string; dir: string; root: string; tasks: Record<string, unknown>[]; gumFiles: Record<string, string> };

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
  for (const split of ['train', 'dev', 'test'] as const)
    writeFileSync(join(root, gumFiles[split]), conlluHead(gum[split], split === 'train' ? 400 : 60));
  const trained = await taskrel(['study', specFile, '--workers', '2']);
  assert.equal(trained.code, 0, trained.stderr);
  full = { specFile, dir, root, tasks, gumFiles };
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
    const rho = spearmanByHand(
      task.ranked.map((r) => r.probability),
      task.ranked.map((r) => r.gain),
    );
    assert.ok(task.spearman !== null && Math.abs(task.spearman - rho) < 1e-12);
  }
  assert.ok(evaluation.precisionAtOne !== null && evaluation.precisionAtOne >= 0 && evaluation.precisionAtOne <= 1);
  assert.ok(evaluation.spearman !== null && Math.abs(evaluation.spearman) <= 1);
  const report = await taskrel(['report', full.dir]);
  assert.equal(report.code, 0, report.stderr);
  const html = readFileSync(join(full.dir, 'index.html'), 'utf8');
  assert.match(
    html,
    new RegExp(
      `the top recommendation gained for ${Math.round(evaluation.precisionAtOne * evaluation.evaluated)} of ${evaluation.evaluated} `,
    ),
  );
});

test(
  'recommending for a task the study never had reproduces the held-out evaluation, and --verify its true gains',
  { timeout: 900_000 },
  async () => {
    const { pairs, meta } = readStudyAnalysis(full.dir);
    const held = evaluateRecommendations(pairs, meta.protocol).tasks.find((t): t is HeldOutRanking & { status: 'ok' } => t.status === 'ok');
    assert.ok(held !== undefined);
    const name = held.main;
    // The study without that task: its runs are copied, so the study trains nothing and analyses the rest.
    const reducedDir = join(full.root, 'reduced');
    const reducedSpec = join(full.root, 'reduced.json');
    const spec = JSON.parse(readFileSync(full.specFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      reducedSpec,
      JSON.stringify({ ...spec, name: 'reduced', tasks: full.tasks.filter((t) => t.name !== name), output: reducedDir }),
    );
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
    const recommendation = readRecommendation(join(reducedDir, 'recommend', `recommend-${name}.json`));
    assert.equal(recommendation.candidatesFrom, 'study');
    // Trained as the study would have: its single run is the study's own.
    assert.deepEqual(
      withoutTimes(join(reducedDir, 'recommend', 'runs', `single--${name}--s7.json`)),
      withoutTimes(join(full.dir, 'runs', `single--${name}--s7.json`)),
    );
    // Ranked as the held-out evaluation of the whole study ranks it.
    assert.deepEqual(
      recommendation.ranking.map((r) => r.aux),
      held.ranked.map((r) => r.aux),
    );
    recommendation.ranking.forEach((r, i) => {
      assert.ok(Math.abs(r.probability - held.ranked[i].probability) < 1e-9, r.aux);
    });
    // --verify 3 of 4: the top three and the bottom one, i.e. all; their gains are the study's.
    const fullGains = await readGains(full.dir);
    for (const r of recommendation.ranking) {
      assert.ok(r.verified?.status === 'ok', `${r.aux} verified`);
      assert.ok(Math.abs(r.verified.gain - (fullGains.find((g) => g.main === name && g.aux === r.aux)?.gain ?? NaN)) < 1e-12);
    }
    const agreement = verificationAgreement(recommendation.ranking);
    assert.deepEqual(agreement, {
      precisionAtOne: held.precisionAtOne,
      randomPrecision: held.randomPrecision,
      spearman: agreement?.spearman,
      pairs: 4,
      topRank: 1,
    });
    assert.ok(held.spearman !== null && agreement?.spearman !== null && Math.abs((agreement?.spearman ?? NaN) - held.spearman) < 1e-12);

    const { stdout } = recommended;
    assert.match(
      stdout,
      new RegExp(`candidates for ${name} by the meta-model of study reduced \\(12 pairs\\), most likely to help first:`),
    );
    assert.match(stdout, /^rank +candidate +P\(gain\) +predicted gain +pushed most by +label NMI rank +measured gain +label$/m);
    for (const r of recommendation.ranking)
      assert.match(
        stdout,
        new RegExp(
          `^ +${r.rank}  ${r.aux} +${probabilityText(
            r.probability,
            recommendation.ranking.map((x) => x.probability),
          )}  +(0\\.0|[+−]\\d+\\.\\d)%`,
          'm',
        ),
      );
    assert.match(stdout, /For a main task it had not seen, the study's meta-model labelled \d+ % of pairs right/);
    assert.match(
      stdout,
      /^ {2}P\(gain\): on study reduced: mean ρ per main task -?\d\.\d\d \(p = \d\.\d{3}\); its first choice lost \d+\.\d % against the best auxiliary task \(a random one /m,
    );
    assert.match(stdout, /^predicted against measured \(--verify\):$/m);
    assert.match(
      stdout,
      new RegExp(
        `Trained 4 pairs: the best-ranked one \\(${recommendation.ranking[0].aux}, rank 1\\) ${held.precisionAtOne === 1 ? 'gained' : 'did not gain'}`,
      ),
    );
    const page = readFileSync(join(reducedDir, 'recommend', `recommend-${name}.html`), 'utf8');
    assert.match(page, new RegExp(`Spearman ρ of P\\(gain\\) and measured gain ${held.spearman.toFixed(2)}\\.`));

    // A second call reuses every run; the study report lists the recommendation.
    const again = await taskrel(['recommend', '--study', reducedDir, '--task', taskFile, '--verify', '3']);
    assert.equal(again.code, 0, again.stderr);
    assert.doesNotMatch(again.stderr, /run-done/);
    assert.match(again.stdout, /Trained 4 pairs/);
    assert.match(again.stdout, /1 single-task run \(seed 7\): 0 trained, 1 reused/);
    assert.equal((await taskrel(['report', reducedDir])).code, 0);
    assert.match(
      readFileSync(join(reducedDir, 'index.html'), 'utf8'),
      new RegExp(`<a href="recommend/recommend-${name}\\.html">${name}</a> — top: `),
    );
  },
);

/** A tagging task of `count` EWT excerpt sentences as token<TAB>UPOS files, for a candidate given as NAME=TRAIN,DEV,TEST. */
function conllTask(name: string, count: number): string {
  const sentences = readFileSync(join(full.root, 'train.conllu'), 'utf8')
    .split(/\n\n/)
    .filter((s) => s.trim() !== '')
    .slice(0, count);
  const conll = sentences
    .map((s) =>
      s
        .split('\n')
        .filter((l) => /^\d+\t/.test(l))
        .map((l) => {
          const c = l.split('\t');
          return `${c[1]}\t${c[3]}`;
        })
        .join('\n'),
    )
    .join('\n\n');
  const files = ['train', 'dev', 'test'].map((split) => join(full.root, `${name}.${split}.conll`));
  for (const file of files) writeFileSync(file, `${conll}\n`);
  return `${name}=${files.join(',')}`;
}

test(
  'the whole path for candidates of your own: files → single runs → features → ranking, lookahead and verification → JSON and HTML',
  { timeout: 900_000 },
  async () => {
    const gumSpec = { name: 'g-deprel', kind: 'tagging', format: 'conllu', column: 'deprel', files: full.gumFiles };
    const gumFile = join(full.root, 'g-deprel.json');
    writeFileSync(gumFile, JSON.stringify(gumSpec));
    const small = conllTask('small', 40);
    const main = `mine=${['train', 'dev', 'test'].map((split) => join(full.root, full.gumFiles[split])).join(',')}`;
    const args = [
      'recommend',
      '--study',
      full.dir,
      '--task',
      main,
      '--column',
      'xpos',
      '--aux',
      gumFile,
      '--aux',
      small,
      '--affinity',
      '--verify',
      '1',
      '--workers',
      '2',
    ];
    const first = await taskrel(args);
    assert.equal(first.code, 0, first.stderr);
    const folder = join(full.dir, 'recommend');
    const recommendation = readRecommendation(join(folder, 'recommend-mine.json'));
    assert.ok(existsSync(join(folder, 'recommend-mine.html')));
    assert.equal(recommendation.candidatesFrom, 'given');
    assert.deepEqual(
      recommendation.candidates.map((c) => [c.name, c.sizes.train, c.runs]),
      [
        ['g-deprel', 400, 'recommend'],
        ['small', 40, 'recommend'],
      ],
    );
    assert.equal(recommendation.main.sizes.train, 400);
    assert.deepEqual(
      recommendation.predictors.map((p) => p.id),
      ['meta-model', 'predicted-gain', 'label-nmi', 'lookahead'],
    );
    assert.equal(recommendation.model.leftOut, null);
    assert.equal(recommendation.model.trainingPairs, 20);

    // The features are those of the stored single runs and the files; the ranking is the meta-model on them.
    const runs = readRuns(folder).filter((run) => run.kind === 'single' && ['mine', 'g-deprel', 'small'].includes(run.tasks[0] as string));
    assert.deepEqual(runs.map((r) => r.id).sort(), ['single--g-deprel--s7', 'single--mine--s7', 'single--small--s7']);
    const mainSpec = validateTaskSpec(
      {
        name: 'mine',
        kind: 'tagging',
        format: 'conllu',
        column: 'xpos',
        files: Object.fromEntries(
          main
            .slice(5)
            .split(',')
            .map((path, i) => [['train', 'dev', 'test'][i] as string, path]),
        ),
      },
      'test',
      full.root,
    );
    const smallSpec = validateTaskSpec(
      {
        name: 'small',
        kind: 'tagging',
        format: 'conll',
        files: {
          train: join(full.root, 'small.train.conll'),
          dev: join(full.root, 'small.dev.conll'),
          test: join(full.root, 'small.test.conll'),
        },
      },
      'test',
      full.root,
    );
    const gum = validateTaskSpec(gumSpec, 'test', full.root);
    const { pairs, meta } = readStudyAnalysis(full.dir);
    const features = await studyTaskFeatures(
      ['mine', 'g-deprel', 'small'],
      runs,
      loadedDatasetSource([mainSpec, gum, smallSpec]),
      meta.protocol.curveFeatures,
    );
    assert.deepEqual(recommendation.features, JSON.parse(JSON.stringify(features)));
    const expected = rankCandidates(pairs, 'mine', auxCandidates(features[0], features.slice(1)), meta.protocol);
    assert.ok(expected.status === 'ok');
    assert.deepEqual(
      recommendation.ranking.map((r) => [r.aux, r.probability]),
      expected.ranked.map((r) => [r.aux, r.probability]),
    );
    for (const r of recommendation.ranking) assert.deepEqual(r.predictedGain, expected.predicted.get(r.aux));
    const nmi = recommendation.predictors[2];
    assert.ok(
      nmi.cells.every((c) => c.score !== null && c.score > 0 && c.score <= 1),
      'both candidates share labelled words with the main task',
    );
    assert.ok(
      nmi.trust.status === 'ok' && nmi.trust.statement.startsWith('on study excerpt: mean ρ per main task'),
      'trusted by its scoreboard row',
    );
    const lookahead = recommendation.predictors[3];
    assert.deepEqual(lookahead.cells.map((c) => c.rank).sort(), [1, 2]);
    assert.equal(recommendation.cost.predictors[0]?.batches, 120);
    // --verify 1 of 2: the top one and the bottom one.
    assert.ok(recommendation.ranking.every((r) => r.verified?.status === 'ok'));
    assert.deepEqual(
      readRuns(folder)
        .filter((r) => r.kind === 'pair')
        .map((r) => r.id)
        .sort(),
      ['pair--g-deprel+mine--s7', 'pair--mine+small--s7'],
    );

    const { stdout } = first;
    assert.match(stdout, /^training examples \(the study's tasks have 400\):$/m);
    assert.match(stdout, /^ {2}main {2}mine {6}400 {2}within the study's 400 +F1 0\.\d{3} alone \(1 run\)$/m);
    assert.match(stdout, /^ {2}aux {3}small {6}40 {2}0\.1× the study's smallest \(400\) +F1 0\.\d{3} alone \(1 run\)$/m);
    assert.match(
      stdout,
      /^rank +candidate +P\(gain\) +predicted gain +pushed most by +label NMI rank +TAG lookahead rank +measured gain +label$/m,
    );
    assert.match(stdout, /^outside the study's range, in units of that range \(the models extrapolate there; all on the page\):$/m);
    const smallLine = /^ {2}small: .*$/m.exec(stdout)?.[0] ?? '';
    assert.match(smallLine, /sentences 40 \(study: always 400\)/);
    assert.ok(smallLine.length < 160, smallLine);
    assert.doesNotMatch(stdout, /^ {2}mine \(main\):/m, "the main task is as large as the study's tasks");
    assert.match(
      stdout,
      /^ {2}TAG lookahead: trust unknown: on study excerpt: no affinity\.json: run 'taskrel affinity' on the study's spec\.$/m,
    );
    assert.match(
      stdout,
      /^ {2}predicted gain: on 20 held-out pairs it was off by \d+\.\d points on average, (better|no better) than predicting the mean gain/m,
    );
    assert.match(
      stdout,
      /^3 single-task runs \(seed 7\): 3 trained, \d+ s of run time; lookahead run: 120 batches, \d+ s; 3 verification runs: 2 trained, 1 reused/m,
    );
    const page = readFileSync(join(folder, 'recommend-mine.html'), 'utf8');
    for (const id of ['ranking', 'verification', 'trust', 'tasks']) assert.match(page, new RegExp(`<section id="${id}">`));

    // The same call again trains nothing: single and pair runs and the joint run are reused.
    const again = await taskrel(args);
    assert.equal(again.code, 0, again.stderr);
    assert.doesNotMatch(again.stderr, /run-done|affinity run: step/);
    const reused = readRecommendation(join(folder, 'recommend-mine.json'));
    assert.deepEqual(
      reused.ranking.map((r) => [r.aux, r.probability]),
      recommendation.ranking.map((r) => [r.aux, r.probability]),
    );
    assert.equal(reused.cost.predictors[0]?.reused, true);
    assert.match(again.stdout, /3 single-task runs \(seed 7\): 0 trained, 3 reused/);
  },
);

test(
  "a main task of the knowledge study given with --aux is held out of the models and shown beside the study's own gains",
  { timeout: 900_000 },
  async () => {
    const files = (name: string): string => {
      const file = join(full.root, `${name}.json`);
      writeFileSync(file, JSON.stringify(full.tasks.find((t) => t.name === name)));
      return file;
    };
    const out = join(full.root, 'held-out');
    const result = await taskrel([
      'recommend',
      '--study',
      full.dir,
      '--task',
      files('x-upos'),
      '--aux',
      files('g-upos'),
      '--aux',
      files('x-deprel'),
      '--out',
      out,
      '--workers',
      '2',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const recommendation = readRecommendation(join(out, 'recommend-x-upos.json'));
    assert.equal(recommendation.model.leftOut, 'x-upos');
    assert.equal(recommendation.model.trainingPairs, 12);
    const gains = await readGains(full.dir);
    for (const r of recommendation.ranking) {
      const row = gains.find((g) => g.main === 'x-upos' && g.aux === r.aux);
      assert.equal(r.measuredInStudy?.gain, row?.gain);
    }
    assert.match(result.stdout, /^rank +candidate +P\(gain\) +predicted gain +pushed most by +label NMI rank +study measured$/m);
    assert.match(
      result.stdout,
      /^note: x-upos is a task of the knowledge study: its pairs were left out of the models, so it is ranked as a new task/m,
    );
    // Its single run is the study's own (same task, same settings, no cap), so the held-out ranking is the held-out evaluation's.
    assert.deepEqual(
      withoutTimes(join(out, 'runs', 'single--x-upos--s7.json')),
      withoutTimes(join(full.dir, 'runs', 'single--x-upos--s7.json')),
    );
  },
);

test('bad tasks and folders are one clear error each, before anything trains', async () => {
  const bad = join(full.root, 'bad.conll');
  writeFileSync(bad, 'Tokens\tNOUN\nhere\tADV\tX\n');
  const out = join(full.root, 'never');
  const badAux = await taskrel([
    'recommend',
    '--study',
    full.dir,
    '--task',
    conllTask('fine', 5),
    '--aux',
    conllTask('ok', 5),
    '--aux',
    `mine=${bad},${bad},${bad}`,
    '--out',
    out,
  ]);
  assert.equal(badAux.code, 1);
  assert.equal(badAux.stderr.trim().split('\n').at(-1), `taskrel: ${bad}:2: found 3 tab-separated columns; expected 2 (token<TAB>label)`);
  assert.doesNotMatch(badAux.stderr, /"event":"planned"/);
  assert.ok(!existsSync(out), 'nothing written, nothing trained');
  const tsv = join(full.root, 'reviews.tsv');
  writeFileSync(tsv, 'text\tlabel\ngood film\tpos\n');
  const wrongKind = await taskrel(['recommend', '--study', full.dir, '--task', `reviews=${tsv},${tsv},${tsv}`, '--out', out]);
  assert.match(
    wrongKind.stderr,
    /^taskrel: task 'reviews' is a classification task, but study 'excerpt' trains a tagger model, which takes tagging tasks$/m,
  );
  const sameName = join(full.root, 'same-name.json');
  writeFileSync(sameName, JSON.stringify(full.tasks[0]));
  const inStudy = await taskrel(['recommend', '--study', full.dir, '--task', sameName, '--out', out]);
  assert.match(
    inStudy.stderr,
    /^taskrel: task 'x-upos' is already part of study 'excerpt'; its measured gains are in its gains\.csv \(or give the candidates with --aux\)$/m,
  );
  const twice = await taskrel([
    'recommend',
    '--study',
    full.dir,
    '--task',
    conllTask('fine', 5),
    '--aux',
    conllTask('fine', 5),
    '--out',
    out,
  ]);
  assert.match(twice.stderr, /^taskrel: task name 'fine' is given twice/m);
  const unanalysed = await taskrel(['recommend', '--study', full.root, '--task', 'ewt-upos']);
  assert.match(unanalysed.stderr, /not a study folder \(no study\.json\)/);
  const missing = await taskrel(['recommend', '--study', full.dir]);
  assert.match(missing.stderr, /--task TASK is required/);
  const column = await taskrel(['recommend', '--study', full.dir, '--task', 'ewt-upos', '--column', 'upos']);
  assert.match(column.stderr, /--column upos: only for a task given as NAME=TRAIN,DEV,TEST \.conllu files/);
  assert.ok(!existsSync(out));
});
