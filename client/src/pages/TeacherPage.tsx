import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { AnonymizeSwitches } from '../components/AnonymizeSwitches.js';
import { anonymizedForDashboard } from '../components/anonymizedClass.js';
import { useUserColors } from '../classroom/colorDirectory.js';
import { TaskPromptEditor } from '../components/TaskPromptEditor.js';
import { useClientConfig } from '../api/useClientConfig.js';
import { teacherCommands } from '../classroom/teacherCommands.js';
import { useTeacherClass } from '../classroom/useTeacherClass.js';
import { useRosterNames } from '../classroom/nameDirectory.js';
import { SILENT_AFTER_MS } from '../classroom/teacherConnections.js';
import { lessonIsRunning, MAX_PROJECTED_BOARDS, rankAttention } from '@conjecture/shared';
import { AttentionStrip } from '../components/AttentionStrip.js';
import { Button } from '../ui/Button.js';
import { Tabs } from '../ui/Tabs.js';
import { ClassControls } from '../components/ClassControls.js';
import { EvidenceDownloads } from '../exports/EvidenceDownloads.js';
import { GroupPanel } from '../components/GroupPanel.js';
import { groupSelectId } from '../components/RosterColumns.js';
import {
  GROUP_BOARDS_ID,
  JumpToStudentsAndGroups,
  StudentsAndGroups,
} from '../components/StudentsAndGroups.js';
import { QuestionsPanel } from '../components/QuestionsPanel.js';
import { ProjectionControls } from '../components/ProjectionControls.js';
import { BoardFocus } from '../components/BoardFocus.js';
import { DiscourseSummary } from '../components/DiscourseSummary.js';
import { useGroupRepresentations } from '../classroom/useGroupRepresentations.js';
import { TagCorrections } from '../components/TagCorrections.js';
import { useClassTags } from '../tagging/useClassTags.js';
import { MonitoringPanel } from '../anticipation/MonitoringPanel.js';
import { DiscussionPanel } from '../discussion/DiscussionPanel.js';
import { NextQuestions } from '../anticipation/NextQuestions.js';
import { DiagnosticChooser } from '../diagnostics/DiagnosticChooser.js';
import { GroupingPanel } from '../diagnostics/GroupingPanel.js';
import { useDiagnosticProgress } from '../diagnostics/useDiagnosticProgress.js';
import { GraphPaperSwitch, setGraphPaper } from '../graphPaper/GraphPaperSwitch.js';
import { useShowGraphPaper } from '../graphPaper/graphPaperSetting.js';
import { TemplateSection } from '../template/TemplateSection.js';
import { TeacherDraftView } from '../drafts/TeacherDraftView.js';
import { DraftsSection } from '../drafts/DraftsSection.js';
import { useParticipation } from '../evidence/useParticipation.js';
import { LazyReplayView } from '../evidence/lazyReplay.js';
import { ReflectionsPanel } from '../reflection/ReflectionsPanel.js';
import { ClassDataFooter } from '../components/ClassDataFooter.js';
import { useDashboardAnnouncements } from '../announcements/useDashboardAnnouncements.js';
import { dashboardSnapshot } from '../announcements/teacherAnnouncements.js';

const CLOCK_TICK_MS = 10_000;

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The teacher's dashboard: class controls, groups with live thumbnails, roster, questions, projector. */
/**
 * The dashboard's views: the live lesson, the anticipated strategies and how groups match them, preparation,
 * and what students said about the lesson.
 */
const DASHBOARD_TABS = ['live', 'strategies', 'prepare', 'reflections'] as const;
type DashboardTab = (typeof DASHBOARD_TABS)[number];
const isDashboardTab = (value: string): value is DashboardTab =>
  (DASHBOARD_TABS as readonly string[]).includes(value);
/**
 * The views where groups are made and changed: "Students and groups" sits under these. Under every tab it
 * pushed the chart and the reflections down with a roster they have nothing to do with.
 */
const ROSTER_TABS: readonly DashboardTab[] = ['live', 'prepare'];

export function TeacherPage({ classId }: { classId: string }) {
  const {
    state,
    socket,
    setClass,
    patchClass,
    optimistic,
    clearHand,
    reload,
    retry,
    markDeleted,
    seenWipesOf,
  } = useTeacherClass(classId);
  const commands = useMemo(() => teacherCommands(classId), [classId]);
  const config = useClientConfig();
  const now = useNow();
  const classTags = useClassTags(classId, socket, state.phase === 'ready');
  const representations = useGroupRepresentations(classId, socket, state.phase === 'ready');
  const diagnostic = useDiagnosticProgress(classId, socket, state.phase === 'ready');
  const participation = useParticipation(classId, socket, state.phase === 'ready');
  const [focusGroupId, setFocusGroupId] = useState<string | null>(null);
  const [replayGroupId, setReplayGroupId] = useState<string | null>(null);
  const [draftStudentId, setDraftStudentId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [projectorLink, setProjectorLink] = useState<string | null>(null);
  /** The view the teacher chose; until then, Prepare before the lesson runs and the live grid once it does. */
  const [chosenTab, setChosenTab] = useState<DashboardTab | null>(null);

  // Every name on the dashboard comes from here: pseudonyms when the teacher anonymizes it.
  const cls = useMemo(() => (state.phase === 'ready' ? anonymizedForDashboard(state.cls) : null), [state]);
  useUserColors(cls);
  useShowGraphPaper(cls?.graphPaper ?? false);
  const { names, resolveName } = useRosterNames(cls?.students);

  const run = useCallback(async (action: () => Promise<unknown>) => {
    try {
      setError(null);
      await action();
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);
  const onPose = useCallback(
    async (text: string, groupId: string | null, anchorShapeId: string | null) => {
      try {
        await commands.poseQuestion({ text, groupId, anchorShapeId });
        return null;
      } catch (e) {
        return messageOf(e);
      }
    },
    [classId],
  );

  useDashboardAnnouncements(
    state.phase === 'ready' && cls
      ? dashboardSnapshot(cls, { ...state, now, quietAfterMs: SILENT_AFTER_MS })
      : null,
    names,
  );

  // An undone wipe on the board the teacher has open is seen: it leaves the attention strip.
  const focusedBoardId =
    state.phase === 'ready'
      ? (state.cls.groups.find((g) => g.groupId === focusGroupId)?.boardId ?? null)
      : null;
  const undoneWipes = state.phase === 'ready' ? state.undoneWipes : null;
  // withoutWipesOf leaves the state as it is when the board has none: no render follows then.
  useEffect(() => {
    if (focusedBoardId) seenWipesOf(focusedBoardId);
  }, [focusedBoardId, undoneWipes, seenWipesOf]);

  if (state.phase === 'loading' || config === undefined) return <div className="board-message">Loading…</div>;
  if (state.phase === 'failed')
    return state.temporary ? (
      <main className="page">
        <h1>Cannot open the class now</h1>
        <p role="alert">{state.message}</p>
        <Button variant="primary" onClick={retry}>
          Try again
        </Button>
      </main>
    ) : (
      <main className="page">
        <h1>Cannot open the class</h1>
        <p role="alert">{state.message}</p>
        <p>
          On another computer, open the teacher link you kept when you made the class: it signs that browser
          in.
        </p>
        <Button asChild>
          <a href="/">Back to the start page</a>
        </Button>
      </main>
    );
  if (state.phase === 'deleted')
    return (
      <main className="page" data-testid="class-deleted">
        <h1>Class deleted</h1>
        <p role="status">The class and all its data were deleted.</p>
        <Button asChild variant="primary">
          <a href="/new">Create a new class</a>
        </Button>
      </main>
    );

  const { questions, activity, hands } = state;
  const c = cls ?? state.cls;
  const licenseKey = config?.tldrawLicenseKey ?? null;
  const focused = c.groups.find((g) => g.groupId === focusGroupId);
  const replayed = c.groups.find((g) => g.groupId === replayGroupId);
  const draftStudent = c.students.find((s) => s.studentId === draftStudentId);
  const project = (boardIds: string[], anonymize: boolean) =>
    void run(() =>
      optimistic(
        { projectedBoardIds: boardIds, anonymize },
        () => commands.setProjection({ boardIds, anonymize }),
        (projection) => ({ projectedBoardIds: projection.boardIds, anonymize: projection.anonymize }),
      ),
    );

  const attention = rankAttention({
    groups: c.groups,
    students: c.students,
    online: c.online,
    hands,
    activity,
    questions,
    now,
    quietAfterMs: SILENT_AFTER_MS,
    undoneWipes: state.undoneWipes,
  });
  const tab = chosenTab ?? (lessonIsRunning(c) ? 'live' : 'prepare');

  const studentsAndGroups = (
    <StudentsAndGroups
      cls={c}
      backToGroupBoards={tab === 'live'}
      onCreateGroup={() =>
        run(async () => {
          await commands.createGroup();
          await reload();
        })
      }
      onAssign={(studentId, groupId) =>
        void run(async () => setClass(await commands.assignStudent(studentId, groupId)))
      }
      onRemove={(studentId, removeMarks) =>
        void run(async () => {
          await commands.removeStudent(studentId, removeMarks);
          await reload();
        })
      }
      onRenameGroup={async (groupId, name) => setClass(await commands.renameGroup(groupId, name))}
      onDeleteGroup={async (groupId, force) => setClass(await commands.deleteGroup(groupId, force))}
    />
  );

  const live = (
    <div className="live-layout">
      <div className="live-main">
        <div className="live-main__top">
          <AttentionStrip
            items={attention}
            onOpen={(item) => {
              if (item.kind !== 'waiting') return setFocusGroupId(item.groupId);
              // A student without a group: to the roster, on the first one's group choice.
              const choice = document.getElementById(groupSelectId(item.studentIds[0] ?? ''));
              choice?.scrollIntoView({ block: 'center' });
              choice?.focus();
            }}
          />
          <JumpToStudentsAndGroups />
        </div>
        <section id={GROUP_BOARDS_ID} className="groups" aria-label="Groups" tabIndex={-1}>
          {c.groups.length === 0 && (
            <p className="muted">No groups yet: make them under “Students and groups”.</p>
          )}
          {c.groups.map((g) => (
            <GroupPanel
              key={g.groupId}
              group={g}
              cls={c}
              activity={activity.find((a) => a.groupId === g.groupId)}
              hands={hands}
              now={now}
              resolveName={resolveName}
              licenseKey={licenseKey}
              projected={c.projectedBoardIds.includes(g.boardId)}
              canProjectMore={c.projectedBoardIds.length < MAX_PROJECTED_BOARDS}
              participation={participation?.groups.find((p) => p.groupId === g.groupId)}
              participationOptions={participation?.options}
              onOpen={() => setFocusGroupId(g.groupId)}
              onReplay={() => setReplayGroupId(g.groupId)}
              onToggleProjected={(on) =>
                project(
                  on
                    ? [...c.projectedBoardIds, g.boardId]
                    : c.projectedBoardIds.filter((id) => id !== g.boardId),
                  c.anonymize,
                )
              }
              onClearHand={(studentId) => void run(() => clearHand(studentId))}
            />
          ))}
        </section>
      </div>
      <aside className="live-side stack" aria-label="Projector and questions">
        <ProjectionControls
          cls={c}
          onProject={project}
          projectorLink={projectorLink}
          onNewLink={() =>
            void run(async () => {
              const { projectorLink: link } = await commands.rotateProjectorKey();
              setProjectorLink(window.location.origin + link);
            })
          }
        />
        <QuestionsPanel cls={c} questions={questions} onPose={onPose} />
      </aside>
    </div>
  );

  const prepare = (
    <div className="prepare stack">
      <DiagnosticChooser classId={classId} cls={c} rows={diagnostic.rows} onChanged={diagnostic.reload} />
      <GroupingPanel
        classId={classId}
        cls={c}
        rows={diagnostic.rows}
        onPublished={(published) => {
          setClass(published);
          setChosenTab('live'); // the groups are out: preparation folds away, the lesson leads
        }}
      />
      <TemplateSection
        classId={classId}
        taskPrompt={c.taskPrompt}
        licenseKey={licenseKey}
        maxAssetBytes={config?.maxAssetBytes ?? null}
      />
      <DraftsSection cls={c} onViewDraft={setDraftStudentId} />
    </div>
  );

  return (
    <main className="dashboard">
      <header className="dashboard-header">
        <div className="dashboard-title">
          <h1>{c.title}</h1>
          <TaskPromptEditor
            taskPrompt={c.taskPrompt}
            onSave={async (taskPrompt) => setClass(await commands.updateClass({ taskPrompt }))}
          />
        </div>
        <div className="join-code-box">
          <span className="muted">
            Join at {window.location.host}/join
            {!c.joiningOpen && ' (closed)'}
          </span>
          <span className="join-code" data-testid="join-code">
            {c.joinCode}
          </span>
        </div>
        <AnonymizeSwitches
          cls={c}
          onUpdate={(patch) =>
            void run(() =>
              optimistic(
                patch,
                () => commands.updateClass(patch),
                (cls) => cls,
              ),
            )
          }
        />
        <ClassControls
          cls={c}
          onUpdate={(patch) => void run(async () => setClass(await commands.updateClass(patch)))}
        />
        <GraphPaperSwitch
          cls={c}
          onChange={(on) =>
            void run(() =>
              optimistic(
                { graphPaper: on },
                () => setGraphPaper(classId, on),
                (cls) => cls,
              ),
            )
          }
        />
        <EvidenceDownloads classId={classId} />
      </header>
      {(c.paused || c.ended) && (
        <p className="pause-banner inline" role="status" data-testid="class-locked">
          {c.ended
            ? "The class has ended: students' boards are read-only until you reopen it."
            : "The class is paused: students' boards are read-only until you resume it."}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      <Tabs
        label="Dashboard views"
        value={tab}
        onValueChange={(value) => setChosenTab(isDashboardTab(value) ? value : 'live')}
        tabs={[
          { value: 'live', label: 'Live lesson', content: live },
          // Its own view: the chart grows with every match, and would move the grid under the teacher's hand.
          {
            value: 'strategies',
            label: 'Strategies',
            content: (
              <div className="stack">
                <MonitoringPanel
                  classId={classId}
                  socket={socket}
                  signedIn={state.phase === 'ready'}
                  below={(monitoring) => (
                    <NextQuestions state={monitoring} tags={classTags.tags} onPose={onPose} />
                  )}
                />
                <DiscussionPanel classId={classId} socket={socket} signedIn licenseKey={licenseKey} />
              </div>
            ),
          },
          { value: 'prepare', label: 'Prepare', content: prepare },
          {
            value: 'reflections',
            label: 'Reflections',
            content: (
              <ReflectionsPanel
                classId={classId}
                socket={socket}
                reflectionOpen={c.reflectionOpen}
                resolveName={resolveName}
              />
            ),
          },
        ]}
      />
      {/* One place under both tabs: the roster, and the focus in it, stay as the lesson turns Prepare into Live. */}
      {ROSTER_TABS.includes(tab) && studentsAndGroups}
      {/*
        The rest of Live, after the roster: the discussion and the tagged contributions grow all lesson long,
        and above the roster they put it thousands of pixels down. Hidden, not unmounted, as the tabs' panels.
      */}
      <div className="live-below stack" hidden={tab !== 'live'}>
        <DiscourseSummary groups={c.groups} summary={classTags.summary} representations={representations} />
        <TagCorrections
          classId={classId}
          tags={classTags.tags}
          groups={c.groups}
          resolveName={resolveName}
          error={classTags.error}
          onCorrect={(contributionId, correction) => void classTags.correct(contributionId, correction)}
        />
      </div>
      <ClassDataFooter
        classId={classId}
        onDelete={() =>
          void run(async () => {
            await commands.deleteClass();
            markDeleted();
          })
        }
      />
      {draftStudent && (
        <TeacherDraftView
          classId={classId}
          studentId={draftStudent.studentId}
          displayName={draftStudent.displayName}
          resolveName={resolveName}
          licenseKey={licenseKey}
          onClose={() => setDraftStudentId(null)}
        />
      )}
      {focused && (
        <BoardFocus
          classId={classId}
          group={focused}
          resolveName={resolveName}
          licenseKey={licenseKey}
          maxAssetBytes={config?.maxAssetBytes ?? null}
          onPose={onPose}
          onClose={() => setFocusGroupId(null)}
          onReplay={() => setReplayGroupId(focused.groupId)}
          classSocket={socket}
          spotlight={c.spotlight}
          onSpotlight={(spotlight) =>
            void run(async () => {
              const projection = await commands.setSpotlight(spotlight);
              patchClass({ spotlight: projection.spotlight });
            })
          }
        />
      )}
      {replayed && (
        <Suspense fallback={<div className="board-message">Loading…</div>}>
          <LazyReplayView
            classId={classId}
            groupId={replayed.groupId}
            groupName={replayed.name}
            resolveName={resolveName}
            licenseKey={licenseKey}
            onClose={() => setReplayGroupId(null)}
          />
        </Suspense>
      )}
    </main>
  );
}
