// A strict protobuf decoder driven by the generated descriptors (so proto/export.proto stays the one
// source of field numbers and types). protobuf-es's own fromBinary is lenient in ways an export parser
// must not be: it reads a known field whatever its wire type, lets a sub-message's fields run past the
// sub-message's length, and turns an unknown closed-enum value into an unknown field. See
// docs/decisions/0002-export-encoding.md.

import { create, type DescField, type DescMessage, type MessageShape, ScalarType } from '@bufbuild/protobuf';
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import { ProtocolError } from '../errors.js';

/** Most elements of each repeated field, by the field's local name (e.g. `keys`); unlisted: no limit. */
export type RepeatedLimits = Readonly<Record<string, number>>;

const MAX_VARINT_BYTES = 10;
const MAX_SKIP_DEPTH = 8;

/** Decodes `bytes` as `schema`, or throws a ProtocolError (`export_truncated`, `export_malformed`…). */
export function decodeStrict<Desc extends DescMessage>(
  schema: Desc,
  bytes: Uint8Array,
  limits: RepeatedLimits = {},
): MessageShape<Desc> {
  try {
    return readMessage(schema, bytes, limits) as MessageShape<Desc>;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    if (error instanceof RangeError) {
      throw new ProtocolError('export_truncated', `${schema.name} ends in the middle of a field`);
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new ProtocolError('export_malformed', `${schema.name} is not valid protobuf: ${detail}`);
  }
}

function readMessage(schema: DescMessage, bytes: Uint8Array, limits: RepeatedLimits): unknown {
  const reader = new BinaryReader(bytes);
  const init: Record<string, unknown> = {};
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    const field = schema.fields.find((f) => f.number === fieldNo);
    if (field === undefined) {
      skipField(reader, wireType, fieldNo);
      continue;
    }
    const expected = wireTypeOf(field);
    if (wireType !== expected) {
      throw new ProtocolError(
        'export_malformed',
        `${schema.name}.${field.name} (field ${fieldNo}) has wire type ${wireType}, expected ${expected}`,
      );
    }
    if (field.fieldKind === 'list') {
      const list = (init[field.localName] ?? []) as unknown[];
      init[field.localName] = list;
      const max = limits[field.localName];
      if (max !== undefined && list.length >= max) {
        throw new ProtocolError('export_too_large', `${schema.name} has more than ${max} ${field.name}`);
      }
      list.push(readValue(reader, field, limits));
    } else {
      init[field.localName] = readValue(reader, field, limits);
    }
  }
  return create(schema, init);
}

function readValue(reader: BinaryReader, field: DescField, limits: RepeatedLimits): unknown {
  if (field.message !== undefined) {
    // bytes() checks the length against the input and returns a view of exactly the sub-message.
    return readMessage(field.message, reader.bytes(), limits);
  }
  if (field.enum !== undefined) {
    const value = readInt32(reader, field);
    if (!field.enum.values.some((v) => v.number === value)) {
      throw new ProtocolError('export_invalid_enum', `${field.name} has the unknown value ${value}`);
    }
    return value;
  }
  switch (field.scalar) {
    case ScalarType.FIXED64: {
      const low = reader.fixed32();
      const high = reader.fixed32();
      return (BigInt(high) << 32n) | BigInt(low);
    }
    case ScalarType.INT32:
      return readInt32(reader, field);
    case ScalarType.SINT32:
      return reader.sint32();
    case ScalarType.STRING:
      return reader.string(true);
    case ScalarType.BYTES:
      return reader.bytes().slice();
    default:
      throw new ProtocolError(
        'export_unsupported',
        `${field.name}: scalar type ${field.scalar} not supported`,
      );
  }
}

/** int32 travels as a sign-extended varint: anything that is not an int32 is malformed. */
function readInt32(reader: BinaryReader, field: DescField): number {
  const value = BigInt(reader.int64());
  if (BigInt.asIntN(32, value) !== value) {
    throw new ProtocolError('export_malformed', `${field.name} does not fit in an int32`);
  }
  return Number(value);
}

function wireTypeOf(field: DescField): WireType {
  if (field.message !== undefined) return WireType.LengthDelimited;
  if (field.enum !== undefined) return WireType.Varint;
  switch (field.scalar) {
    case ScalarType.FIXED64:
      return WireType.Bit64;
    case ScalarType.STRING:
    case ScalarType.BYTES:
      return WireType.LengthDelimited;
    default:
      return WireType.Varint;
  }
}

/** Skips an unknown (or deprecated) field, checking what BinaryReader.skip leaves unchecked. */
function skipField(reader: BinaryReader, wireType: WireType, fieldNo: number): void {
  if (wireType === WireType.Varint) {
    const start = reader.pos;
    reader.skip(wireType, fieldNo);
    if (reader.pos - start > MAX_VARINT_BYTES)
      throw new Error(`field ${fieldNo}: varint longer than 10 bytes`);
    return;
  }
  if (wireType === WireType.EndGroup) throw new Error(`field ${fieldNo}: end of a group that never started`);
  reader.skip(wireType, fieldNo, MAX_SKIP_DEPTH);
}
