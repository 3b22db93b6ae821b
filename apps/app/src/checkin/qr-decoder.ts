import jsQR from 'jsqr';

/** The browser's BarcodeDetector (Chrome on Android, ChromeOS and macOS; absent on most desktops). */
interface BarcodeDetectorLike {
  detect(source: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorClass = {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
};

let detector: Promise<BarcodeDetectorLike | null> | undefined;

/** The platform's QR detector, or null where there is none (then jsQR decodes). */
function nativeDetector(): Promise<BarcodeDetectorLike | null> {
  detector ??= (async () => {
    const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
    if (Detector === undefined) return null;
    const formats = await Detector.getSupportedFormats().catch(() => [] as string[]);
    return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null;
  })();
  return detector;
}

/** Largest side an image is scaled to before decoding (a phone photo is 4,000 px; a QR needs far less). */
const MAX_SIDE = 1024;

/**
 * The text of the first QR code in an image, video frame or canvas, or null when there is none:
 * the browser's BarcodeDetector where it exists, jsQR (pure JavaScript) otherwise.
 */
export async function decodeQrCode(
  source: HTMLVideoElement | HTMLImageElement | ImageBitmap,
  canvas: HTMLCanvasElement = document.createElement('canvas'),
): Promise<string | null> {
  const native = await nativeDetector();
  if (native !== null) {
    const found = await native.detect(source).catch(() => []);
    return found[0]?.rawValue ?? null;
  }
  const width =
    'videoWidth' in source
      ? source.videoWidth
      : 'naturalWidth' in source
        ? source.naturalWidth
        : source.width;
  const height =
    'videoHeight' in source
      ? source.videoHeight
      : 'naturalHeight' in source
        ? source.naturalHeight
        : source.height;
  if (width === 0 || height === 0) return null;
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) return null;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

/** Decodes a photo the person picked (a file from the gallery or the camera app). */
export async function decodeQrCodeFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    return await decodeQrCode(bitmap);
  } finally {
    bitmap.close();
  }
}
