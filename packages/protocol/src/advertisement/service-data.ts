import { ProtocolError } from '../errors.js';
import type { RollingProximityIdentifier } from '../keys/derivation.js';

/** The Exposure Notification service's 16-bit UUID, registered with the Bluetooth SIG. */
export const EXPOSURE_NOTIFICATION_SERVICE_UUID = 0xfd6f;
export const RPI_LENGTH = 16;
export const AEM_LENGTH = 4;
/** RPI followed by AEM: the value a scanner hands out for the FD6F service. */
export const SERVICE_DATA_LENGTH = RPI_LENGTH + AEM_LENGTH;

/** What one Exposure Notification advertisement carries. */
export interface ExposureAdvertisement {
  readonly rpi: RollingProximityIdentifier;
  /** Associated Encrypted Metadata: the 4 metadata bytes, AES-CTR encrypted under the AEMK. */
  readonly aem: Uint8Array;
}

/** The UUID as it travels in AD structures: little-endian, 0x6F then 0xFD. */
export const UUID_BYTES = Uint8Array.of(
  EXPOSURE_NOTIFICATION_SERVICE_UUID & 0xff,
  EXPOSURE_NOTIFICATION_SERVICE_UUID >> 8,
);

export function checkAdvertisedFields({ rpi, aem }: ExposureAdvertisement): void {
  if (!(rpi instanceof Uint8Array) || rpi.length !== RPI_LENGTH) {
    throw new ProtocolError('invalid_rpi', `an RPI has ${RPI_LENGTH} bytes, not ${rpi?.length}`);
  }
  if (!(aem instanceof Uint8Array) || aem.length !== AEM_LENGTH) {
    throw new ProtocolError('invalid_aem', `an AEM has ${AEM_LENGTH} bytes, not ${aem?.length}`);
  }
}

/**
 * The 20 bytes of FD6F service data, RPI then AEM, *without* the UUID: the form Android's
 * `ScanRecord.getServiceData(FD6F)` and iOS's `CBAdvertisementDataServiceDataKey[FD6F]` give.
 * `encodeAdvertisement` adds the UUID and AD header around it.
 */
export function encodeServiceData(advertisement: ExposureAdvertisement): Uint8Array {
  checkAdvertisedFields(advertisement);
  const out = new Uint8Array(SERVICE_DATA_LENGTH);
  out.set(advertisement.rpi, 0);
  out.set(advertisement.aem, RPI_LENGTH);
  return out;
}

/**
 * Reads FD6F service data: either the 20 bytes as scanners report them, or 22 bytes starting with
 * the little-endian UUID (6F FD), as in the AD structure's payload. Anything else is rejected.
 */
export function decodeServiceData(bytes: Uint8Array): ExposureAdvertisement {
  let body = bytes;
  if (bytes.length === SERVICE_DATA_LENGTH + 2) {
    const uuid = (bytes[0] as number) | ((bytes[1] as number) << 8);
    if (uuid !== EXPOSURE_NOTIFICATION_SERVICE_UUID) {
      throw new ProtocolError(
        'advertisement_wrong_uuid',
        `service data at offset 0 is for UUID 0x${uuid.toString(16).padStart(4, '0')}, expected 0xfd6f`,
      );
    }
    body = bytes.subarray(2);
  } else if (bytes.length !== SERVICE_DATA_LENGTH) {
    throw new ProtocolError(
      'advertisement_bad_length',
      `service data has ${bytes.length} bytes, expected ${SERVICE_DATA_LENGTH} (RPI + AEM) or ${SERVICE_DATA_LENGTH + 2} (with the UUID)`,
    );
  }
  return { rpi: body.slice(0, RPI_LENGTH), aem: body.slice(RPI_LENGTH, SERVICE_DATA_LENGTH) };
}
