import { type HeadRecorderState, expectState } from './trainingState.js';
import type { BestCheckpoint, HeadResult, Scores } from './trainingResult.js';

/**
 * Builds one head's HeadResult during training: its learning curve (the loss of its first batch, which the
 * untrained model sees, then the mean training loss over each run of `curveEvery` of its batches), its dev
 * evaluations, and its best-dev checkpoint. Without the first point the curve starts after the steepest fall, and
 * the knee k of the fitted L(x) = a·ln(x + k) + b cannot be identified. Test is scored whenever dev F1
 * improves (strictly, so ties keep the earlier step), which gives the test score of the best-dev checkpoint
 * without storing weights.
 */
export class HeadRecorder {
  private batches = 0;
  private lossSum = 0;
  private curve: HeadResult['curve'] = { step: [], loss: [] };
  private dev: HeadResult['dev'] = { step: [], f1: [], accuracy: [] };
  private best: (BestCheckpoint & { dev: Scores }) | null = null;
  /** Dev evaluations since the best one (0 right after an improvement). */
  private sinceBest = 0;

  constructor(private readonly curveEvery: number) {}

  recordLoss(step: number, loss: number): void {
    this.batches++;
    this.lossSum += loss;
    if (this.batches === 1 && this.curveEvery > 1) {
      this.curve.step.push(step);
      this.curve.loss.push(loss);
    }
    if (this.batches % this.curveEvery === 0) {
      this.curve.step.push(step);
      this.curve.loss.push(this.lossSum / this.curveEvery);
      this.lossSum = 0;
    }
  }

  /**
   * Records a dev evaluation; when it is the best so far, also scores test (`scoreTest`) for that checkpoint,
   * and other tasks' test sets (`scoreTransfer`) when given.
   */
  recordDev(step: number, dev: Scores, scoreTest: () => Scores, scoreTransfer?: () => Record<string, Scores>): void {
    this.dev.step.push(step);
    this.dev.f1.push(dev.f1);
    this.dev.accuracy.push(dev.accuracy);
    if (this.best !== null && dev.f1 <= this.best.dev.f1) {
      this.sinceBest++;
      return;
    }
    this.sinceBest = 0;
    this.best = { step, dev, test: scoreTest() };
    if (scoreTransfer !== undefined) this.best.transfer = scoreTransfer();
  }

  /** Whether the last `patience` dev evaluations all failed to improve on the best one. */
  stalled(patience: number): boolean {
    return this.best !== null && this.sinceBest >= patience;
  }

  /** A copy of everything recorded so far, including the running loss sum and the evaluations since the best. */
  state(): HeadRecorderState {
    const { batches, lossSum, sinceBest } = this;
    return structuredClone({ batches, lossSum, curve: this.curve, dev: this.dev, best: this.best, sinceBest });
  }

  restore(state: HeadRecorderState): void {
    const { curve, dev } = state;
    expectState(
      curve.step.length === curve.loss.length && dev.step.length === dev.f1.length && dev.step.length === dev.accuracy.length,
      'a head record with uneven arrays',
    );
    expectState(
      Number.isInteger(state.batches) && Number.isInteger(state.sinceBest),
      'a head record without whole batch and evaluation counts',
    );
    ({ batches: this.batches, lossSum: this.lossSum, sinceBest: this.sinceBest } = state);
    ({ curve: this.curve, dev: this.dev, best: this.best } = structuredClone(state));
  }

  result(): HeadResult {
    if (this.best === null) throw new Error('HeadRecorder: no dev evaluation was recorded');
    return { batches: this.batches, curve: this.curve, dev: this.dev, best: this.best };
  }
}
