import { useCallback, useEffect, useRef, useState } from 'react';
import { drawnGroupOf, type GroupDraw } from '@conjecture/shared';
import { TEACHER_AUTH, type ClassAuth } from '../api/http.js';
import { useStableAuth } from '../api/useStableAuth.js';
import { useReloadOnConnect, useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';
import { getGroupDraw } from './diagnosticApi.js';

/**
 * The class's groups as drawn at random, kept current: fetched once signed in and on every (re)connect, and
 * again when the teacher publishes groups (`groupsPublished`, null at once when they were not a draw) or
 * changes what this viewer sees of them (renames, pseudonyms). Only the latest answer counts.
 */
export function useGroupDraw(classId: string, auth: ClassAuth | null, socket: ClassSocket | null): GroupDraw {
  const [draw, setDraw] = useState<GroupDraw>(null);
  const asked = useRef(0);
  // Hooks run whether or not the viewer is signed in: the stand-in credential is never sent.
  const stableAuth = useStableAuth(auth ?? TEACHER_AUTH);
  const credential = auth === null ? null : stableAuth;
  const load = useCallback(async () => {
    if (!credential) return;
    const ticket = ++asked.current;
    const answer = await getGroupDraw(classId, credential);
    if (ticket === asked.current) setDraw(answer);
  }, [classId, credential]);
  useEffect(() => {
    load().catch(() => {});
  }, [load]);
  useReloadOnConnect(socket, load);
  useSocketEvent(socket, 'groupsPublished', ({ drawnAt }) => {
    if (drawnAt !== null) return void load().catch(() => {});
    asked.current++; // an answer on its way describes the groups before this publication
    setDraw(null);
  });
  // Renames and pseudonyms change a draw on screen; with none shown there is nothing to fetch.
  const reloadShown = () => void (draw !== null && load().catch(() => {}));
  useSocketEvent(socket, 'projectionChanged', reloadShown);
  useSocketEvent(socket, 'classViewChanged', reloadShown);
  return draw;
}

export interface DrawnGroupNotice {
  groupId: string;
  groupmates: string[];
}

/**
 * For a student: their group when it has just arrived from a random draw, with the others in it — shown
 * once, live, until dismissed or the student is moved to another group (a page opened later shows nothing:
 * the notice is news, not a label).
 */
export function useDrawnGroupNotice(
  classId: string,
  token: string | null,
  studentId: string | null,
  socket: ClassSocket | null,
): { notice: DrawnGroupNotice | null; dismiss: () => void } {
  const [notice, setNotice] = useState<DrawnGroupNotice | null>(null);
  const asked = useRef(0);
  useSocketEvent(socket, 'groupsPublished', ({ drawnAt }) => {
    const ticket = ++asked.current;
    setNotice(null);
    if (drawnAt === null || !token || !studentId) return;
    getGroupDraw(classId, { token }).then(
      (draw) => {
        const mine = draw && drawnGroupOf(draw.groups, studentId);
        if (ticket === asked.current && mine)
          setNotice({ groupId: mine.groupId, groupmates: mine.groupmates });
      },
      () => {},
    );
  });
  // `groupAssigned` also comes with a rename: only a move to another group makes the notice untrue.
  useSocketEvent(socket, 'groupAssigned', ({ group }) =>
    setNotice((n) => (n && n.groupId !== group?.groupId ? null : n)),
  );
  const dismiss = useCallback(() => {
    asked.current++;
    setNotice(null);
  }, []);
  return { notice, dismiss };
}
