import { randomBytes, randomInt } from 'node:crypto';
import type { PublishRequest, PublishResponse } from '@bluezone/api';
import { MAX_PUBLISH_KEYS } from '@bluezone/api';
import { SEALED_TOKEN_BYTES } from './revision-token.js';

/** Every publish answer carries at least this much padding, plus up to as much again at random. */
export const MIN_PUBLISH_PADDING = 1024;

/**
 * Random base64 filler of 1,024–2,048 characters for every publish answer (success, partial success,
 * error, chaff), so the size of the encrypted answer says nothing about what happened.
 */
export function publishPadding(): string {
  const length = MIN_PUBLISH_PADDING + randomInt(0, MIN_PUBLISH_PADDING + 1);
  return randomBytes(Math.ceil((length * 3) / 4) + 3)
    .toString('base64')
    .slice(0, length);
}

/**
 * The answer to a chaff request (`X-Chaff`): the shape of a successful publish, with as many
 * "inserted" keys as the request seemed to carry and a random token, padded the same way.
 */
export function chaffAnswer(body: unknown): PublishResponse {
  const keys = (body as Partial<PublishRequest> | null)?.temporaryExposureKeys;
  const count = Array.isArray(keys) ? Math.min(keys.length, MAX_PUBLISH_KEYS) : 0;
  return {
    revisionToken: randomBytes(SEALED_TOKEN_BYTES).toString('base64'),
    insertedExposures: count,
    warnings: [],
    padding: publishPadding(),
  };
}
