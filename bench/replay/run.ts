/**
 * bench/replay — how fast a teacher opens the replay of a long lesson.
 *
 * A lesson of U updates (default 2,000) written by three stock y-websocket clients (students) through our
 * built server (SQLite): notes created, moved, rewritten and deleted. Then, R times, the teacher opens the
 * replay as the dashboard does: GET the group's replay (server: read the log, rebuild every step), parse
 * it with the route's schema (the typed client does), build the `ReplayTimeline` and reconstruct the first
 * and the last step. Beside it, in the same run, the baseline: a stock Y.Doc applying the same log (as
 * relayed to an observer) one update at a time to reach the last step — what a client replaying the raw
 * log naïvely would do before it could show anything. Target: the replay opens in under 1 s.
 *
 * Then, if the client is built, the same in Chromium: the teacher's dashboard opens the replay (click →
 * the last step drawn), scrubs to the start and back to the end (`--no-browser` skips it).
 *
 *   pnpm build && pnpm bench:replay [--updates=2000] [--runs=7] [--no-browser]
 */
import os from 'node:os';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { BoardReplaySchema, ReplayTimeline, YDOC_RECORDS_KEY } from '@conjecture/shared';
import { noteShape } from '../../server/src/test/records.js';
import { checkOurBuild, spawnServer } from '../sync/servers.js';
import { percentile } from '../sync/stats.js';
import { api, connect, runBench } from '../clients.js';
import { measureInChromium } from './browser.js';

const CLIENT_DIST = fileURLToPath(new URL('../../client/dist/', import.meta.url));
const BROWSER = !process.argv.includes('--no-browser') && fs.existsSync(`${CLIENT_DIST}index.html`);

const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = hit ? Number(hit.split('=')[1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const UPDATES = arg('updates', 2000);
const RUNS = Math.max(2, arg('runs', 7));
const STUDENTS = 3;
/** Each student writes at most this often: under the server's per-connection budget (120/s). */
const WRITE_EVERY_MS = 12;
const TARGET_MS = 1000;
const SETTLE_MS = 4000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (from: number) => performance.now() - from;

/** A small deterministic generator, so every run writes the same lesson. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const WORDS = ['3/4', 'is', 'more', 'than', '2/3', 'because', '9/12', '>', '8/12', 'ratio', 'per', 'pen'];

async function main(): Promise<void> {
  checkOurBuild();
  const server = await spawnServer('ours', BROWSER ? { clientDist: CLIENT_DIST } : {});
  const stop: Array<() => void> = [];
  try {
    const created = await api<{ classId: string; joinCode: string; teacherLink: string }>(
      `${server.url}/api/classes`,
      'POST',
      { title: 'Replay bench' },
    );
    const { classId, joinCode } = created.json;
    const key = created.json.teacherLink.split('#key=')[1] as string;
    const session = await api(`${server.url}/api/classes/${classId}/teacher-session`, 'POST', { key });
    const cookie = (session.res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const teacherToken = cookie.split('=')[1] as string;
    const group = (
      await api<{ groupId: string; boardId: string; name: string }>(
        `${server.url}/api/classes/${classId}/groups`,
        'POST',
        {},
        { cookie },
      )
    ).json;

    // The baseline's log: every update as the server relays it, captured by a read-only observer.
    const observer = connect(server.url, group.boardId, { token: teacherToken, mode: 'view' });
    stop.push(() => observer.provider.destroy());
    const relayed: Uint8Array[] = [];
    observer.doc.on('update', (update: Uint8Array) => relayed.push(update));
    await observer.synced;

    const students = [];
    for (let s = 0; s < STUDENTS; s++) {
      const joined = (
        await api<{ token: string; identity: { studentId: string } }>(`${server.url}/api/join`, 'POST', {
          joinCode,
          displayName: `Student ${s}`,
        })
      ).json;
      await api(
        `${server.url}/api/classes/${classId}/students/${joined.identity.studentId}/group`,
        'PUT',
        { groupId: group.groupId },
        { cookie },
      );
      const client = connect(server.url, group.boardId, { token: joined.token });
      stop.push(() => client.provider.destroy());
      await client.synced;
      students.push(client);
    }

    // The lesson: each student creates notes, moves them, rewrites them and now and then deletes one.
    const started = performance.now();
    const perStudent = Math.ceil(UPDATES / STUDENTS);
    await Promise.all(
      students.map(async (client, s) => {
        const next = random(s + 1);
        const own: Array<{ id: string; text: string[] }> = [];
        for (let i = 0; i < perStudent; i++) {
          const roll = next();
          const pick = own[Math.floor(next() * own.length)];
          if (!pick || roll < 0.3) {
            const id = `shape:s${s}-${i}`;
            const note = { id, text: [WORDS[i % WORDS.length] as string] };
            own.push(note);
            client.records.set(id, noteShape(id, note.text.join(' '), { x: (i % 20) * 220, y: s * 600 }));
          } else if (roll < 0.75) {
            const at = client.records.get(pick.id) as Record<string, unknown>;
            client.records.set(pick.id, {
              ...at,
              x: Math.round(next() * 4000),
              y: Math.round(next() * 2000),
            });
          } else if (roll < 0.95) {
            pick.text.push(WORDS[Math.floor(next() * WORDS.length)] as string);
            const at = client.records.get(pick.id) as Record<string, unknown>;
            const fresh = noteShape(pick.id, pick.text.join(' '));
            client.records.set(pick.id, { ...at, props: fresh.props });
          } else {
            client.records.delete(pick.id);
            own.splice(own.indexOf(pick), 1);
          }
          await sleep(WRITE_EVERY_MS);
        }
      }),
    );
    const expected = perStudent * STUDENTS;
    const url = `${server.url}/api/classes/${classId}/groups/${group.groupId}/replay`;
    // The server stores an update before it relays it: once the observer has them all, the log does too.
    for (let tries = 0; relayed.length < expected; tries++) {
      if (tries > 300) throw new Error(`the observer saw ${relayed.length} of ${expected} updates`);
      await sleep(100);
    }
    const writeSeconds = ms(started) / 1000;
    // The lesson's last texts are tagged and its boards matched a debounce after the last write (1.5 s and
    // 1 s by default): let the server finish that, so the cold opening measures the replay, not the tagger.
    await sleep(SETTLE_MS);

    const rows = {
      response: [],
      parse: [],
      timeline: [],
      first: [],
      last: [],
      openFirst: [],
      openLast: [],
      naive: [],
    } as Record<string, number[]>;
    let payloadBytes = 0;
    let steps = 0;
    let shapes = 0;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const res = await fetch(url, { headers: { cookie } });
      const text = await res.text();
      const body: unknown = JSON.parse(text);
      const response = ms(t0);
      const t1 = performance.now();
      const replay = BoardReplaySchema.parse(body);
      const parse = ms(t1);
      const t2 = performance.now();
      const timeline = new ReplayTimeline(replay.steps);
      const build = ms(t2);
      const t3 = performance.now();
      timeline.recordsAt(1);
      const first = ms(t3);
      const t4 = performance.now();
      const end = timeline.recordsAt(timeline.end);
      const last = ms(t4);
      payloadBytes = text.length;
      steps = timeline.end;
      shapes = [...end.values()].filter((r) => r.typeName === 'shape').length;
      rows.response!.push(response);
      rows.parse!.push(parse);
      rows.timeline!.push(build);
      rows.first!.push(first);
      rows.last!.push(last);
      rows.openFirst!.push(response + parse + build + first);
      rows.openLast!.push(response + parse + build + last);

      // Baseline: a stock Y.Doc applying the raw log naïvely, one update at a time, to the last step.
      const t5 = performance.now();
      const doc = new Y.Doc();
      const records = new YKeyValue<unknown>(doc.getArray(YDOC_RECORDS_KEY));
      for (const update of relayed) Y.applyUpdate(doc, update);
      if (records.map.size === 0) throw new Error('the baseline rebuilt nothing');
      rows.naive!.push(ms(t5));
      doc.destroy();
    }
    const rawBytes = relayed.reduce((sum, u) => sum + u.length, 0);
    const { json: check } = await api<{ steps: Array<{ author: string }> }>(url, 'GET', undefined, {
      cookie,
    });
    const stored = check.steps.filter((s) => s.author !== 'server').length;
    if (stored !== expected) throw new Error(`${stored} of ${expected} student updates in the replay`);

    const med = (xs: number[]) => percentile(xs, 50).toFixed(1);
    const max = (xs: number[]) => Math.max(...xs).toFixed(1);
    console.log(
      `A lesson of ${expected} student updates (${steps} stored steps with the server's own, ${shapes} shapes at the end) written by ${STUDENTS} stock clients in ${writeSeconds.toFixed(1)} s; ${RUNS} openings: the first cold, then warm.`,
    );
    console.log(
      `replay payload ${(payloadBytes / 1024).toFixed(0)} KiB JSON; the raw log as relayed ${(rawBytes / 1024).toFixed(0)} KiB`,
    );
    console.log('| phase | cold (first opening) ms | warm median ms | warm max ms |');
    console.log('|:---|---:|---:|---:|');
    const row = (name: string, xs: number[]) =>
      console.log(
        `| ${name} | ${(xs[0] as number).toFixed(1)} | ${med(xs.slice(1))} | ${max(xs.slice(1))} |`,
      );
    row('server response (GET replay, body read and JSON-parsed)', rows.response!);
    row('schema parse (the typed client)', rows.parse!);
    row('ReplayTimeline (checkpoints)', rows.timeline!);
    row('reconstruct the first step', rows.first!);
    row('reconstruct the last step', rows.last!);
    row('**open to the first step** (sum)', rows.openFirst!);
    row('**open to the last step** (sum)', rows.openLast!);
    row('baseline: stock Y.Doc applying the raw log naïvely to the last step', rows.naive!);
    const worst = Math.max(...rows.openLast!, ...rows.openFirst!);
    // Every figure here is wall-clock time on a machine others may be using: say how busy it was.
    console.log(
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} (1/5/15 min) on ${os.cpus().length} CPUs`,
    );
    console.log(
      `open-to-last / naive-apply: cold ${((rows.openLast![0] as number) / (rows.naive![0] as number)).toFixed(2)}×, warm median ${(percentile(rows.openLast!.slice(1), 50) / percentile(rows.naive!.slice(1), 50)).toFixed(2)}×`,
    );
    console.log(
      `target: a ${expected}-update lesson opens in < ${TARGET_MS} ms — ${worst < TARGET_MS ? 'MET' : 'NOT MET'} (worst opening ${worst.toFixed(1)} ms)`,
    );
    if (!BROWSER) {
      console.log('Chromium: skipped (no built client, or --no-browser)');
      return;
    }
    const inBrowser = await measureInChromium({
      url: server.url,
      classId,
      cookie,
      groupName: group.name,
      steps,
      shapes,
      runs: Math.min(RUNS, 4),
    });
    console.log(
      `In Chromium ${inBrowser.chromium} (the dashboard at 1366×768, the group's thumbnail live beside it):`,
    );
    console.log('| action | first ms | later median ms | later max ms |');
    console.log('|:---|---:|---:|---:|');
    row('baseline: click Open → the live board drawn', inBrowser.board);
    row('click Replay → the last step drawn', inBrowser.open);
    row('scrub to the start (Home) → drawn', inBrowser.toStart);
    row('scrub to the end (End) → drawn', inBrowser.toEnd);
    const worstOpen = Math.max(...inBrowser.open);
    console.log(
      `replay / live board: first ${((inBrowser.open[0] as number) / (inBrowser.board[0] as number)).toFixed(2)}×, later median ${(percentile(inBrowser.open.slice(1), 50) / percentile(inBrowser.board.slice(1), 50)).toFixed(2)}×`,
    );
    console.log(
      `target in Chromium: opens in < ${TARGET_MS} ms — ${worstOpen < TARGET_MS ? 'MET' : 'NOT MET'} (worst ${worstOpen.toFixed(0)} ms, first opening included)`,
    );
  } finally {
    stop.forEach((s) => s());
    await server.stop();
  }
}

runBench(main);
