import type { QUESTION_CARD_TYPE, QuestionCardProps } from '@conjecture/shared/board/index';
import type { EQUATION_TYPE, EquationProps } from '@conjecture/shared/board/index';
import type { TABLE_TYPE, TableProps } from '@conjecture/shared/board/index';
import type { FRACTION_BAR_TYPE, FractionBarProps } from '@conjecture/shared/board/index';

// shared/ declares this augmentation on '@tldraw/tlschema', but from the client's program that name
// resolves to tlschema's CommonJS typings while tldraw's own typings use the ESM ones, so the two never
// merge. Augmenting through 'tldraw' reaches the declaration the editor's types actually use.
declare module 'tldraw' {
  interface TLGlobalShapePropsMap {
    [QUESTION_CARD_TYPE]: QuestionCardProps;
    [EQUATION_TYPE]: EquationProps;
    [TABLE_TYPE]: TableProps;
    [FRACTION_BAR_TYPE]: FractionBarProps;
  }
}
