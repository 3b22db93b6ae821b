import { describe, expect, it } from 'vitest';
import { parseSightingRow, parseSightingsHeader, splitCsvLine } from './sightings-csv.js';

describe('sightings CSV', () => {
  it('splits plain and quoted fields', () => {
    expect(splitCsvLine('a,,b')).toEqual(['a', '', 'b']);
    expect(splitCsvLine('"a,b","say ""hi""",c,""')).toEqual(['a,b', 'say "hi"', 'c', '']);
    expect(splitCsvLine('"open,b')).toBeUndefined();
    expect(splitCsvLine('"a"b,c')).toBeUndefined();
  });

  it('finds the columns in any order and parses numbers strictly', () => {
    const header = parseSightingsHeader(
      '\uFEFF TX_Power ,rssi,timestamp,receiver,receiver_model,transmitter,transmitter_model',
      'f.csv',
    );
    expect(parseSightingRow('-24,-61.5,1600000000.25,r,Pixel 2,t,', header, 1, 2, 'f.csv')).toEqual({
      receiver: 'r',
      receiverModel: 'Pixel 2',
      transmitter: 't',
      transmitterModel: '',
      seconds: 1600000000.25,
      rssi: -61.5,
      txPower: -24,
    });
    for (const bad of ['', '0x10', '1e', 'NaN', 'Infinity', '-300']) {
      expect(() => parseSightingRow(`-24,${bad},1,r,m,t,m`, header, 7, 9, 'f.csv')).toThrow(
        `f.csv: row 7 (line 9), column rssi: "${bad}" is not a number`,
      );
    }
  });

  it('names every missing column', () => {
    expect(() => parseSightingsHeader('receiver,rssi', 'f.csv')).toThrow(
      'f.csv: missing columns receiver_model, transmitter, transmitter_model, timestamp, tx_power',
    );
  });
});
