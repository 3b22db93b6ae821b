/** What went wrong on the phone, as a stable snake_case code the app can translate. */
export type DeviceErrorCode =
  | 'invalid_options'
  | 'invalid_risk_configuration'
  | 'upload_code_invalid'
  | 'upload_code_expired'
  | 'upload_code_used'
  | 'upload_code_wrong_type'
  | 'upload_network'
  | 'upload_server_busy'
  | 'upload_rejected'
  | 'upload_no_keys'
  | 'upload_exposure_date_unknown'
  | 'upload_nothing_pending'
  | 'sync_network'
  | 'sync_failed'
  | 'checkin_not_found'
  | 'checkin_invalid_times'
  | 'checkin_share_network'
  | 'checkin_share_rejected';

/** The one error type of @bluezone/device. */
export class DeviceError extends Error {
  override readonly name = 'DeviceError';

  constructor(
    readonly code: DeviceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isDeviceError(error: unknown, code?: DeviceErrorCode): error is DeviceError {
  return error instanceof DeviceError && (code === undefined || error.code === code);
}
