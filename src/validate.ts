import { TaskrelError } from './errors.js';

/**
 * Reads untrusted JSON (study specs, task specs, stored records) field by field. Every failure names the
 * document and the dotted field path, says what was expected and what was found — one line a person can act on.
 */
export class FieldReader {
  constructor(
    readonly value: unknown,
    /** Dotted path of this value inside the document, e.g. `model.hiddenDim`. */
    readonly path: string,
    /** The document: a file path or a description such as `study spec`. */
    readonly document: string,
  ) {}

  static root(value: unknown, document: string): FieldReader {
    return new FieldReader(value, '', document);
  }

  get present(): boolean {
    return this.value !== undefined;
  }

  fail(expected: string): TaskrelError {
    const where = this.path === '' ? this.document : `${this.document}: ${this.path}`;
    return new TaskrelError(`${where}: expected ${expected}, got ${describe(this.value)}`);
  }

  /** A child field. Fields of an absent object are absent too, so optional sections fall back to defaults. */
  field(key: string): FieldReader {
    const value = this.value === undefined ? undefined : this.object()[key];
    return new FieldReader(value, this.path === '' ? key : `${this.path}.${key}`, this.document);
  }

  object(): Record<string, unknown> {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) throw this.fail('an object');
    return this.value as Record<string, unknown>;
  }

  /** Rejects keys outside `allowed`, suggesting the closest allowed key for typos. */
  onlyKeys(allowed: readonly string[]): this {
    if (this.value === undefined) return this;
    for (const key of Object.keys(this.object())) {
      if (allowed.includes(key)) continue;
      const where = this.path === '' ? key : `${this.path}.${key}`;
      const hint = closest(key, allowed);
      throw new TaskrelError(
        `${this.document}: ${where}: unknown field${hint ? ` (did you mean '${hint}'?)` : ''}; allowed: ${allowed.join(', ')}`,
      );
    }
    return this;
  }

  string(fallback?: string): string {
    if (this.value === undefined && fallback !== undefined) return fallback;
    if (typeof this.value !== 'string' || this.value.length === 0) throw this.fail('a non-empty string');
    return this.value;
  }

  /** Any string, empty included (free text such as a description). */
  text(fallback: string): string {
    if (this.value === undefined) return fallback;
    if (typeof this.value !== 'string') throw this.fail('a string');
    return this.value;
  }

  matching(pattern: RegExp, expected: string, fallback?: string): string {
    const text = this.string(fallback);
    if (!pattern.test(text)) throw this.fail(expected);
    return text;
  }

  number(options: { min?: number; max?: number; fallback?: number; exclusiveMin?: boolean } = {}): number {
    if (this.value === undefined && options.fallback !== undefined) return options.fallback;
    const { min, max, exclusiveMin } = options;
    const range = (min === undefined ? '' : exclusiveMin ? ` > ${min}` : ` ≥ ${min}`) + (max === undefined ? '' : ` ≤ ${max}`);
    const value = this.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw this.fail(`a number${range}`);
    if (min !== undefined && (exclusiveMin ? value <= min : value < min)) throw this.fail(`a number${range}`);
    if (max !== undefined && value > max) throw this.fail(`a number${range}`);
    return value;
  }

  integer(options: { min?: number; max?: number; fallback?: number } = {}): number {
    if (this.value === undefined && options.fallback !== undefined) return options.fallback;
    const { min, max } = options;
    const range = (min === undefined ? '' : ` ≥ ${min}`) + (max === undefined ? '' : ` ≤ ${max}`);
    const value = this.value;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw this.fail(`an integer${range}`);
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) throw this.fail(`an integer${range}`);
    return value;
  }

  boolean(fallback?: boolean): boolean {
    if (this.value === undefined && fallback !== undefined) return fallback;
    if (typeof this.value !== 'boolean') throw this.fail('true or false');
    return this.value;
  }

  oneOf<T extends string>(values: readonly T[], fallback?: T): T {
    if (this.value === undefined && fallback !== undefined) return fallback;
    if (typeof this.value !== 'string' || !(values as readonly string[]).includes(this.value)) {
      throw this.fail(`one of ${values.map((v) => `'${v}'`).join(', ')}`);
    }
    return this.value as T;
  }

  /** Items of a non-empty (unless allowEmpty) array, each as a reader with an indexed path. */
  items(options: { allowEmpty?: boolean } = {}): FieldReader[] {
    if (!Array.isArray(this.value)) throw this.fail('an array');
    if (this.value.length === 0 && !options.allowEmpty) throw this.fail('a non-empty array');
    return this.value.map((item, i) => new FieldReader(item, `${this.path}[${i}]`, this.document));
  }

  numbers(): number[] {
    return this.items({ allowEmpty: true }).map((item) => item.number());
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The candidate nearest to `key` by edit distance (case-insensitive), if near enough to be a typo of it. */
export function closest(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
