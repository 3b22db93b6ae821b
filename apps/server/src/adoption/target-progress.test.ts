import { describe, expect, it } from 'vitest';
import { hidden, shown } from './suppression.js';
import { type TargetRow, targetProgress, targetUsers } from './target-progress.js';

const target = (values: Partial<TargetRow>): TargetRow => ({
  id: '00000000-0000-0000-0000-000000000001',
  area: 'VN-06',
  province: 'VN-06',
  kind: 'absolute',
  share: null,
  baseCount: 100_000,
  deadline: '2020-08-20',
  label: '',
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...values,
});

describe('target progress', () => {
  it('turns shares into users: of the 2019 population, or of the smartphone users given', () => {
    // Thái Bình had 1,860,447 residents in 2019.
    expect(
      targetUsers(target({ area: 'VN-20', kind: 'population_share', share: 0.5, baseCount: null })),
    ).toBe(930_224);
    // Yên Bái: 60 % of smartphone users.
    expect(targetUsers(target({ kind: 'smartphone_share', share: 0.6, baseCount: 400_000 }))).toBe(240_000);
    expect(targetUsers(target({ area: 'VN', province: null, baseCount: 50_000_000 }))).toBe(50_000_000);
  });

  it('gives the daily pace needed until the deadline, today and the deadline included', () => {
    // On 11 August 2020: 66,100 of 240,000; 10 days left (11–20 August): 17,390 a day.
    const progress = targetProgress(
      target({ kind: 'smartphone_share', share: 0.6, baseCount: 400_000 }),
      shown(66_100),
      5_000,
      '2020-08-11',
    );
    expect(progress).toMatchObject({
      targetUsers: 240_000,
      remaining: 173_900,
      daysLeft: 10,
      dailyPaceNeeded: 17_390,
      onTrack: false,
      overdue: false,
      reached: 0.2754,
    });
    expect(targetProgress(target({}), shown(100_500), 10, '2020-08-11')).toMatchObject({
      remaining: 0,
      dailyPaceNeeded: 0,
      onTrack: true,
    });
  });

  it('is overdue after the deadline, and derives nothing from a suppressed count', () => {
    expect(targetProgress(target({}), shown(90_000), null, '2020-08-21')).toMatchObject({
      daysLeft: 0,
      overdue: true,
      dailyPaceNeeded: null,
      onTrack: null,
    });
    expect(targetProgress(target({}), hidden, 12, '2020-08-11')).toMatchObject({
      current: { value: null, suppressed: true },
      remaining: null,
      reached: null,
      dailyPaceNeeded: null,
    });
  });
});
