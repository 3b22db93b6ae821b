// A strict protobuf decoder driven by the generated descriptors, so proto/export.proto stays the one
// source of field numbers and types. It returns plain objects (field local name → value; absent
// fields are absent) and rejects what protobuf-es's lenient fromBinary lets through: a known field with
// the wrong wire type, an unknown value of a closed enum, a 64-bit value beyond 2^53, too many elements.
// Used for export files and for the venue check-in messages (proto/checkin.proto).

import { type DescField, type DescMessage, ScalarType } from '@bufbuild/protobuf';
import { ProtocolError } from '../errors.js';
import { WireReader } from './wire-reader.js';
import { Wire } from './wire-writer.js';

/** A decoded message: local field name → value (nested messages are PlainMessages too). */
export type PlainMessage = { readonly [localName: string]: unknown };

/** Most elements of each repeated field, by local name (e.g. `keys`); unlisted fields: no limit. */
export type RepeatedLimits = Readonly<Record<string, number>>;

interface FieldReader {
  readonly field: DescField;
  readonly wireType: number;
  readonly read: (reader: WireReader, limits: RepeatedLimits) => unknown;
}

const tables = new WeakMap<DescMessage, Map<number, FieldReader>>();

/** Decodes `bytes` as `schema`; throws ProtocolError (`export_truncated`, `export_malformed`…). */
export function decodeMessage(
  schema: DescMessage,
  bytes: Uint8Array,
  limits: RepeatedLimits = {},
): PlainMessage {
  const table = fieldTable(schema);
  const reader = new WireReader(bytes, schema.name);
  const out: Record<string, unknown> = {};
  while (!reader.done) {
    const [fieldNo, wireType] = reader.tag();
    const entry = table.get(fieldNo);
    if (entry === undefined) {
      reader.skip(fieldNo, wireType);
      continue;
    }
    const { field } = entry;
    if (wireType !== entry.wireType) {
      throw new ProtocolError(
        'export_malformed',
        `${schema.name}.${field.name} (field ${fieldNo}) has wire type ${wireType}, expected ${entry.wireType}`,
      );
    }
    const value = entry.read(reader, limits);
    if (field.fieldKind !== 'list') {
      const previous = out[field.localName];
      // A message field given twice is merged, as every protobuf parser does; a scalar: the last wins.
      out[field.localName] =
        field.fieldKind === 'message' && previous !== undefined
          ? mergeMessages(previous as PlainMessage, value as PlainMessage)
          : value;
      continue;
    }
    const list = (out[field.localName] ?? []) as unknown[];
    const max = limits[field.localName];
    if (max !== undefined && list.length >= max) {
      throw new ProtocolError('export_too_large', `${schema.name} has more than ${max} ${field.name}`);
    }
    list.push(value);
    out[field.localName] = list;
  }
  return out;
}

function mergeMessages(into: PlainMessage, from: PlainMessage): PlainMessage {
  const out: Record<string, unknown> = { ...into };
  for (const [name, value] of Object.entries(from)) {
    const old = out[name];
    if (Array.isArray(old) && Array.isArray(value)) out[name] = [...old, ...value];
    else if (isMessage(old) && isMessage(value)) out[name] = mergeMessages(old, value);
    else out[name] = value;
  }
  return out;
}

function isMessage(value: unknown): value is PlainMessage {
  return (
    typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && !Array.isArray(value)
  );
}

function fieldTable(schema: DescMessage): Map<number, FieldReader> {
  let table = tables.get(schema);
  if (table === undefined) {
    table = new Map(schema.fields.map((field) => [field.number, fieldReader(field)]));
    tables.set(schema, table);
  }
  return table;
}

function fieldReader(field: DescField): FieldReader {
  const name = field.name;
  const message = field.message;
  if (message !== undefined) {
    return { field, wireType: Wire.LEN, read: (r, limits) => decodeMessage(message, r.bytes(), limits) };
  }
  const values = field.enum?.values;
  if (values !== undefined) {
    const known = new Set(values.map((v) => v.number));
    // proto3 enums are open: a value added after this schema is kept, not refused.
    const open = field.enum?.open === true;
    const read = (r: WireReader) => {
      const value = r.int32(name);
      if (!open && !known.has(value))
        throw new ProtocolError('export_invalid_enum', `${name} has the unknown value ${value}`);
      return value;
    };
    return { field, wireType: Wire.VARINT, read };
  }
  switch (field.scalar) {
    case ScalarType.FIXED64:
      return { field, wireType: Wire.I64, read: (r) => r.fixed64(name) };
    case ScalarType.INT32:
      return { field, wireType: Wire.VARINT, read: (r) => r.int32(name) };
    case ScalarType.UINT32:
      return { field, wireType: Wire.VARINT, read: (r) => r.uint32(name) };
    case ScalarType.UINT64:
      return { field, wireType: Wire.VARINT, read: (r) => r.uint64(name) };
    case ScalarType.SINT32:
      return { field, wireType: Wire.VARINT, read: (r) => r.sint32(name) };
    case ScalarType.STRING:
      return { field, wireType: Wire.LEN, read: (r) => r.string(name) };
    case ScalarType.BYTES:
      return { field, wireType: Wire.LEN, read: (r) => r.bytes().slice() };
    default:
      throw new ProtocolError(
        'export_unsupported',
        `${name}: scalar type ${field.scalar} is not read by this decoder`,
      );
  }
}
