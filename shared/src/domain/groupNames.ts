import { displayNameKey } from './displayNames.js';

/**
 * Group names within a class are unique however they are spelt alike ("Tigers" = "tigers" = "Tіgers" with a
 * Cyrillic і), the same rule the server applies to students' display names, so a student never sees two
 * groups that read alike on the teacher's roster or in their own class bar.
 */
export const groupNameKey = (name: string): string => displayNameKey(name);

interface NamedGroup {
  groupId: string;
  name: string;
}

/** The other group of the class that already has this name, if any (a group never clashes with itself). */
export function findGroupNameClash<G extends NamedGroup>(
  groups: readonly G[],
  name: string,
  exceptGroupId: string | null = null,
): G | undefined {
  const key = groupNameKey(name);
  return groups.find((g) => g.groupId !== exceptGroupId && groupNameKey(g.name) === key);
}

/** "Group N" for the smallest N ≥ count + 1 no group is called yet (renames may have taken the obvious one). */
export function nextDefaultGroupName(groups: readonly NamedGroup[]): string {
  for (let n = groups.length + 1; ; n++) {
    const name = `Group ${n}`;
    if (!findGroupNameClash(groups, name)) return name;
  }
}
