import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import {
  CSV_TABLE_NAMES,
  CSV_TABLES,
  csvIssues,
  parseCsv,
  TldrFileSchema,
  type Answer,
} from '@conjecture/shared';
import { apiOf, classWithGroupOfTwo, createClassAsTeacher } from '../test/classroomClient.js';
import { readPdf } from '../testkit/readPdf.js';
import { roundTrip } from '../test/roundTrip.js';
import { emitRaw, socketFor } from '../test/sockets.js';
import { connectClient, noteShape, startTestServer, synced } from '../test/testServer.js';
import type { RunningServer } from '../createServer.js';

const QUESTION = 'How does your note show the price of one pen?';
const STEP_QUESTION = 'Where is the 2/3 in this picture?';
const REFLECTION = 'Dividing the price by the pens made it fair';

/** A short lesson: Ana's note, a question to her group she answers, a snapshot and a one-step plan. */
async function lesson(server: RunningServer) {
  const setup = await classWithGroupOfTwo(server);
  const { teacher, ana, g1 } = setup;
  const classId = teacher.classId;
  const board = connectClient(server, g1.boardId, { token: ana.token });
  await synced(board);
  board.records.set(
    'shape:n1',
    noteShape('shape:n1', '=2/3 so each pen costs 2/3 of a dollar', { x: 0, y: 0 }),
  );
  await roundTrip(board);
  const question = await teacher.api.poseQuestion({
    params: { classId },
    body: { text: QUESTION, groupId: g1.groupId },
  });
  const answered = await emitRaw<Answer>(socketFor(server, { token: ana.token }), 'answerQuestion', {
    questionId: question.questionId,
    text: 'We split 2 dollars into 3 pens',
  });
  expect(answered.ok).toBe(true);
  const snapshot = await teacher.api.takeSnapshot({
    params: { classId },
    body: { groupId: g1.groupId, title: 'Ana’s note' },
  });
  await teacher.api.putDiscussionPlan({
    params: { classId },
    body: {
      steps: [
        {
          stepId: 's1',
          snapshotId: snapshot.snapshotId,
          rationale: { choice: 'accessible-first', text: 'start with the note' },
          question: STEP_QUESTION,
        },
      ],
      links: [],
    },
  });
  await teacher.api.updateClass({ params: { classId }, body: { reflectionOpen: true } });
  await apiOf(server, ana.token).putMyReflection({
    params: { classId },
    body: { worked: REFLECTION, confidence: 'mostly' },
  });
  return setup;
}

const get = (server: RunningServer, path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/classes/${path}`, { headers });
const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

async function projectorToken(server: RunningServer, classId: string, key: string) {
  const res = await fetch(`${server.url}/api/classes/${classId}/projector-session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  });
  return ((await res.json()) as { token: string }).token;
}

describe('the lesson’s exports', () => {
  it('write every CSV table with the columns declared in shared, names resolved and formulas defused', async () => {
    const server = await startTestServer();
    const { teacher } = await lesson(server);
    const tables: Record<string, string[][]> = {};
    for (const name of CSV_TABLE_NAMES) {
      const res = await get(server, `${teacher.classId}/exports/${name}`, { cookie: teacher.cookie });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const text = await res.text();
      expect(csvIssues(CSV_TABLES[name], text)).toEqual([]);
      tables[name] = parseCsv(text);
    }
    const note = tables.contributions!.find((row) => row.includes('shape:n1'));
    expect(note).toEqual([
      'Group 1',
      'shape:n1',
      'note',
      'contextual',
      'Ana',
      '',
      "'=2/3 so each pen costs 2/3 of a dollar",
    ]);
    expect(tables.answers![1]).toEqual(
      expect.arrayContaining(['Group 1', QUESTION, 'Ana', 'We split 2 dollars into 3 pens']),
    );
    const anaShare = tables.participation!.find((row) => row[1] === 'Ana');
    // One note and one answer: all of the group's work so far — too little work yet to flag anyone.
    expect(anaShare).toEqual([
      'Group 1',
      'Ana',
      '1', // created
      '0', // edited
      expect.stringMatching(/^\d+$/), // words
      '0', // critique replies
      '1', // answers
      expect.stringMatching(/^\d+$/), // talk moves
      '1', // share
      'no', // holds most
      'no', // quiet
      expect.any(String),
    ]);
    expect(tables.reflections![1]).toEqual(expect.arrayContaining(['Ana', 'Group 1', REFLECTION, 'Mostly']));
  });

  it('draw a board PDF a page per group and the plan as slides, read back by a PDF reader', async () => {
    const server = await startTestServer();
    const { teacher, g1 } = await lesson(server);
    const boards = await readPdf(
      await bytes(await get(server, `${teacher.classId}/boards.pdf`, { cookie: teacher.cookie })),
    );
    expect(boards.pages).toBe(1);
    expect(boards.text[0]).toContain('Group 1');
    const one = await get(server, `${teacher.classId}/boards.pdf?groupId=${g1.groupId}`, {
      cookie: teacher.cookie,
    });
    expect(one.headers.get('content-disposition')).toMatch(/attachment; filename="board-.*\.pdf"/);

    const slides = await readPdf(
      await bytes(await get(server, `${teacher.classId}/discussion.pdf`, { cookie: teacher.cookie })),
    );
    expect(slides.pages).toBe(2); // a title page and one step
    expect(slides.text[1]).toContain(STEP_QUESTION);
    expect(slides.text[1]).toContain('start with the note');
    // The projector's copy: no teacher's notes.
    const token = await projectorToken(server, teacher.classId, teacher.projectorKey);
    const projected = await readPdf(
      await bytes(
        await get(server, `${teacher.classId}/discussion.pdf`, { authorization: `Bearer ${token}` }),
      ),
    );
    expect(projected.text[1]).toContain(STEP_QUESTION);
    expect(projected.text[1]).not.toContain('start with the note');
  });

  it('make the evidence pack: a PDF for people and a ZIP of CSV and JSON for tools', async () => {
    const server = await startTestServer();
    const { teacher } = await lesson(server);
    const pdfRes = await get(server, `${teacher.classId}/evidence.pdf`, { cookie: teacher.cookie });
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
    const pdf = await readPdf(await bytes(pdfRes));
    const all = pdf.text.join('\n');
    // A page at least per section: the lesson, snapshots and plan, talk, questions, the board.
    expect(pdf.pages).toBeGreaterThanOrEqual(5);
    for (const expected of [
      'Ratios',
      'Group 1: Ana, Ben',
      'Snapshots and the discussion plan',
      STEP_QUESTION,
      'Tagged talk per group',
      'The question log',
      QUESTION,
      'Ana: We split 2 dollars into 3 pens',
      'Participation',
      'Ana: 100% — 1 created',
      'Reflections',
      `What worked for you today? ${REFLECTION}`,
      'Confidence now: Mostly',
      "Group 1's board",
    ])
      expect(all).toContain(expected);

    const zipRes = await get(server, `${teacher.classId}/evidence.zip`, { cookie: teacher.cookie });
    expect(zipRes.headers.get('content-type')).toBe('application/zip');
    const entries = unzipSync(await bytes(zipRes));
    expect(Object.keys(entries).sort()).toEqual(
      [
        'answers.csv',
        'boards/01-Group-1.tldr',
        'contributions.csv',
        'discussion-plan.json',
        'lesson.json',
        'participation.csv',
        'participation.json',
        'questions.json',
        'reflections.csv',
        'snapshots.json',
        'tags.csv',
      ].sort(),
    );
    for (const name of CSV_TABLE_NAMES)
      expect(csvIssues(CSV_TABLES[name], strFromU8(entries[CSV_TABLES[name].file]!))).toEqual([]);
    const board = TldrFileSchema.parse(JSON.parse(strFromU8(entries['boards/01-Group-1.tldr']!)));
    expect(board.records.map((r) => r.id)).toContain('shape:n1');
  });

  it('are the class’s teacher’s only: another class’s teacher, a student, the projector and no one are refused', async () => {
    const server = await startTestServer();
    const { teacher, ana } = await lesson(server);
    const other = await createClassAsTeacher(server, 'Another class');
    const token = await projectorToken(server, teacher.classId, teacher.projectorKey);
    const paths = ['evidence.pdf', 'evidence.zip', 'exports/answers', 'boards.pdf'];
    for (const path of paths) {
      const at = `${teacher.classId}/${path}`;
      expect([path, (await get(server, at, { cookie: teacher.cookie })).status]).toEqual([path, 200]);
      expect([path, (await get(server, at, { cookie: other.cookie })).status]).toEqual([path, 401]);
      expect([path, (await get(server, at, { authorization: `Bearer ${ana.token}` })).status]).toEqual([
        path,
        403,
      ]);
      expect([path, (await get(server, at, { authorization: `Bearer ${token}` })).status]).toEqual([
        path,
        403,
      ]);
      expect([path, (await get(server, at)).status]).toEqual([path, 401]);
    }
    expect(
      (await get(server, `${teacher.classId}/discussion.pdf`, { authorization: `Bearer ${ana.token}` }))
        .status,
    ).toBe(403);
    expect(
      (await get(server, `${teacher.classId}/exports/nonsense`, { cookie: teacher.cookie })).status,
    ).toBe(404);
  });
});
