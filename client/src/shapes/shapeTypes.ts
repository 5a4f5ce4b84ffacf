import type { QUESTION_CARD_TYPE, QuestionCardProps } from '@conjecture/shared/board/index';
import type { TASK_CARD_TYPE, TaskCardProps } from '@conjecture/shared/board/index';
import type { NUMBER_LINE_TYPE, NumberLineProps } from '@conjecture/shared/board/index';
import type { COORDINATE_PLANE_TYPE, CoordinatePlaneProps } from '@conjecture/shared/board/index';
import type { EQUATION_TYPE, EquationProps } from '@conjecture/shared/board/index';
import type { TABLE_TYPE, TableProps } from '@conjecture/shared/board/index';
import type { FRACTION_BAR_TYPE, FractionBarProps } from '@conjecture/shared/board/index';

// shared/ declares this augmentation on '@tldraw/tlschema', but from the client's program that name
// resolves to tlschema's CommonJS typings while tldraw's own typings use the ESM ones, so the two never
// merge. Augmenting through 'tldraw' reaches the declaration the editor's types actually use.
declare module 'tldraw' {
  interface TLGlobalShapePropsMap {
    [QUESTION_CARD_TYPE]: QuestionCardProps;
    [TASK_CARD_TYPE]: TaskCardProps;
    [NUMBER_LINE_TYPE]: NumberLineProps;
    [COORDINATE_PLANE_TYPE]: CoordinatePlaneProps;
    [EQUATION_TYPE]: EquationProps;
    [TABLE_TYPE]: TableProps;
    [FRACTION_BAR_TYPE]: FractionBarProps;
  }
}
