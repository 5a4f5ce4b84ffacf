import './shapeTypes.js';
import './taskCard.css';
import { BaseBoxShapeUtil, HTMLContainer, type TLResizeInfo } from 'tldraw';
import {
  TASK_CARD_TYPE,
  taskCardMigrations,
  taskCardProps,
  taskCardSize,
  type TaskCardShape,
} from '@conjecture/shared/board/index';
import { Written } from '../ui/Written.js';

/**
 * The class's task, placed and locked by the server on every group board: drawn read-only (students cannot
 * move, edit or delete it, and the server reverts any attempt anyway).
 */
export class TaskCardShapeUtil extends BaseBoxShapeUtil<TaskCardShape> {
  static override type = TASK_CARD_TYPE;
  static override props = taskCardProps;
  static override migrations = taskCardMigrations;

  override getDefaultProps(): TaskCardShape['props'] {
    return { ...taskCardSize(''), text: '' };
  }

  override canEdit = () => false;
  override canResize = () => false;
  override hideRotateHandle = () => true;
  override onResize = (shape: TaskCardShape, _info: TLResizeInfo<TaskCardShape>) => shape;

  override getText(shape: TaskCardShape) {
    return shape.props.text;
  }

  override component(shape: TaskCardShape) {
    return (
      <HTMLContainer
        className="task-card"
        data-testid="task-card"
        style={{ width: shape.props.w, height: shape.props.h }}
      >
        <p className="task-card-heading">Task</p>
        <p className="task-card-text">
          <Written>{shape.props.text}</Written>
        </p>
      </HTMLContainer>
    );
  }

  override getIndicatorPath(shape: TaskCardShape) {
    const path = new Path2D();
    path.roundRect(0, 0, shape.props.w, shape.props.h, 8);
    return path;
  }
}
