export {
  ADVERTISEMENT_LENGTH,
  AdType,
  decodeAdvertisement,
  type EncodeAdvertisementOptions,
  EXPOSURE_NOTIFICATION_FLAGS,
  encodeAdvertisement,
  MAX_SCAN_RECORD_LENGTH,
} from './advertisement.js';
export {
  decodeServiceData,
  EXPOSURE_NOTIFICATION_SERVICE_UUID,
  type ExposureAdvertisement,
  encodeServiceData,
  SERVICE_DATA_LENGTH,
} from './service-data.js';
