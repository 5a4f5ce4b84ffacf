import { boardShapes } from './records.js';
import { api, connect } from '../clients.js';

/** The server tags every new text a moment after it rests; the pages open once it has stopped. */
const TAGS_STABLE_MS = 3_000;
/** Records per Yjs transaction while filling: well under the server's per-update size and item caps. */
const FILL_BATCH = 250;
const FILL_TIMEOUT_MS = 120_000;

export interface FilledBoard {
  shapes: number;
  classId: string;
  boardId: string;
  /** The student's session token: the page finds it in localStorage, as after joining. */
  studentToken: string;
  /** The board's document records as the server stored them (document, page, shapes). */
  records: Array<Record<string, unknown>>;
}

async function until(what: string, predicate: () => boolean): Promise<void> {
  const deadline = Date.now() + FILL_TIMEOUT_MS;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the board's tag count has not changed for `TAGS_STABLE_MS`: the server tags the filled texts
 * (its debounce, then the model) and would otherwise do it during the first measured loads of ours only.
 */
async function tagsSettled(serverUrl: string, boardId: string, cookie: string): Promise<void> {
  let count = -1;
  let stableSince = Date.now();
  const deadline = Date.now() + FILL_TIMEOUT_MS;
  while (Date.now() - stableSince < TAGS_STABLE_MS) {
    if (Date.now() > deadline) throw new Error(`tags of board ${boardId} never settled`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const tags = (
      await api<unknown[]>(`${serverUrl}/api/boards/${boardId}/tags`, 'GET', undefined, { cookie })
    ).json;
    if (tags.length !== count) {
      count = tags.length;
      stableSince = Date.now();
    }
  }
}

/**
 * One class with a group per board size, one student in each; every group board filled by a stock client
 * (`WebsocketProvider` + `YKeyValue`, as the student) and read back through a second connection, so the
 * server has stored every shape before any page opens it.
 */
export async function fillBoards(serverUrl: string, sizes: number[]): Promise<FilledBoard[]> {
  const created = await api<{ classId: string; joinCode: string; teacherLink: string }>(
    `${serverUrl}/api/classes`,
    'POST',
    { title: 'Browser bench' },
  );
  const { classId, joinCode } = created.json;
  const key = created.json.teacherLink.split('#key=')[1] as string;
  const session = await api(`${serverUrl}/api/classes/${classId}/teacher-session`, 'POST', { key });
  const cookie = (session.res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const teacherToken = cookie.split('=')[1] as string;
  const boards: FilledBoard[] = [];
  for (const [i, shapes] of sizes.entries()) {
    const group = (
      await api<{ groupId: string; boardId: string }>(
        `${serverUrl}/api/classes/${classId}/groups`,
        'POST',
        {},
        { cookie },
      )
    ).json;
    const joined = (
      await api<{ token: string; identity: { studentId: string } }>(`${serverUrl}/api/join`, 'POST', {
        joinCode,
        displayName: `Student ${i + 1}`,
      })
    ).json;
    await api(
      `${serverUrl}/api/classes/${classId}/students/${joined.identity.studentId}/group`,
      'PUT',
      { groupId: group.groupId },
      { cookie },
    );
    const writer = connect(serverUrl, group.boardId, { token: joined.token });
    const reader = connect(serverUrl, group.boardId, { token: teacherToken, mode: 'view' });
    try {
      await Promise.all([writer.synced, reader.synced]);
      const records = boardShapes(shapes);
      for (let from = 0; from < records.length; from += FILL_BATCH) {
        writer.doc.transact(() => {
          for (const record of records.slice(from, from + FILL_BATCH))
            writer.records.set(record.id as string, record);
        });
        // Stay under the server's per-connection update rate.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await until(`${shapes} shapes on board ${group.boardId}`, () =>
        records.every((r) => reader.records.has(r.id as string)),
      );
      await tagsSettled(serverUrl, group.boardId, cookie);
      boards.push({
        shapes,
        classId,
        boardId: group.boardId,
        studentToken: joined.token,
        records: [...reader.records.map.values()].map((entry) => entry.val),
      });
    } finally {
      writer.provider.destroy();
      reader.provider.destroy();
    }
  }
  return boards;
}
