import { assertProvinceAccess, type ConsoleUser } from '../accounts/roles.js';
import type { CampaignSources } from '../adoption/adoption-province.service.js';
import type { AdoptionReadRepository } from '../adoption/adoption-read.repository.js';
import type { KnownInviteCodes } from '../adoption/invite-code.js';
import { type Cell, hidden } from '../adoption/suppression.js';
import type { Database } from '../database/database.types.js';
import { AppError } from '../errors/app-error.js';
import {
  type CampaignRepository,
  createCampaignRepository,
  type LinkRow,
  type OrganisationRow,
} from './campaign.repository.js';
import { installCells, linkView, organisationView } from './campaign-links.js';
import { createTargetRepository } from './targets.repository.js';

/** Organisations and links as the console shows them, and the checks every route makes first. */
export function campaignLookups(campaigns: CampaignRepository, reads: AdoptionReadRepository) {
  /** Installs per code, computed per province as the province page groups them. */
  async function cellsOf(dimension: 'organisation' | 'channel', provinces: Iterable<string>) {
    const cells = new Map<string, Cell>();
    for (const province of new Set(provinces)) {
      const rows =
        dimension === 'organisation'
          ? await campaigns.organisations(province)
          : await campaigns.links(province);
      const codes = rows.map((r) => r.code);
      for (const [code, cell] of await installCells(reads, dimension, province, codes)) cells.set(code, cell);
    }
    return cells;
  }

  return {
    /** The organisation of an invite code the user covers (404 `organisation_not_found`, 403 `forbidden_area`). */
    async organisation(code: string, user: ConsoleUser): Promise<OrganisationRow> {
      const row = await campaigns.organisation(code);
      if (!row) throw new AppError('organisation_not_found');
      assertProvinceAccess(user, row.province);
      return row;
    },

    async link(code: string, user: ConsoleUser): Promise<LinkRow> {
      const row = await campaigns.link(code);
      if (!row) throw new AppError('link_not_found');
      assertProvinceAccess(user, row.province);
      return row;
    },

    async organisationViews(rows: readonly OrganisationRow[], origin: string) {
      const cells = await cellsOf(
        'organisation',
        rows.map((r) => r.province),
      );
      return rows.map((r) => organisationView(r, origin, cells.get(r.code) ?? hidden));
    },

    async linkViews(rows: readonly LinkRow[], origin: string) {
      const cells = await cellsOf(
        'channel',
        rows.map((r) => r.province),
      );
      return rows.map((r) => linkView(r, origin, cells.get(r.code) ?? hidden));
    },
  };
}

/** Which invite and link codes exist, for the adoption reports of the app. */
export function knownInviteCodes(db: Database): KnownInviteCodes {
  const campaigns = createCampaignRepository(db);
  return {
    organisation: async (code) => (await campaigns.organisation(code)) !== undefined,
    link: async (code) => (await campaigns.link(code)) !== undefined,
  };
}

/** What the adoption pages show of this module's tables: the names of codes, and the targets. */
export function campaignSources(db: Database): CampaignSources {
  const campaigns = createCampaignRepository(db);
  return {
    names: {
      organisations: async (province) =>
        (await campaigns.organisations(province)).map((o) => ({ code: o.code, name: o.name, type: o.type })),
      links: async (province) =>
        (await campaigns.links(province)).map((l) => ({ code: l.code, channel: l.channel, label: l.label })),
    },
    targets: createTargetRepository(db),
  };
}
