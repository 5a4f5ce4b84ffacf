import { describe, expect, it } from 'vitest';
import type { ContributionTag } from '@conjecture/shared';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import { connectClient, noteShape, startTestServer, synced } from '../test/testServer.js';

/** Polls the class's tags until `check` finds what it waits for; a hang guard, not a timing. */
async function tagsWhen(
  read: () => Promise<ContributionTag[]>,
  check: (tags: ContributionTag[]) => boolean,
  what: string,
): Promise<ContributionTag[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const tags = await read();
    if (check(tags)) return tags;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the replay's discourse timeline", () => {
  // The timeline carried a question's type but not that it was a question: one the tagger left untyped read
  // as no question at all, and a type the teacher had corrected looked like the tagger's.
  it("says which entries are questions, their type as it stands, and which the teacher's correction set", async () => {
    const server = await startTestServer({ TAG_DEBOUNCE_MS: '20' });
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const { classId } = teacher;
    const pose = (text: string) =>
      teacher.api.poseQuestion({
        params: { classId },
        body: { text, groupId: g1.groupId, anchorShapeId: null },
      });
    const kept = await pose('How do you know your answer is right?');
    const retyped = await pose('What do you notice about the two fractions?');
    const untyped = await pose('Which one did you pick?');
    const a = connectClient(server, g1.boardId, { token: ana.token });
    await synced(a);
    a.records.set('shape:claim', noteShape('shape:claim', 'I think 3/4 is bigger than 2/3'));

    const tags = await tagsWhen(
      () => teacher.api.classTags({ params: { classId } }),
      (tags) =>
        tags.filter((t) => t.kind === 'question').length === 3 && tags.some((t) => t.kind === 'board_text'),
      'the three questions and the note tagged',
    );
    const tagOf = (questionId: string) => tags.find((t) => t.contributionId === `question:${questionId}`)!;
    const correct = (
      questionId: string,
      body: { move: string; questionType: string | null; question: boolean },
    ) =>
      teacher.api.correctTag({ params: { classId, contributionId: tagOf(questionId).contributionId }, body });
    await correct(retyped.questionId, {
      move: 'pressing_for_reasoning',
      questionType: 'making_the_mathematics_visible',
      question: true,
    });
    await correct(untyped.questionId, { move: 'pressing_for_reasoning', questionType: null, question: true });

    const { timeline } = await teacher.api.groupReplay({ params: { classId, groupId: g1.groupId } });
    const entry = (text: string) => timeline.find((e) => e.text === text);
    // As the tagger typed it (this question is typed: see liveTagging.test.ts).
    expect(tagOf(kept.questionId).questionType).not.toBeNull();
    expect(entry(kept.text)).toMatchObject({
      kind: 'question',
      question: true,
      questionType: tagOf(kept.questionId).questionType,
      corrected: false,
    });
    expect(entry(retyped.text)).toMatchObject({
      question: true,
      questionType: 'making_the_mathematics_visible',
      move: 'pressing_for_reasoning',
      corrected: true,
    });
    // A question all the same, of no type shown.
    expect(entry(untyped.text)).toMatchObject({ question: true, questionType: null, corrected: true });
    expect(entry('I think 3/4 is bigger than 2/3')).toMatchObject({
      kind: 'tag',
      question: false,
      questionType: null,
      corrected: false,
    });
  });
});
