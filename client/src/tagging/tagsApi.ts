import {
  routeUrl,
  routes,
  type ContributionTag,
  type CorrectTagBody,
  type TagSummary,
} from '@conjecture/shared';
import { api, apiFor, type ClassAuth } from '../api/http.js';

/** The tags of one board (the chips): a student's token, the projector's, or the teacher's cookie. */
export const getBoardTags = (boardId: string, auth: ClassAuth): Promise<ContributionTag[]> =>
  apiFor(auth).boardTags({ params: { boardId } });

// The teacher's routes: the cookie is the credential.
export const getClassTags = (classId: string): Promise<ContributionTag[]> =>
  api.classTags({ params: { classId } });

export const getTagSummary = (classId: string): Promise<TagSummary> =>
  api.tagSummary({ params: { classId } });

export const correctTag = (
  classId: string,
  contributionId: string,
  correction: CorrectTagBody,
): Promise<ContributionTag> => api.correctTag({ params: { classId, contributionId }, body: correction });

/** A download link (the browser sends the cookie), not a fetch. */
export const correctionsExportUrl = (classId: string): string => routeUrl(routes.tagCorrections, { classId });
