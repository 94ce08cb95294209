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

/** A head's best-dev checkpoint: where it was, its dev and test scores. */
export interface BestCheckpoint {
  step: number;
  /** Null only for runs imported with test scores alone (the step that counts then is not a dev choice). */
  dev: Scores | null;
  test: Scores;
  /**
   * Only when transfer tasks were requested: this head's scores on other tasks' test sets (same label set) at
   * this checkpoint, by task name. The head itself never trained on them; in a joint model the shared layers may
   * have, through another head.
   */
  transfer?: Record<string, Scores>;
}

/** One head's record: its learning curve, dev evaluations and the test scores of its best-dev checkpoint. */
export interface HeadResult {
  /** Batches of this task drawn during training. */
  batches: number;
  curve: Curve;
  dev: DevCurve;
  best: BestCheckpoint;
}

/**
 * What each input word feeds into the first hidden layer, at the end of training (the final weights, as the
 * GumGum blog reads them): per row of the input vocabulary (index = word id), the sum of the word's weights
 * into the hidden units and the sum of their absolute values.
 */
export interface InputImportance {
  sum: number[];
  absSum: number[];
}

/** Why a run ended before its budget: no head's dev score improved for `patience` evaluations up to `step`. */
export interface EarlyStop {
  step: number;
  patience: number;
}

export interface TrainingResult {
  backend: string;
  /** Batches trained: the budget, or fewer when the run stopped early. */
  batches: number;
  /** Only when the run stopped before its budget (TrainRequest.patience). */
  earlyStop?: EarlyStop;
  seconds: number;
  heads: Record<string, HeadResult>;
  /** Only when requested (TrainRequest.inputImportance). */
  inputImportance?: InputImportance;
}
