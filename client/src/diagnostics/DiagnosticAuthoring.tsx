import { useEffect, useId, useMemo, useState } from 'react';
import {
  addItem,
  bankFromDraft,
  DEFAULT_ITEM_BANK,
  draftFromBank,
  draftProblems,
  emptyDraft,
  isBlankDraft,
  moveItem,
  removeItem,
  type BankDraft,
  type ItemBank,
} from '@conjecture/shared';
import { authoringIds, goToPart, placeId, type DraftEdit } from './authoringIds.js';
import { refusalMessages, setDiagnostic } from './diagnosticApi.js';
import { keptBankDrafts } from './keptBankDrafts.js';
import { MisconceptionsEditor } from './MisconceptionsEditor.js';
import { QuestionEditor } from './QuestionEditor.js';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { TextField } from '../ui/TextField.js';
import { announce } from '../ui/liveRegion.js';
import './diagnosticAuthoring.css';

/**
 * "Write your own": the teacher writes a diagnostic in a form instead of JSON. The problems are listed live,
 * each a link to its place, and the diagnostic can be used once there are none — then it goes through the
 * same route as a pasted bank, and the server's refusal, if any, is shown here. The draft is kept in this
 * browser at every change (keptBankDrafts.ts), so closing the dialog or reloading loses nothing.
 */
export function DiagnosticAuthoring({
  classId,
  bankInUse,
  onClose,
  onUsed,
}: {
  classId: string;
  bankInUse: ItemBank | null;
  onClose: () => void;
  onUsed: (items: number) => Promise<void>;
}) {
  const base = useId();
  const ids = authoringIds(base);
  const [draft, setDraft] = useState<BankDraft>(() => keptBankDrafts.read(classId) ?? emptyDraft());
  const [kept, setKept] = useState(true);
  const [refusal, setRefusal] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [replaceWith, setReplaceWith] = useState<BankDraft | null>(null);
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const problems = useMemo(() => draftProblems(draft), [draft]);
  // The class's own bank, when it has one other than our sample: a teacher edits what students take.
  const inUse = useMemo(
    () => (bankInUse && bankInUse.id !== DEFAULT_ITEM_BANK.id ? draftFromBank(bankInUse) : null),
    [bankInUse],
  );

  const edit = (change: DraftEdit) => setDraft((d) => change(d));
  useEffect(() => setKept(keptBankDrafts.keep(classId, draft)), [classId, draft]);
  // after a move or a removal the focus follows the question (the rows are re-rendered in their new order)
  useEffect(() => {
    if (focusNext === null) return;
    goToPart(focusNext);
    setFocusNext(null);
  }, [focusNext]);

  const startFrom = (next: BankDraft) => {
    if (isBlankDraft(draft)) setDraft(next);
    else setReplaceWith(next);
  };
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    edit((d) => moveItem(d, index, by));
    // at either end the button the teacher pressed is disabled: keep the focus on its neighbour
    const atEnd = to === 0 || to === draft.items.length - 1;
    setFocusNext(ids.move(to, atEnd ? (by === -1 ? 1 : -1) : by));
    announce(`Question ${index + 1} moved ${by === -1 ? 'up' : 'down'}: it is now question ${to + 1}`);
  };
  const remove = (index: number) => {
    edit((d) => removeItem(d, index));
    const next = Math.min(index, draft.items.length - 2);
    setFocusNext(next < 0 ? ids.addItem : ids.item(next));
    announce(`Question ${index + 1} removed`);
  };
  const use = async () => {
    if (problems.length > 0 || busy) return;
    setBusy(true);
    setRefusal([]);
    try {
      const result = await setDiagnostic(classId, bankFromDraft(draft));
      keptBankDrafts.forget(classId);
      await onUsed(result?.items ?? draft.items.length);
    } catch (error) {
      setRefusal(refusalMessages(error));
      setBusy(false);
    }
  };

  const blocked = problems.length > 0 || busy;
  const firstProblemId = `${base}-first-problem`;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Write your own diagnostic"
      size="large"
      description="4 to 8 questions. Each wrong answer shows a misconception you name; students also say how sure they are."
      actions={
        <>
          <div className="diagnostic-authoring__verdict">
            {refusal.length > 0 ? (
              <ul role="alert" aria-label="The server refused the diagnostic">
                {refusal.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : (
              problems[0] && (
                <p id={firstProblemId} data-testid="authoring-first-problem">
                  To fix first: {problems[0].message}
                </p>
              )
            )}
          </div>
          <Button onClick={onClose}>Close</Button>
          <Button
            variant="primary"
            aria-disabled={blocked}
            aria-describedby={problems[0] ? firstProblemId : undefined}
            onClick={() => void use()}
          >
            {busy ? 'Sending…' : 'Use this diagnostic'}
          </Button>
        </>
      }
    >
      <div className="diagnostic-authoring ui-dialog-scroll-body">
        <div className="diagnostic-authoring__form ui-scroll-shadows">
          <div className="diagnostic-authoring__start">
            {replaceWith ? (
              <>
                <span>Replace everything you wrote?</span>
                <Button
                  size="sm"
                  variant="danger"
                  autoFocus
                  onClick={() => {
                    setDraft(replaceWith);
                    setReplaceWith(null);
                  }}
                >
                  Replace
                </Button>
                <Button size="sm" onClick={() => setReplaceWith(null)}>
                  Keep what I wrote
                </Button>
              </>
            ) : (
              <>
                {inUse && (
                  <Button size="sm" onClick={() => startFrom(inUse)}>
                    Start from this class’s diagnostic
                  </Button>
                )}
                <Button size="sm" onClick={() => startFrom(draftFromBank(DEFAULT_ITEM_BANK))}>
                  Start from our sample
                </Button>
                <Button size="sm" onClick={() => startFrom(emptyDraft())}>
                  Start over, empty
                </Button>
              </>
            )}
          </div>
          <TextField
            id={ids.title}
            label="Title"
            hint="Students see it above each question."
            value={draft.title}
            onChange={(e) => edit((d) => ({ ...d, title: e.target.value }))}
          />
          <TextField
            id={ids.description}
            multiline
            rows={2}
            label="Description (only teachers see it)"
            hint="What it checks and how long it takes, e.g. “Halves and quarters: 4 questions, 5 minutes.” Shown with the class’s diagnostic."
            value={draft.description ?? ''}
            onChange={(e) => edit((d) => ({ ...d, description: e.target.value }))}
          />
          <section
            className="diagnostic-authoring__section"
            id={ids.misconceptions}
            aria-labelledby={`${base}-m-heading`}
          >
            <h3 id={`${base}-m-heading`}>Misconceptions</h3>
            <MisconceptionsEditor base={base} misconceptions={draft.misconceptions} edit={edit} />
          </section>
          <section className="diagnostic-authoring__section" aria-labelledby={`${base}-q-heading`}>
            <h3 id={`${base}-q-heading`}>Questions</h3>
            {draft.items.map((item, i) => (
              <QuestionEditor
                key={i}
                base={base}
                index={i}
                count={draft.items.length}
                item={item}
                misconceptions={draft.misconceptions}
                edit={edit}
                onMove={(by) => move(i, by)}
                onRemove={() => remove(i)}
              />
            ))}
            <Button id={ids.addItem} onClick={() => edit(addItem)}>
              Add a question
            </Button>
          </section>
        </div>
        <aside
          className="diagnostic-authoring__problems ui-scroll-shadows"
          aria-labelledby={`${base}-p-heading`}
        >
          <h3 id={`${base}-p-heading`}>Before students can take it</h3>
          <div role="status" aria-live="polite" aria-atomic="false">
            <p>
              {problems.length === 0
                ? 'Nothing to fix: you can use this diagnostic.'
                : problems.length === 1
                  ? '1 thing to fix:'
                  : `${problems.length} things to fix:`}
            </p>
            <ul aria-label="Problems to fix" className="diagnostic-authoring__problem-list">
              {problems.map((p, i) => (
                <li key={`${i}${p.message}`}>
                  <Button size="sm" variant="ghost" onClick={() => goToPart(placeId(base, p.place))}>
                    {p.message}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
          <p className="ui-hint">
            {kept
              ? 'Kept in this browser while you write: you can close this and come back.'
              : 'This browser cannot keep your draft: use it before you leave this page.'}
          </p>
        </aside>
      </div>
    </Dialog>
  );
}
