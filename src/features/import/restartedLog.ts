/** One logged value of a series (a head's loss, or one metric of a head) and the line it came from. */
export interface LoggedPoint<T> {
  step: number;
  value: T;
  line: number;
}

/** Where a series' steps went back: from `from` to `to` on `line`, replacing `replaced` earlier points. */
export interface Restart {
  from: number;
  to: number;
  line: number;
  replaced: number;
}

/**
 * A series as logged, with restarts resolved: where the steps go back (a run restarted from scratch, or resumed
 * from a checkpoint), the later attempt replaces every earlier point from its first step on, and the earlier
 * points before it stay. Points come out in increasing step order.
 */
export function resolveRestarts<T>(logged: readonly LoggedPoint<T>[]): { points: LoggedPoint<T>[]; restarts: Restart[] } {
  let points: LoggedPoint<T>[] = [];
  const restarts: Restart[] = [];
  for (const point of logged) {
    const last = points.at(-1);
    if (last !== undefined && point.step <= last.step) {
      const kept = points.filter((p) => p.step < point.step);
      restarts.push({ from: last.step, to: point.step, line: point.line, replaced: points.length - kept.length });
      points = kept;
    }
    points.push(point);
  }
  return { points, restarts };
}

/** "run r1 (pos): its steps go back from 100 to 10 on curves.csv line 23, …" for a run's restarted series. */
export function restartNote(file: string, run: string, series: readonly { name: string; restarts: Restart[] }[]): string | undefined {
  const parts = series.flatMap(({ name, restarts }) =>
    restarts.map(
      (r) =>
        `${name}: from step ${r.from} back to ${r.to} on line ${r.line}, replacing ${r.replaced} earlier point${r.replaced === 1 ? '' : 's'}`,
    ),
  );
  if (parts.length === 0) return undefined;
  return `run ${run}: ${file} steps go back (${parts.join('; ')}): a restarted run, whose last attempt counts`;
}
