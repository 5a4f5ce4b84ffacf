import { useMemo } from 'react';
import { TEACHER_AUTH, type ClassAuth } from './http.js';

/**
 * The same credential object for as long as it names the same caller: a page may pass `{ token }` afresh on
 * every render, and a hook's effect that depends on it would fetch again each time.
 */
export function useStableAuth(auth: ClassAuth): ClassAuth {
  const token = 'token' in auth ? auth.token : null;
  return useMemo(() => (token === null ? TEACHER_AUTH : { token }), [token]);
}
