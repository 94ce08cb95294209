import { TaskrelError } from '../errors.js';
import { brownPosTask } from './brownTask.js';
import { chunkLabels } from './chunks.js';
import { discourseRelationLabels } from './discourseRelations.js';
import { entityTypeLabels, informationStatusLabels, wikiLinkLabels } from './entityTasks.js';
import { headDistanceLabels } from './headDistance.js';
import { mweLabels } from './multiwordExpressions.js';
import { sentimentTask } from './sentimentTasks.js';
import type { BuiltinTask } from './taskRecipe.js';
import { treebankRecipe, type SentenceLabeller, type TreebankTaskDefinition } from './treebankTasks.js';

function treebankTask(definition: TreebankTaskDefinition): BuiltinTask {
  return { name: definition.name, kind: 'tagging', description: definition.description, recipe: () => treebankRecipe(definition) };
}

/** An EWT task; `outside` is `O` for BIO tasks, null when every label counts. */
function ewt(name: string, derivation: string, outside: string | null, label: SentenceLabeller, description: string): BuiltinTask {
  return treebankTask({ name, treebank: 'en_ewt', derivation, outside, label, description });
}

function gum(name: string, derivation: string, label: SentenceLabeller, description: string): BuiltinTask {
  return treebankTask({ name, treebank: 'en_gum', derivation, outside: 'O', label, description });
}

const column =
  (key: 'upos' | 'xpos' | 'feats' | 'deprel'): SentenceLabeller =>
  (sentence) =>
    sentence.words.map((word) => word[key]);

/** The built-in tasks, in listing order. Bump a derivation's version whenever its labels change. */
export const builtinTasks: readonly BuiltinTask[] = [
  ewt('ewt-upos', 'column:upos/1', null, column('upos'), 'Universal POS tag of each word (gold UPOS).'),
  ewt('ewt-xpos', 'column:xpos/1', null, column('xpos'), 'Penn Treebank tag of each word (gold XPOS).'),
  ewt(
    'ewt-feats',
    'column:feats/1',
    null,
    column('feats'),
    'Morphological features of each word as one tag (Number=Sing, Mood=Ind|Tense=Past|VerbForm=Fin, _ for none; gold UFeats).',
  ),
  ewt(
    'ewt-deprel',
    'column:deprel/1',
    null,
    column('deprel'),
    'Dependency relation of each word to its head, subtypes kept (nmod:poss); gold, a supertagging-like task.',
  ),
  ewt(
    'ewt-head',
    'head-distance/1',
    null,
    (s, file) => headDistanceLabels(s.words, file),
    'Signed distance head - position, bucketed -5..+5, <=-6, >=+6, ROOT; derived from gold trees.',
  ),
  ewt(
    'ewt-chunk',
    'chunk/1',
    'O',
    (s, file) => chunkLabels(s.words, file),
    'BIO chunks (NP VP PP ADJP ADVP SBAR PRT INTJ) derived from gold trees by head rules; CoNLL-2000-like, not gold CoNLL-2000.',
  ),
  ewt(
    'ewt-mwe',
    'mwe/1',
    'O',
    (s, file) => mweLabels(s.words, file),
    'BIO multiword expressions typed fixed/flat/compound, derived from those gold relations (compound:prt excluded).',
  ),
  gum(
    'gum-ner',
    'entity-type/1',
    entityTypeLabels,
    'BIO entity types (person, place, abstract, … 10 types) of the outermost gold Entity= mentions (full noun phrases).',
  ),
  gum(
    'gum-wiki',
    'wiki-link/1',
    wikiLinkLabels,
    'BIO spans of gold mentions linked to Wikipedia (outermost linked ones); hyperlink-detection-like.',
  ),
  gum(
    'gum-infstat',
    'infstat/1',
    informationStatusLabels,
    'BIO information status (new, giv:act, giv:inact, acc:inf, acc:com, acc:aggr, undefined) of the outermost gold mentions.',
  ),
  gum(
    'gum-discourse',
    'discourse-relation/1',
    (s, file) => discourseRelationLabels(s.words, file),
    'Coarse RST relation (16: joint, elaboration, …, same-unit, root) on the first token of each discourse unit, O elsewhere; gold GUM RST.',
  ),
  brownPosTask,
  sentimentTask('yelp', 'Yelp'),
  sentimentTask('imdb', 'IMDB'),
  sentimentTask('amazon', 'Amazon'),
];

export function builtinTask(name: string): BuiltinTask | undefined {
  return builtinTasks.find((task) => task.name === name);
}

export function requireBuiltinTask(name: string): BuiltinTask {
  const task = builtinTask(name);
  if (task) return task;
  throw new TaskrelError(
    `unknown task '${name}'; expected a built-in task (${builtinTasks.map((t) => t.name).join(', ')}) or a task spec .json file`,
  );
}
