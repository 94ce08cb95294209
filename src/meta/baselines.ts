/** Scores of predictors that ignore the features, to beat before a meta-model means anything. */
export interface Baselines {
  /** Accuracy of always predicting "no gain" (the paper's majority baseline when most pairs do not gain). */
  alwaysNoGainAccuracy: number;
  /** F1 of "gain" when always predicting "gain": 2P / (2P + N); null when no pair gained. */
  alwaysGainF1: number | null;
  /** Accuracy of always predicting whichever class is more common. */
  majorityAccuracy: number;
}

export function baselines(labels: readonly (0 | 1)[]): Baselines {
  const gains = labels.filter((l) => l === 1).length;
  const noGains = labels.length - gains;
  return {
    alwaysNoGainAccuracy: noGains / labels.length,
    alwaysGainF1: gains === 0 ? null : (2 * gains) / (2 * gains + noGains),
    majorityAccuracy: Math.max(gains, noGains) / labels.length,
  };
}
