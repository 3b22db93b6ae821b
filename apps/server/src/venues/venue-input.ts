import type { VenueUpdate } from '@bluezone/api';
import { assertProvinceAccess, type ConsoleUser } from '../accounts/roles.js';
import { requireDistrict, requireProvince } from '../areas/area-codes.js';
import type { CampaignRepository } from '../campaigns/campaign.repository.js';
import { AppError } from '../errors/app-error.js';
import type { NewVenue, VenueRow } from './venue.repository.js';
import { EVENT_LOCATION_TYPES, newVenueSeed, type VenueCodeFields, venueCode } from './venue-code.js';

// The one check of a venue a request or a CSV line describes: its organisation and province (which the
// user must cover), its district, its times, and CWA's rules on what the QR code may say.

/** Where a venue belongs, once checked. */
export interface VenueOwner {
  readonly organisation: string | null;
  readonly province: string;
}

/**
 * The organisation (404 `organisation_not_found`) and province (400 `unknown_province`) of a new venue:
 * an organisation's venues are in its province; the user must cover it (403 `forbidden_area`).
 */
export async function venueOwner(
  campaigns: CampaignRepository,
  user: ConsoleUser,
  request: { organisation?: string | undefined; province?: string | undefined },
): Promise<VenueOwner> {
  let organisation: string | null = null;
  let provinceCode = request.province ?? user.province ?? undefined;
  if (request.organisation !== undefined && request.organisation !== '') {
    const row = await campaigns.organisation(request.organisation);
    if (!row) throw new AppError('organisation_not_found');
    if (request.province !== undefined && request.province !== row.province)
      throw new AppError(
        'unknown_province',
        `The organisation is in ${row.province}, not ${request.province}.`,
      );
    organisation = row.code;
    provinceCode = row.province;
  }
  if (!provinceCode) throw new AppError('unknown_province', 'Name the province of the venue.');
  assertProvinceAccess(user, provinceCode);
  return { organisation, province: requireProvince(provinceCode).code };
}

/** A time of an event: ISO 8601 with an offset (or Z), else 400 `invalid_venue`. */
function eventTime(text: string | undefined, name: string): Date | null {
  if (text === undefined || text.trim() === '') return null;
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
  const at = new Date(text.trim());
  if (!iso.test(text.trim()) || Number.isNaN(at.getTime()) || at.getTime() < Date.UTC(2020, 0, 1))
    throw new AppError(
      'invalid_venue',
      `The ${name} must be an ISO 8601 time with an offset after 2020, e.g. 2026-03-10T07:00+07:00.`,
    );
  return at;
}

/** The fields the QR code carries, checked: an event has a start and an end in order, a place neither. */
export function venueFields(body: VenueUpdate): VenueCodeFields {
  const startsAt = eventTime(body.startsAt, 'start');
  const endsAt = eventTime(body.endsAt, 'end');
  const isEvent = EVENT_LOCATION_TYPES.has(body.locationType);
  if (isEvent && (!startsAt || !endsAt))
    throw new AppError('invalid_venue', 'An event (types 2, 9-12) needs a start and an end.');
  if (!isEvent && (startsAt || endsAt))
    throw new AppError(
      'invalid_venue',
      'A permanent place (types 1, 3-8) has no start or end; choose an event type.',
    );
  if (startsAt && endsAt && startsAt.getTime() > endsAt.getTime())
    throw new AppError('invalid_venue', 'The event ends before it starts.');
  return {
    name: body.name.trim(),
    address: body.address.trim(),
    locationType: body.locationType,
    defaultCheckInMinutes: body.defaultCheckInLengthInMinutes,
    startsAt,
    endsAt,
  };
}

/** The district of the venue's province (400 `unknown_district`), or null. */
function venueDistrict(province: string, district: string | undefined): string | null {
  if (district === undefined || district === '') return null;
  return requireDistrict(requireProvince(province), district).code;
}

/** The columns a request sets: the checked fields, the district, the seed, payload and location ID. */
function venueColumns(province: string, body: VenueUpdate, seed: Uint8Array) {
  const fields = venueFields(body);
  return {
    district: venueDistrict(province, body.district),
    name: fields.name,
    address: fields.address,
    locationType: fields.locationType,
    defaultCheckInMinutes: fields.defaultCheckInMinutes,
    startsAt: fields.startsAt,
    endsAt: fields.endsAt,
    ...venueCode(fields, seed),
  };
}

/** A new venue row: checked fields, a fresh seed, the payload and its location ID. */
export function newVenue(owner: VenueOwner, body: VenueUpdate, now: Date): NewVenue {
  return {
    organisation: owner.organisation,
    province: owner.province,
    ...venueColumns(owner.province, body, newVenueSeed()),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * An edit keeps the venue's seed: the payload (and so the location ID and the poster) changes only
 * when a field the QR code carries changes, and then old posters no longer match new warnings.
 */
export function editedVenue(row: VenueRow, body: VenueUpdate, now: Date): Partial<NewVenue> {
  return { ...venueColumns(row.province, body, row.seed), updatedAt: now };
}
