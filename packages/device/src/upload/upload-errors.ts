import { isApiError, isNetworkError } from '@bluezone/api';
import { DeviceError, type DeviceErrorCode } from '../errors.js';

/** Which API error codes mean what for the person entering a code. */
const BY_API_CODE: Readonly<Record<string, DeviceErrorCode>> = {
  code_invalid: 'upload_code_invalid',
  code_not_found: 'upload_code_invalid',
  code_expired: 'upload_code_expired',
  code_already_used: 'upload_code_used',
  unsupported_test_type: 'upload_code_wrong_type',
};

/** Whether the pending upload should be kept for a retry (no answer, or a server that is busy). */
export function isRetryable(error: unknown): boolean {
  return isNetworkError(error) || (isApiError(error) && (error.status >= 500 || error.status === 429));
}

/** The DeviceError the app shows for a failed API call of the upload flow. */
export function uploadError(error: unknown): DeviceError {
  if (error instanceof DeviceError) return error;
  if (isNetworkError(error)) {
    return new DeviceError('upload_network', 'No network: the upload is kept and will be retried.', {
      cause: error,
    });
  }
  if (isApiError(error)) {
    if (isRetryable(error)) {
      return new DeviceError('upload_server_busy', `The server is busy (${error.code}); retry later.`, {
        cause: error,
      });
    }
    const code = BY_API_CODE[error.code] ?? 'upload_rejected';
    return new DeviceError(code, error.message, { cause: error });
  }
  throw error;
}
