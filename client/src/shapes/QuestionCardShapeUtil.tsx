import './shapeTypes.js';
import { BaseBoxShapeUtil, HTMLContainer, type TLResizeInfo } from 'tldraw';
import {
  QUESTION_CARD_SIZE,
  QUESTION_CARD_TYPE,
  questionCardMigrations,
  questionCardProps,
  type QuestionCardShape,
  describeQuestionCard,
} from '@conjecture/shared/board/index';
import { QuestionAnswerBox } from './QuestionAnswerBox.js';
import { Written } from '../ui/Written.js';

/**
 * The teacher's question card, drawn read-only, with an answer box for students (the answer goes to the
 * server over socket.io, never into the record). Its props and migrations come from shared (the schema the
 * server validates with); students cannot change it, and the server reverts any attempt anyway.
 */
export class QuestionCardShapeUtil extends BaseBoxShapeUtil<QuestionCardShape> {
  static override type = QUESTION_CARD_TYPE;
  static override props = questionCardProps;
  static override migrations = questionCardMigrations;

  override getDefaultProps(): QuestionCardShape['props'] {
    return { ...QUESTION_CARD_SIZE, questionId: '', text: '' };
  }

  override canEdit = () => false;
  override canResize = () => false;
  override hideRotateHandle = () => true;
  override onResize = (shape: QuestionCardShape, _info: TLResizeInfo<QuestionCardShape>) => shape;

  override getAriaDescriptor(shape: QuestionCardShape) {
    return describeQuestionCard(shape.props);
  }

  override getText(shape: QuestionCardShape) {
    return shape.props.text;
  }

  override component(shape: QuestionCardShape) {
    return (
      <HTMLContainer
        className="question-card"
        role="group"
        aria-label={describeQuestionCard(shape.props)}
        style={{ width: shape.props.w, height: shape.props.h }}
      >
        <p className="question-text">
          <Written>{shape.props.text}</Written>
        </p>
        <QuestionAnswerBox questionId={shape.props.questionId} />
      </HTMLContainer>
    );
  }

  override getIndicatorPath(shape: QuestionCardShape) {
    const path = new Path2D();
    path.roundRect(0, 0, shape.props.w, shape.props.h, 8);
    return path;
  }
}
