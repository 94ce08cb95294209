import type { TaskFeatures } from './taskFeatures.js';

/**
 * Statements about absent task features for meta.json's notes, one per reason and set of tasks:
 * "chunk, ner lack labels, oov_rate: not given in task_features.csv".
 */
export function missingFeatureNotes(features: readonly TaskFeatures[]): string[] {
  const tasksOf = new Map<string, { feature: string; reason: string; tasks: string[] }>();
  for (const f of features) {
    for (const [feature, reason] of Object.entries(f.missing)) {
      const key = `${feature}\u0000${reason}`;
      const entry = tasksOf.get(key) ?? { feature, reason, tasks: [] };
      entry.tasks.push(f.task);
      tasksOf.set(key, entry);
    }
  }
  const notes = new Map<string, { tasks: string[]; reason: string; features: string[] }>();
  for (const { feature, reason, tasks } of tasksOf.values()) {
    const key = `${tasks.join('\u0000')}\u0001${reason}`;
    const note = notes.get(key) ?? { tasks, reason, features: [] };
    note.features.push(feature);
    notes.set(key, note);
  }
  return [...notes.values()].map(
    ({ tasks, reason, features: names }) => `${tasks.join(', ')} ${tasks.length === 1 ? 'lacks' : 'lack'} ${names.join(', ')}: ${reason}`,
  );
}
