import { API_PREFIX, ClassStateSchema, type ClassState } from '@conjecture/shared';
import { fetchJson } from '../api/http.js';
import { Switch } from '../ui/index.js';

/** PATCH the class (the teacher's cookie is the credential); the answer is the new class state. */
export const setGraphPaper = (classId: string, graphPaper: boolean): Promise<ClassState> =>
  fetchJson(`${API_PREFIX}/classes/${encodeURIComponent(classId)}`, ClassStateSchema, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ graphPaper }),
  });

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
