import { Queue } from 'bullmq';
import { TaskrelError } from '../../errors.js';
import { RUN_QUEUE } from './runQueue.js';

/** `url` without its password, for logs and errors. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.href.replace(/\/$/, '');
  } catch {
    return url;
  }
}

/**
 * Checks that `url` is a Redis URL and that the server answers, so that a typo or a firewall is one clear error
 * at start instead of BullMQ reconnecting forever. `flag` names the option in errors, e.g. `taskrel worker --redis`.
 * Resolves to the number of workers connected to the run queue (null where the server does not tell).
 */
export async function checkRedis(url: string, flag: string): Promise<{ workers: number | null }> {
  const shown = shownUrl(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TaskrelError(`${flag} ${shown}: expected a Redis URL such as redis://10.0.0.5:6379`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new TaskrelError(`${flag} ${shown}: expected a redis:// or rediss:// URL, e.g. redis://10.0.0.5:6379`);
  }
  const probe = new Queue(RUN_QUEUE, { connection: { url, retryStrategy: () => null, maxRetriesPerRequest: 0, connectTimeout: 10_000 } });
  probe.on('error', () => undefined);
  try {
    // Ready means connected and the server answered (BullMQ reads its version).
    await probe.waitUntilReady().catch((error: Error) => {
      throw new TaskrelError(`${flag} ${shown}: cannot reach Redis (${error.message})`);
    });
    // Counted from CLIENT LIST, which some hosted Redis services do not allow.
    return { workers: await probe.getWorkersCount().catch(() => null) };
  } finally {
    await probe.close();
  }
}
