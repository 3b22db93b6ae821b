import type { FastifyRequest } from 'fastify';
import type { AdoptionReadRepository } from '../adoption/adoption-read.repository.js';
import { type Cell, hidden, suppressGroup } from '../adoption/suppression.js';
import type { LinkRow, OrganisationRow } from './campaign.repository.js';
import { smsTexts } from './sms-text.js';

/** The server's public origin as the request reached it (behind trusted proxies: as they say). */
export const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export function installUrl(origin: string, organisation: string | null, channel: string | null): string {
  const query = [organisation ? `org=${organisation}` : '', channel ? `ch=${channel}` : ''].filter(Boolean);
  return `${origin}/app/${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

/**
 * Installs per code of one dimension in one province, as the province page groups them (every code
 * of the province and the installs without one), so the two views suppress the same cells.
 */
export async function installCells(
  reads: AdoptionReadRepository,
  dimension: 'organisation' | 'channel',
  province: string,
  codes: readonly string[],
): Promise<Map<string, Cell>> {
  const counts = new Map((await reads.countsBy(dimension, { province })).map((r) => [r.key, r.installs]));
  const { cells } = suppressGroup([...codes.map((c) => counts.get(c) ?? 0), counts.get('') ?? 0]);
  return new Map(codes.map((c, i) => [c, cells[i] ?? hidden]));
}

export function organisationView(row: OrganisationRow, origin: string, installs: Cell) {
  return {
    code: row.code,
    name: row.name,
    type: row.type,
    province: row.province,
    district: row.district,
    createdAt: row.createdAt.toISOString(),
    installUrl: installUrl(origin, row.code, null),
    posterUrl: `/console/api/campaigns/organisations/${row.code}/poster.pdf`,
    installs,
  };
}

export function linkView(row: LinkRow, origin: string, installs: Cell) {
  const url = installUrl(origin, row.organisation, row.code);
  return {
    code: row.code,
    channel: row.channel,
    province: row.province,
    organisation: row.organisation,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    installUrl: url,
    posterUrl: `/console/api/campaigns/links/${row.code}/poster.pdf`,
    sms: smsTexts(url),
    installs,
  };
}
