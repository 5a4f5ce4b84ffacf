/** "Ana", "Ana and Ben", "Ana, Ben and Cy": names as a sentence says them. */
export function listOfNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/** What a student is told when their group arrives from a random draw. */
export function drawnGroupSentence(groupmates: readonly string[]): string {
  return groupmates.length === 0
    ? 'Your group was drawn at random.'
    : `Your group was drawn at random: you are with ${listOfNames(groupmates)}.`;
}
