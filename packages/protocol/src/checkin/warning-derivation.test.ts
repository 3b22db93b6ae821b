import { describe, expect, it } from 'vitest';
import { hashCheckIn } from './check-in.js';
import { matchCheckIns } from './check-in-matcher.js';
import { traceLocationIdHash } from './location-id.js';
import { checkInTransmissionRiskLevel, traceWarningsForCheckIn } from './warning-derivation.js';

const ID = new Uint8Array(32).fill(3);
const DAY = 19_676; // 2023-11-15
const at = (hh: number, mm: number, ss = 0, day = DAY) => day * 86_400 + hh * 3600 + mm * 60 + ss;

describe('warnings for upload', () => {
  it('covers every 10-minute interval the stay touched, per UTC day, never the exact minutes', () => {
    const warnings = traceWarningsForCheckIn(
      { locationId: ID, checkInStart: at(23, 25), checkInEnd: at(0, 42, 0, DAY + 1) },
      { onsetDay: DAY + 1, uploadDay: DAY + 3 },
    );
    expect(warnings).toEqual([
      {
        locationIdHash: traceLocationIdHash(ID),
        startIntervalNumber: at(23, 20) / 600,
        period: 4,
        transmissionRiskLevel: 8,
      },
      {
        locationIdHash: traceLocationIdHash(ID),
        startIntervalNumber: at(0, 0, 0, DAY + 1) / 600,
        period: 5,
        transmissionRiskLevel: 8,
      },
    ]);
  });

  it('aligned stays keep their exact intervals; a zero-length stay gives no warning', () => {
    const w = traceWarningsForCheckIn(
      { locationId: ID, checkInStart: at(7, 0), checkInEnd: at(11, 0) },
      { uploadDay: DAY },
    );
    expect(w.map((x) => [x.startIntervalNumber, x.period])).toEqual([[at(7, 0) / 600, 24]]);
    expect(
      traceWarningsForCheckIn(
        { locationId: ID, checkInStart: at(7, 0), checkInEnd: at(7, 0) },
        { uploadDay: DAY },
      ),
    ).toEqual([]);
  });

  it('the uploader’s own check-in matches a phone that was there at the same time', () => {
    const mine = { locationId: ID, checkInStart: at(9, 3), checkInEnd: at(9, 48) };
    const theirs = hashCheckIn({ locationId: ID, checkInStart: at(9, 30), checkInEnd: at(10, 30) });
    const warnings = traceWarningsForCheckIn(mine, { uploadDay: DAY + 2 });
    expect(matchCheckIns([theirs], warnings).map((m) => m.overlapMinutes)).toEqual([20]);
  });

  it.each([
    [-7, 1],
    [-6, 1],
    [-5, 2],
    [-2, 7],
    [-1, 8],
    [0, 8],
    [1, 8],
    [2, 6],
    [3, 5],
    [4, 3],
    [6, 2],
    [7, 1],
    [20, 1],
  ])('transmission risk %i days since onset is %i', (daysSinceOnset, level) => {
    expect(checkInTransmissionRiskLevel(DAY, { onsetDay: DAY - daysSinceOnset, uploadDay: DAY + 1 })).toBe(
      level,
    );
  });

  it('without a known onset, risk follows the age of the stay at upload', () => {
    const levels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 14, 15].map((age) =>
      checkInTransmissionRiskLevel(DAY - age, { uploadDay: DAY }),
    );
    expect(levels).toEqual([5, 6, 7, 7, 7, 6, 4, 3, 2, 1, 1, 1]);
  });
});
