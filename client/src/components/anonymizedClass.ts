import { pseudonym, type ClassState } from '@conjecture/shared';

/**
 * The class state with every student's name replaced by the pseudonym the projector would show (by join
 * order, which is the order the server lists students in) when the dashboard is anonymized. Ids are
 * untouched, so every command still names the right student.
 */
export function anonymizedForDashboard(cls: ClassState): ClassState {
  if (!cls.anonymizeDashboard) return cls;
  return { ...cls, students: cls.students.map((s, i) => ({ ...s, displayName: pseudonym(i) })) };
}
