import { useEffect, useState } from 'react';
import type { StudentDiagnostic } from '@conjecture/shared';
import { getStudentDiagnostic } from './diagnosticApi.js';

/**
 * The student's diagnostic as the server has it (items, what was answered, the summary once complete).
 * Undefined while loading or if it could not be fetched: the class page then carries on without it.
 */
export function useStudentDiagnostic(classId: string, token: string | null) {
  const [diagnostic, setDiagnostic] = useState<StudentDiagnostic | undefined>(undefined);
  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    getStudentDiagnostic(classId, token).then(
      (d) => !cancelled && setDiagnostic(d),
      () => {},
    );
    return () => {
      cancelled = true;
    };
  }, [classId, token]);
  return { diagnostic, setDiagnostic };
}
