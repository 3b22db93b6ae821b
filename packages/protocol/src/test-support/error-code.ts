// Test-only helper: the code of the ProtocolError a call throws. Anything else it throws (a RangeError,
// a TypeError: a crash on hostile input) is rethrown, so the test fails.

import { isProtocolError } from '../errors.js';

export function protocolErrorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isProtocolError(error)) return error.code;
    throw error;
  }
  return 'no error';
}
