import type { ClassState } from '@conjecture/shared';
import { updateClass } from '../classroom/classApi.js';
import { Switch } from '../ui/Switch.js';

/** The teacher's cookie is the credential; the answer is the new class state. */
export const setGraphPaper = (classId: string, graphPaper: boolean): Promise<ClassState> =>
  updateClass(classId, { graphPaper });

/** The teacher's switch: every board of the class (students', the teacher's, the projector's) follows it. */
export function GraphPaperSwitch({
  cls,
  onChange,
}: {
  cls: ClassState;
  onChange: (graphPaper: boolean) => void;
}) {
  return (
    <Switch
      className="graph-paper-switch"
      label="Graph paper on the boards"
      checked={cls.graphPaper}
      onCheckedChange={onChange}
    />
  );
}
