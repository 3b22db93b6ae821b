// Test-only fixtures of venue check-in: a sample venue, the hosts tests accept, and a hand encoder that
// builds the payloads a hostile QR code could carry (the real encoder refuses them).

import { encodeQrCodePayload, type TraceLocationInput } from '../checkin/qr-code-payload.js';
import { TraceLocationType } from '../checkin/trace-location.js';

/** Hosts of our event URLs in tests. */
export const TEST_EVENT_HOSTS = { hosts: ['bluezone.gov.vn', '127.0.0.1:3000'] };

export const SAMPLE_VENUE: TraceLocationInput = {
  description: 'Chợ Bến Thành',
  address: 'Lê Lợi, Quận 1, TP. Hồ Chí Minh',
  startTimestamp: 0,
  endTimestamp: 0,
  locationType: TraceLocationType.PERMANENT_RETAIL,
  defaultCheckInLengthInMinutes: 60,
  publicKey: new Uint8Array(0),
  cryptographicSeed: Uint8Array.from({ length: 16 }, (_, i) => i * 7),
};

export const samplePayload = (): Uint8Array => encodeQrCodePayload(SAMPLE_VENUE);

/** The sample venue with some fields changed, encoded without the encoder's checks. */
export function withLocation(overrides: Partial<TraceLocationInput>): Uint8Array {
  return encodeUnchecked({ ...SAMPLE_VENUE, ...overrides });
}

// Encodes without the encoder's checks, to build payloads a hostile QR code could carry.
export function encodeUnchecked(input: TraceLocationInput, version = 1): Uint8Array {
  const text = (field: number, s: string) => {
    const b = new TextEncoder().encode(s);
    return [field * 8 + 2, ...varint(b.length), ...b];
  };
  const bytes = (field: number, b: Uint8Array) =>
    b.length === 0 ? [] : [field * 8 + 2, ...varint(b.length), ...b];
  const int = (field: number, n: number) => (n === 0 ? [] : [field * 8, ...varint(n)]);
  const location = [
    ...int(1, 1),
    ...(input.description === '' ? [] : text(2, input.description)),
    ...(input.address === '' ? [] : text(3, input.address)),
    ...int(5, input.startTimestamp),
    ...int(6, input.endTimestamp),
  ];
  const notifier = [...int(1, 1), ...bytes(2, input.publicKey), ...bytes(3, input.cryptographicSeed)];
  const vendor = [
    ...int(1, 1),
    ...int(2, input.locationType),
    ...int(3, input.defaultCheckInLengthInMinutes),
  ];
  return Uint8Array.from([
    ...int(1, version),
    ...bytes(2, Uint8Array.from(location)),
    ...bytes(3, Uint8Array.from(notifier)),
    ...bytes(4, Uint8Array.from(vendor)),
  ]);
}

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}
