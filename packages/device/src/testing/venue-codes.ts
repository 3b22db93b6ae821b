import { encodeQrCodePayload, eventUrl, TraceLocationType } from '@bluezone/protocol';
import { SeededRandom } from './seeded-random.js';

/** An event URL of our format for a test venue (a permanent place unless times are given). */
export function testVenueUrl(
  origin: string,
  venue: {
    description: string;
    address?: string;
    seed?: number;
    defaultCheckInLengthInMinutes?: number;
    startTimestamp?: number;
    endTimestamp?: number;
  },
): string {
  const payload = encodeQrCodePayload({
    description: venue.description,
    address: venue.address ?? 'Hà Nội',
    startTimestamp: venue.startTimestamp ?? 0,
    endTimestamp: venue.endTimestamp ?? 0,
    locationType: TraceLocationType.PERMANENT_RETAIL,
    defaultCheckInLengthInMinutes: venue.defaultCheckInLengthInMinutes ?? 60,
    publicKey: new Uint8Array(0),
    cryptographicSeed: new SeededRandom(venue.seed ?? 1).bytes(16),
  });
  return eventUrl(origin, payload);
}
