import { API_PREFIX, ClientConfigSchema, type ClientConfig } from '@conjecture/shared';
import { fetchJson } from './http.js';

export const getClientConfig = (): Promise<ClientConfig> =>
  fetchJson(`${API_PREFIX}/config`, ClientConfigSchema);
