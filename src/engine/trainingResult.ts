/** Scores of one head on one split. `f1` is micro-F1 over non-outside labels (accuracy when no outside label). */
export interface Scores {
  f1: number;
  accuracy: number;
}

export interface Curve {
  /** Global training step at which each point was recorded. */
  step: number[];
  loss: number[];
}

export interface DevCurve {
  step: number[];
  f1: number[];
  accuracy: number[];
}

/** One head's record: its learning curve, dev evaluations and the test scores of its best-dev checkpoint. */
export interface HeadResult {
  /** Batches of this task drawn during training. */
  batches: number;
  curve: Curve;
  dev: DevCurve;
  best: { step: number; dev: Scores; test: Scores };
}

export interface TrainingResult {
  backend: string;
  batches: number;
  seconds: number;
  heads: Record<string, HeadResult>;
}
