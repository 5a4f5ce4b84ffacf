import type { Group } from '@conjecture/shared';
import { DisplayNameSchema, findGroupNameClash } from '@conjecture/shared';
import { ApiRequestError } from '../api/http.js';

/**
 * The name the teacher typed, checked with the server's own rules before sending (the server checks again):
 * the cleaned name to send, null when nothing changed, or why it cannot be used.
 */
export function checkGroupName(
  typed: string,
  group: Group,
  groups: readonly Group[],
): { ok: true; name: string | null } | { ok: false; message: string } {
  const parsed = DisplayNameSchema.safeParse(typed);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'not a valid name' };
  const name = parsed.data;
  if (name === group.name) return { ok: true, name: null };
  const clash = findGroupNameClash(groups, name, group.groupId);
  if (clash) return { ok: false, message: `another group is already called "${clash.name}"` };
  return { ok: true, name };
}

/** What a failed request says to the teacher: the first field issue when there is one, else the message. */
export function errorText(error: unknown): string {
  if (error instanceof ApiRequestError) return error.issues[0]?.message ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

/** The server refused a delete because the group holds work: the dialog asks again before discarding it. */
export const refusedForWork = (error: unknown): error is ApiRequestError =>
  error instanceof ApiRequestError && error.code === 'conflict';
