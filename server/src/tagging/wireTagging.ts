import { recordText } from '@conjecture/shared/board/index';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { ClassroomService } from '../classroom/classroomService.js';
import type { ClassroomStore } from '../classroom/classroomStore.js';
import type { QuestionService } from '../classroom/questionService.js';
import type { CritiqueService } from '../classroom/critiqueService.js';
import type { TaggingService } from './taggingService.js';

/**
 * Feeds every text contribution to the tagger as it arrives — board records whose text changed, answers,
 * the teacher's questions, critique replies (tagged again when edited, untagged when deleted). (Each tag
 * reaches sockets through realtime/.)
 */
export function wireTagging(
  tagging: TaggingService,
  classroom: ClassroomService,
  questions: QuestionService,
  critiques: CritiqueService,
  rooms: BoardRooms,
  store: ClassroomStore,
): void {
  if (!tagging.enabled) return;
  rooms.onOpened((room) => {
    if (!classroom.classOfBoard(room.boardId)) return;
    room.onRecordsChanged((keys, author) => {
      for (const key of keys) {
        if (!key.startsWith('shape:') || key.startsWith('shape:question-')) continue;
        tagging.boardTextChanged(room.boardId, key, author, () => recordText(room.records.get(key)));
      }
    });
  });

  questions.on('questionPosed', (classId, q) =>
    tagging.questionPosed({ classId, questionId: q.questionId, groupId: q.groupId, text: q.text }),
  );
  questions.on('answerPosted', (classId, a) => {
    const question = store.getQuestion(a.questionId);
    const student = store.getStudent(a.studentId);
    if (!question) return;
    tagging.answerPosted({
      answerId: a.answerId,
      classId,
      groupId: student?.groupId ?? null,
      studentId: a.studentId,
      text: a.text,
      question: question.text,
    });
  });

  critiques.on('replyPosted', (r) => tagging.critiqueReply(r));
  critiques.on('replyEdited', (r) => tagging.critiqueReplyEdited(r));
  critiques.on('replyDeleted', (r) => tagging.critiqueReplyDeleted(r));
}
