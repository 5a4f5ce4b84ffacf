import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useUserColors } from '../classroom/colorDirectory.js';
import { ClassBarIdentity } from '../components/ClassBarIdentity.js';
import { ClassBarTask } from '../components/ClassBarTask.js';
import { Tooltip } from '../ui/Tooltip.js';
import type { Editor } from 'tldraw';
import { PROTOCOL_VERSION, YjsCloseCode, can, canNow } from '@conjecture/shared';
import { useClientConfig } from '../api/useClientConfig.js';
import { useStudentClass } from '../classroom/useStudentClass.js';
import { useClassAnnouncements } from '../classroom/useClassAnnouncements.js';
import { studentCommands } from '../classroom/studentCommands.js';
import { useNameResolver } from '../classroom/nameDirectory.js';
import {
  QuestionAnswerContext,
  SentAnswersContext,
  type SendAnswer,
} from '../shapes/questionAnswerContext.js';
import { CritiqueSendContext, critiqueSender } from '../critique/critiqueCommands.js';
import { LazyBoardEditor, LazyQuestionNotice, preloadBoardEditor } from '../components/lazyBoards.js';
import { PauseBanner } from '../components/PauseBanner.js';
import { RaiseHandButton, useRaisedHand } from '../components/RaiseHandButton.js';
import { BoardDownloads } from '../exports/BoardDownloads.js';
import { LazyTakeDiagnostic } from '../diagnostics/lazyDiagnostic.js';
import { useStudentDiagnostic } from '../diagnostics/useStudentDiagnostic.js';
import { useDrawnGroupNotice } from '../diagnostics/useGroupDraw.js';
import { DrawnGroupNotice } from '../diagnostics/DrawnGroupNotice.js';
import { LazyDraftPanel } from '../drafts/lazyDraft.js';
import { useShowGraphPaper } from '../graphPaper/graphPaperSetting.js';
import { useGraphPaper } from '../graphPaper/useGraphPaper.js';
import { useFollow } from '../discussion/useFollow.js';
import { LazyFollowingTeacher } from '../discussion/lazySnapshots.js';
import { useViewSetting } from '../classroom/useViewSetting.js';
import { ReflectionDialog } from '../reflection/ReflectionDialog.js';
import { Button } from '../ui/Button.js';

import type { BoardConnection } from '../sync/boardSession.js';
import { useWarmBoardSession } from '../sync/boardSessionWarmup.js';
import { BoardPreview } from '../components/BoardPreview.js';
import { Written } from '../ui/Written.js';

/** A student in class: their group's board (moved live), the pause, questions to answer, a hand to raise. */
export function StudentClassPage({ classId }: { classId: string }) {
  const { state, socket, refreshNames, recheck } = useStudentClass(classId);
  const config = useClientConfig();
  const resolveName = useNameResolver(state.phase === 'in' ? state.view.names : null, refreshNames);
  useUserColors(state.phase === 'in' ? state.view : null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [draftOpen, setDraftOpen] = useState(false);
  const draftOpener = useRef<HTMLButtonElement>(null);
  // The draft's Close button goes with the panel: give the focus back to "My draft", not to the page's body.
  const closeDraft = () => {
    setDraftOpen(false);
    draftOpener.current?.focus();
  };
  const [workOpen, setWorkOpen] = useState(false);
  const reflectionOpen = useViewSetting(
    socket,
    'reflectionChanged',
    (p) => p.open,
    state.phase === 'in' ? state.view.reflectionOpen : undefined,
    false,
  );
  // The teacher asking for reflections opens them once; the student may close it and come back.
  useEffect(() => {
    if (reflectionOpen) setWorkOpen(true);
  }, [reflectionOpen]);
  useShowGraphPaper(useGraphPaper(socket, state.phase === 'in' ? state.view.graphPaper : undefined));
  // In a group, the board's editor (tldraw) is needed next. Its compile blocks the page for a while, so it
  // starts once /me has named the board and the board's connection is opening (useWarmBoardSession, below),
  // letting the handshake and first sync overlap it; the HTML has already downloaded the chunks.
  const inGroup = state.phase === 'in' && state.group !== null;
  useEffect(() => {
    if (inGroup) preloadBoardEditor();
  }, [inGroup]);
  // pause, resume and moves are spoken through the page's live region, not only shown
  useClassAnnouncements(
    state.phase === 'in' ? { paused: state.paused, groupName: state.group?.name ?? null } : null,
  );

  // While the class is paused (or ended) the server refuses answers, hands and critiques: the cards show
  // without an answer box, the hand button is greyed out and threads show without a composer.
  const phase = { paused: state.phase === 'in' && state.paused };
  const paused = phase.paused;
  const mayAnswer = canNow('student', 'questions.answer', phase);
  const mayRaiseHand = canNow('student', 'hands.raise', phase);
  const [sentAnswers, setSentAnswers] = useState<ReadonlyMap<string, string>>(new Map());
  const answer = useCallback<SendAnswer>(
    async (questionId, text) => {
      if (!socket) return 'Not connected to the class yet.';
      const result = await studentCommands(socket).answerQuestion(questionId, text);
      if (result.ok) setSentAnswers((sent) => new Map(sent).set(questionId, result.value.text));
      return result.ok ? null : result.error.message;
    },
    [socket],
  );
  const sendAnswer = mayAnswer ? answer : null;
  const sendCritique = useMemo(() => (paused ? null : critiqueSender(socket)), [socket, paused]);
  const onClosed = useCallback(
    (code: number) => {
      // Moved: the groupAssigned event names the new board; removed or deleted: /me says which.
      if (code === YjsCloseCode.moved || code === YjsCloseCode.removed || code === YjsCloseCode.unauthorized)
        void recheck();
    },
    [recheck],
  );
  // A move's card, shown until the page learns her new group (the board closes before groupAssigned comes,
  // and a move away and back heard in one render leaves the page on the closed board): asks /me where she is
  // now and opens that board afresh (a new key: a new session), without a reload, as the same student.
  const [boardOpenings, setBoardOpenings] = useState(0);
  const openGroupBoard = useCallback(() => {
    void recheck().then(() => setBoardOpenings((n) => n + 1));
  }, [recheck]);
  const token = state.phase === 'in' ? state.token : null;
  const studentId = state.phase === 'in' ? state.studentId : null;
  const { diagnostic, setDiagnostic } = useStudentDiagnostic(
    classId,
    token,
    state.phase === 'in' && !state.group,
    socket,
  );
  // Groups drawn at random say so: the student sees chance put them with these classmates, not a judgement.
  const drawn = useDrawnGroupNotice(
    classId,
    token,
    studentId,
    state.phase === 'in' ? (state.group?.groupId ?? null) : null,
    socket,
  );
  // The page holds her hand: the class bar's button and the following screen's show it alike, and a class bar
  // mounted anew (another board) shows a raised hand as raised.
  const hand = useRaisedHand(socket, studentId);
  const handButton =
    socket && studentId && can('student', 'hands.raise') ? (
      <RaiseHandButton
        hand={hand}
        disabledReason={mayRaiseHand ? null : 'The class is paused: raise your hand when it resumes.'}
      />
    ) : null;
  // "Bring everyone to me": the teacher's view covers the board until released; the board stays mounted.
  const follow = useFollow(
    classId,
    useMemo(() => (token ? { token } : null), [token]),
    socket,
  );
  // Another group's board the teacher shows is opened read-only, and kept nowhere offline.
  const followConnection = useMemo<BoardConnection | null>(
    () =>
      token && studentId
        ? { userId: studentId, yjsParams: { token, mode: 'view' }, socketAuth: null, localCopy: false }
        : null,
    [token, studentId],
  );
  const following =
    follow?.shown && followConnection ? (
      <Suspense fallback={null}>
        <LazyFollowingTeacher
          shown={follow.shown}
          licenseKey={config?.tldrawLicenseKey ?? null}
          live={{ connection: followConnection, resolveName }}
          actions={handButton}
        />
      </Suspense>
    ) : null;
  const connection = useMemo<BoardConnection | null>(
    () =>
      token && studentId
        ? {
            userId: studentId,
            yjsParams: { token },
            socketAuth: { protocolVersion: PROTOCOL_VERSION, token },
            localCopy: true,
          }
        : null,
    [token, studentId],
  );
  // The group's board connects while the editor (tldraw) still loads and compiles, not after.
  useWarmBoardSession(state.phase === 'in' ? (state.group?.boardId ?? null) : null, connection);

  if (state.phase === 'notJoined')
    return (
      <main className="page">
        <h1>Not joined</h1>
        <p>This browser has not joined this class.</p>
        <Button asChild variant="primary">
          <a href="/join">Join a class</a>
        </Button>
      </main>
    );
  if (state.phase === 'gone')
    return (
      <main className="page" data-testid="class-gone">
        <h1>You are no longer in this class</h1>
        <p role="alert">{state.message}</p>
        <Button asChild variant="primary">
          <a href="/join">Join a class</a>
        </Button>
      </main>
    );
  if (state.phase === 'unreachable')
    return (
      <main className="page" data-testid="class-unreachable">
        <h1>{state.cause === 'network' ? "Can't reach Conjecture" : 'Your class did not open'}</h1>
        <p role="alert">{state.message}</p>
        <Button variant="primary" onClick={() => void recheck()}>
          Try again
        </Button>
      </main>
    );
  if (state.phase === 'loading' || config === undefined || !connection)
    return <div className="board-message">Loading…</div>;

  const header = (
    <div className="class-bar" data-testid="class-bar">
      {/* a long title is cut short in the bar: the whole of it on hover and focus */}
      <Tooltip content={state.view.title}>
        <strong className="class-bar-title" tabIndex={0} data-focus-ring>
          {state.view.title}
        </strong>
      </Tooltip>
      <ClassBarIdentity displayName={state.displayName} groupName={state.group?.name ?? null} />
      {state.group && state.view.taskPrompt && <ClassBarTask taskPrompt={state.view.taskPrompt} />}
      {/* the actions wrap as one: split, “Raise my hand” ended one row and the others sat alone on the next */}
      <span className="class-bar-actions">
        {handButton}
        {state.group && (
          <Button
            ref={draftOpener}
            size="sm"
            aria-pressed={draftOpen}
            onClick={() => setDraftOpen((open) => !open)}
          >
            My draft
          </Button>
        )}
        {/* One menu for what is the student's own: looking back, and taking the board away. */}
        {state.group && editor && token ? (
          <BoardDownloads
            editor={editor}
            boardId={state.group.boardId}
            auth={{ token }}
            title={`${state.view.title} — ${state.group.name}`}
            mayImport={!state.paused}
            label="My work"
            leadingItems={[{ label: 'Look back on today…', onSelect: () => setWorkOpen(true) }]}
          />
        ) : (
          <Button size="sm" aria-haspopup="dialog" onClick={() => setWorkOpen(true)}>
            My work
          </Button>
        )}
        {reflectionOpen && (
          <Button size="sm" variant="primary" aria-haspopup="dialog" onClick={() => setWorkOpen(true)}>
            Reflect
          </Button>
        )}
        {token && (
          <ReflectionDialog classId={classId} token={token} open={workOpen} onOpenChange={setWorkOpen} />
        )}
      </span>
    </div>
  );
  if (!state.group)
    return (
      <>
        {header}
        <main className="page below-class-bar">
          <h1>{state.view.title}</h1>
          {diagnostic?.title && !diagnostic.complete && token ? (
            <Suspense fallback={null}>
              <LazyTakeDiagnostic
                classId={classId}
                token={token}
                diagnostic={diagnostic}
                phase={{ paused: state.paused, ended: state.view.ended }}
                onAnswered={setDiagnostic}
              />
            </Suspense>
          ) : (
            <>
              {diagnostic?.complete && diagnostic.summary && (
                <p className="diagnostic-summary" data-testid="diagnostic-summary">
                  {diagnostic.summary}
                </p>
              )}
              {state.view.taskPrompt && (
                // The task as it will sit on the group board, so the student can start thinking now.
                <section className="task-card waiting-task" aria-labelledby="waiting-task-heading">
                  <h2 id="waiting-task-heading" className="task-card-heading">
                    Task
                  </h2>
                  <p className="task-card-text">
                    <Written>{state.view.taskPrompt}</Written>
                  </p>
                </section>
              )}
              <p role="status" className="waiting-status">
                {state.view.ended
                  ? 'The class has ended. Your teacher can reopen it.'
                  : 'Your teacher will put you in a group in a moment.'}
              </p>
            </>
          )}
        </main>
        {following}
      </>
    );
  return (
    <QuestionAnswerContext.Provider value={sendAnswer}>
      <SentAnswersContext.Provider value={sentAnswers}>
        <CritiqueSendContext.Provider value={sendCritique}>
          {/* The board as a picture until its editor is mounted (drawn under it: the canvas covers it). */}
          {!editor && (
            <BoardPreview key={state.group.boardId} boardId={state.group.boardId} connection={connection} />
          )}
          <Suspense fallback={<div className="board-message">Loading…</div>}>
            {/* key: a move to another group is a new board session, never a reused doc */}
            <LazyBoardEditor
              key={`${state.group.boardId}:${boardOpenings}`}
              boardId={state.group.boardId}
              connection={connection}
              resolveName={resolveName}
              licenseKey={config?.tldrawLicenseKey ?? null}
              maxAssetBytes={config?.maxAssetBytes ?? null}
              readOnly={state.paused}
              onClosed={onClosed}
              onOpenGroupBoard={openGroupBoard}
              onEditor={setEditor}
              tags={{ auth: { token: token ?? '' } }}
            >
              {/* One column between the view toggles and the style panel: a banner that wraps pushes the
                  next one down instead of covering it. */}
              <div className="board-overlays" data-beside-draft={draftOpen || undefined}>
                {header}
                {state.paused && <PauseBanner ended={state.view.ended} />}
                {drawn.notice && (
                  <DrawnGroupNotice groupmates={drawn.notice.groupmates} onDismiss={drawn.dismiss} />
                )}
                {editor && (
                  <Suspense fallback={null}>
                    <LazyQuestionNotice editor={editor} answered={sentAnswers} />
                  </Suspense>
                )}
              </div>
              {draftOpen && token && studentId && (
                <Suspense fallback={null}>
                  <LazyDraftPanel
                    classId={classId}
                    token={token}
                    studentId={studentId}
                    groupEditor={editor}
                    resolveName={resolveName}
                    licenseKey={config?.tldrawLicenseKey ?? null}
                    maxAssetBytes={config?.maxAssetBytes ?? null}
                    readOnly={state.paused}
                    onClose={closeDraft}
                  />
                </Suspense>
              )}
            </LazyBoardEditor>
          </Suspense>
          {following}
        </CritiqueSendContext.Provider>
      </SentAnswersContext.Provider>
    </QuestionAnswerContext.Provider>
  );
}
