import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import test from 'node:test';
import { finished, startTaskrel } from '../cli/cliTesting.js';
import { excerptStudy, twoTaskStudy } from './studyTesting.js';

const study = (specFile: string, detached = false): ChildProcess => startTaskrel(['study', specFile, '--workers', '2'], detached);

function runFiles(dir: string): Map<string, string> {
  const folder = join(dir, 'runs');
  if (!existsSync(folder)) return new Map();
  return new Map(
    readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, readFileSync(join(folder, f), 'utf8')]),
  );
}

test(
  'a study killed with SIGKILL mid-run resumes without retraining finished runs and ends with the same gains',
  { timeout: 300_000 },
  async () => {
    const reference = excerptStudy();
    const first = await finished(study(reference.specFile));
    assert.equal(first.code, 0, first.stderr);
    const referenceRuns = runFiles(reference.dir);
    assert.equal(referenceRuns.size, 6);

    const interrupted = excerptStudy();
    const child = study(interrupted.specFile, true);
    const exited = finished(child);
    while (runFiles(interrupted.dir).size < 2) await new Promise((r) => setTimeout(r, 50));
    // The whole process group: coordinator and workers die at once, as with kill -9 of a terminal session.
    process.kill(-(child.pid as number), 'SIGKILL');
    await exited;
    const survivors = runFiles(interrupted.dir);
    assert.ok(survivors.size >= 2 && survivors.size < 6, `killed too late: ${survivors.size} runs finished`);

    const resumed = await finished(study(interrupted.specFile));
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stderr, new RegExp(`"finished":${survivors.size}`));
    const final = runFiles(interrupted.dir);
    assert.equal(final.size, 6);
    for (const [file, content] of survivors) assert.equal(final.get(file), content, `${file} was retrained`);
    for (const [file, content] of final) {
      const { seconds: _s, finishedAt: _f, ...rest } = JSON.parse(content) as Record<string, unknown>;
      const { seconds: _s2, finishedAt: _f2, ...expected } = JSON.parse(referenceRuns.get(file) as string) as Record<string, unknown>;
      assert.deepEqual(rest, expected, `${file} differs from the uninterrupted run`);
    }
    assert.equal(readFileSync(join(interrupted.dir, 'gains.csv'), 'utf8'), readFileSync(join(reference.dir, 'gains.csv'), 'utf8'));
  },
);

test('a changed setting makes runs stale: they are retrained, the others kept', { timeout: 300_000 }, async () => {
  const { specFile, dir } = excerptStudy();
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as { tasks: unknown[]; budget: { singleBatches: number; pairBatches?: number } };
  spec.tasks = spec.tasks.slice(0, 2);
  spec.budget = { singleBatches: 20, pairBatches: 40 };
  writeFileSync(specFile, JSON.stringify(spec));
  assert.equal((await finished(study(specFile))).code, 0);
  const before = runFiles(dir);
  spec.budget = { singleBatches: 20, pairBatches: 60 };
  writeFileSync(specFile, JSON.stringify(spec));
  const again = await finished(study(specFile));
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /"finished":2,"stale":1,"pending":1/);
  const after = runFiles(dir);
  for (const [file, content] of before) assert.equal(after.get(file) === content, file.startsWith('single'), file);
});

test(
  'an interrupted study writes no gains and no "finished" event; a killed one leaves no worker stack trace',
  { timeout: 300_000 },
  async () => {
    for (const [signal, group] of [
      ['SIGINT', true],
      ['SIGKILL', false],
    ] as const) {
      const { specFile, dir } = excerptStudy();
      const child = study(specFile, true);
      const exited = finished(child);
      while (runFiles(dir).size < 1) await new Promise((r) => setTimeout(r, 50));
      // Ctrl-C reaches the whole process group; kill -9 of the coordinator alone leaves its workers to notice.
      process.kill(group ? -(child.pid as number) : (child.pid as number), signal);
      const { code, stderr } = await exited;
      assert.equal(code, signal === 'SIGINT' ? 130 : null, stderr);
      assert.equal(existsSync(join(dir, 'gains.csv')), false, `${signal}: gains.csv written`);
      assert.doesNotMatch(stderr, /EPIPE|"event":"finished"|\n {4}at /, `${signal}: ${stderr}`);
      if (signal === 'SIGINT') assert.match(stderr, /"event":"interrupted"/);
    }
  },
);

test(
  'a truncated run file is set aside with a note and its run trained again; the folder is named in full',
  { timeout: 300_000 },
  async () => {
    const { specFile } = excerptStudy();
    const root = dirname(specFile);
    const spec = JSON.parse(readFileSync(specFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(specFile, JSON.stringify({ ...spec, tasks: (spec.tasks as unknown[]).slice(0, 2), output: 'relative-study' }));
    const dir = join(root, 'relative-study');
    const first = await finished(startTaskrel(['study', specFile, '--workers', '2'], false, root));
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, new RegExp(`study folder: ${dir} \\('relative-study' in the working directory\\)`));
    const gains = readFileSync(join(dir, 'gains.csv'), 'utf8');
    const file = join(dir, 'runs', 'single--x-upos--s7.json');
    const content = readFileSync(file, 'utf8');
    writeFileSync(file, content.slice(0, 100));

    const again = await finished(startTaskrel(['study', specFile, '--workers', '2'], false, root));
    assert.equal(again.code, 0, again.stderr);
    assert.match(
      again.stderr,
      /"event":"note","message":"[^"]*single--x-upos--s7\.json: not valid JSON[^"]*; moved to [^"]*runs\/unreadable\/single--x-upos--s7\.\d+\.json, and its run is trained again"/,
    );
    assert.match(again.stderr, /"finished":2,"stale":0,"pending":1/);
    const { seconds: _s, finishedAt: _f, ...retrained } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const { seconds: _s2, finishedAt: _f2, ...original } = JSON.parse(content) as Record<string, unknown>;
    assert.deepEqual(retrained, original);
    assert.equal(readdirSync(join(dir, 'runs', 'unreadable')).length, 1);
    assert.equal(readFileSync(join(dir, 'gains.csv'), 'utf8'), gains);
  },
);

test('a study of one task is refused before anything is trained or written', async () => {
  const { specFile, dir } = excerptStudy();
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(specFile, JSON.stringify({ ...spec, tasks: (spec.tasks as unknown[]).slice(0, 1) }));
  const { code, stderr } = await finished(study(specFile));
  assert.equal(code, 1);
  assert.equal(
    stderr,
    `taskrel: ${specFile}: tasks: expected at least two tasks (a study measures what each task gains from training with another), got an array of 1\n`,
  );
  assert.equal(existsSync(dir), false);
});

const withCheckpoints = (specFile: string, seconds: string, detached = false): ChildProcess =>
  startTaskrel(['study', specFile, '--workers', '1', '--checkpoint-every', seconds], detached);

/** Run records without their timing fields. */
function untimed(dir: string): Map<string, unknown> {
  return new Map(
    [...runFiles(dir)].map(([file, content]) => {
      const { seconds: _s, finishedAt: _f, ...rest } = JSON.parse(content) as Record<string, unknown>;
      return [file, rest];
    }),
  );
}

function events(stderr: string): Record<string, unknown>[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The step recorded in a checkpoint file's header (its second line). */
function checkpointStep(file: string): number {
  return (JSON.parse(readFileSync(file, 'latin1').split('\n')[1]) as { step: number }).step;
}

let reference: Promise<Map<string, unknown>> | undefined;
/** The two-task study trained uninterrupted and without checkpoints, once for the tests below. */
function uninterrupted(): Promise<Map<string, unknown>> {
  reference ??= (async () => {
    const { specFile, dir } = twoTaskStudy();
    const run = await finished(withCheckpoints(specFile, '0'));
    assert.equal(run.code, 0, run.stderr);
    assert.equal(existsSync(join(dir, 'checkpoints')), false, '--checkpoint-every 0 writes none');
    return untimed(dir);
  })();
  return reference;
}

test(
  'a study SIGKILLed mid-run after a checkpoint resumes that run from the checkpoint, and every run ends as an uninterrupted one',
  { timeout: 600_000 },
  async () => {
    const expected = await uninterrupted();
    const { specFile, dir } = twoTaskStudy();
    const checkpoints = join(dir, 'checkpoints');
    const child = withCheckpoints(specFile, '0.3', true);
    const exited = finished(child);
    const written = (): string[] => (existsSync(checkpoints) ? readdirSync(checkpoints).filter((f) => f.endsWith('.ckpt')) : []);
    while (written().length === 0) {
      assert.equal(child.exitCode, null, 'the study ended before writing a checkpoint');
      await new Promise((r) => setTimeout(r, 20));
    }
    // Coordinator and worker die at once, as in a power cut or kill -9 of the session.
    process.kill(-(child.pid as number), 'SIGKILL');
    await exited;
    const [file] = written();
    const run = file.replace(/\.ckpt$/, '');
    const step = checkpointStep(join(checkpoints, file));
    assert.ok(step > 0);
    const plan = await finished(startTaskrel(['study', specFile, '--plan', '--workers', '1']));
    assert.match(plan.stdout, new RegExp(`^${run.replace('+', '\\+')} +resumes at step ${step} `, 'm'), plan.stdout);

    const resumed = await finished(withCheckpoints(specFile, '0.3'));
    assert.equal(resumed.code, 0, resumed.stderr);
    const resumption = events(resumed.stderr).filter((e) => e.event === 'checkpoint-resumed');
    assert.deepEqual(
      resumption.map((e) => [e.run, e.step]),
      [[run, step]],
      resumed.stderr,
    );
    assert.deepEqual(untimed(dir), expected);
    assert.deepEqual(written(), [], 'each checkpoint is removed once its run is saved');
  },
);

test(
  'Ctrl-C saves a checkpoint of the run in flight; the next session continues from it, with the same results',
  { timeout: 600_000 },
  async () => {
    const expected = await uninterrupted();
    const { specFile, dir } = twoTaskStudy();
    // An interval no run reaches: the only checkpoint is the one Ctrl-C asks for.
    const child = withCheckpoints(specFile, '3600');
    const output = finished(child);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    // During the second run: the worker has its job as soon as the first is done.
    while (!events(stderr).some((e) => e.event === 'run-done')) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 1000));
    child.kill('SIGINT');
    const interrupted = await output;
    assert.equal(interrupted.code, 130, interrupted.stderr);
    const saved = events(interrupted.stderr).filter((e) => e.event === 'checkpoint-saved');
    assert.equal(saved.length, 1, interrupted.stderr);
    assert.match(interrupted.stderr, /runs in flight continue from their last checkpoint/);

    const resumed = await finished(withCheckpoints(specFile, '3600'));
    assert.equal(resumed.code, 0, resumed.stderr);
    const resumption = events(resumed.stderr).filter((e) => e.event === 'checkpoint-resumed');
    assert.deepEqual(
      resumption.map((e) => [e.run, e.step]),
      [[saved[0].run, saved[0].step]],
    );
    assert.deepEqual(untimed(dir), expected);
  },
);
