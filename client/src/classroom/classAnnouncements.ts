/** What a student's page says aloud when the class around them changes (pure, so it is tested alone). */
export interface ClassSnapshot {
  paused: boolean;
  /** The student's group's name, or null while not in a group. */
  groupName: string | null;
}

/** The announcement for a change from `prev` to `next`; null on first load or when nothing spoken changed. */
export function classAnnouncement(prev: ClassSnapshot | null, next: ClassSnapshot): string | null {
  if (!prev) return null;
  const said: string[] = [];
  if (prev.groupName !== next.groupName) {
    if (next.groupName === null) said.push('You are no longer in a group.');
    else if (prev.groupName === null) said.push(`Your teacher put you in ${next.groupName}.`);
    else said.push(`Your teacher moved you to ${next.groupName}.`);
  }
  if (!prev.paused && next.paused) said.push('Your teacher paused the class. Your board is read-only.');
  if (prev.paused && !next.paused) said.push('The class resumed. You can work on your board again.');
  return said.length > 0 ? said.join(' ') : null;
}

export const questionAnnouncement = (text: string) => `Your teacher asked a question: ${text.trim()}`;
