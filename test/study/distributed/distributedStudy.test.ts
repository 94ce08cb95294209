import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { startTaskrel } from '../../cli/cliTesting.js';
import { excerptStudy, twoTaskStudy } from '../studyTesting.js';
import { startRedisServer } from './redisServer.js';

/** A child process with its output collected as it comes. */
interface Running {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function taskrel(args: string[], detached = false): Running {
  const child = startTaskrel(args, detached);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves with the first match of `pattern` in the process's output; generous timeout, no fixed sleeps. */
async function waitFor(running: Running, pattern: RegExp, timeoutMs = 90_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = running.output().match(pattern);
    if (match) return match;
    if (Date.now() > deadline || running.child.exitCode !== null) {
      throw new Error(`no ${pattern} in the output of taskrel ${running.child.spawnargs.slice(2).join(' ')}:\n${running.output()}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

function runRecords(dir: string): Map<string, Record<string, unknown>> {
  const folder = join(dir, 'runs');
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  return new Map(files.map((f) => [f, JSON.parse(readFileSync(join(folder, f), 'utf8')) as Record<string, unknown>]));
}

function events(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

test(
  'a study on two workers survives one SIGKILLed mid-run: every run done exactly once, gains as a local run',
  { timeout: 240_000 },
  async () => {
    const reference = excerptStudy();
    const local = taskrel(['study', reference.specFile, '--workers', '2']);
    assert.equal(await local.exited, 0, local.output());

    const redis = await startRedisServer();
    const workers: Running[] = [];
    try {
      const study = excerptStudy();
      const worker = (detached: boolean): Running =>
        taskrel(['worker', '--redis', redis.url, '--concurrency', '1', '--lock-timeout', '3'], detached);
      // The victim leads its own process group, so SIGKILL takes its training process too, like a machine dying.
      const victim = worker(true);
      const survivor = worker(false);
      workers.push(victim, survivor);
      await Promise.all([waitFor(victim, /worker ready/), waitFor(survivor, /worker ready/)]);

      const coordinator = taskrel(['study', study.specFile, '--redis', redis.url]);
      const [, trainer, killedRun] = await waitFor(victim, /(\S+) started (\S+)/);
      process.kill(-(victim.child.pid as number), 'SIGKILL');
      await victim.exited;

      assert.equal(await coordinator.exited, 0, coordinator.output());
      const log = events(coordinator.output());
      assert.ok(
        log.some((e) => e.event === 'run-requeued' && e.run === killedRun && e.worker === trainer),
        `the coordinator did not see ${killedRun} leave ${trainer}:\n${coordinator.output()}`,
      );
      const done = log.filter((e) => e.event === 'run-done').map((e) => e.run as string);
      assert.deepEqual([...done].sort(), [...new Set(done)].sort(), 'a run was reported done twice');
      assert.equal(done.length, 6);
      assert.equal(log.filter((e) => e.event === 'run-failed').length, 0);

      const expected = runRecords(reference.dir);
      const actual = runRecords(study.dir);
      assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
      for (const [file, record] of actual) {
        const { seconds: _s, finishedAt: _f, origin, ...rest } = record;
        const { seconds: _s2, finishedAt: _f2, origin: localOrigin, ...same } = expected.get(file) as Record<string, unknown>;
        assert.equal(localOrigin, 'local');
        assert.match(String(origin), /^redis:\S+:\d+$/);
        assert.deepEqual(rest, same, `${file} differs from the local run`);
      }
      assert.notEqual(actual.get(`${killedRun}.json`)?.origin, `redis:${trainer}`, 'the killed worker cannot have delivered its run');
      assert.equal(readFileSync(join(study.dir, 'gains.csv'), 'utf8'), readFileSync(join(reference.dir, 'gains.csv'), 'utf8'));

      survivor.child.kill('SIGINT');
      assert.equal(await survivor.exited, 0, survivor.output());
    } finally {
      for (const { child } of workers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await redis.stop();
    }
  },
);

test(
  'a worker SIGKILLed after a checkpoint: the next worker seeing the study folder continues the run from it, same results',
  { timeout: 600_000 },
  async () => {
    const reference = twoTaskStudy();
    const local = taskrel(['study', reference.specFile, '--workers', '1', '--checkpoint-every', '0']);
    assert.equal(await local.exited, 0, local.output());

    const redis = await startRedisServer();
    const workers: Running[] = [];
    try {
      const study = twoTaskStudy();
      const worker = (detached: boolean): Running =>
        taskrel(['worker', '--redis', redis.url, '--concurrency', '1', '--lock-timeout', '3', '--checkpoint-every', '0.3'], detached);
      const victim = worker(true);
      workers.push(victim);
      await waitFor(victim, /worker ready/);
      const coordinator = taskrel(['study', study.specFile, '--redis', redis.url]);
      // This machine sees the study folder, so the worker's checkpoints go there.
      const checkpoints = join(study.dir, 'checkpoints');
      const written = (): string[] => (existsSync(checkpoints) ? readdirSync(checkpoints).filter((f) => f.endsWith('.ckpt')) : []);
      while (written().length === 0) await new Promise((r) => setTimeout(r, 20));
      process.kill(-(victim.child.pid as number), 'SIGKILL');
      await victim.exited;
      const [file] = written();
      const step = (JSON.parse(readFileSync(join(checkpoints, file), 'latin1').split('\n')[1]) as { step: number }).step;

      const successor = worker(false);
      workers.push(successor);
      assert.equal(await coordinator.exited, 0, coordinator.output());
      const resumed = events(coordinator.output()).filter((e) => e.event === 'checkpoint-resumed');
      assert.deepEqual(
        resumed.map((e) => [e.run, e.step]),
        [[file.replace(/\.ckpt$/, ''), step]],
        coordinator.output(),
      );
      assert.match(successor.output(), new RegExp(`resumed ${file.replace(/\.ckpt$/, '').replace(/[+]/g, '\\+')} at step ${step}`));
      assert.deepEqual(written(), [], 'checkpoints are removed once their runs are saved');

      const expected = runRecords(reference.dir);
      const actual = runRecords(study.dir);
      assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
      for (const [name, record] of actual) {
        const { seconds: _s, finishedAt: _f, origin: _o, ...rest } = record;
        const { seconds: _s2, finishedAt: _f2, origin: _o2, ...same } = expected.get(name) as Record<string, unknown>;
        assert.deepEqual(rest, same, `${name} differs from the uninterrupted local run`);
      }
      successor.child.kill('SIGINT');
      assert.equal(await successor.exited, 0, successor.output());
    } finally {
      for (const { child } of workers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await redis.stop();
    }
  },
);
