import { flushTiny, type OptimizerDefinition } from './updateRule.js';

/** Adadelta (Zeiler 2012), the paper's optimiser, with ρ 0.95 and ε 1e-6 (Keras' and DyNet's defaults). */
export const adadelta: OptimizerDefinition = {
  readOptions: (reader) => ({ learningRate: reader.field('learningRate').number({ min: 0, exclusiveMin: true, fallback: 0.1 }) }),
  describe: (config) => `adadelta, learning rate ${config.learningRate}`,
  create: ({ learningRate }) => ({
    slots: 2,
    update(params, grads, [squaredGrads, squaredUpdates], _step, { starts, width }) {
      const rho = 0.95;
      const epsilon = 1e-6;
      for (let r = 0; r < starts.length; r++) {
        for (let k = 0; k < width; k++) {
          const i = starts[r] + k;
          const g = grads[r * width + k];
          const gradAverage = flushTiny(rho * squaredGrads[i] + (1 - rho) * g * g);
          const update = (Math.sqrt(squaredUpdates[i] + epsilon) / Math.sqrt(gradAverage + epsilon)) * g;
          squaredGrads[i] = gradAverage;
          squaredUpdates[i] = flushTiny(rho * squaredUpdates[i] + (1 - rho) * update * update);
          params[i] -= learningRate * update;
        }
      }
    },
  }),
};
