import { useState } from 'react';
import { parseItemBank, type ClassState } from '@conjecture/shared';
import type { DiagnosticRow } from '@conjecture/shared';
import { refusalMessages, setDiagnostic } from './diagnosticApi.js';
import { parsePastedJson } from './diagnosticFlow.js';
import { BankInUse } from './BankInUse.js';
import { DiagnosticAuthoring } from './DiagnosticAuthoring.js';
import { ProfileSummary } from './ProfileSummary.js';
import { useBankInUse } from './useBankInUse.js';
import { Button } from '../ui/Button.js';
import { NumericCell, NumericHeader, Table } from '../ui/Table.js';
import { TextField } from '../ui/TextField.js';

type Status = { kind: 'idle' } | { kind: 'set'; items: number } | { kind: 'skipped' };

/**
 * The teacher picks the class diagnostic (ours, a pasted bank, one written in a form, or none) and watches
 * each student's completion live. A pasted bank is checked in the browser with the same `parseItemBank` the server runs,
 * so errors (naming the item and field) show before anything is sent; the server's own refusal is shown too.
 */
export function DiagnosticChooser({
  classId,
  cls,
  rows,
  onChanged,
}: {
  classId: string;
  cls: ClassState;
  rows: DiagnosticRow[];
  onChanged: () => Promise<void>;
}) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [authoring, setAuthoring] = useState(false);
  const inUse = useBankInUse(classId);

  const total = rows.find((r) => r.total > 0)?.total ?? 0;
  const shown: Status = status.kind === 'idle' && total > 0 ? { kind: 'set', items: total } : status;

  const choose = async (bank: 'default' | null | Record<string, unknown>) => {
    setBusy(true);
    setErrors([]);
    try {
      const result = await setDiagnostic(classId, bank);
      setStatus(result ? { kind: 'set', items: result.items } : { kind: 'skipped' });
      inUse.reload();
      setPasting(false);
      await onChanged();
    } catch (error) {
      setErrors(refusalMessages(error));
    } finally {
      setBusy(false);
    }
  };
  const sendPasted = () => {
    const json = parsePastedJson(pasted);
    if (!json.ok) return setErrors([json.error]);
    const checked = parseItemBank(json.value);
    if (!checked.ok) return setErrors(checked.errors);
    void choose(json.value as Record<string, unknown>);
  };

  return (
    <section className="diagnostic" aria-label="Diagnostic">
      <h2>Diagnostic</h2>
      <p data-testid="diagnostic-status">
        {shown.kind === 'set'
          ? `In use: ${shown.items} items. Students answer them when they open the class.`
          : shown.kind === 'skipped'
            ? 'Skipped: no diagnostic for this class.'
            : 'Not chosen yet.'}
      </p>
      {shown.kind === 'set' && inUse.bank && <BankInUse bank={inUse.bank} />}
      <div className="diagnostic-choices">
        <Button disabled={busy} onClick={() => void choose('default')}>
          Use our fractions &amp; ratios diagnostic
        </Button>
        <Button disabled={busy} aria-expanded={pasting} onClick={() => setPasting((p) => !p)}>
          Paste a bank
        </Button>
        <Button disabled={busy} aria-haspopup="dialog" onClick={() => setAuthoring(true)}>
          Write your own
        </Button>
        <Button disabled={busy} onClick={() => void choose(null)}>
          Skip
        </Button>
      </div>
      {authoring && (
        <DiagnosticAuthoring
          classId={classId}
          bankInUse={inUse.bank}
          onClose={() => setAuthoring(false)}
          onUsed={async (items) => {
            setAuthoring(false);
            setErrors([]);
            setPasting(false);
            setStatus({ kind: 'set', items });
            inUse.reload();
            await onChanged();
          }}
        />
      )}
      {pasting && (
        <div className="diagnostic-paste">
          <TextField
            multiline
            label="Item bank (JSON)"
            rows={8}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
          />
          <Button variant="primary" disabled={busy || pasted.trim() === ''} onClick={sendPasted}>
            Use this bank
          </Button>
        </div>
      )}
      {errors.length > 0 && (
        <ul className="diagnostic-errors" role="alert" aria-label="Problems with the bank">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {shown.kind === 'set' && (
        <div className="diagnostic-progress">
          <Table aria-label="Diagnostic progress">
            <thead>
              <tr>
                <th scope="col">Student</th>
                <NumericHeader>Answered</NumericHeader>
                <th scope="col">Profile</th>
              </tr>
            </thead>
            <tbody>
              {cls.students.length === 0 && (
                <tr>
                  <td colSpan={3} className="muted" data-testid="diagnostic-no-students">
                    No student has joined yet: each answers on opening the class with the join code.
                  </td>
                </tr>
              )}
              {cls.students.map((s) => {
                const row = rows.find((r) => r.studentId === s.studentId);
                const answered = row?.answered ?? 0;
                const done = row?.complete ?? false;
                return (
                  <tr key={s.studentId} data-testid={`diagnostic-${s.displayName}`} data-complete={done}>
                    <td>{s.displayName}</td>
                    <NumericCell>
                      {answered}/{row?.total || shown.items}
                      {done ? ' done' : ''}
                    </NumericCell>
                    <td>
                      {row?.portrait ? (
                        <ProfileSummary portrait={row.portrait} name={s.displayName} />
                      ) : (
                        <span className="muted">{done ? '' : 'Profile once all items are answered'}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </div>
      )}
    </section>
  );
}
