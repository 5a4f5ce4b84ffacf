import { useId, useRef, useState } from 'react';
import { Button } from './Button.js';
import { Tooltip } from './Tooltip.js';
import { useClamped } from './useClamped.js';
import { Written } from './Written.js';

/**
 * A paragraph kept to two lines (a long task or description must not push the live grid or the progress
 * table below 1366×768's fold), with "Show all" / "Show less" offered only where something is hidden. Renders
 * the paragraph and its button side by side, so the parent's layout places them (a row or a column).
 */
export function ClampedText({
  text,
  className,
  testId,
}: {
  text: string;
  className?: string;
  testId?: string;
}) {
  const id = useId();
  const paragraph = useRef<HTMLParagraphElement>(null);
  const [expanded, setExpanded] = useState(false);
  const clamped = useClamped(paragraph, text);
  return (
    <>
      {/* The whole text on hover too, where the two lines cut it (by keyboard: "Show all"). */}
      <Tooltip content={text} enabled={clamped && !expanded} side="bottom">
        <p
          ref={paragraph}
          id={id}
          className={className ? `ui-clamped ${className}` : 'ui-clamped'}
          data-testid={testId}
          data-expanded={expanded || undefined}
        >
          <Written>{text}</Written>
        </p>
      </Tooltip>
      {(expanded || clamped) && (
        <Button aria-expanded={expanded} aria-controls={id} onClick={() => setExpanded((e) => !e)}>
          {expanded ? 'Show less' : 'Show all'}
        </Button>
      )}
    </>
  );
}
