import { boardShapes } from './records.js';
import { api, connect } from '../clients.js';
import { noteShape } from '../../server/src/test/records.js';

/** The note whose text the probing student rewrites: the pages report when their view shows each value. */
export const PROBE_SHAPE_ID = 'shape:probe';
export const probeText = (seq: number) => `probe ${seq}`;

const FILL_BATCH = 250;
const FILL_TIMEOUT_MS = 120_000;

export interface LiveClass {
  classId: string;
  /** `name=value` of the teacher's session cookie. */
  teacherCookie: string;
  projectorLink: string;
  boardIds: string[];
  /** The groups' ids, in the order of `boardIds`. */
  groupIds: string[];
  students: Array<ReturnType<typeof connect> & { boardId: string }>;
}

async function until(what: string, predicate: () => boolean): Promise<void> {
  const deadline = Date.now() + FILL_TIMEOUT_MS;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A class of `groups` groups with `perGroup` students each, every group board filled with `shapes` shapes
 * and the probe note by its first student (stock `WebsocketProvider` + `YKeyValue` clients, as the students);
 * the students' connections stay open to edit during the measurement.
 */
export async function liveClass(
  serverUrl: string,
  { groups, perGroup, shapes }: { groups: number; perGroup: number; shapes: number },
): Promise<LiveClass> {
  const created = await api<{
    classId: string;
    joinCode: string;
    teacherLink: string;
    projectorLink: string;
  }>(`${serverUrl}/api/classes`, 'POST', { title: 'Dashboard bench' });
  const { classId, joinCode, projectorLink } = created.json;
  const key = created.json.teacherLink.split('#key=')[1] as string;
  const session = await api(`${serverUrl}/api/classes/${classId}/teacher-session`, 'POST', { key });
  const teacherCookie = (session.res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const boardIds: string[] = [];
  const groupIds: string[] = [];
  const students: LiveClass['students'] = [];
  for (let g = 0; g < groups; g++) {
    const group = (
      await api<{ groupId: string; boardId: string }>(
        `${serverUrl}/api/classes/${classId}/groups`,
        'POST',
        {},
        { cookie: teacherCookie },
      )
    ).json;
    boardIds.push(group.boardId);
    groupIds.push(group.groupId);
    for (let s = 0; s < perGroup; s++) {
      const joined = (
        await api<{ token: string; identity: { studentId: string } }>(`${serverUrl}/api/join`, 'POST', {
          joinCode,
          displayName: `Student ${g + 1}.${s + 1}`,
        })
      ).json;
      await api(
        `${serverUrl}/api/classes/${classId}/students/${joined.identity.studentId}/group`,
        'PUT',
        { groupId: group.groupId },
        { cookie: teacherCookie },
      );
      students.push({
        ...connect(serverUrl, group.boardId, { token: joined.token }),
        boardId: group.boardId,
      });
    }
    const writer = students.at(-perGroup)!;
    await writer.synced;
    const records = [...boardShapes(shapes), noteShape(PROBE_SHAPE_ID, probeText(0), { x: 0, y: -260 })];
    for (let from = 0; from < records.length; from += FILL_BATCH) {
      writer.doc.transact(() => {
        for (const record of records.slice(from, from + FILL_BATCH))
          writer.records.set(record.id as string, record);
      });
      // Stay under the server's per-connection update rate.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const last = students.at(-1)!;
    await last.synced;
    await until(`${records.length} shapes on board ${group.boardId}`, () =>
      records.every((r) => last.records.has(r.id as string)),
    );
  }
  return { classId, teacherCookie, projectorLink, boardIds, groupIds, students };
}

/**
 * Every student edits at `perSecond` updates a second (a shape of their board moved a little, round-robin
 * over the board), starting at random phases; the first student of the first board instead rewrites the
 * probe note's text and notes when (`written`: sequence → epoch ms). Returns the stop function.
 */
export function startEditing(live: LiveClass, perSecond: number, written: Map<number, number>): () => void {
  const timers: Array<ReturnType<typeof setInterval>> = [];
  const starts: Array<ReturnType<typeof setTimeout>> = [];
  let seq = 0;
  live.students.forEach((student, i) => {
    const prober = i === 0;
    let n = i * 7;
    const edit = () => {
      if (prober) {
        const note = student.records.get(PROBE_SHAPE_ID) as Record<string, unknown> | undefined;
        if (!note) return;
        seq += 1;
        const text = probeText(seq);
        const props = note.props as Record<string, unknown>;
        written.set(seq, Date.now());
        student.records.set(PROBE_SHAPE_ID, {
          ...note,
          props: {
            ...props,
            richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
          },
        });
        return;
      }
      n += 1;
      const id = `shape:b${n % 200}`;
      const shape = student.records.get(id) as Record<string, unknown> | undefined;
      if (shape) student.records.set(id, { ...shape, x: (shape.x as number) + (n % 2 === 0 ? 4 : -4) });
    };
    starts.push(
      setTimeout(() => timers.push(setInterval(edit, 1000 / perSecond)), Math.random() * (1000 / perSecond)),
    );
  });
  return () => {
    starts.forEach(clearTimeout);
    timers.forEach(clearInterval);
  };
}
