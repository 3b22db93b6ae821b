import type { AppConfig, NoticeBoard } from '@bluezone/api';
import { getJson, type KeyValueStore, setJson } from '@bluezone/device';
import { useEffect, useState } from 'react';
import { appClient, offers } from './app-client.js';

export type { NoticeBoard };

type Bilingual = { vi: string; en: string };

const NOTICES = 'app/notices';

const isBilingual = (v: unknown): v is Bilingual =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Bilingual).vi === 'string' &&
  typeof (v as Bilingual).en === 'string';

function isBoard(value: unknown): value is NoticeBoard {
  const b = value as NoticeBoard | null;
  return (
    Array.isArray(b?.notices) &&
    Array.isArray(b?.faq) &&
    b.notices.every((n) => typeof n.id === 'string' && isBilingual(n.title) && isBilingual(n.body)) &&
    b.faq.every((q) => isBilingual(q.question) && isBilingual(q.answer))
  );
}

/**
 * The notice board: the copy kept from the last visit at once (offline too), then the server's
 * when it answers; null until either exists (the screen then shows the app's own texts).
 */
export function useNoticeBoard(store: KeyValueStore, config: AppConfig): NoticeBoard | null {
  const [board, setBoard] = useState<NoticeBoard | null>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const kept = await getJson<unknown>(store, NOTICES, null);
      if (!cancelled && isBoard(kept)) setBoard(kept);
      if (!offers(config, 'notices')) return;
      try {
        // The health authority's notices and FAQ (`GET /v1/notices/{region}`), checked before kept.
        const fresh: unknown = await appClient(config).notices(config.region);
        if (!isBoard(fresh)) return;
        await setJson(store, NOTICES, fresh);
        if (!cancelled) setBoard(fresh);
      } catch {
        // Offline: the kept copy (or the app's own texts) stays.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [store, config]);
  return board;
}
