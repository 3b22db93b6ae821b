import type { AppConfig } from '@bluezone/api';
import i18next from 'i18next';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { IdbStore } from '../platform/idb-store.js';
import { reportAdoption } from './adoption-reports.js';
import { loadAppConfig } from './app-config.js';
import { PhoneRuntime } from './phone-runtime.js';
import { type Onboarding, readOnboarding, saveOnboarding } from './prefs.js';

/** Where the app is: opening, no configuration (first start offline), first run, or running. */
export type AppPhase =
  | { kind: 'loading' }
  | { kind: 'no-config' }
  | { kind: 'first-run'; store: IdbStore; config: AppConfig }
  | { kind: 'ready'; store: IdbStore; config: AppConfig; phone: PhoneRuntime };

interface AppContextValue {
  readonly phase: AppPhase;
  /** The first run is done: keep the choices, start the phone. */
  finishFirstRun(choices: Omit<Onboarding, 'atMs'>): Promise<void>;
  /** Deletes everything stored on this phone and goes back to the first run. */
  deleteAllData(): Promise<void>;
  retry(): void;
}

const Context = createContext<AppContextValue | undefined>(undefined);

export function AppProvider({ children }: { children: ReactNode }) {
  const [phase, setPhase] = useState<AppPhase>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const startPhone = useCallback(async (store: IdbStore, config: AppConfig) => {
    const phone = await PhoneRuntime.open(config, store, i18next.language === 'en' ? 'en' : 'vi');
    await phone.start();
    setPhase({ kind: 'ready', store, config, phone });
    void reportAdoption(store, config);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again on retry
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const store = await IdbStore.open();
      const config = await loadAppConfig(store);
      if (cancelled) return;
      if (config === null) return setPhase({ kind: 'no-config' });
      if ((await readOnboarding(store)) === null) return setPhase({ kind: 'first-run', store, config });
      await startPhone(store, config);
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt, startPhone]);

  const value: AppContextValue = {
    phase,
    retry: () => setAttempt((n) => n + 1),
    async finishFirstRun(choices) {
      if (phase.kind !== 'first-run') return;
      await saveOnboarding(phase.store, { ...choices, atMs: Date.now() });
      await startPhone(phase.store, phase.config);
    },
    async deleteAllData() {
      if (phase.kind !== 'ready') return;
      await phase.phone.stop();
      await phase.phone.leave();
      await phase.store.clear();
      setPhase({ kind: 'first-run', store: phase.store, config: phase.config });
    },
  };
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useApp(): AppContextValue {
  const value = useContext(Context);
  if (value === undefined) throw new Error('useApp outside AppProvider');
  return value;
}

/** The running phone (only under the `ready` phase). */
export function usePhone(): PhoneRuntime {
  const { phase } = useApp();
  if (phase.kind !== 'ready') throw new Error('usePhone before the phone started');
  return phase.phone;
}
