import { type TSchema, Type } from 'typebox';
import { PlainText } from '../text.schemas.js';

// Pieces the console's schemas share.

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A province in a request: an ISO 3166-2 code such as `VN-20`. */
export const ProvinceText = (description = 'ISO 3166-2 code, e.g. `VN-20` (Thái Bình).') =>
  PlainText({ maxLength: 16, description });

/** A district in a request: a GSO code. */
export const DistrictText = (description?: string) =>
  PlainText({ maxLength: 8, ...(description ? { description } : {}) });

/** Vietnamese and English names of an area. */
export const Names = { vi: Type.String(), en: Type.String() };

/** The console's error answer: `{error, errorCode}`, plus `lockedUntil` (ISO time) when locked. */
export const ConsoleErrorSchema = Type.Object({
  error: Type.String(),
  errorCode: Type.String(),
  lockedUntil: Type.Optional(Type.String()),
});

/** The error answers of every console route, for its `response` schema. */
export const CONSOLE_ERROR_RESPONSES = { '4xx': ConsoleErrorSchema, '5xx': ConsoleErrorSchema };

/** `{ deleted: true }`. */
export const DeletedSchema = Type.Object({ deleted: Type.Boolean() });
