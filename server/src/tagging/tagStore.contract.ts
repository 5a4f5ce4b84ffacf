import { describe, expect, it } from 'vitest';
import type { ContributionTag } from '@conjecture/shared';
import type { ClassroomStore } from '../classroom/classroomStore.js';
import { classRow } from '../classroom/classroomStore.contract.js';
import type { TagStore } from './tagStore.js';

/** A tag store beside the classroom store whose classes it belongs to (a class's tags go with it). */
export interface TagStoreFixture {
  open(): { tags: TagStore; classroom: ClassroomStore; close(): void };
}

const tag = (
  contributionId: string,
  over: Partial<ContributionTag> = {},
): Omit<ContributionTag, 'corrected'> => ({
  contributionId,
  classId: 'c1',
  groupId: 'g1',
  boardId: 'b1',
  shapeId: null,
  kind: 'board_text',
  author: 's1',
  role: 'student',
  text: 'cost per pen is 0.67',
  move: 'making_a_claim',
  confidence: 0.8,
  questionType: null,
  question: false,
  cues: ['"per"'],
  taggedAt: 10,
  ...over,
});

/** What every TagStore does, written once against the interface. */
export function tagStoreContract(name: string, fixture: TagStoreFixture): void {
  describe(`${name} (TagStore contract)`, () => {
    it('stores a tag as given and replaces it when the contribution is tagged again', () => {
      const { tags, classroom, close } = fixture.open();
      classroom.createClass(classRow('c1'));
      tags.put(tag('t1'));
      expect(tags.get('t1')).toEqual({ ...tag('t1'), corrected: null });
      tags.put(tag('t1', { text: 'now 0.60', move: 'providing_evidence_reasoning', taggedAt: 11 }));
      expect(tags.get('t1')).toMatchObject({ text: 'now 0.60', move: 'providing_evidence_reasoning' });
      expect(tags.get('nope')).toBeUndefined();
      close();
    });

    it('keeps a teacher’s correction beside the model’s tag, through a retag', () => {
      const { tags, classroom, close } = fixture.open();
      classroom.createClass(classRow('c1'));
      tags.put(
        tag('q1', { kind: 'question', role: 'teacher', question: true, questionType: 'probing_thinking' }),
      );
      const correction = {
        move: 'pressing_for_reasoning',
        questionType: 'encouraging_reflection_and_justification',
        question: true,
      };
      tags.correct('q1', correction, 20);
      tags.put(tag('q1', { kind: 'question', role: 'teacher', question: true, taggedAt: 21 }));
      expect(tags.get('q1')?.corrected).toEqual({ ...correction, at: 20 });
      close();
    });

    it('keeps a corrected question without a type a question, and a statement not one', () => {
      const { tags, classroom, close } = fixture.open();
      classroom.createClass(classRow('c1'));
      tags.put(tag('q1', { kind: 'question', role: 'teacher', question: true }));
      tags.correct('q1', { move: 'pressing_for_reasoning', questionType: null, question: true }, 20);
      expect(tags.get('q1')?.corrected).toMatchObject({ questionType: null, question: true });
      tags.correct('q1', { move: 'pressing_for_reasoning', questionType: null, question: false }, 21);
      expect(tags.get('q1')?.corrected).toMatchObject({ questionType: null, question: false, at: 21 });
      close();
    });

    it('forgets a correction, or a tag with its correction, when asked', () => {
      const { tags, classroom, close } = fixture.open();
      classroom.createClass(classRow('c1'));
      tags.put(tag('t1'));
      tags.put(tag('t2', { taggedAt: 20 }));
      tags.correct('t1', { move: 'none', questionType: null, question: false }, 15);
      tags.correct('t2', { move: 'none', questionType: null, question: false }, 25);
      tags.dropCorrection('t1');
      expect(tags.get('t1')).toEqual({ ...tag('t1'), corrected: null });
      tags.remove('t2');
      expect(tags.get('t2')).toBeUndefined();
      expect(tags.ofClass('c1').map((t) => t.contributionId)).toEqual(['t1']);
      tags.put(tag('t2', { taggedAt: 20 }));
      expect(tags.get('t2')?.corrected).toBeNull();
      close();
    });

    it('lists a class’s tags oldest first and a board’s latest few, oldest first', () => {
      const { tags, classroom, close } = fixture.open();
      classroom.createClass(classRow('c1', { joinCode: 'AAA111' }));
      classroom.createClass(classRow('c2', { joinCode: 'BBB222' }));
      tags.put(tag('t3', { taggedAt: 30 }));
      tags.put(tag('t1', { taggedAt: 10 }));
      tags.put(tag('t2', { taggedAt: 20, boardId: 'b2' }));
      tags.put(tag('other', { classId: 'c2', boardId: 'b9', taggedAt: 5 }));
      expect(tags.ofClass('c1').map((t) => t.contributionId)).toEqual(['t1', 't2', 't3']);
      tags.put(tag('t4', { taggedAt: 40 }));
      expect(tags.ofBoard('b1', 2).map((t) => t.contributionId)).toEqual(['t3', 't4']);
      close();
    });

    it('deletes a class’s tags with the class', () => {
      const { tags, classroom, close } = fixture.open();
      classroom.createClass(classRow('c1'));
      tags.put(tag('t1'));
      tags.correct('t1', { move: 'none', questionType: null, question: false }, 5);
      classroom.deleteClass('c1');
      expect(tags.get('t1')).toBeUndefined();
      expect(tags.ofClass('c1')).toEqual([]);
      close();
    });
  });
}
