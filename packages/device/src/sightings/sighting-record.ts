import { type Sighting, type UnixSeconds, unixSeconds } from '@bluezone/protocol';

/** Bytes per stored sighting: RPI (16), AEM (4), RSSI (int8), seconds (uint32 little-endian). */
export const SIGHTING_RECORD_LENGTH = 25;

/** Packs sightings into fixed-size records, so a day's log grows by appending. */
export function encodeSightings(sightings: readonly Sighting[]): Uint8Array {
  const out = new Uint8Array(sightings.length * SIGHTING_RECORD_LENGTH);
  const view = new DataView(out.buffer);
  sightings.forEach((s, i) => {
    const o = i * SIGHTING_RECORD_LENGTH;
    out.set(s.rpi, o);
    out.set(s.aem, o + 16);
    view.setInt8(o + 20, Math.max(-128, Math.min(127, Math.round(s.rssi))));
    view.setUint32(o + 21, s.seconds, true);
  });
  return out;
}

/** Reads records written by `encodeSightings`; a trailing partial record (torn write) is ignored. */
export function decodeSightings(bytes: Uint8Array): Sighting[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = Math.floor(bytes.length / SIGHTING_RECORD_LENGTH);
  const out: Sighting[] = [];
  for (let i = 0; i < count; i++) {
    const o = i * SIGHTING_RECORD_LENGTH;
    out.push({
      rpi: bytes.slice(o, o + 16),
      aem: bytes.slice(o + 16, o + 20),
      rssi: view.getInt8(o + 20),
      seconds: unixSeconds(view.getUint32(o + 21, true)) as UnixSeconds,
    });
  }
  return out;
}
