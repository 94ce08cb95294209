import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The installed command, as users run it. */
export const bin = fileURLToPath(new URL('../../../bin/taskrel.js', import.meta.url));

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `taskrel ARGS…` in a child process; `detached` puts it in its own process group (to kill it whole), `cwd`
 * is its working directory.
 */
export function startTaskrel(args: string[], detached = false, cwd?: string): ChildProcess {
  return spawn(process.execPath, [bin, ...args], { detached, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Collects a started command's output and exit code. */
export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

export function taskrel(args: string[]): Promise<Finished> {
  return finished(startTaskrel(args));
}
