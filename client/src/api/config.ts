import type { ClientConfig } from '@conjecture/shared';
import { api } from './http.js';

export const getClientConfig = (): Promise<ClientConfig> => api.config();
