/**
 * bench/tagging/live — tags per second and latency through the live pipeline.
 *
 * Our built server (SQLite) with a class of G groups of 5; every student posts a new sticky note with text
 * every 2 s. The teacher's dashboard socket receives each `contributionTagged`. With the tag debounce set to
 * 0 ms, the latency from a student's write to its tag on the dashboard is what the pipeline costs (Yjs
 * receive, store, tag, store the tag, emit); it is printed beside the plain relay latency of the same
 * notes to a group member in the same run (the baseline). In class the debounce (1.5 s by default) is
 * added on purpose, so a note is tagged once its author stops typing.
 *
 *   pnpm bench:tagging-live [--groups=6] [--seconds=8]
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, YDOC_RECORDS_KEY, YJS_PATH } from '@conjecture/shared';
import { spawnServer } from '../sync/servers.js';
import { percentile } from '../sync/stats.js';
import { noteShape } from '../../server/src/test/records.js';
import { runBench } from '../clients.js';

const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = hit ? Number(hit.split('=')[1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const GROUPS = arg('groups', 6);
const SECONDS = arg('seconds', 8);
const GROUP_SIZE = 5;
const NOTE_EVERY_MS = 2000;
const now = () => performance.timeOrigin + performance.now();

const SENTENCES = [
  'I think 3/4 is bigger than 2/3',
  'because 9/12 is more than 8/12',
  'I agree with Sam, the unit rate is the same',
  'Why did you multiply by 4?',
  'The table shows 2, 4, 6 so it doubles',
  'Can you explain how you got 15%?',
];

async function post<T>(url: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status}`);
  return { json: (await res.json()) as T, res };
}

const note = (id: string, text: string) => noteShape(id, text, { meta: { sentAt: now() } });

async function main(): Promise<void> {
  process.env.TAG_DEBOUNCE_MS = '0';
  const server = await spawnServer('ours');
  const cleanups: Array<() => void> = [];
  try {
    const created = (
      await post<{ classId: string; joinCode: string; teacherLink: string }>(`${server.url}/api/classes`, {
        title: 'Tagging bench',
      })
    ).json;
    const session = await post(`${server.url}/api/classes/${created.classId}/teacher-session`, {
      key: created.teacherLink.split('#key=')[1],
    });
    const cookie = (session.res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const dashboard = io(server.url, {
      auth: { protocolVersion: PROTOCOL_VERSION, classId: created.classId },
      extraHeaders: { cookie },
      transports: ['websocket'],
    });
    cleanups.push(() => dashboard.disconnect());

    const sentAt = new Map<string, number>();
    let measuring = false;
    const tagLatencies: number[] = [];
    const relayLatencies: number[] = [];
    let tagged = 0;
    dashboard.on('contributionTagged', ({ tag }: { tag: { contributionId: string; kind: string } }) => {
      const t = sentAt.get(tag.contributionId);
      if (!measuring || t === undefined || tag.kind !== 'board_text') return;
      tagged++;
      tagLatencies.push(now() - t);
    });

    const writers: Array<() => void> = [];
    for (let g = 0; g < GROUPS; g++) {
      const group = (
        await post<{ groupId: string; boardId: string }>(
          `${server.url}/api/classes/${created.classId}/groups`,
          {},
          { cookie },
        )
      ).json;
      for (let s = 0; s < GROUP_SIZE; s++) {
        const joined = (
          await post<{ token: string; identity: { studentId: string } }>(`${server.url}/api/join`, {
            joinCode: created.joinCode,
            displayName: `S${g}-${s}`,
          })
        ).json;
        await post(
          `${server.url}/api/classes/${created.classId}/students/${joined.identity.studentId}/group`,
          { groupId: group.groupId },
          { cookie },
          'PUT',
        );
        const doc = new Y.Doc();
        const provider = new WebsocketProvider(
          `${server.url.replace('http', 'ws')}${YJS_PATH}`,
          group.boardId,
          doc,
          {
            params: { token: joined.token },
            WebSocketPolyfill: WebSocket as never,
            disableBc: true,
          },
        );
        cleanups.push(() => provider.destroy());
        const records = new YKeyValue<Record<string, unknown>>(doc.getArray(YDOC_RECORDS_KEY));
        if (s === 1) {
          records.on('change', ((
            changes: Map<string, { newValue?: { meta?: { sentAt?: number }; type?: string } }>,
          ) => {
            if (!measuring) return;
            for (const [key, change] of changes) {
              const t = change.newValue?.meta?.sentAt;
              if (
                change.newValue?.type === 'note' &&
                typeof t === 'number' &&
                !key.includes(joined.identity.studentId)
              )
                relayLatencies.push(now() - t);
            }
          }) as never);
        }
        let n = 0;
        writers.push(() => {
          const shapeId = `shape:${joined.identity.studentId}-${n}`;
          const text = `${SENTENCES[(g + s + n) % SENTENCES.length]} (${n})`;
          n++;
          sentAt.set(`board:${group.boardId}:${shapeId}`, now());
          records.set(shapeId, note(shapeId, text));
        });
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
    const stops = writers.map((write, i) => {
      let timer: NodeJS.Timeout | undefined;
      const start = setTimeout(
        () => (timer = setInterval(write, NOTE_EVERY_MS)),
        (i * NOTE_EVERY_MS) / writers.length,
      );
      return () => {
        clearTimeout(start);
        clearInterval(timer);
      };
    });
    await new Promise((r) => setTimeout(r, 2000));
    measuring = true;
    const started = now();
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    stops.forEach((s) => s());
    const windowS = (now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 1500));
    measuring = false;

    const row = (name: string, xs: number[]) =>
      `| ${name} | ${xs.length} | ${percentile(xs, 50).toFixed(2)} | ${percentile(xs, 95).toFixed(2)} | ${percentile(xs, 99).toFixed(2)} |`;
    console.log(
      `${GROUPS * GROUP_SIZE} students in ${GROUPS} groups, a new sticky note every ${NOTE_EVERY_MS / 1000} s each, tag debounce 0 ms, ${SECONDS} s measured`,
    );
    console.log(`live pipeline: ${(tagged / windowS).toFixed(1)} tags/s reached the dashboard`);
    console.log('| path | samples | p50 ms | p95 ms | p99 ms |');
    console.log('|:---|---:|---:|---:|---:|');
    console.log(row('student write → tag on the dashboard', tagLatencies));
    console.log(row('student write → group member (relay baseline)', relayLatencies));
  } finally {
    cleanups.forEach((c) => c());
    await server.stop();
  }
}

runBench(main);
