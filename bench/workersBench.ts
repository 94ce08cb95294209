import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/taskrel.js');

/** Wall-clock seconds of a whole study (training, analysis, report) with `workers` worker processes. */
function studySeconds(spec: string, workers: number, output: string): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, 'study', spec, '--workers', String(workers), '--output', output], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`study with ${workers} worker(s) failed:\n${run.stderr}`);
  return (performance.now() - started) / 1000;
}

/**
 * The demo study with one worker (the reference) and with two, each from scratch into a temporary folder: the
 * speed-up of parallel worker processes on this machine. Tasks are prepared before either run is timed.
 */
export async function workersBench(spec = 'studies/demo.json'): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'taskrel-bench-'));
  try {
    spawnSync(process.execPath, [bin, 'tasks'], { cwd: root });
    console.log(`## Workers: ${spec} from scratch`);
    const one = studySeconds(spec, 1, join(folder, 'one'));
    const two = studySeconds(spec, 2, join(folder, 'two'));
    console.log('\n| workers | wall s | speed-up vs 1 worker |\n|---|---|---|');
    console.log(`| 1 | ${one.toFixed(0)} | 1.00 |`);
    console.log(`| 2 | ${two.toFixed(0)} | ${(one / two).toFixed(2)} |`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
