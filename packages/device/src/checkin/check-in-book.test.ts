import { cwaEventUrl, isProtocolError, readEventUrl, unixSeconds, utcDayOfSeconds } from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { isDeviceError } from '../errors.js';
import { at } from '../testing/fake-clock.js';
import { MemoryStore } from '../testing/memory-store.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { testVenueUrl } from '../testing/venue-codes.js';
import { CheckInBook } from './check-in-book.js';

const HOSTS = { hosts: ['bluezone.gov.vn'] };
const NOW = at('2026-11-03T08:00:00Z') / 1000;
const MARKET = testVenueUrl('https://bluezone.gov.vn', { description: 'Chợ Đồng Xuân', seed: 7 });

function setup() {
  const store = new MemoryStore();
  return { store, book: new CheckInBook(store, new SeededRandom(3), HOSTS) };
}

describe('check-ins on the phone', () => {
  it('checks in offline from the QR code alone and checks out after the default length', async () => {
    const { book } = setup();
    const preview = await book.preview(MARKET, NOW);
    expect(preview).toMatchObject({ lengthMinutes: 60, activeCheckIn: undefined });
    expect(await book.list(NOW)).toEqual([]);
    const checkIn = await book.checkIn(MARKET, NOW);
    expect(checkIn).toMatchObject({
      description: 'Chợ Đồng Xuân',
      address: 'Hà Nội',
      checkInStart: NOW,
      checkInEnd: NOW + 3600,
      active: true,
      kind: 'bluezone',
    });
    expect(checkIn.locationId).toBe(Buffer.from(readEventUrl(MARKET, HOSTS).locationId).toString('base64'));
    expect((await book.list(NOW + 3599))[0]?.active).toBe(true);
    expect((await book.list(NOW + 3600))[0]?.active).toBe(false);
  });

  it('does not check in twice at a venue while still there', async () => {
    const { book } = setup();
    const first = await book.checkIn(MARKET, NOW);
    const again = await book.checkIn(MARKET, NOW + 60);
    expect(again.id).toBe(first.id);
    expect(await book.list(NOW + 60)).toHaveLength(1);
    expect((await book.preview(MARKET, NOW + 60)).activeCheckIn?.id).toBe(first.id);
  });

  it("accepts Corona-Warn-App's own event URLs", async () => {
    const { book } = setup();
    const payload = readEventUrl(MARKET, HOSTS).payload;
    const checkIn = await book.checkIn(cwaEventUrl(payload), NOW, 30);
    expect(checkIn).toMatchObject({ kind: 'cwa', checkInEnd: NOW + 1800 });
  });

  it('checks out by hand, edits the times, deletes', async () => {
    const { book } = setup();
    const { id } = await book.checkIn(MARKET, NOW);
    expect(await book.checkOut(id, NOW + 600)).toMatchObject({ checkInEnd: NOW + 600, active: false });
    const edited = await book.edit(id, { checkInStart: NOW - 3600, checkInEnd: NOW - 1800 }, NOW + 700);
    expect(edited).toMatchObject({ checkInStart: NOW - 3600, checkInEnd: NOW - 1800, edited: true });
    await book.delete(id);
    expect(await book.list(NOW)).toEqual([]);
    await expect(book.delete(id)).rejects.toSatisfy((e) => isDeviceError(e, 'checkin_not_found'));
  });

  it.each([
    ['the end before the start', { checkInStart: NOW - 600, checkInEnd: NOW - 1200 }],
    ['a start in the future', { checkInStart: NOW + 600, checkInEnd: NOW + 1200 }],
    ['a stay over a day', { checkInStart: NOW - 90_000, checkInEnd: NOW }],
    ['a start older than 14 days', { checkInStart: NOW - 15 * 86_400, checkInEnd: NOW - 15 * 86_400 + 60 }],
    ['times that are not seconds', { checkInStart: Number.NaN, checkInEnd: NOW }],
  ])('refuses %s', async (_, times) => {
    const { book } = setup();
    const { id } = await book.checkIn(MARKET, NOW);
    await expect(book.edit(id, times, NOW)).rejects.toSatisfy((e) =>
      isDeviceError(e, 'checkin_invalid_times'),
    );
    expect((await book.list(NOW))[0]).toMatchObject({ checkInStart: NOW, edited: false });
  });

  it.each([
    ['another host', 'https://example.com/c?v=1#CAESAA', 'checkin_foreign_host'],
    ['a wrong version', 'https://bluezone.gov.vn/c?v=2#CAESAA', 'checkin_unsupported_version'],
    ['not base64url', 'https://bluezone.gov.vn/c?v=1#%%%', 'checkin_malformed'],
    ['not the protobuf', 'https://bluezone.gov.vn/c?v=1#_____w', 'checkin_malformed'],
    ['an oversized URL', `https://bluezone.gov.vn/c?v=1#${'A'.repeat(5000)}`, 'checkin_too_large'],
    ['plain text', 'Chợ Đồng Xuân', 'checkin_invalid_url'],
  ])('refuses %s with its code and stores nothing', async (_, url, code) => {
    const { book, store } = setup();
    await expect(book.checkIn(url, NOW)).rejects.toSatisfy((e) => isProtocolError(e) && e.code === code);
    expect(await store.list('')).toEqual([]);
  });

  it('uses an event’s end, else two hours, when the code gives no length', async () => {
    const { book } = setup();
    const event = testVenueUrl('https://bluezone.gov.vn', {
      description: 'Đám cưới',
      defaultCheckInLengthInMinutes: 0,
      startTimestamp: NOW - 600,
      endTimestamp: NOW + 5400,
    });
    expect((await book.preview(event, NOW)).lengthMinutes).toBe(90);
    const place = testVenueUrl('https://bluezone.gov.vn', {
      description: 'Bến xe',
      defaultCheckInLengthInMinutes: 0,
    });
    expect((await book.preview(place, NOW)).lengthMinutes).toBe(120);
  });

  it('keeps check-ins 14 days by their check-out day', async () => {
    const { book } = setup();
    await book.checkIn(MARKET, NOW - 14 * 86_400);
    const recent = await book.checkIn(MARKET, NOW - 13 * 86_400);
    await book.prune(utcDayOfSeconds(unixSeconds(NOW)));
    expect((await book.list(NOW)).map((c) => c.id)).toEqual([recent.id]);
  });
});
