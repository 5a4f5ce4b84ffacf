import type { ItemBank } from '@conjecture/shared';
import { ClampedText } from '../ui/ClampedText.js';
import './bankInUse.css';

/**
 * What the class's diagnostic is, as its author summed it up: the title, and the description in two lines
 * at most (the progress table and the grouping stay above 1366×768's fold); the rest one click away.
 */
export function BankInUse({ bank }: { bank: Pick<ItemBank, 'title' | 'description'> }) {
  return (
    <div className="bank-in-use" data-testid="diagnostic-in-use">
      <p className="bank-in-use__title">{bank.title}</p>
      {bank.description && <ClampedText text={bank.description} className="bank-in-use__description" />}
    </div>
  );
}
