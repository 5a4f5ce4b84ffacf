import type { BankDraft, DraftPlace } from '@conjecture/shared';

/** A change to the draft, applied to the latest one (keystrokes never edit a stale copy). */
export type DraftEdit = (draft: BankDraft) => BankDraft;

/** The element ids of the authoring form's parts, so a problem in the list can take the teacher there. */
export function authoringIds(base: string) {
  return {
    title: `${base}-title`,
    description: `${base}-description`,
    addItem: `${base}-add-question`,
    misconceptions: `${base}-misconceptions`,
    misconception: (index: number) => `${base}-m${index}`,
    item: (index: number) => `${base}-q${index}`,
    move: (index: number, by: -1 | 1) => `${base}-q${index}-${by < 0 ? 'up' : 'down'}`,
    option: (item: number, option: number) => `${base}-q${item}-o${option}`,
    skill: (item: number, skill: number) => `${base}-q${item}-s${skill}`,
    addSkill: (item: number) => `${base}-q${item}-add-skill`,
  };
}

/** The element holding the place a problem points at. */
export function placeId(base: string, place: DraftPlace): string {
  const ids = authoringIds(base);
  switch (place.part) {
    case 'title':
      return ids.title;
    case 'description':
      return ids.description;
    case 'items':
      return ids.addItem;
    case 'misconceptions':
      return ids.misconceptions;
    case 'misconception':
      return ids.misconception(place.index);
    case 'item':
      if (place.option !== undefined) return ids.option(place.index, place.option);
      return place.skill === undefined ? ids.item(place.index) : ids.skill(place.index, place.skill);
  }
}

/** Scrolls to a part of the form and puts the focus on its first field (or on it, if it is a control). */
export function goToPart(id: string): void {
  const part = document.getElementById(id);
  if (!part) return;
  const field = part.matches('input, textarea, select, button')
    ? part
    : (part.querySelector<HTMLElement>('input, textarea, select') ??
      part.querySelector<HTMLElement>('button:not(:disabled)'));
  part.scrollIntoView({ block: 'nearest' });
  (field ?? part).focus();
}
