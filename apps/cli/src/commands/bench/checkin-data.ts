// The data of `bench checkin`: 14 days of a person's check-ins, and a stream of trace warnings with a
// few planted on their venues (whose overlaps are known in advance) and near misses that must not match.

import { RETENTION_DAYS, type TraceTimeIntervalWarning } from '@bluezone/protocol';
import type { Random } from './random.js';

const DAY = 86_400;
const INTERVAL = 600;

/** A stay, with its venue's location ID hash (what the phone stores at check-in). */
export interface BenchCheckIn {
  readonly locationIdHash: Uint8Array;
  readonly checkInStart: number;
  readonly checkInEnd: number;
}

/** A planted warning and the minutes it must be found with. */
export interface PlantedOverlap {
  readonly checkIn: number;
  readonly warning: number;
  readonly overlapMinutes: number;
}

/**
 * `perDay` stays a day for 14 days at a handful of venues (home street market, office, school gate…),
 * each 10 minutes to 3 hours between 06:00 and 21:00 UTC, never across midnight.
 */
export function benchCheckIns(firstDay: number, perDay: number, random: Random): BenchCheckIn[] {
  const venues = Array.from({ length: 12 }, () => random.fill(new Uint8Array(32)));
  const out: BenchCheckIn[] = [];
  for (let d = 0; d < RETENTION_DAYS; d++) {
    for (let k = 0; k < perDay; k++) {
      const start = (firstDay + d) * DAY + 6 * 3600 + random.int(15 * 3600);
      const minutes = 10 + random.int(171);
      out.push({
        locationIdHash: venues[random.int(venues.length)] as Uint8Array,
        checkInStart: start,
        checkInEnd: start + minutes * 60,
      });
    }
  }
  return out;
}

/**
 * `count` warnings over the 14 days in random order: `planted` cover one check-in's whole stay (so it
 * must be found with its full length, rounded to the minute), 1 % are near misses on the same venues
 * (windows that end where a stay starts or start where it ends: 0 minutes), the rest name random venues.
 */
export function benchWarnings(
  checkIns: readonly BenchCheckIn[],
  firstDay: number,
  count: number,
  planted: number,
  random: Random,
): { warnings: TraceTimeIntervalWarning[]; expected: PlantedOverlap[] } {
  const warnings: TraceTimeIntervalWarning[] = [];
  const plantedAt = new Map<number, number>();
  const misses = Math.floor(count / 100);
  for (let tries = 0; plantedAt.size < planted && tries < 100 * planted; tries++) {
    const c = random.int(checkIns.length);
    const stay = checkIns[c] as BenchCheckIn;
    const first = Math.floor(stay.checkInStart / INTERVAL);
    const last = Math.ceil(stay.checkInEnd / INTERVAL);
    if (!clear(checkIns, stay.locationIdHash, first * INTERVAL, last * INTERVAL, c)) continue;
    plantedAt.set(warnings.length, c);
    warnings.push(warning(stay.locationIdHash, first, last - first, random));
  }
  for (let tries = 0; warnings.length < plantedAt.size + misses && tries < 10 * misses; tries++) {
    const stay = checkIns[random.int(checkIns.length)] as BenchCheckIn;
    // Three intervals that end where the stay starts (rounded down) or start where it ends (rounded up).
    const start =
      tries % 2 === 0 ? Math.ceil(stay.checkInEnd / INTERVAL) : Math.floor(stay.checkInStart / INTERVAL) - 3;
    if (clear(checkIns, stay.locationIdHash, start * INTERVAL, (start + 3) * INTERVAL)) {
      warnings.push(warning(stay.locationIdHash, start, 3, random));
    }
  }
  while (warnings.length < count) {
    const start = (firstDay + random.int(RETENTION_DAYS)) * (DAY / INTERVAL) + random.int(144 - 24);
    warnings.push(warning(random.fill(new Uint8Array(32)), start, 1 + random.int(24), random));
  }
  const order = shuffle(warnings.length, random);
  const shuffled = order.map((i) => warnings[i] as TraceTimeIntervalWarning);
  const expected = order.flatMap((from, to) => {
    const c = plantedAt.get(from);
    if (c === undefined) return [];
    const stay = checkIns[c] as BenchCheckIn;
    return [
      { checkIn: c, warning: to, overlapMinutes: Math.round((stay.checkInEnd - stay.checkInStart) / 60) },
    ];
  });
  return { warnings: shuffled, expected };
}

function warning(hash: Uint8Array, start: number, period: number, random: Random): TraceTimeIntervalWarning {
  return {
    locationIdHash: hash,
    startIntervalNumber: start,
    period,
    transmissionRiskLevel: 1 + random.int(8),
  };
}

/** No stay at this venue (but `except`) shares a second with [from, to). */
function clear(
  checkIns: readonly BenchCheckIn[],
  hash: Uint8Array,
  from: number,
  to: number,
  except = -1,
): boolean {
  return !checkIns.some(
    (c, i) => i !== except && c.locationIdHash === hash && c.checkInStart < to && c.checkInEnd > from,
  );
}

function shuffle(n: number, random: Random): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}
