import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';

const SCRIPT = fileURLToPath(new URL('../../bench/pytorchReference.py', import.meta.url));

/** The PyTorch reference (bench/pytorchReference.py) as a long-lived process answering one command at a time. */
export class PytorchProcess {
  private readonly lines: AsyncIterator<string>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  }

  /** The process, or why there is none (no python, no torch). */
  static async start(): Promise<PytorchProcess | string> {
    if (!existsSync(PYTHON)) return `${PYTHON} not found`;
    const child = spawn(PYTHON, [SCRIPT]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
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

  /** Milliseconds of each of `count` training batches of the current model. */
  async run(count: number): Promise<number[]> {
    return JSON.parse(await this.ask(`run ${count}`)) as number[];
  }

  close(): void {
    this.child.stdin.end();
  }
}
