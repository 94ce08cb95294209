/** A model as the model-view charts name it: `yelp alone` or `imdb + yelp` (joint). */
export function modelLabel(tasks: readonly string[]): string {
  return tasks.length === 1 ? `${tasks[0]} alone` : tasks.join(' + ');
}

/** The same from a model's name (its tasks joined by `+`, as in run ids). */
export function modelLabelOf(name: string): string {
  return modelLabel(name.split('+'));
}
