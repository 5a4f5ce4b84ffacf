import { NewGroupButton } from '../classroom/NewGroupButton.js';
import { Button } from '../ui/Button.js';
import { ArrowUpIcon } from '../ui/icons.js';
import { RosterColumns, type RosterColumnsProps } from './RosterColumns.js';

/** One roster on the page at a time (Live or Prepare shows it), so one id finds it. */
const SECTION_ID = 'students-and-groups';

/** Live's grid of group boards (focusable from script: the way back from the roster lands on it). */
export const GROUP_BOARDS_ID = 'group-boards';

interface StudentsAndGroupsProps extends RosterColumnsProps {
  onCreateGroup: () => Promise<unknown>;
  /** Under Live: a way back up to the group boards, which sit above the roster. */
  backToGroupBoards?: boolean;
}

/** Where groups are made, renamed and deleted, and students moved between them or removed. */
export function StudentsAndGroups({ onCreateGroup, backToGroupBoards, ...roster }: StudentsAndGroupsProps) {
  return (
    <section id={SECTION_ID} className="students-and-groups stack" aria-label="Students and groups">
      <div className="row">
        {/* Focusable from script only: the jump below lands here, and Tab goes on into the roster. */}
        <h2 tabIndex={-1}>Students and groups</h2>
        <NewGroupButton onCreate={onCreateGroup} />
        {backToGroupBoards && <BackToGroupBoards />}
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

/**
 * The way back from the roster to the boards: having jumped (or scrolled) past every group's card to move a
 * student, the teacher had only the scrollbar to return to watching the groups.
 */
function BackToGroupBoards() {
  const back = () => {
    const boards = document.getElementById(GROUP_BOARDS_ID);
    boards?.scrollIntoView({ block: 'start' });
    boards?.focus({ preventScroll: true });
  };
  return (
    <Button className="students-and-groups__back" onClick={back}>
      <ArrowUpIcon aria-hidden size={16} /> Back to the group boards
    </Button>
  );
}
