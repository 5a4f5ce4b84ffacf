import { useEffect, useState } from 'react';
import type { ClientConfig } from '@conjecture/shared';
import { getClientConfig } from './config.js';

/** The run-time config; `undefined` while loading, `null` when it could not be fetched (defaults apply). */
export function useClientConfig(): ClientConfig | null | undefined {
  const [config, setConfig] = useState<ClientConfig | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    getClientConfig()
      .then((c) => !cancelled && setConfig(c))
      .catch(() => !cancelled && setConfig(null));
    return () => {
      cancelled = true;
    };
  }, []);
  return config;
}
