import { useEffect, useState } from 'react';
import { usePhone } from './app-context.js';
import { loadProvinces, type Province } from './areas.js';

/** The provinces of `GET /v1/areas` (empty while loading or where the deployment has none). */
export function useProvinces(): readonly Province[] {
  const phone = usePhone();
  const [provinces, setProvinces] = useState<readonly Province[]>([]);
  useEffect(() => {
    let alive = true;
    void loadProvinces(phone.config).then((list) => alive && setProvinces(list));
    return () => {
      alive = false;
    };
  }, [phone]);
  return provinces;
}
