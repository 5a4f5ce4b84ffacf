import { useEffect, useRef, useState } from 'react';
import {
  CONFIDENCE_LABELS,
  CONFIDENCE_LEVELS,
  myWorkDocument,
  REFLECTION_PROMPTS,
  type Confidence,
  type MyWork,
  type OwnContribution,
} from '@conjecture/shared';
import { apiFor } from '../api/http.js';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { RadioGroup } from '../ui/RadioGroup.js';
import { TextField } from '../ui/TextField.js';
import { fileStem, saveBlob } from '../api/downloads.js';
import './reflection.css';
import { Written } from '../ui/Written.js';

interface ReflectionDialogProps {
  classId: string;
  token: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

type Answers = { worked: string; change: string; nextStep: string; confidence: Confidence | null };
const EMPTY: Answers = { worked: '', change: '', nextStep: '', confidence: null };

const KIND_LABELS: Record<OwnContribution['kind'], string> = {
  board_item: 'On the board',
  critique_reply: 'Critique',
  answer: 'Answer',
  reflection: 'Reflection',
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The student's end of the lesson: where they started (their profile's summary), what they contributed, the
 * four reflection prompts, and a download of all of it as a document they keep.
 */
export function ReflectionDialog({ classId, token, open, onOpenChange }: ReflectionDialogProps) {
  const [work, setWork] = useState<MyWork | null>(null);
  const [answers, setAnswers] = useState<Answers>(EMPTY);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    let current = true;
    setStatus(null);
    apiFor(token)
      .myWork({ params: { classId } })
      .then((w) => {
        if (!current) return;
        setWork(w);
        if (w.reflection) setAnswers(w.reflection);
      })
      .catch((e: unknown) => current && setStatus({ error: true, text: messageOf(e) }));
    return () => {
      current = false;
    };
  }, [open, classId, token]);

  const save = async () => {
    setSaving(true);
    setStatus(null);
    try {
      const reflection = await apiFor(token).putMyReflection({ params: { classId }, body: answers });
      setWork((w) => w && { ...w, reflection });
      setStatus({ error: false, text: 'Saved. You can change it until your teacher closes the reflection.' });
    } catch (e) {
      setStatus({ error: true, text: messageOf(e) });
    } finally {
      setSaving(false);
    }
  };

  const mayWrite = work?.reflectionOpen ?? false;
  // Opened to write, the first box is scrolled into sight: under her contributions, on a short window (a
  // Chromebook at 200 %) it sat cut at the bottom of the scrolling part until she scrolled.
  const prompts = useRef<HTMLElement>(null);
  useEffect(() => {
    if (open && mayWrite) prompts.current?.querySelector('textarea')?.scrollIntoView({ block: 'nearest' });
  }, [open, mayWrite]);
  // As the server asks: at least one answer (an empty reflection is not one).
  const answered = Boolean(
    answers.worked.trim() || answers.change.trim() || answers.nextStep.trim() || answers.confidence,
  );
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Look back on today"
      description="Your teacher reads your reflection. Nobody else in the class sees it."
      actions={
        <>
          {/* beside Save, where the student is looking (at the end of the scrolled prompts it went unseen) */}
          {status && (
            <p
              role={status.error ? 'alert' : 'status'}
              className={`reflection-status ${status.error ? 'ui-form-error' : 'muted'}`}
            >
              {status.text}
            </p>
          )}
          <Button
            disabled={!work}
            onClick={() =>
              work &&
              saveBlob(
                new Blob([myWorkDocument(work)], { type: 'text/markdown;charset=utf-8' }),
                `${fileStem(work.classTitle, 'class')}-my-work.md`,
              )
            }
          >
            Download my work
          </Button>
          <Button onClick={() => onOpenChange(false)}>Close</Button>
          <Button
            variant="primary"
            disabled={!mayWrite || saving || !answered}
            aria-describedby={mayWrite && !answered ? 'reflection-save-hint' : undefined}
            onClick={() => void save()}
          >
            {saving ? 'Saving…' : 'Save my reflection'}
          </Button>
        </>
      }
    >
      <div
        className="reflection stack ui-scroll-shadows ui-dialog-scroll-body"
        data-testid="reflection-dialog"
      >
        {work?.profileSummary && (
          <section aria-labelledby="reflection-start">
            <h3 id="reflection-start">Where you started</h3>
            <p>{work.profileSummary}</p>
          </section>
        )}
        <section aria-labelledby="reflection-work">
          <h3 id="reflection-work">What you contributed</h3>
          {work && work.contributions.length === 0 && <p className="muted">Nothing yet.</p>}
          <ul className="reflection-contributions" data-testid="my-contributions">
            {work?.contributions.map((c, i) => (
              <li key={i}>
                <span className="reflection-kind">{KIND_LABELS[c.kind]}</span> <Written>{c.text}</Written>
              </li>
            ))}
          </ul>
        </section>
        <section ref={prompts} aria-labelledby="reflection-prompts" className="stack">
          <h3 id="reflection-prompts">Your reflection</h3>
          {!mayWrite && work && (
            <p className="muted">Your teacher will open the reflection at the end of the lesson.</p>
          )}
          {REFLECTION_PROMPTS.map(({ field, prompt }) => (
            <TextField
              key={field}
              multiline
              rows={2}
              maxLength={1000}
              label={prompt}
              value={answers[field]}
              disabled={!mayWrite}
              onChange={(e) => setAnswers((a) => ({ ...a, [field]: e.target.value }))}
            />
          ))}
          <RadioGroup
            label="How confident do you feel about today's math now?"
            options={CONFIDENCE_LEVELS.map((value) => ({ value, label: CONFIDENCE_LABELS[value] }))}
            value={answers.confidence}
            disabled={!mayWrite}
            onValueChange={(confidence) => setAnswers((a) => ({ ...a, confidence }))}
          />
          {mayWrite && !answered && (
            <p className="muted" id="reflection-save-hint">
              Answer at least one question to save.
            </p>
          )}
        </section>
      </div>
    </Dialog>
  );
}
