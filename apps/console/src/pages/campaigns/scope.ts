import { useAreaName, useAreas } from '../../api/areas.js';
import { useUser } from '../../api/session.js';

/** The provinces a user may pick in campaign forms: all for a national user, else only their own. */
export function useProvinceChoices() {
  const user = useUser();
  const areas = useAreas();
  const name = useAreaName();
  return (areas.data?.provinces ?? [])
    .filter((p) => user.province === null || p.iso === user.province)
    .map((p) => ({ value: p.iso, label: name(p) }));
}

/** Whether the user changes campaigns (national administrators and provincial officers). */
export function useCanEditCampaigns(): boolean {
  const { role } = useUser();
  return role === 'national' || role === 'province';
}
