import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Timing } from './timing.js';

/** Debian's python3-torch lives under /usr/bin/python3, which a pyenv shim earlier on PATH may hide. */
const PYTHON = '/usr/bin/python3';

const SCRIPT = fileURLToPath(new URL('../../bench/pytorchReference.py', import.meta.url));

/** One thread, BLAS included: torch.set_num_threads(1) does not limit Debian's OpenBLAS. */
const ONE_THREAD = { OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

/** The PyTorch reference (bench/pytorchReference.py) as a long-lived process answering one command at a time. */
export class PytorchProcess {
  private readonly lines: AsyncIterator<string>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  }

  /** The process, or why there is none (no python, no torch). */
  static async start(): Promise<PytorchProcess | string> {
    if (!existsSync(PYTHON)) return `${PYTHON} not found`;
    const child = spawn(PYTHON, [SCRIPT], { env: { ...process.env, ...ONE_THREAD } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // A write to a process that has died fails on its own; ask() reports the exit instead.
    child.stdin.on('error', () => undefined);
    const closed = once(child, 'close').catch(() => undefined);
    const reference = new PytorchProcess(child);
    try {
      await reference.ask('model 8');
      return reference;
    } catch {
      await closed;
      return /No module named .?torch/.test(stderr) ? `torch is not installed for ${PYTHON}` : stderr.trim() || 'it exited';
    }
  }

  async ask(command: string): Promise<string> {
    this.child.stdin.write(`${command}\n`);
    const { value, done } = await this.lines.next();
    if (done === true) throw new Error(`PyTorch reference exited during '${command}'`);
    return value;
  }

  /** Timings of `count` calls of `what` (a training step, or the BiLSTM's forward + backward) of the current model. */
  async run(what: 'step' | 'lstm', count: number): Promise<Timing[]> {
    const pairs = JSON.parse(await this.ask(`${what} ${count}`)) as [number, number][];
    return pairs.map(([wall, cpu]) => ({ wall, cpu }));
  }

  close(): void {
    this.child.stdin.end();
  }
}
