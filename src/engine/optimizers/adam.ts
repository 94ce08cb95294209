import { flushTiny, type OptimizerDefinition } from './updateRule.js';

/** Adam (Kingma & Ba) with PyTorch's defaults β₁ 0.9, β₂ 0.999, ε 1e-8 and its bias correction. */
export const adam: OptimizerDefinition = {
  readOptions: (reader) => ({ learningRate: reader.field('learningRate').number({ min: 0, exclusiveMin: true, fallback: 0.001 }) }),
  describe: (config) => `adam, learning rate ${config.learningRate}`,
  create: ({ learningRate }) => ({
    slots: 2,
    update(params, grads, [m, v], step, { starts, width }) {
      const beta1 = 0.9;
      const beta2 = 0.999;
      const stepSize = learningRate / (1 - beta1 ** step);
      const vScale = 1 / Math.sqrt(1 - beta2 ** step);
      for (let r = 0; r < starts.length; r++) {
        for (let k = 0; k < width; k++) {
          const i = starts[r] + k;
          const g = grads[r * width + k];
          const mi = flushTiny(beta1 * m[i] + (1 - beta1) * g);
          const vi = flushTiny(beta2 * v[i] + (1 - beta2) * g * g);
          m[i] = mi;
          v[i] = vi;
          params[i] -= (stepSize * mi) / (Math.sqrt(vi) * vScale + 1e-8);
        }
      }
    },
  }),
};
