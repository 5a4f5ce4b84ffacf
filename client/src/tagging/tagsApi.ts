import {
  routeUrl,
  routes,
  type ContributionTag,
  type CorrectTagBody,
  type TagSummary,
} from '@conjecture/shared';
import { api, apiFor, TEACHER_AUTH, type ClassAuth } from '../api/http.js';

/** The tags of one board (the chips): a student's token, the projector's, or the teacher's cookie. */
export const getBoardTags = (boardId: string, auth: ClassAuth): Promise<ContributionTag[]> =>
  apiFor(auth).boardTags({ params: { boardId } });

// The class's tags: the teacher's cookie, or a coach's token (who reads them but corrects nothing).
export const getClassTags = (classId: string, auth: ClassAuth = TEACHER_AUTH): Promise<ContributionTag[]> =>
  apiFor(auth).classTags({ params: { classId } });

export const getTagSummary = (classId: string, auth: ClassAuth = TEACHER_AUTH): Promise<TagSummary> =>
  apiFor(auth).tagSummary({ params: { classId } });

// The teacher's route: the cookie is the credential.
export const correctTag = (
  classId: string,
  contributionId: string,
  correction: CorrectTagBody,
): Promise<ContributionTag> => api.correctTag({ params: { classId, contributionId }, body: correction });

/** A download link (the browser sends the cookie), not a fetch. */
export const correctionsExportUrl = (classId: string): string => routeUrl(routes.tagCorrections, { classId });
