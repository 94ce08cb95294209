import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeCommand } from '../../src/cli/analyze.js';
import { reportCommand } from '../../src/cli/report.js';
import { computeGains } from '../../src/study/gains.js';
import { readGains, readRuns, writeGains } from '../../src/study/studyFolder.js';
import { copyTinyStudy } from '../report/tinyStudy.js';

/** Runs a command in this process and returns what it printed. */
async function printed(run: () => Promise<number>): Promise<string> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.join(' '));
  try {
    assert.equal(await run(), 0);
  } finally {
    console.log = log;
  }
  return lines.join('\n');
}

test(
  'a study with a seed that did not learn: flagged in the terminal, gains.csv and the report; no percentage over it',
  { timeout: 600_000 },
  async () => {
    const { studyDir, cacheDir, root } = copyTinyStudy();
    process.env.TASKREL_CACHE = cacheDir;
    try {
      // Seed 1 of pos alone did not learn.
      const file = join(studyDir, 'runs', 'single--pos--s1.json');
      const run = JSON.parse(readFileSync(file, 'utf8'));
      run.heads.pos.best.test.f1 = 0.01;
      writeFileSync(file, JSON.stringify(run));
      writeGains(studyDir, computeGains(readRuns(studyDir), ['chunk', 'ner-conll', 'pos', 'sentiment']).rows);

      const analysis = await printed(() => analyzeCommand.run([studyDir, '--repetitions', '2', '--splits', '2']));
      for (const aux of ['chunk', 'ner-conll', 'sentiment']) {
        assert.ok(
          analysis.includes(
            `warning: pos with ${aux}: seed 1: pos alone scored 0.010 (did not learn); kept in the means, flagged in gains.csv`,
          ),
          aux,
        );
      }
      assert.match(analysis, /note: 3 pair\(s\) are left out: their main task \(pos\) did not learn alone in some seed/);
      assert.match(analysis, /9 directed pairs/);

      const pos = (await readGains(studyDir)).filter((g) => g.main === 'pos');
      assert.deepEqual(
        pos.map((g) => [g.gain, g.seeds, g.flag]),
        pos.map(() => [null, 2, 'seed 1: pos alone scored 0.010 (did not learn)']),
      );
      assert.match(readFileSync(join(studyDir, 'gains.csv'), 'utf8'), /\npos,chunk,,,,[0-9.e-]+,[0-9.e-]+,/);

      await printed(() => reportCommand.run([studyDir]));
      const svg = readFileSync(join(studyDir, 'figures', 'gain-matrix.svg'), 'utf8');
      const posCells = [...svg.matchAll(/aria-label="auxiliary task: [^;]+; main task: pos; label: ([^;]+);/g)].map((m) => m[1]);
      assert.equal(posCells.length, 3);
      for (const label of posCells) assert.match(label, /^Δ[+−]0\.\d{3}\*?!$/, 'an absolute difference, flagged, never a percentage');
      const html = readFileSync(join(studyDir, 'index.html'), 'utf8');
      assert.match(html, /<h3>Runs to doubt<\/h3>/);
      assert.match(html, /single--pos--s1/);
      assert.match(html, /pair\(s\) without a relative gain are left out/);
    } finally {
      delete process.env.TASKREL_CACHE;
      rmSync(root, { recursive: true, force: true });
    }
  },
);
