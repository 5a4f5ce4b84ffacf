import { describe, expect, it } from 'vitest';
import type { MyWork } from '../../protocol/reflections.js';
import { myWorkDocument } from './myWorkDocument.js';

const work = (over: Partial<MyWork> = {}): MyWork => ({
  classTitle: 'Ratios',
  taskPrompt: 'Which pack of pens is the better buy?',
  displayName: 'Ana',
  groupName: 'Group 1',
  profileSummary: 'Nice work — you showed strong thinking in unit rates.',
  contributions: [
    { kind: 'answer', text: 'Because 0.60 < 0.67', boardId: null, at: 2_000, move: null },
    { kind: 'board_item', text: 'cost per pen is 0.67', boardId: 'b1', at: 1_000, move: 'Making a claim' },
    { kind: 'critique_reply', text: '# not a heading *really*', boardId: 'b1', at: 3_000, move: null },
  ],
  reflection: {
    classId: 'c1',
    studentId: 's1',
    worked: 'The table helped',
    change: '',
    nextStep: 'Try a graph',
    confidence: 'mostly',
    createdAt: 4_000,
    updatedAt: 4_000,
  },
  reflectionOpen: true,
  ...over,
});

describe('myWorkDocument', () => {
  it('lists the profile, each kind of contribution and the reflection, leaving out unanswered prompts', () => {
    const doc = myWorkDocument(work());
    expect(doc).toContain('# Ratios');
    expect(doc).toContain('Ana · Group 1');
    expect(doc).toContain('## Where I started');
    expect(doc.indexOf('## On the board')).toBeLessThan(doc.indexOf('## Critique I wrote'));
    expect(doc).toContain('- cost per pen is 0.67');
    expect(doc).toContain('**What worked for you today?**\n\nThe table helped');
    expect(doc).not.toContain('What would you change');
    expect(doc).toContain('**How confident I am now:** Mostly');
  });

  it('keeps what a student typed from turning into Markdown structure', () => {
    const doc = myWorkDocument(work());
    expect(doc).toContain('- \\# not a heading \\*really\\*');
  });

  it('says so when there is nothing yet', () => {
    expect(myWorkDocument(work({ contributions: [], reflection: null, profileSummary: null }))).toContain(
      'Nothing written yet.',
    );
  });
});
