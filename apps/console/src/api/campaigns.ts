import type { LinkList, OrganisationList, TargetList } from '@bluezone/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useOptionalQuery } from './adoption.js';
import { del, post, query } from './client.js';

// Campaign routes (docs/api.md "Adoption, campaigns, statistics"): targets, organisations with invite
// codes, tracked links with SMS texts and posters. Types: @bluezone/api's schemas.

export { CHANNELS, ORGANISATION_TYPE_NAMES as ORGANISATION_TYPES, TARGET_KINDS } from '@bluezone/api';

export const CAMPAIGN_ROUTES = {
  targets: '/campaigns/targets',
  target: (id: string) => `/campaigns/targets/${encodeURIComponent(id)}`,
  organisations: '/campaigns/organisations',
  organisation: (code: string) => `/campaigns/organisations/${encodeURIComponent(code)}`,
  links: '/campaigns/links',
  link: (code: string) => `/campaigns/links/${encodeURIComponent(code)}`,
} as const;

export const useTargets = (province?: string) =>
  useOptionalQuery<TargetList>(
    ['campaigns', 'targets', province ?? ''],
    `${CAMPAIGN_ROUTES.targets}${query({ province })}`,
  );
export const useOrganisations = (province?: string) =>
  useOptionalQuery<OrganisationList>(
    ['campaigns', 'organisations', province ?? ''],
    `${CAMPAIGN_ROUTES.organisations}${query({ province })}`,
  );
export const useLinks = (province?: string) =>
  useOptionalQuery<LinkList>(
    ['campaigns', 'links', province ?? ''],
    `${CAMPAIGN_ROUTES.links}${query({ province })}`,
  );

/** A create or delete under /campaigns that refreshes the campaign and adoption views. */
export function useCampaignChange<I, O = unknown>(change: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['campaigns'] });
      void client.invalidateQueries({ queryKey: ['adoption'] });
    },
  });
}

export const createIn = (path: string) => (body: Record<string, unknown>) => post(path, body);
export const deleteAt = (path: (key: string) => string) => (key: string) => del(path(key));
