import {
  routeUrl,
  routes,
  type Anticipation,
  type AnticipationInput,
  type MonitoringState,
  type Verdict,
} from '@conjecture/shared';
import { api } from '../api/http.js';

// The teacher's routes: the httpOnly cookie is the credential.
export const listAnticipations = (classId: string): Promise<Anticipation[]> =>
  api.listAnticipations({ params: { classId } });

export const addAnticipation = (classId: string, input: AnticipationInput): Promise<Anticipation> =>
  api.addAnticipation({ params: { classId }, body: input });

export const replaceAnticipation = (
  classId: string,
  anticipationId: string,
  input: AnticipationInput,
): Promise<Anticipation> => api.replaceAnticipation({ params: { classId, anticipationId }, body: input });

export const deleteAnticipation = (classId: string, anticipationId: string): Promise<void> =>
  api.deleteAnticipation({ params: { classId, anticipationId } });

export const getMonitoring = (classId: string): Promise<MonitoringState> =>
  api.monitoring({ params: { classId } });

export const setVerdict = (
  classId: string,
  groupId: string,
  anticipationId: string,
  verdict: Verdict | null,
): Promise<MonitoringState> =>
  api.setMatchVerdict({ params: { classId, groupId, anticipationId }, body: { verdict } });

/** A download link (the browser sends the cookie), not a fetch. */
export const labelsUrl = (classId: string) => routeUrl(routes.matchLabels, { classId });
