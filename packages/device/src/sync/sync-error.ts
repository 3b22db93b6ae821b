import { isApiError, isNetworkError } from '@bluezone/api';
import { isProtocolError } from '@bluezone/protocol';
import type { DeviceErrorRecord } from '../device-status.js';

/** The record of a failed sync pass: no network, the server's refusal, or a malformed index; anything else is thrown. */
export function syncErrorRecord(error: unknown, atMs: number): DeviceErrorRecord {
  if (isNetworkError(error)) return { code: 'sync_network', message: error.message, atMs };
  if (isApiError(error)) return { code: `sync_${error.code}`, message: error.message, atMs };
  if (isProtocolError(error)) return { code: error.code, message: error.message, atMs };
  throw error;
}
