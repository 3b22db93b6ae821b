import type { Declaration, DeclarationList, DeclarationStatus } from '@bluezone/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, query } from './client.js';

/** The declarations the user may read (their province, or all), optionally of one status; audited. */
export function useDeclarations(status: DeclarationStatus | undefined) {
  return useQuery({
    queryKey: ['declarations', status ?? 'all'],
    queryFn: () => get<DeclarationList>(`/declarations${query({ status })}`),
  });
}

/** Changes a declaration's status (new, contacted, closed); audited. */
export function useSetDeclarationStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: DeclarationStatus }) =>
      post<Declaration>(`/declarations/${encodeURIComponent(id)}/status`, { status }),
    onSettled: () => client.invalidateQueries({ queryKey: ['declarations'] }),
  });
}
