import assert from 'node:assert/strict';
import test from 'node:test';
import { checkRedis, shownUrl } from '../../../src/study/distributed/redisUrl.js';
import { startRedisServer } from './redisServer.js';

test('Redis URLs are shown without their password', () => {
  assert.equal(shownUrl('redis://:s3cret@10.0.0.5:6379'), 'redis://:***@10.0.0.5:6379');
  assert.equal(shownUrl('redis://user:pw@host:6380/2'), 'redis://user:***@host:6380/2');
  assert.equal(shownUrl('redis://127.0.0.1:6379'), 'redis://127.0.0.1:6379');
});

test(
  'checkRedis: a wrong URL or an unreachable server is one clear error; a live server counts its workers',
  { timeout: 60_000 },
  async () => {
    await assert.rejects(
      checkRedis('http://10.0.0.5:6379', '--redis'),
      /^TaskrelError: --redis http:\/\/10\.0\.0\.5:6379: expected a redis:\/\/ or rediss:\/\/ URL/,
    );
    await assert.rejects(
      checkRedis('10.0.0.5:6379', '--redis'),
      /^TaskrelError: --redis 10\.0\.0\.5:6379: expected a Redis URL such as redis:\/\/10\.0\.0\.5:6379$/,
    );
    const redis = await startRedisServer();
    const url = redis.url;
    try {
      assert.deepEqual(await checkRedis(url, '--redis'), { workers: 0 });
    } finally {
      await redis.stop();
    }
    const passwordUrl = url.replace('redis://', 'redis://:s3cret@');
    await assert.rejects(
      checkRedis(passwordUrl, '--redis'),
      /^TaskrelError: --redis redis:\/\/:\*\*\*@127\.0\.0\.1:\d+: cannot reach Redis \(connect ECONNREFUSED/,
    );
  },
);
