import { describe, expect, it } from 'vitest';
import { parseAdoptionCsv } from './csv-import.js';

const TODAY = '2020-08-20';
const everywhere = () => true;

describe('CSV import of counts reported by others', () => {
  it('reads good lines, with and without the active column and a district', () => {
    const { rows, problems } = parseAdoptionCsv(
      'date,province,district,source,installs,active\r\n2020-08-19,VN-20,,google-play,223074,180000\n2020-08-19,VN-06,,viettel,"66100",\n',
      TODAY,
      everywhere,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        day: '2020-08-19',
        province: 'VN-20',
        district: '',
        source: 'google-play',
        installs: 223074,
        active: 180000,
      },
      {
        day: '2020-08-19',
        province: 'VN-06',
        district: '',
        source: 'viettel',
        installs: 66100,
        active: null,
      },
    ]);
  });

  it('reports every wrong value with its line and column, and keeps nothing', () => {
    const csv = [
      'date,province,district,source,installs',
      '2020-08-19,VN-20,,app-store,100',
      '2020-02-30,VN-20,,app-store,100',
      '2020-08-19,VN-99,,app-store,100',
      '2020-08-19,VN-20,999,App Store,-4',
      '2020-08-19,VN-20,,app-store',
      '2020-08-21,VN-20,,app-store,1',
      '2020-08-19,VN-20,,app-store,5',
    ].join('\n');
    const { rows, problems } = parseAdoptionCsv(csv, TODAY, everywhere);
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'date'],
      [4, 'province'],
      [5, 'district'],
      [5, 'source'],
      [5, 'installs'],
      [6, null],
      [7, 'date'],
      [8, null],
    ]);
    expect(problems[0]?.message).toMatch(/not a date/);
    expect(problems[5]?.message).toMatch(/Expected 5 values/);
    expect(problems[6]?.message).toMatch(/future/);
    expect(problems[7]?.message).toMatch(/line 2/);
  });

  it('refuses a wrong header, and provinces the user does not cover', () => {
    expect(parseAdoptionCsv('day,province,source,installs\n', TODAY, everywhere).problems).toEqual([
      expect.objectContaining({ line: 1, column: null }),
    ]);
    const { problems } = parseAdoptionCsv(
      'date,province,district,source,installs\n2020-08-19,VN-06,,viettel,10\n2020-08-19,VN-20,,viettel,10',
      TODAY,
      (p) => p === 'VN-20',
    );
    expect(problems).toEqual([
      { line: 2, column: 'province', message: expect.stringMatching(/does not cover VN-06/) },
    ]);
  });
});
