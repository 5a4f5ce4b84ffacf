import { useCallback, useEffect, useRef, useState } from 'react';
import { drawnGroupOf, type GroupDraw } from '@conjecture/shared';
import { TEACHER_AUTH, type ClassAuth } from '../api/http.js';
import { useStableAuth } from '../api/useStableAuth.js';
import { useReloadOnConnect, useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';
import { getGroupDraw } from './diagnosticApi.js';
import { rememberDismissed, wasDismissed } from './dismissedDraw.js';
import { localStorageOrNull, type KeyValueStorage } from '../classroom/keyValueStorage.js';

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
  drawnAt: number;
  groupId: string;
  groupmates: string[];
}

/**
 * For a student: their group when it came from a random draw, with the others in it — shown once, until
 * dismissed or the student is moved to another group. Live when the teacher publishes the draw
 * (`groupsPublished`), and on arrival — a late join, a reload — from the draw the server holds: a student
 * who missed the moment is told too. A dismissed draw is remembered here, so a page opened again stays quiet.
 */
export function useDrawnGroupNotice(
  classId: string,
  token: string | null,
  studentId: string | null,
  groupId: string | null,
  socket: ClassSocket | null,
  storage: KeyValueStorage | null = localStorageOrNull(),
): { notice: DrawnGroupNotice | null; dismiss: () => void } {
  const [notice, setNotice] = useState<DrawnGroupNotice | null>(null);
  const asked = useRef(0);
  // `inGroup`: on arrival, the group she is in now; the draw tells only if it put her there (a student moved
  // by hand since is in a group the draw did not make). Live, her group may not have arrived yet.
  const show = useCallback(
    (ticket: number, inGroup?: string) => {
      if (!token || !studentId) return;
      getGroupDraw(classId, { token }).then(
        (draw) => {
          const mine = draw && drawnGroupOf(draw.groups, studentId);
          if (ticket !== asked.current || !mine || (inGroup !== undefined && mine.groupId !== inGroup))
            return;
          const shown = { drawnAt: draw.drawnAt, groupId: mine.groupId, groupmates: mine.groupmates };
          if (!wasDismissed(classId, shown, storage)) setNotice(shown);
        },
        () => {},
      );
    },
    [classId, token, studentId, storage],
  );
  // On arrival in a group: a draw published before this page opened is told here, not by an event.
  useEffect(() => {
    if (groupId !== null) show(++asked.current, groupId);
  }, [groupId, show]);
  useSocketEvent(socket, 'groupsPublished', ({ drawnAt }) => {
    const ticket = ++asked.current;
    setNotice(null);
    if (drawnAt !== null) show(ticket);
  });
  // `groupAssigned` also comes with a rename: only a move to another group makes the notice untrue.
  useSocketEvent(socket, 'groupAssigned', ({ group }) =>
    setNotice((n) => (n && n.groupId !== group?.groupId ? null : n)),
  );
  const dismiss = useCallback(() => {
    asked.current++;
    setNotice((n) => {
      if (n) rememberDismissed(classId, n, storage);
      return null;
    });
  }, [classId, storage]);
  return { notice, dismiss };
}
