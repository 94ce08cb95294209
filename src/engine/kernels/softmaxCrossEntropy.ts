import * as tf from '@tensorflow/tfjs';

/** Gold labels of the rows of a logits matrix, and how much each row counts (0 for padding). */
export interface Targets {
  labels: Int32Array;
  weights: Float32Array;
}

/**
 * Weighted mean softmax cross-entropy, Σ w·(−log softmax(logits)[label]) / Σ w, as one op whose gradient is
 * the closed form (softmax − onehot)·w / Σ w instead of autodiff through log-softmax and a gather (gather is slow
 * on the wasm backend). Rows with weight 0 (padding) contribute neither loss nor gradient.
 */
export function softmaxCrossEntropy(logits: tf.Tensor2D, { labels, weights }: Targets): tf.Scalar {
  const [rows, classes] = logits.shape;
  if (labels.length !== rows || weights.length !== rows) {
    throw new Error(`softmaxCrossEntropy: ${rows} rows of logits but ${labels.length} labels and ${weights.length} weights`);
  }
  let total = 0;
  const onehot = new Float32Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    total += weights[r];
    if (weights[r] === 0) continue;
    if (!(labels[r] >= 0 && labels[r] < classes))
      throw new Error(`softmaxCrossEntropy: label ${labels[r]} of row ${r} not in [0, ${classes})`);
    onehot[r * classes + labels[r]] = 1;
  }
  // Scaling by w / Σw once here makes both the loss and its gradient plain sums.
  const scale = tf.tensor2d(
    weights.map((w) => (total === 0 ? 0 : w / total)),
    [rows, 1],
  );
  const target = tf.tensor2d(onehot, [rows, classes]);
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const x = args[0] as tf.Tensor2D;
    const save = args[1] as tf.GradSaveFunc;
    const logProbabilities = tf.logSoftmax(x);
    save([logProbabilities, target, scale]);
    return {
      value: tf.neg(tf.sum(tf.mul(tf.mul(logProbabilities, target), scale))) as tf.Scalar,
      gradFunc: (dy: tf.Tensor, [saved, savedTarget, savedScale]: tf.Tensor[]) =>
        tf.mul(tf.mul(tf.sub(tf.exp(saved), savedTarget), savedScale), dy),
    };
  });
  const loss = op(logits) as tf.Scalar;
  tf.dispose([scale, target]);
  return loss;
}
