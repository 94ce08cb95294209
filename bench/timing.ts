/** Wall-clock and process-CPU milliseconds of one measured call. */
export interface Timing {
  wall: number;
  cpu: number;
}

export function timed(run: () => void): Timing {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(cpu);
  return { wall: performance.now() - wall, cpu: (user + system) / 1000 };
}

export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

export interface Medians {
  wall: number;
  cpu: number;
}

export function medians(timings: Timing[]): Medians {
  return { wall: median(timings.map((t) => t.wall)), cpu: median(timings.map((t) => t.cpu)) };
}

/** `ours / theirs` as a fixed-width ratio, or a dash without a reference. */
export function ratio(ours: number, theirs: number | undefined): string {
  return theirs === undefined ? '—' : (ours / theirs).toFixed(2);
}
