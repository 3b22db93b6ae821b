import type { FastifyRequest } from 'fastify';
import { originOf } from '../campaigns/campaign-links.js';
import type { Config } from '../config/config.types.js';
import type { ConsoleRole } from '../database/accounts.schema.js';
import type { VenueRow } from './venue.repository.js';
import { venueCodeView } from './venue-code.js';

/** Who reads venues (case workers too: they warn venues). */
export const VENUE_READERS: readonly ConsoleRole[] = ['national', 'province', 'caseworker', 'analyst'];
/** Who registers, edits, imports and deletes venues. */
export const VENUE_WRITERS: readonly ConsoleRole[] = ['national', 'province'];
/** Who warns a venue (an outbreak there). */
export const VENUE_WARNERS: readonly ConsoleRole[] = ['national', 'province', 'caseworker'];

/** The origin venue QR codes are on: `BLUEZONE_PUBLIC_ORIGIN`, else the request's. */
export const venueOrigin = (config: Pick<Config, 'publicOrigin'>, request: FastifyRequest) =>
  config.publicOrigin ?? originOf(request);

/** A venue as the console shows it. */
export function venueView(row: VenueRow, origin: string) {
  return {
    id: row.id,
    organisation: row.organisation,
    province: row.province,
    district: row.district,
    name: row.name,
    address: row.address,
    locationType: row.locationType,
    defaultCheckInLengthInMinutes: row.defaultCheckInMinutes,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    ...venueCodeView(row.payload, row.locationId, origin),
    posterUrl: `/console/api/venues/${row.id}/poster.pdf`,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** "10/03/2026 07:00 – 11:00" in Vietnam time (UTC+7) for an event's poster; '' for a place. */
export function eventWhen(row: Pick<VenueRow, 'startsAt' | 'endsAt'>): string {
  if (!row.startsAt || !row.endsAt) return '';
  const local = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString();
  const day = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const [start, end] = [local(row.startsAt), local(row.endsAt)];
  const sameDay = start.slice(0, 10) === end.slice(0, 10);
  return `${day(start)} ${start.slice(11, 16)} – ${sameDay ? '' : `${day(end)} `}${end.slice(11, 16)}`;
}
