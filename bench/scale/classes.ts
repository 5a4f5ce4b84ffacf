import { ApiRequestError, createApiClient } from '@conjecture/shared';
import { groupSizes } from './plan.js';

/** A class as the teacher set it up through the REST API: what the generator needs to connect its clients. */
export interface ClassPlan {
  classId: string;
  /** The teacher cookie's value, presented as a bearer token (socket.io `auth.token`, Yjs `?token=`). */
  teacherToken: string;
  groups: Array<{ boardId: string; studentTokens: string[] }>;
}

/** How many classes are set up at once: enough to overlap round trips, few enough not to swamp the server. */
const SETUP_CONCURRENCY = 4;

const RETRY_MS = 250;
const RETRIES = 40;

/**
 * A call retried while the server answers 503 `unavailable`, as the web client does: PostgreSQL busy, or in
 * a cluster a class whose process is not (yet) the one asked.
 */
async function whenAvailable<T>(call: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (err) {
      if (!(err instanceof ApiRequestError && err.code === 'unavailable') || attempt >= RETRIES) throw err;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

/**
 * A class of `size` students, set up as a teacher and students would through the real API: the teacher
 * creates the class and opens the teacher link (the cookie), makes groups of 4–5, each student joins by
 * code and the teacher puts them in their group.
 */
async function setUpClass(url: string, size: number, index: number): Promise<ClassPlan> {
  const anonymous = createApiClient({ origin: url });
  const created = await whenAvailable(() =>
    anonymous.createClass({ body: { title: `Scale bench ${index + 1}` } }),
  );
  const key = new URL(created.teacherLink, url).hash.replace('#key=', '');
  // The cookie comes in the answer's headers, which the typed client does not return: read it on the way.
  let cookie = '';
  const opening = createApiClient({
    origin: url,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return response;
    },
  });
  await whenAvailable(() =>
    opening.startTeacherSession({ params: { classId: created.classId }, body: { key } }),
  );
  const teacher = createApiClient({ origin: url, headers: { cookie } });
  const params = { classId: created.classId };
  const groups: ClassPlan['groups'] = [];
  let student = 0;
  for (const groupSize of groupSizes(size)) {
    const group = await whenAvailable(() => teacher.createGroup({ params, body: {} }));
    const studentTokens: string[] = [];
    for (let i = 0; i < groupSize; i++) {
      student++;
      const name = `Student ${student}`;
      // A 503 may come after the join was stored: a retry under the same name would be refused as taken.
      const joined = await whenAvailable((attempt) =>
        anonymous.join({
          body: { joinCode: created.joinCode, displayName: attempt === 1 ? name : `${name} (${attempt})` },
        }),
      );
      if (joined.identity.role !== 'student') throw new Error(`joined as ${joined.identity.role}`);
      const studentId = joined.identity.studentId;
      await whenAvailable(() =>
        teacher.assignStudent({ params: { ...params, studentId }, body: { groupId: group.groupId } }),
      );
      studentTokens.push(joined.token);
    }
    groups.push({ boardId: group.boardId, studentTokens });
  }
  return { classId: created.classId, teacherToken: cookie.slice(cookie.indexOf('=') + 1), groups };
}

export async function setUpClasses(url: string, sizes: number[]): Promise<ClassPlan[]> {
  const plans: ClassPlan[] = new Array(sizes.length);
  let next = 0;
  const worker = async () => {
    while (next < sizes.length) {
      const index = next++;
      plans[index] = await setUpClass(url, sizes[index] as number, index);
    }
  };
  await Promise.all(Array.from({ length: SETUP_CONCURRENCY }, worker));
  return plans;
}
