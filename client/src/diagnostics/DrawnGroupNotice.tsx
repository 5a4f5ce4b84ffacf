import { IconButton } from '../ui/IconButton.js';
import { XIcon } from '../ui/icons.js';
import { drawnGroupSentence } from './drawnGroupWords.js';

/**
 * Under the class bar, once: the student's group was drawn by chance, and who is in it. Small, and gone at
 * a click — it sits in the overlays' column, so it never covers the board's tools.
 */
export function DrawnGroupNotice({
  groupmates,
  onDismiss,
}: {
  groupmates: readonly string[];
  onDismiss: () => void;
}) {
  return (
    <div className="drawn-group-notice" role="status" data-testid="drawn-group-notice">
      <span>{drawnGroupSentence(groupmates)}</span>
      <IconButton size="sm" label="Dismiss" icon={<XIcon aria-hidden />} onClick={onDismiss} />
    </div>
  );
}
