import { describe, expect, it } from 'vitest';
import type { DiagnosticProfile } from '@conjecture/shared';
import type { ClassroomStore } from '../classroom/classroomStore.js';
import { classRow, studentRow } from '../classroom/classroomStore.contract.js';
import type { DiagnosticStore } from './diagnosticStore.js';

/** A diagnostic store beside the classroom store whose classes and students it belongs to. */
export interface DiagnosticStoreFixture {
  open(): { diagnostics: DiagnosticStore; classroom: ClassroomStore; close(): void };
}

const profile = (answered: number) => ({ answered }) as unknown as DiagnosticProfile;

/** What every DiagnosticStore does, written once against the interface. */
export function diagnosticStoreContract(name: string, fixture: DiagnosticStoreFixture): void {
  describe(`${name} (DiagnosticStore contract)`, () => {
    it('tells "never chosen" from "skipped" from a bank, and replaces the bank', () => {
      const { diagnostics, classroom, close } = fixture.open();
      classroom.createClass(classRow('c1'));
      expect(diagnostics.bankOf('c1')).toBeUndefined();
      diagnostics.setBank('c1', null);
      expect(diagnostics.bankOf('c1')).toBeNull();
      diagnostics.setBank('c1', { id: 'bank', items: [1, 2] });
      expect(diagnostics.bankOf('c1')).toEqual({ id: 'bank', items: [1, 2] });
      close();
    });

    it('keeps one answer per student and item, the last one given', () => {
      const { diagnostics, classroom, close } = fixture.open();
      classroom.createClass(classRow('c1'));
      classroom.addStudent(studentRow('s1', 'c1', 'Ana'));
      diagnostics.answer('c1', 's1', { itemId: 'i1', optionId: 'a', confidence: 2 }, 1);
      diagnostics.answer('c1', 's1', { itemId: 'i2', optionId: 'b', confidence: 3 }, 2);
      diagnostics.answer('c1', 's1', { itemId: 'i1', optionId: 'c', confidence: 4 }, 3);
      expect(diagnostics.responsesOf('s1')).toEqual([
        { itemId: 'i2', optionId: 'b', confidence: 3 },
        { itemId: 'i1', optionId: 'c', confidence: 4 },
      ]);
      close();
    });

    it('keeps profiles per class and clears answers and profiles for a new bank', () => {
      const { diagnostics, classroom, close } = fixture.open();
      classroom.createClass(classRow('c1'));
      classroom.addStudent(studentRow('s1', 'c1', 'Ana'));
      diagnostics.answer('c1', 's1', { itemId: 'i1', optionId: 'a', confidence: 2 }, 1);
      diagnostics.saveProfile('c1', 's1', profile(1), 2);
      diagnostics.saveProfile('c1', 's1', profile(2), 3);
      expect(diagnostics.profilesOf('c1')).toEqual(new Map([['s1', profile(2)]]));
      diagnostics.clearClass('c1');
      expect(diagnostics.responsesOf('s1')).toEqual([]);
      expect(diagnostics.profilesOf('c1').size).toBe(0);
      close();
    });

    it('goes with its class', () => {
      const { diagnostics, classroom, close } = fixture.open();
      classroom.createClass(classRow('c1'));
      classroom.addStudent(studentRow('s1', 'c1', 'Ana'));
      diagnostics.setBank('c1', { id: 'bank' });
      diagnostics.answer('c1', 's1', { itemId: 'i1', optionId: 'a', confidence: 2 }, 1);
      diagnostics.setGrouping('c1', { mode: 'mix', keepApart: [], keepTogether: [] }, 3);
      classroom.deleteClass('c1');
      expect(diagnostics.bankOf('c1')).toBeUndefined();
      expect(diagnostics.responsesOf('s1')).toEqual([]);
      expect(diagnostics.groupingOf('c1')).toBeUndefined();
      close();
    });

    it('keeps how the groups were last published, per class', () => {
      const { diagnostics, classroom, close } = fixture.open();
      classroom.createClass(classRow('c1'));
      classroom.createClass(classRow('c2'));
      expect(diagnostics.groupingOf('c1')).toBeUndefined();
      diagnostics.setGrouping('c1', { mode: 'similar', keepApart: [['s1', 's2']], keepTogether: [] }, 1);
      diagnostics.setGrouping('c1', { mode: 'random', keepApart: [], keepTogether: [['s3', 's4']] }, 2);
      expect(diagnostics.groupingOf('c1')).toEqual({
        mode: 'random',
        keepApart: [],
        keepTogether: [['s3', 's4']],
      });
      expect(diagnostics.groupingOf('c2')).toBeUndefined();
      close();
    });

    it('keeps when the groups were published, and whether a random draw was published as drawn', () => {
      const { diagnostics, classroom, close } = fixture.open();
      classroom.createClass(classRow('c1'));
      expect(diagnostics.publicationOf('c1')).toBeUndefined();
      diagnostics.setGrouping('c1', { mode: 'random', keepApart: [], keepTogether: [], asDrawn: true }, 7);
      expect(diagnostics.publicationOf('c1')).toEqual({
        grouping: { mode: 'random', keepApart: [], keepTogether: [], asDrawn: true },
        publishedAt: 7,
      });
      diagnostics.setGrouping('c1', { mode: 'mix', keepApart: [], keepTogether: [] }, 9);
      expect(diagnostics.publicationOf('c1')).toEqual({
        grouping: { mode: 'mix', keepApart: [], keepTogether: [] },
        publishedAt: 9,
      });
      close();
    });
  });
}
