import type { Example } from '../../tasks/task.js';

/** How often each word type of a task's training data carries each label. */
export interface WordLabelCounts {
  /** Label names; counts refer to labels by index. */
  labels: string[];
  /** Per word type (exact token text), its count under each label index. */
  words: Map<string, Map<number, number>>;
  tokens: number;
}

/**
 * Counts labels per word type over labelled examples. A tagging example gives each token its own label; a
 * classification example (one label for the text) gives every token the text's label, so the counts estimate
 * which label a word goes with in either kind of task.
 */
export function wordLabelCounts(examples: readonly Example[]): WordLabelCounts {
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const words = new Map<string, Map<number, number>>();
  let tokens = 0;
  for (const { tokens: text, labels: tags } of examples) {
    text.forEach((word, i) => {
      const label = tags.length === text.length ? tags[i] : tags[0];
      let index = labelIndex.get(label);
      if (index === undefined) {
        index = labels.push(label) - 1;
        labelIndex.set(label, index);
      }
      const counts = words.get(word) ?? new Map<number, number>();
      counts.set(index, (counts.get(index) ?? 0) + 1);
      words.set(word, counts);
      tokens += 1;
    });
  }
  return { labels, words, tokens };
}
