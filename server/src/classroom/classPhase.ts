import type { Capability, Result, Role } from '@conjecture/shared';
import { can, canNow, fail } from '@conjecture/shared';
import type { ClassRow } from './classroomStore.js';

/**
 * Why a role may not use a capability in this class right now — the role never may (`forbidden`), or the
 * class is paused or ended (`class_paused`) — or null when it may. The same `canNow()` the client greys its
 * controls out with.
 */
export function refusalNow(
  role: Role,
  capability: Capability,
  cls: Pick<ClassRow, 'paused' | 'ended'>,
): Result<never> | null {
  if (!can(role, capability)) return fail('forbidden', `a ${role} may not do this`);
  if (canNow(role, capability, cls)) return null;
  return cls.ended
    ? fail('class_paused', 'the class has ended')
    : fail('class_paused', 'the class is paused: this waits until your teacher resumes it');
}
