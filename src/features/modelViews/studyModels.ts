import type { RunResult } from '../../study/runResult.js';

/**
 * A model of the study across its seeds: the tasks it was trained on, one (a single-task model) or two (a joint
 * model, one head per task). Its name is the run id without kind and seed: `yelp` or `imdb+yelp`.
 */
export interface StudyModel {
  name: string;
  tasks: string[];
  /** Its runs, one per seed, in seed order. */
  runs: RunResult[];
}

/** The study's runs grouped into models: single-task models first, in `tasks` order, then joint models. */
export function studyModels(runs: readonly RunResult[], tasks: readonly string[]): StudyModel[] {
  const byName = new Map<string, StudyModel>();
  for (const run of [...runs].sort((a, b) => a.seed - b.seed)) {
    const name = run.tasks.join('+');
    const model = byName.get(name) ?? { name, tasks: run.tasks, runs: [] };
    model.runs.push(run);
    byName.set(name, model);
  }
  const order = (model: StudyModel): number[] => [model.tasks.length, ...model.tasks.map((t) => tasks.indexOf(t))];
  return [...byName.values()].sort((a, b) => compareLists(order(a), order(b)));
}

function compareLists(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
