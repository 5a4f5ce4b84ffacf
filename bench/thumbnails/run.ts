/**
 * bench/thumbnails — how fast the teacher's dashboard thumbnails follow students' edits.
 *
 * One class on our built server (SQLite): G groups of 5 students, each moving its own shape at 2 updates/s;
 * the teacher's dashboard holds one read-only (`mode=view`) connection per group board, as the thumbnails
 * do. It prints the latency from a student's send to its receipt by the thumbnail, beside the latency to
 * the other members of the same group measured in the same run (the baseline), and the share of thumbnail
 * updates that arrived within a second (the dashboard's promise).
 *
 *   pnpm bench:thumbnails [--groups=6] [--seconds=8]
 */
import { spawnServer } from '../sync/servers.js';
import { geoShape } from '../sync/shapeRecord.js';
import { percentile } from '../sync/stats.js';
import { api, connect, runBench } from '../clients.js';

const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = hit ? Number(hit.split('=')[1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const GROUPS = arg('groups', 6);
const SECONDS = arg('seconds', 8);
const GROUP_SIZE = 5;
const UPDATES_PER_SECOND = 2;
const WARMUP_MS = 2000;

const now = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const server = await spawnServer('ours');
  const stop: Array<() => void> = [];
  try {
    const created = await api<{ classId: string; joinCode: string; teacherLink: string }>(
      `${server.url}/api/classes`,
      'POST',
      {
        title: 'Thumbnail bench',
      },
    );
    const { classId, joinCode } = created.json;
    const key = created.json.teacherLink.split('#key=')[1] as string;
    const session = await api(`${server.url}/api/classes/${classId}/teacher-session`, 'POST', { key });
    const cookie = (session.res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const teacherToken = cookie.split('=')[1] as string;
    const asTeacher = { cookie };

    let measuring = false;
    const peerLatencies: number[] = [];
    const thumbLatencies: number[] = [];
    const groups: Array<{ boardId: string; students: Array<{ token: string; id: string }> }> = [];
    for (let g = 0; g < GROUPS; g++) {
      const group = (
        await api<{ groupId: string; boardId: string }>(
          `${server.url}/api/classes/${classId}/groups`,
          'POST',
          {},
          asTeacher,
        )
      ).json;
      const students = [];
      for (let s = 0; s < GROUP_SIZE; s++) {
        const joined = (
          await api<{ token: string; identity: { studentId: string } }>(`${server.url}/api/join`, 'POST', {
            joinCode,
            displayName: `S${g}-${s}`,
          })
        ).json;
        await api(
          `${server.url}/api/classes/${classId}/students/${joined.identity.studentId}/group`,
          'PUT',
          { groupId: group.groupId },
          asTeacher,
        );
        students.push({ token: joined.token, id: joined.identity.studentId });
      }
      groups.push({ boardId: group.boardId, students });
    }

    const record =
      (into: number[]) => (changes: Map<string, { newValue?: { meta?: { sentAt?: number } } }>) => {
        if (!measuring) return;
        for (const change of changes.values()) {
          const sentAt = change.newValue?.meta?.sentAt;
          if (typeof sentAt === 'number') into.push(now() - sentAt);
        }
      };
    const writers: Array<() => void> = [];
    for (const group of groups) {
      const thumb = connect(server.url, group.boardId, { token: teacherToken, mode: 'view' });
      thumb.records.on('change', record(thumbLatencies) as never);
      stop.push(() => thumb.provider.destroy());
      group.students.forEach((student, i) => {
        const c = connect(server.url, group.boardId, { token: student.token });
        // Each member measures the others' shapes: the group-member baseline.
        c.records.on('change', ((changes: Map<string, { newValue?: { meta?: { sentAt?: number } } }>) => {
          const others = new Map([...changes].filter(([key]) => key !== `shape:${student.id}`));
          record(peerLatencies)(others);
        }) as never);
        stop.push(() => c.provider.destroy());
        let seq = 0;
        writers.push(() =>
          c.records.set(
            `shape:${student.id}`,
            geoShape(`shape:${student.id}`, i * 10, seq, { sentAt: now(), seq: seq++ }),
          ),
        );
      });
    }
    await new Promise((r) => setTimeout(r, 1000));
    const timers = writers.map((write, i) => {
      const period = 1000 / UPDATES_PER_SECOND;
      let timer: NodeJS.Timeout | undefined;
      const start = setTimeout(() => (timer = setInterval(write, period)), (i * period) / writers.length);
      return () => {
        clearTimeout(start);
        clearInterval(timer);
      };
    });
    await new Promise((r) => setTimeout(r, WARMUP_MS));
    measuring = true;
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    timers.forEach((t) => t());
    await new Promise((r) => setTimeout(r, 1000));
    measuring = false;

    const row = (name: string, xs: number[]) =>
      `| ${name} | ${xs.length} | ${percentile(xs, 50).toFixed(2)} | ${percentile(xs, 95).toFixed(2)} | ${percentile(xs, 99).toFixed(2)} | ${((100 * xs.filter((x) => x <= 1000).length) / Math.max(1, xs.length)).toFixed(2)}% |`;
    console.log(
      `${GROUPS} groups of ${GROUP_SIZE} students, ${UPDATES_PER_SECOND} updates/s each, ${SECONDS} s measured, one read-only thumbnail connection per group board`,
    );
    console.log('| receiver | receipts | p50 ms | p95 ms | p99 ms | within 1 s |');
    console.log('|:---|---:|---:|---:|---:|---:|');
    console.log(row('thumbnail (teacher, mode=view)', thumbLatencies));
    console.log(row('group member (baseline)', peerLatencies));
    console.log(
      `thumbnail / member p50 ratio ${(percentile(thumbLatencies, 50) / percentile(peerLatencies, 50)).toFixed(2)}×, p99 ratio ${(percentile(thumbLatencies, 99) / percentile(peerLatencies, 99)).toFixed(2)}×`,
    );
  } finally {
    stop.forEach((s) => s());
    await server.stop();
  }
}

runBench(main);
