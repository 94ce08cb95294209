import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/taskrel.js');

/** The issue's target: a main task and four candidates answered within five minutes on 2 cores. */
const TARGET_SECONDS = 300;
const MAIN = 'ewt-mwe';
const CANDIDATES = ['gum-ner', 'ewt-chunk', 'gum-wiki', 'ewt-upos'];

/**
 * `taskrel recommend` for a main task and four candidates on the default settings, from scratch (a fresh task
 * cache, so first-use preparation counts, as on a fresh clone) into a temporary folder: its wall time against the
 * target, and the runs' own seconds (what a busy machine inflates). The knowledge study is the shipped one, or
 * $TASKREL_BENCH_STUDY.
 */
export async function recommendBench(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'taskrel-bench-'));
  const study = process.env.TASKREL_BENCH_STUDY;
  try {
    console.log(
      `## Recommend: ${MAIN} with ${CANDIDATES.length} candidates, from scratch${study === undefined ? '' : ` (knowledge study ${study})`}`,
    );
    const args = [
      'recommend',
      '--task',
      MAIN,
      ...CANDIDATES.flatMap((c) => ['--aux', c]),
      '--out',
      join(folder, 'out'),
      ...(study === undefined ? [] : ['--study', study]),
    ];
    const started = performance.now();
    const run = spawnSync(process.execPath, [bin, ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TASKREL_CACHE: join(folder, 'cache') },
    });
    const wall = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`taskrel recommend failed:\n${run.stderr}`);
    const { cost } = JSON.parse(readFileSync(join(folder, 'out', `recommend-${MAIN}.json`), 'utf8')) as {
      cost: { seeds: number[]; singles: { runs: number; runSeconds: number } };
    };
    console.log("\n| wall s | target s | single runs | seeds | runs' own s (sum) |\n|---|---|---|---|---|");
    console.log(
      `| ${wall.toFixed(0)} | ${TARGET_SECONDS} | ${cost.singles.runs} | ${cost.seeds.length} | ${cost.singles.runSeconds.toFixed(0)} |`,
    );
    console.log(
      wall <= TARGET_SECONDS
        ? 'within the target'
        : `OVER the target by ${(wall - TARGET_SECONDS).toFixed(0)} s (on a busy machine, compare the runs' own seconds)`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
