import { type Static, Type } from 'typebox';

/**
 * Test types a health authority can issue codes for. `recursive` is Bluezone's addition: a confirmed
 * close contact (F1), whose keys are published with report type RECURSIVE and warn F2 contacts.
 */
export const TEST_TYPES = ['confirmed', 'likely', 'negative', 'recursive'] as const;
export type TestType = (typeof TEST_TYPES)[number];

export const TestTypeSchema = Type.Union([
  Type.Literal('confirmed'),
  Type.Literal('likely'),
  Type.Literal('negative'),
  Type.Literal('recursive'),
]);

/** A calendar date `YYYY-MM-DD` (ISO 8601), as Google's verification server sends them. */
export const IsoDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });

/** Random filler a client adds so that requests of different kinds have similar sizes. */
export const PaddingSchema = Type.String({ maxLength: 4096 });

/** The two fields every error answer carries (and successful answers leave empty or absent). */
export const ErrorFields = {
  error: Type.Optional(Type.String()),
  errorCode: Type.Optional(Type.String()),
};

export const ErrorResponseSchema = Type.Object({
  error: Type.String(),
  errorCode: Type.String(),
  padding: Type.Optional(Type.String()),
});
export type ErrorResponse = Static<typeof ErrorResponseSchema>;
