import { NewGroupButton } from '../classroom/NewGroupButton.js';
import { Button } from '../ui/Button.js';
import { RosterColumns, type RosterColumnsProps } from './RosterColumns.js';

/** One roster on the page at a time (Live or Prepare shows it), so one id finds it. */
const SECTION_ID = 'students-and-groups';

interface StudentsAndGroupsProps extends RosterColumnsProps {
  onCreateGroup: () => Promise<unknown>;
}

/** Where groups are made, renamed and deleted, and students moved between them or removed. */
export function StudentsAndGroups({ onCreateGroup, ...roster }: StudentsAndGroupsProps) {
  return (
    <section id={SECTION_ID} className="students-and-groups stack" aria-label="Students and groups">
      <div className="row">
        {/* Focusable from script only: the jump below lands here, and Tab goes on into the roster. */}
        <h2 tabIndex={-1}>Students and groups</h2>
        <NewGroupButton onCreate={onCreateGroup} />
      </div>
      <RosterColumns {...roster} />
    </section>
  );
}

/**
 * Live's way to the roster in one click: below a dozen group boards it sat thousands of pixels down, and a
 * teacher moving a student mid-lesson had to scroll past every board to reach it.
 */
export function JumpToStudentsAndGroups() {
  const jump = () => {
    const section = document.getElementById(SECTION_ID);
    section?.scrollIntoView({ block: 'start' });
    section?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  };
  return <Button onClick={jump}>Students and groups</Button>;
}
