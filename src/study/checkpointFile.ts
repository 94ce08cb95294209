import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { writeFileAtomic } from '../shared/atomicWrite.js';
import { TaskrelError } from '../errors.js';
import { FieldReader } from '../validate.js';
import { decodeState, encodeState } from './stateCodec.js';

/** First line of every checkpoint file. */
const MAGIC = 'taskrel checkpoint\n';
const FORMAT = 1;
/** A header is a few hundred bytes; this bounds what peekCheckpoint reads. */
const HEADER_BYTES = 16_384;

/**
 * What a checkpoint says about itself, on its second line as JSON (`head -2 run.ckpt` shows it): which run and
 * settings it belongs to, who wrote it, how far the run was, and the size and checksum of the state after it.
 */
export interface CheckpointHeader {
  format: typeof FORMAT;
  /** The run's id (`pair--a+b--s1`, `affinity`) and spec hash. */
  run: string;
  specHash: string;
  taskrel: string;
  /** runVersions of the process that wrote it, and its platform (`linux-x64`): bit-exact resumption needs both. */
  versions: Record<string, string>;
  platform: string;
  step: number;
  batches: number;
  savedAt: string;
  /** Wall-clock seconds the run had taken when saved, over all its sessions. */
  seconds: number;
  /** The state: `json` bytes of JSON, then its arrays' bytes; `bytes` in all. */
  payload: { bytes: number; json: number; sha256: string };
}

export type CheckpointIdentity = Omit<CheckpointHeader, 'format' | 'payload'>;

/** Writes `state` (see encodeState) atomically and durably under `header`; returns the bytes written. */
export function writeCheckpoint(file: string, identity: CheckpointIdentity, state: unknown): number {
  const { json, arrays } = encodeState(state);
  const chunks = [Buffer.from(json), ...arrays];
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  const bytes = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const { run, specHash, step, batches, savedAt, seconds, taskrel, platform, versions } = identity;
  const payload = { bytes, json: chunks[0].byteLength, sha256: hash.digest('hex') };
  const header: CheckpointHeader = { format: FORMAT, run, specHash, step, batches, savedAt, seconds, taskrel, platform, versions, payload };
  const head = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`);
  writeFileAtomic(file, [head, ...chunks], { durable: true });
  return head.byteLength + bytes;
}

/** A checkpoint file whose header has been read; `state()` checks the payload and decodes it. */
export interface OpenedCheckpoint {
  header: CheckpointHeader;
  state(): unknown;
}

/** Reads a checkpoint's header; a TaskrelError naming the file when it is not a whole, undamaged checkpoint. */
export function openCheckpoint(file: string): OpenedCheckpoint {
  const content = readFileSync(file);
  const { header, end } = readHeader(content, file);
  const payload = content.subarray(end + 1);
  const damaged = (problem: string): TaskrelError => new TaskrelError(`${file}: ${problem}`);
  return {
    header,
    state() {
      if (payload.byteLength !== header.payload.bytes)
        throw damaged(`${payload.byteLength} bytes of state, the header says ${header.payload.bytes} (cut off?)`);
      if (createHash('sha256').update(payload).digest('hex') !== header.payload.sha256)
        throw damaged('the state does not match its checksum (damaged)');
      try {
        return decodeState(payload.subarray(0, header.payload.json).toString('utf8'), payload.subarray(header.payload.json));
      } catch (error) {
        throw damaged(`the state cannot be decoded (${(error as Error).message})`);
      }
    },
  };
}

/** A checkpoint's header alone, read from the file's first bytes (its state unread and unchecked); null when unreadable. */
export function peekCheckpoint(file: string): CheckpointHeader | null {
  try {
    const fd = openSync(file, 'r');
    try {
      const start = Buffer.alloc(HEADER_BYTES);
      return readHeader(start.subarray(0, readSync(fd, start, 0, HEADER_BYTES, 0)), file).header;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/** The header at the start of `content`, and the offset of the newline that ends it. */
function readHeader(content: Buffer, file: string): { header: CheckpointHeader; end: number } {
  const damaged = (problem: string): TaskrelError => new TaskrelError(`${file}: ${problem}`);
  if (content.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw damaged('not a taskrel checkpoint (no header line)');
  const end = content.indexOf(0x0a, MAGIC.length);
  if (end < 0) throw damaged('the header line is cut off');
  let json: unknown;
  try {
    json = JSON.parse(content.subarray(MAGIC.length, end).toString('utf8'));
  } catch (error) {
    throw damaged(`the header is not valid JSON (${(error as Error).message})`);
  }
  return { header: parseCheckpointHeader(json, file), end };
}

/** Validates a checkpoint header (the file's second line). */
export function parseCheckpointHeader(json: unknown, document: string): CheckpointHeader {
  const root = FieldReader.root(json, document);
  const format = root.field('format').integer();
  if (format !== FORMAT) throw root.field('format').fail(`checkpoint format ${FORMAT}`);
  const versions = root.field('versions');
  const payload = root.field('payload');
  return {
    format,
    run: root.field('run').string(),
    specHash: root.field('specHash').string(),
    taskrel: root.field('taskrel').string(),
    versions: Object.fromEntries(Object.keys(versions.object()).map((key) => [key, versions.field(key).string()])),
    platform: root.field('platform').string(),
    step: root.field('step').integer({ min: 1 }),
    batches: root.field('batches').integer({ min: 1 }),
    savedAt: root.field('savedAt').string(),
    seconds: root.field('seconds').number({ min: 0 }),
    payload: {
      bytes: payload.field('bytes').integer({ min: 0 }),
      json: payload.field('json').integer({ min: 0 }),
      sha256: payload.field('sha256').matching(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
    },
  };
}
