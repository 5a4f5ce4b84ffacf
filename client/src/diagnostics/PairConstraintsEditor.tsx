import { useState } from 'react';
import type { ClassState } from '@conjecture/shared';
import { addPair, removePair, type PairConstraints, type PairKind } from './diagnosticFlow.js';
import { Button } from '../ui/Button.js';
import { IconButton } from '../ui/IconButton.js';
import { SelectField } from '../ui/Select.js';
import { XIcon } from '../ui/icons.js';

const KIND_LABELS: Record<PairKind, string> = { keepApart: 'Keep apart', keepTogether: 'Keep together' };

/**
 * The hard constraints of the next proposal: pairs of students to keep apart or together. The engine never
 * breaks them; when they cannot all be met, the proposal is refused with the constraints that conflict.
 */
export function PairConstraintsEditor({
  cls,
  pairs,
  onChange,
}: {
  cls: ClassState;
  pairs: PairConstraints;
  onChange: (pairs: PairConstraints) => void;
}) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const nameOf = (id: string) => cls.students.find((s) => s.studentId === id)?.displayName ?? 'Someone';
  const choose = (label: string, value: string, set: (id: string) => void) => (
    <SelectField label={label} value={value} onChange={(e) => set(e.target.value)}>
      <option value="">Choose a student…</option>
      {cls.students.map((s) => (
        <option key={s.studentId} value={s.studentId}>
          {s.displayName}
        </option>
      ))}
    </SelectField>
  );
  const ready = first !== '' && second !== '' && first !== second;
  return (
    <fieldset className="pair-constraints">
      <legend className="ui-label">Students to keep apart or together</legend>
      {choose('First student', first, setFirst)}
      {choose('Second student', second, setSecond)}
      {(Object.keys(KIND_LABELS) as PairKind[]).map((kind) => (
        <Button key={kind} disabled={!ready} onClick={() => onChange(addPair(pairs, kind, first, second))}>
          {KIND_LABELS[kind]}
        </Button>
      ))}
      <ul aria-label="Constraints">
        {(Object.keys(KIND_LABELS) as PairKind[]).flatMap((kind) =>
          pairs[kind].map(([a, b], index) => (
            <li key={`${kind}${a}${b}`}>
              {KIND_LABELS[kind]}: {nameOf(a)} and {nameOf(b)}{' '}
              <IconButton
                size="sm"
                variant="ghost"
                label={`Remove ${KIND_LABELS[kind].toLowerCase()}: ${nameOf(a)} and ${nameOf(b)}`}
                icon={<XIcon />}
                onClick={() => onChange(removePair(pairs, kind, index))}
              />
            </li>
          )),
        )}
      </ul>
    </fieldset>
  );
}
