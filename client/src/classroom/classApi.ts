import type {
  ClassState,
  CoachLinkState,
  ClassView,
  CreateClassBody,
  CreatedClass,
  Group,
  GroupActivity,
  Hands,
  Identity,
  JoinClassBody,
  JoinedClass,
  PoseQuestionBody,
  Projection,
  Question,
  Spotlight,
  UpdateClassBody,
} from '@conjecture/shared';
import { newAttemptId } from '../api/attemptId.js';
import { api, apiFor, TEACHER_AUTH, type ClassAuth } from '../api/http.js';

export type { ClassAuth } from '../api/http.js';

// Commands of the class's REST routes, over the typed client: the route list lives once, in shared.
// The teacher's routes need no token: the browser sends the httpOnly cookie by itself.

export const createClass = (body: CreateClassBody): Promise<CreatedClass> => api.createClass({ body });

/** Trades the teacher link's key for the httpOnly cookie. */
export const startTeacherSession = (classId: string, key: string) =>
  api.startTeacherSession({ params: { classId }, body: { key } });

export const startProjectorSession = (classId: string, key: string) =>
  api.startProjectorSession({ params: { classId }, body: { key } });

/** Trades a coach link's key for a read-only evidence session (a bearer token). */
export const startCoachSession = (classId: string, key: string) =>
  api.startCoachSession({ params: { classId }, body: { key } });

export const joinClass = (body: JoinClassBody): Promise<JoinedClass> => api.join({ body });

export const getMe = (token: string): Promise<Identity> => apiFor(token).me();

export const getClassView = (classId: string, auth: ClassAuth): Promise<ClassView> =>
  apiFor(auth).classView({ params: { classId } });

/** The class with its roster: the teacher's cookie, or a coach's token. */
export const getClassState = (classId: string, auth: ClassAuth = TEACHER_AUTH): Promise<ClassState> =>
  apiFor(auth).classState({ params: { classId } });

export const updateClass = (classId: string, patch: UpdateClassBody): Promise<ClassState> =>
  api.updateClass({ params: { classId }, body: patch });

/** One call, one group: its attempt id makes the same request sent again answer the group it made. */
export const createGroup = (classId: string, name?: string): Promise<Group> =>
  api.createGroup({ params: { classId }, body: { ...(name ? { name } : {}), attemptId: newAttemptId() } });

export const renameGroup = (classId: string, groupId: string, name: string): Promise<ClassState> =>
  api.renameGroup({ params: { classId, groupId }, body: { name } });

/** Without `force` the server refuses (409 conflict) a group whose board or answers hold work. */
export const deleteGroup = (classId: string, groupId: string, force: boolean): Promise<ClassState> =>
  api.deleteGroup({ params: { classId, groupId }, query: force ? { force: 'true' } : {} });

export const assignStudent = (classId: string, studentId: string, groupId: string | null) =>
  api.assignStudent({ params: { classId, studentId }, body: { groupId } });

export const removeStudent = (classId: string, studentId: string, removeMarks: boolean) =>
  api.removeStudent({ params: { classId, studentId }, body: { removeMarks } });

export const deleteClass = (classId: string): Promise<void> => api.deleteClass({ params: { classId } });

export const poseQuestion = (classId: string, body: PoseQuestionBody): Promise<Question> =>
  api.poseQuestion({ params: { classId }, body });

export const listQuestions = (classId: string): Promise<Question[]> =>
  api.listQuestions({ params: { classId } });

export const setProjection = (
  classId: string,
  projection: Pick<Projection, 'boardIds' | 'anonymize'>,
): Promise<Projection> => api.setProjection({ params: { classId }, body: projection });

export const getActivity = (classId: string): Promise<GroupActivity[]> =>
  api.groupActivity({ params: { classId } });

export const getHands = (classId: string): Promise<Hands> => api.hands({ params: { classId } });

export const rotateProjectorKey = (classId: string) => api.rotateProjectorKey({ params: { classId } });

export const getCoachLink = (classId: string): Promise<CoachLinkState> =>
  api.coachLink({ params: { classId } });

/** A new coach link (path and `#key=`): the one before it and its sessions stop working. */
export const createCoachLink = (classId: string) => api.createCoachLink({ params: { classId } });

export const revokeCoachLink = (classId: string): Promise<void> =>
  api.revokeCoachLink({ params: { classId } });

/** Frames a region of a group board on the projector; null ends the spotlight. */
export const setSpotlight = (classId: string, spotlight: Spotlight | null): Promise<Projection> =>
  api.setSpotlight({ params: { classId }, body: { spotlight } });
