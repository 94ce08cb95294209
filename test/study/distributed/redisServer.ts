import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { temporaryDirectory } from '../../data/testFiles.js';

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

const READY = /Ready to accept connections/;

/**
 * Starts a real redis-server (Debian's, installed by .ci/run) on 127.0.0.1 on a free port, in a fresh temporary
 * folder, without persistence. The server is killed with the test process if `stop` is never reached.
 */
export async function startRedisServer(): Promise<RedisServer> {
  let lastError: unknown;
  // Another process may take the free port before redis-server binds it: try a few ports.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      return await launch(port);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function launch(port: number): Promise<RedisServer> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', temporaryDirectory(), '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.on('exit', killOnExit);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (data: Buffer): void => {
      output += data.toString();
      if (READY.test(output)) {
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (data: Buffer) => {
      output += data.toString();
    });
    child.once('error', (error) =>
      reject(new Error(`cannot start redis-server (${error.message}); install it: apt-get install redis-server`)),
    );
    child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code}:\n${output}`)));
  });
  // Keep draining its log so a full pipe never blocks the server.
  child.stdout.resume();
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      process.off('exit', killOnExit);
      await stopProcess(child);
    },
  };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
