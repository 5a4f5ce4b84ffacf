// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplyView } from '../critique/threadModel.js';
import { CritiqueReplyItem } from '../critique/CritiqueReplyItem.js';
import { QuestionsPanel } from '../components/QuestionsPanel.js';
import { MonitoringChart } from '../anticipation/MonitoringPanel.js';
import { ClampedText } from './ClampedText.js';
import { aClass, aStudent } from '../test/classState.js';
import { cleanUp, render } from '../test/render.js';

afterEach(cleanUp);

// "I agree" + RLO + "5/3 < 3/2": shown plainly, it turns backwards everything after it on its line.
const REVERSING = 'I agree \u202e5/3 < 3/2';

/** The texts shown isolated (in a `<bdi>`) in `host`. */
const isolated = (host: HTMLElement) => [...host.querySelectorAll('bdi')].map((b) => b.textContent);

// A student's text beside a name or in a list was laid out with its neighbours: one control, or one Arabic
// word, reordered the name before it and what followed, on the teacher's dashboard and the projector.
describe('text someone wrote is shown isolated from what is around it', () => {
  it('a posed question and each answer, apart from the name before it', async () => {
    const cls = aClass({ students: [aStudent('s1', 'Ana')] });
    const question = {
      questionId: 'q1',
      groupId: null,
      text: 'Which is cheaper?',
      anchorShapeId: null,
      createdAt: 0,
      answers: [{ answerId: 'a1', questionId: 'q1', studentId: 's1', text: REVERSING, createdAt: 0 }],
    };
    const host = await render(<QuestionsPanel cls={cls} questions={[question]} onPose={async () => null} />);
    expect(isolated(host)).toEqual(['Which is cheaper?', REVERSING]);
    expect(host.querySelector('[data-testid="answer"] strong')?.textContent).toBe('Ana:');
  });

  it('a critique, apart from its author and stance', async () => {
    const reply: ReplyView = {
      replyId: 'r1',
      authorId: 'ben',
      authorName: 'Ben',
      stance: 'agree',
      stanceLabel: 'Agree',
      text: REVERSING,
      createdAt: 0,
      edited: false,
      mayChange: false,
    };
    const host = await render(<CritiqueReplyItem reply={reply} onEdit={null} onDelete={null} />);
    expect(isolated(host)).toEqual([REVERSING]);
  });

  it('a task, where the dashboard keeps it to two lines', async () => {
    const host = await render(<ClampedText text={`سعر القلم ${REVERSING}`} />);
    expect(isolated(host)).toEqual([`سعر القلم ${REVERSING}`]);
  });

  it('a group’s name in the monitoring chart, apart from its flag count and snapshot button', async () => {
    const name = `الأبطال ${REVERSING}`;
    const state = {
      classId: 'c1',
      anticipations: [],
      groups: [
        {
          groupId: 'g1',
          name,
          boardId: 'b1',
          matches: [],
          notAnticipated: [],
          flagged: ['a1'],
          updatedAt: 0,
        },
      ],
    };
    const host = await render(<MonitoringChart state={state} onVerdict={() => {}} />);
    expect(isolated(host)).toEqual([name]);
    const row = host.querySelector('th[scope="row"]')!;
    // the count and the button are siblings of the name, not inside its isolate
    expect(row.querySelector('bdi .monitor-flag, bdi button')).toBeNull();
  });
});
