import type { ModelConfig } from '../trainRequest.js';
import { classifierDefinition } from './classifier.js';
import type { ModelDefinition } from './model.js';
import { taggerDefinition } from './tagger.js';

type Definitions = { [K in ModelConfig['type']]: ModelDefinition<Extract<ModelConfig, { type: K }>> };

/**
 * Every model type by its config's `type`: the spec reads a model's options, the engine builds it and the report
 * describes it through this table alone. Adding one means one file and one line here.
 */
export const modelTypes: Definitions = {
  tagger: taggerDefinition,
  classifier: classifierDefinition,
};

/** The model types a spec may give, in registry order. */
export const modelTypeNames = (): ModelConfig['type'][] => Object.keys(modelTypes) as ModelConfig['type'][];

export function modelDefinition(config: ModelConfig): ModelDefinition<ModelConfig> {
  // The mapped type pairs each `type` with its config; TypeScript cannot follow that through an index.
  return modelTypes[config.type] as ModelDefinition<ModelConfig>;
}
