import { useEffect, useId, useState } from 'react';
import type { ClassPhase, StudentDiagnostic, StudentItem } from '@conjecture/shared';
import { asSentence } from '../api/asSentence.js';
import { answerItem } from './diagnosticApi.js';
import { CONFIDENCE_LABELS, firstUnansweredIndex, nextWaitsFor } from './diagnosticFlow.js';
import { Latex } from '../math/Latex.js';
import { Button } from '../ui/Button.js';
import { RadioGroup } from '../ui/RadioGroup.js';

/**
 * One diagnostic item per screen: the options as a list of choices, how sure the student is (1–4), and Next.
 * Each answer is stored on the server as given, and the screen always shows the first item the server has
 * no answer for, so a reload resumes where the student was. While the class is paused or ended the server
 * takes no answers: Next is greyed out and says why, and the choices stay to send on resuming. LaTeX (`stemLatex`, option `latex`) is rendered
 * with KaTeX.
 */
export function TakeDiagnostic({
  classId,
  token,
  diagnostic,
  phase,
  onAnswered,
}: {
  classId: string;
  token: string;
  diagnostic: StudentDiagnostic;
  /** The class paused or ended: answers wait. */
  phase: ClassPhase;
  onAnswered: (next: StudentDiagnostic) => void;
}) {
  const index = firstUnansweredIndex(diagnostic);
  const item = index === null ? undefined : diagnostic.items[index];
  if (index === null || !item) return null;
  return (
    <ItemScreen
      key={item.itemId}
      item={item}
      position={index + 1}
      total={diagnostic.items.length}
      title={diagnostic.title ?? 'Diagnostic'}
      phase={phase}
      onSubmit={async (optionId, confidence) =>
        onAnswered(await answerItem(classId, token, { itemId: item.itemId, optionId, confidence }))
      }
    />
  );
}

function ItemScreen({
  item,
  position,
  total,
  title,
  phase,
  onSubmit,
}: {
  item: StudentItem;
  position: number;
  total: number;
  title: string;
  phase: ClassPhase;
  onSubmit: (optionId: string, confidence: number) => Promise<void>;
}) {
  const [optionId, setOptionId] = useState<string | null>(null);
  const [confidence, setConfidence] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A refusal is about the moment it was sent: a new choice, a pause or a resume makes it stale.
  useEffect(() => setError(null), [optionId, confidence, phase.paused, phase.ended]);
  const hintId = useId();
  const waitsFor = nextWaitsFor({ optionId, confidence }, phase);
  const ready = waitsFor === null;

  const next = async () => {
    if (!optionId || !confidence || !ready) return;
    setSending(true);
    try {
      await onSubmit(optionId, confidence);
    } catch (e) {
      // Refused (paused a moment ago, offline): the choices stay on screen, to send again.
      setError(asSentence(e instanceof Error ? e.message : String(e)));
      setSending(false);
    }
  };

  return (
    <section
      className="diagnostic-item"
      aria-label={title}
      data-testid="diagnostic-item"
      data-item-id={item.itemId}
    >
      {/* one row over the question: at 1366×768, less the browser's bars, Next stays above the fold */}
      <div className="diagnostic-item__head">
        <h2>{title}</h2>
        <p className="diagnostic-position" data-testid="diagnostic-position">
          Question {position} of {total}
        </p>
        <progress max={total} value={position - 1} aria-label="Diagnostic progress" />
      </div>
      <RadioGroup
        variant="list"
        label={
          <>
            {item.stem}
            {/* the math displayed under the words; KaTeX's HTML has no MathML, so screen readers read the stem */}
            {item.stemLatex && (
              <span aria-hidden="true">
                <Latex source={item.stemLatex} display />
              </span>
            )}
          </>
        }
        value={optionId}
        onValueChange={setOptionId}
        options={item.options.map((option) => ({
          value: option.optionId,
          label: (
            <>
              {option.text}
              {option.latex && (
                <>
                  {' '}
                  <Latex source={option.latex} />
                </>
              )}
            </>
          ),
        }))}
      />
      <RadioGroup
        label="How sure are you?"
        value={confidence ? String(confidence) : null}
        onValueChange={(v) => setConfidence(Number(v))}
        options={CONFIDENCE_LABELS.map((label, i) => ({ value: String(i + 1), label }))}
      />
      {error && (
        <p role="alert" className="ui-form-error">
          {error}
        </p>
      )}
      <div className="diagnostic-item__next">
        <Button
          variant="primary"
          disabled={!ready || sending}
          aria-describedby={ready ? undefined : hintId}
          onClick={() => void next()}
        >
          Next
        </Button>
        {/* a greyed-out Next says what it waits for (the rating was the step students missed; a pause) */}
        {waitsFor && (
          <p id={hintId} className="ui-hint" data-testid="diagnostic-next-hint">
            {waitsFor}
          </p>
        )}
      </div>
    </section>
  );
}
