import { useId, useRef, useState } from 'react';
import type { ItemBank } from '@conjecture/shared';
import { Button } from '../ui/Button.js';
import { useClamped } from '../ui/useClamped.js';
import './bankInUse.css';

/**
 * What the class's diagnostic is, as its author summed it up: the title, and the description in two lines
 * at most (the progress table and the grouping stay above 1366×768's fold); the rest one click away.
 */
export function BankInUse({ bank }: { bank: Pick<ItemBank, 'title' | 'description'> }) {
  const descriptionId = useId();
  const text = useRef<HTMLParagraphElement>(null);
  const [expanded, setExpanded] = useState(false);
  const clamped = useClamped(text, bank.description);

  return (
    <div className="bank-in-use" data-testid="diagnostic-in-use">
      <p className="bank-in-use__title">{bank.title}</p>
      {bank.description && (
        <p
          ref={text}
          id={descriptionId}
          className="bank-in-use__description"
          data-expanded={expanded || undefined}
        >
          {bank.description}
        </p>
      )}
      {bank.description && (expanded || clamped) && (
        <Button
          size="sm"
          aria-expanded={expanded}
          aria-controls={descriptionId}
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? 'Show less' : 'Show all'}
        </Button>
      )}
    </div>
  );
}
