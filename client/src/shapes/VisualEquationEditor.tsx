import { useEffect, useRef, useState } from 'react';
import type { MathfieldElement } from 'mathlive';
import { MAX_EQUATION_LATEX_CHARS } from '@conjecture/shared/board/index';
import { bracedFractions } from '@conjecture/shared/domain/math/index';
import './visualEquationEditor.css';

/** Where the build puts MathLive's fonts and sounds (see client/selfHostMathlive.ts): our own origin only. */
const MATHLIVE_ASSETS = '/mathlive';

let loading: Promise<typeof MathfieldElement> | null = null;

/**
 * MathLive (about 800 kB) is loaded the first time a student edits an equation, with its fonts and sounds
 * pointed at our own server before any mathfield exists (MathLive reads both when the first one connects).
 */
function loadMathLive(): Promise<typeof MathfieldElement> {
  loading ??= import('mathlive').then(({ MathfieldElement: Element }) => {
    Element.fontsDirectory = `${MATHLIVE_ASSETS}/fonts`;
    Element.soundsDirectory = `${MATHLIVE_ASSETS}/sounds`;
    return Element;
  });
  return loading;
}

/** Events that must not reach tldraw (a key typed here is not a tool shortcut, a click is not a selection). */
const CONTAINED_EVENTS = ['keydown', 'keyup', 'pointerdown', 'pointerup', 'wheel', 'dblclick'] as const;

/**
 * The visual equation editor: what a student types is shown as mathematics as they type it ("2/3" becomes
 * a fraction, "^" a superscript), with MathLive's virtual keyboard on touch screens. The shape keeps LaTeX
 * as its stored form: every change goes out as LaTeX through `onChange`. Enter or Escape finishes.
 */
export function VisualEquationEditor({
  latex,
  selectAll,
  onChange,
  onDone,
}: {
  latex: string;
  /** Start with everything selected (the placeholder of a new equation is replaced by the first key). */
  selectAll: boolean;
  onChange: (latex: string) => void;
  onDone: () => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const field = useRef<MathfieldElement | null>(null);
  const [failed, setFailed] = useState(false);
  const latest = useRef({ latex, selectAll, onChange, onDone });
  latest.current = { latex, selectAll, onChange, onDone };

  useEffect(() => {
    let cancelled = false;
    let sent = latex;
    let flush = () => {};
    const wrapper = host.current;
    if (!wrapper) return;
    // MathLive can take a while to arrive (a cold cache, a slow network): what the student did meanwhile wins.
    const focusedAtMount = document.activeElement;
    const stop = (event: Event) => event.stopPropagation();
    for (const type of CONTAINED_EVENTS) wrapper.addEventListener(type, stop);
    loadMathLive().then(
      (Element) => {
        if (cancelled) return;
        const mf = new Element();
        mf.setAttribute('aria-label', 'Equation');
        mf.setAttribute('data-testid', 'equation-visual');
        mf.smartFence = true;
        // The equation as it is now, typed in the LaTeX box while MathLive loaded included.
        sent = latest.current.latex;
        mf.value = sent;
        // MathLive fires 'input' on a timer after each keystroke, so a key typed just before Enter (or before
        // the edit ends some other way) has no event yet: finishing flushes the field's value itself.
        flush = () => {
          const next = bracedFractions(mf.getValue('latex')).slice(0, MAX_EQUATION_LATEX_CHARS);
          if (next === sent) return;
          sent = next;
          latest.current.onChange(next);
        };
        mf.addEventListener('input', flush);
        // Capture: MathLive takes Enter and Escape in its shadow DOM before a listener here would hear them.
        mf.addEventListener(
          'keydown',
          (event) => {
            // Enter finishes; so does Escape, as everywhere on the board (MathLive would keep it).
            if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              flush();
              latest.current.onDone();
            }
          },
          { capture: true },
        );
        wrapper.prepend(mf);
        field.current = mf;
        // Focus comes here only if nobody moved it meanwhile: a student already typing in the LaTeX box keeps
        // typing there (taking the focus mid-word sent the rest of the keys into the visual field).
        if (document.activeElement !== focusedAtMount) return;
        mf.focus();
        if (latest.current.selectAll) mf.executeCommand('selectAll');
      },
      () => setFailed(true),
    );
    return () => {
      cancelled = true;
      flush();
      for (const type of CONTAINED_EVENTS) wrapper.removeEventListener(type, stop);
      field.current?.remove();
      field.current = null;
    };
    // Mounted once per edit: later LaTeX changes are pushed in by the effect below.
  }, []);

  // A change from elsewhere (the LaTeX source box, a groupmate) shows here unless the student is typing here.
  useEffect(() => {
    const mf = field.current;
    if (mf && bracedFractions(mf.getValue('latex')) !== latex && !mf.hasFocus()) mf.value = latex;
  }, [latex]);

  return (
    <div ref={host} className="equation-visual">
      {failed && <p role="alert">The equation editor could not load: type LaTeX below.</p>}
    </div>
  );
}
