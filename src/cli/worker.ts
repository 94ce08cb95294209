import { availableParallelism } from 'node:os';
import { TaskrelError } from '../errors.js';
import { checkRedis, shownUrl } from '../study/distributed/redisUrl.js';
import { RunWorker } from '../study/distributed/runWorker.js';
import { RUN_QUEUE } from '../study/distributed/runQueue.js';
import { ownCheckpointRoot, pruneOwnCheckpoints } from '../study/distributed/workerCheckpoints.js';
import { checkpointEveryFlag, checkpointHelp } from './checkpointFlag.js';
import type { Command } from './command.js';
import { integerFlag, parseFlags } from './parseFlags.js';

const help = `usage: taskrel worker --redis URL [--concurrency N] [--lock-timeout SECONDS] [--checkpoint-every S]

Trains the runs of studies started elsewhere with 'taskrel study SPEC.json --redis URL', each run in its own
process, and hands the results back through Redis, until stopped. Ctrl-C puts the runs in progress back in the
queue, where other workers take them over, and saves a checkpoint of each.

Checkpoints go into the study folder when this machine sees it at the coordinator's path (the coordinator runs
here, or the folder is on a shared disk): any worker that sees it continues the run from there. Otherwise they stay
on this machine, in ${ownCheckpointRoot()}: a worker restarted here continues its own runs, a run taken
over by another machine restarts from step 0.

A worker refuses (fails with a clear message) a run planned by another taskrel version or over task data that
differ from its own: built-in tasks need only the same taskrel install; tasks declared by files need the same
files at the same paths on every machine (a shared mount, or a copy).

options:
  --redis URL             the Redis server the study's coordinator uses, e.g. redis://10.0.0.5:6379
  --concurrency N         runs trained at once (default: one per core, ${availableParallelism()} here)
  --lock-timeout SECONDS  a worker silent this long (killed, frozen, cut off) loses its runs to the other workers
                          (default 30); use the same value on every machine
${checkpointHelp(26)}

example:
  taskrel worker --redis redis://10.0.0.5:6379 --concurrency 4`;

export const workerCommand: Command = {
  name: 'worker',
  summary: 'train runs of distributed studies (taskrel study --redis) on this machine',
  help,
  async run(argv) {
    const { positionals, values } = parseFlags('worker', argv, {
      redis: { type: 'string' },
      concurrency: { type: 'string' },
      'lock-timeout': { type: 'string' },
      'checkpoint-every': { type: 'string' },
    });
    if (positionals.length > 0)
      throw new TaskrelError(`taskrel worker: unexpected '${positionals[0]}'; expected only options (see taskrel worker --help)`);
    if (values.redis === undefined)
      throw new TaskrelError('taskrel worker: missing --redis URL; expected e.g. taskrel worker --redis redis://10.0.0.5:6379');
    const concurrency = integerFlag('worker', 'concurrency', values.concurrency, { fallback: availableParallelism() });
    const lockSeconds = integerFlag('worker', 'lock-timeout', values['lock-timeout'], { fallback: 30 });
    const checkpointEvery = checkpointEveryFlag('worker', values['checkpoint-every']);
    await checkRedis(values.redis, 'taskrel worker --redis');

    const log = (line: string): void => void process.stdout.write(`${new Date().toISOString()} ${line}\n`);
    const pruned = pruneOwnCheckpoints();
    if (pruned > 0)
      log(`removed ${pruned} checkpoint(s) older than a week from ${ownCheckpointRoot()} (their runs were finished elsewhere)`);
    const worker = new RunWorker({ url: values.redis, concurrency, lockMs: lockSeconds * 1000, checkpointEvery, log });
    const stopped = new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    await worker.ready();
    log(`worker ready: queue ${RUN_QUEUE} on ${shownUrl(values.redis)}, ${concurrency} run(s) at once; Ctrl-C to stop`);
    const signal = await stopped;
    log(`${signal}: handing the runs in progress back to the queue and stopping`);
    await worker.stop();
    return 0;
  },
};
