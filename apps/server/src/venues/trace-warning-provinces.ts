import type { TraceTimeIntervalWarning } from '@bluezone/protocol';
import type { PlacedWarning } from './trace-warning.repository.js';

// Which province sets publish a warning besides the national one (docs/decisions/0020): the venue's
// province when the venue is registered on this server (its poster was made here), else the reporting
// case's home province (the certificate's claim: most check-ins are near home), else none.

/** Lower-case hex of a location ID hash: the key of `provincesByLocationIdHash`. */
export const hashKey = (hash: Uint8Array): string => Buffer.from(hash).toString('hex');

/** Places uploaded warnings: each gets its registered venue's province, else `homeProvince`, else none. */
export function placeUploadedWarnings(
  warnings: readonly TraceTimeIntervalWarning[],
  venueProvinces: ReadonlyMap<string, string>,
  homeProvince: string | undefined,
): PlacedWarning[] {
  return warnings.map((w) => {
    const province = venueProvinces.get(hashKey(w.locationIdHash)) ?? homeProvince;
    return { ...w, provinces: province === undefined ? [] : [province] };
  });
}
