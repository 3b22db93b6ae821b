import type { Venue, VenueList, VenueStatistics } from '@bluezone/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useOptionalQuery } from './adoption.js';
import { query } from './client.js';

// Venue routes (docs/api.md "Venue check-in"): venues with their QR code, posters (A4, A5, ZIP), CSV
// import, case workers' venue warnings, statistics. Types: @bluezone/api's schemas.

export const VENUE_ROUTES = {
  venues: '/venues',
  venue: (id: string) => `/venues/${encodeURIComponent(id)}`,
  warnings: (id: string) => `/venues/${encodeURIComponent(id)}/warnings`,
  import: '/venues/import',
  statistics: '/venues/statistics',
  posterZip: (organisation: string, size: string) =>
    `/console/api/venues/posters.zip${query({ organisation, size })}`,
} as const;

/** CWA's location types (docs/checkin.md); 2 and 9-12 are events with a start and an end. */
export const LOCATION_TYPES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const EVENT_TYPES: ReadonlySet<number> = new Set([2, 9, 10, 11, 12]);

export const useVenues = () => useOptionalQuery<VenueList>(['venues', 'list'], VENUE_ROUTES.venues);
export const useVenueStatistics = () =>
  useOptionalQuery<VenueStatistics>(['venues', 'statistics'], VENUE_ROUTES.statistics);

/** A change under /venues that refreshes the venue views. */
export function useVenueChange<I, O = unknown>(change: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['venues'] }),
  });
}

/** `/console/api/venues/<id>/poster.pdf?size=a5`. */
export const posterOf = (venue: Venue, size: 'a4' | 'a5') => `${venue.posterUrl}${query({ size })}`;
