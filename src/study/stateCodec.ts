/** Typed arrays a state may hold; each is stored as its raw bytes. */
const ArrayTypes = { Float32Array, Float64Array, Int32Array } as const;
type ArrayTypeName = keyof typeof ArrayTypes;
type StoredArray = InstanceType<(typeof ArrayTypes)[ArrayTypeName]>;

/** A state as JSON text (numbers exact) plus the bytes of its typed arrays, which the JSON refers to by offset. */
export interface EncodedState {
  json: string;
  arrays: Uint8Array[];
}

/**
 * Encodes a tree of plain objects, arrays, strings, booleans, null, numbers and typed arrays so that decoding
 * gives back the same values bit for bit. Typed arrays go out as raw bytes in this machine's byte order (a
 * megabyte-sized parameter as JSON would be ~3× larger and ~30× slower to write and read); numbers JSON cannot
 * carry (NaN, ±Infinity, −0, e.g. the loss of a diverged run) go as tagged strings; finite doubles are exact in
 * JSON already (shortest round-trip form).
 */
export function encodeState(state: unknown): EncodedState {
  const arrays: Uint8Array[] = [];
  let offset = 0;
  const tags = new WeakSet<object>();
  const tag = <T extends object>(object: T): T => {
    tags.add(object);
    return object;
  };
  const json = JSON.stringify(state, function (this: object, key: string, value: unknown) {
    if (key.startsWith('$') && !tags.has(this)) throw new Error(`encodeState: key '${key}' is reserved`);
    if (typeof value === 'number')
      return Number.isFinite(value) && !Object.is(value, -0) ? value : tag({ $number: Object.is(value, -0) ? '-0' : String(value) });
    const type = typedArrayName(value);
    if (type === undefined) return value;
    const array = value as StoredArray;
    arrays.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    offset += array.byteLength;
    return tag({ $array: type, offset: offset - array.byteLength, length: array.length });
  });
  return { json, arrays };
}

/** The inverse of encodeState: `bytes` are the arrays' bytes one after another. Throws on references out of range. */
export function decodeState(json: string, bytes: Uint8Array): unknown {
  return JSON.parse(json, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const tagged = value as { $number?: string; $array?: string; offset?: number; length?: number };
    if (tagged.$number !== undefined) return tagged.$number === '-0' ? -0 : Number(tagged.$number);
    if (tagged.$array === undefined) return value;
    const Type = ArrayTypes[tagged.$array as ArrayTypeName];
    const { offset = -1, length = -1 } = tagged;
    const end = offset + length * (Type?.BYTES_PER_ELEMENT ?? 0);
    if (Type === undefined || !Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || end > bytes.length) {
      throw new Error(`an array reference ${JSON.stringify(value)} outside the ${bytes.length} bytes stored`);
    }
    // A copy with a buffer of its own, aligned for its element type (a Node Buffer's slice would be a view).
    return new Type(new Uint8Array(bytes.subarray(offset, end)).buffer);
  });
}

function typedArrayName(value: unknown): ArrayTypeName | undefined {
  if (!ArrayBuffer.isView(value)) return undefined;
  for (const [name, Type] of Object.entries(ArrayTypes)) if (value instanceof Type) return name as ArrayTypeName;
  throw new Error(`encodeState: cannot store a ${value.constructor.name}`);
}
