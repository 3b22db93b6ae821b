import { type TString, Type } from 'typebox';

// Strings from clients that reach storage (SQL parameters, log lines, CSV exports). PostgreSQL
// refuses a NUL in text and turns a lone UTF-16 surrogate into U+FFFD, so both are refused by the
// schema, with the route's usual 400 `invalid_request`, before any handler runs.

/** No C0 control character (tab and newlines included), no DEL, no lone surrogate. */
export const PLAIN_TEXT_PATTERN = '^[^\\u0000-\\u001f\\u007f\\ud800-\\udfff]*$';

/** Like PLAIN_TEXT_PATTERN, but tab, line feed and carriage return are allowed (addresses, notes, CSV). */
export const MULTILINE_TEXT_PATTERN =
  '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f\\ud800-\\udfff]*$';

type TextOptions = { maxLength: number; minLength?: number; description?: string };

/** A one-line string from a client: an identifier, a name, a code, a date. */
export const PlainText = (options: TextOptions): TString =>
  Type.String({ ...options, pattern: PLAIN_TEXT_PATTERN });

/** A string from a client that may hold several lines (tab, LF, CR), but no other control character. */
export const MultilineText = (options: TextOptions): TString =>
  Type.String({ ...options, pattern: MULTILINE_TEXT_PATTERN });

/** Whether a schema pattern is one of the two above: a validation error then says what is wrong. */
export const isTextPattern = (pattern: unknown): boolean =>
  pattern === PLAIN_TEXT_PATTERN || pattern === MULTILINE_TEXT_PATTERN;
