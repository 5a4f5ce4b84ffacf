/**
 * In the student's class bar: who they are and which group they are in. A screen reader hears what each
 * is ("Your name: Ada", "Your group: Group 1"); the bar shows the words alone. Hidden words, not aria-label:
 * a plain span may not carry a name (ARIA 1.2, and axe says so), and screen readers skip one there anyway.
 * The group's name stays alone in `my-group`, which the pages' tests read.
 */
export function ClassBarIdentity({
  displayName,
  groupName,
}: {
  displayName: string;
  groupName: string | null;
}) {
  return (
    <>
      <span>
        <span className="ui-visually-hidden">Your name: </span>
        {displayName}
      </span>
      <span>
        <span className="ui-visually-hidden">Your group: </span>
        <span data-testid="my-group">{groupName ?? 'No group yet'}</span>
      </span>
    </>
  );
}
