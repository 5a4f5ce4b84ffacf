import { useCallback, useEffect, useMemo, useState } from 'react';
import { AnonymizeSwitches } from '../components/AnonymizeSwitches.js';
import { anonymizedForDashboard } from '../components/anonymizedClass.js';
import { useUserColors } from '../classroom/colorDirectory.js';
import { TaskPromptEditor } from '../components/TaskPromptEditor.js';
import { useClientConfig } from '../api/useClientConfig.js';
import * as api from '../classroom/classApi.js';
import { useTeacherClass } from '../classroom/useTeacherClass.js';
import { emitWithAck } from '../classroom/useClassSocket.js';
import { useNameResolver } from '../classroom/nameDirectory.js';
import { TEACHER_USER_ID } from '../classroom/teacherConnections.js';
import { ClassControls } from '../components/ClassControls.js';
import { GroupPanel } from '../components/GroupPanel.js';
import { RosterColumns } from '../components/RosterColumns.js';
import { QuestionsPanel } from '../components/QuestionsPanel.js';
import { ProjectionControls } from '../components/ProjectionControls.js';
import { BoardFocus } from '../components/BoardFocus.js';
import { DiscourseSummary } from '../components/DiscourseSummary.js';
import { useGroupRepresentations } from '../classroom/useGroupRepresentations.js';
import { TagCorrections } from '../components/TagCorrections.js';
import { useClassTags } from '../tagging/useClassTags.js';
import { DiagnosticChooser } from '../diagnostics/DiagnosticChooser.js';
import { GroupingPanel } from '../diagnostics/GroupingPanel.js';
import { useDiagnosticProgress } from '../diagnostics/useDiagnosticProgress.js';
import { GraphPaperSwitch, setGraphPaper } from '../graphPaper/GraphPaperSwitch.js';
import { useShowGraphPaper } from '../graphPaper/GraphPaperBackground.js';
import { TemplateSection } from '../template/TemplateSection.js';
import { TeacherDraftView } from '../drafts/TeacherDraftView.js';
import { DraftsSection } from '../drafts/DraftsSection.js';

const MAX_PROJECTED = 4;
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
export function TeacherPage({ classId }: { classId: string }) {
  const { state, socket, setClass, patchClass, reload, markDeleted } = useTeacherClass(classId);
  const config = useClientConfig();
  const now = useNow();
  const classTags = useClassTags(classId, socket, state.phase === 'ready');
  const representations = useGroupRepresentations(classId, socket, state.phase === 'ready');
  const diagnostic = useDiagnosticProgress(classId, socket, state.phase === 'ready');
  const [focusGroupId, setFocusGroupId] = useState<string | null>(null);
  const [draftStudentId, setDraftStudentId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [projectorLink, setProjectorLink] = useState<string | null>(null);

  // Every name on the dashboard comes from here: pseudonyms when the teacher anonymizes it.
  const cls = useMemo(() => (state.phase === 'ready' ? anonymizedForDashboard(state.cls) : null), [state]);
  useUserColors(cls);
  useShowGraphPaper(cls?.graphPaper ?? false);
  const names = useMemo(() => {
    const labels: Record<string, string> = { [TEACHER_USER_ID]: 'Teacher' };
    for (const s of cls?.students ?? []) labels[s.studentId] = s.displayName;
    return labels;
  }, [cls?.students]);
  const resolveName = useNameResolver(names);

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
        await api.poseQuestion(classId, { text, groupId, anchorShapeId });
        return null;
      } catch (e) {
        return messageOf(e);
      }
    },
    [classId],
  );

  if (state.phase === 'loading' || config === undefined) return <div className="board-message">Loading…</div>;
  if (state.phase === 'failed')
    return (
      <main className="page">
        <h1>Cannot open the class</h1>
        <p role="alert">{state.message}</p>
      </main>
    );
  if (state.phase === 'deleted')
    return (
      <main className="page" data-testid="class-deleted">
        <h1>Class deleted</h1>
        <p role="status">The class and all its data were deleted.</p>
        <a href="/new">Create a new class</a>
      </main>
    );

  const { questions, activity, hands } = state;
  const c = cls ?? state.cls;
  const licenseKey = config?.tldrawLicenseKey ?? null;
  const focused = c.groups.find((g) => g.groupId === focusGroupId);
  const draftStudent = c.students.find((s) => s.studentId === draftStudentId);
  // Optimistic: the switch moves at once; the server's answer (or a reload on refusal) settles it.
  const project = (boardIds: string[], anonymize: boolean) => {
    patchClass({ projectedBoardIds: boardIds, anonymize });
    void run(async () => {
      try {
        const projection = await api.setProjection(classId, { boardIds, anonymize });
        patchClass({ projectedBoardIds: projection.boardIds, anonymize: projection.anonymize });
      } catch (error) {
        await reload();
        throw error;
      }
    });
  };

  return (
    <main className="dashboard">
      <header className="dashboard-header">
        <div>
          <h1>{c.title}</h1>
          <TaskPromptEditor
            taskPrompt={c.taskPrompt}
            onSave={async (taskPrompt) => setClass(await api.updateClass(classId, { taskPrompt }))}
          />
        </div>
        <div className="join-code-box">
          <span>Join at {window.location.host}/join with</span>
          <span className="join-code" data-testid="join-code">
            {c.joinCode}
          </span>
          {!c.joiningOpen && <span className="muted">Joining is closed</span>}
        </div>
        <AnonymizeSwitches
          cls={c}
          onUpdate={(patch) => {
            // Optimistic, like the projection's switch: the server's answer (or a reload) settles it.
            patchClass(patch);
            void run(async () => {
              try {
                setClass(await api.updateClass(classId, patch));
              } catch (error) {
                await reload();
                throw error;
              }
            });
          }}
        />
        <ClassControls
          cls={c}
          onUpdate={(patch) => void run(async () => setClass(await api.updateClass(classId, patch)))}
          onDelete={() =>
            void run(async () => {
              await api.deleteClass(classId);
              markDeleted();
            })
          }
          onProjectorLink={() =>
            void run(async () => {
              const { projectorLink: link } = await api.rotateProjectorKey(classId);
              setProjectorLink(window.location.origin + link);
            })
          }
        />
      </header>
      {c.paused && (
        <p className="pause-banner inline" role="status">
          The class is paused: students' boards are read-only.
        </p>
      )}
      <GraphPaperSwitch
        cls={c}
        onChange={(on) => {
          patchClass({ graphPaper: on }); // optimistic, like the projection switches
          void run(async () => {
            try {
              setClass(await setGraphPaper(classId, on));
            } catch (error) {
              await reload();
              throw error;
            }
          });
        }}
      />
      {error && <p role="alert">{error}</p>}
      <ProjectionControls cls={c} onProject={project} projectorLink={projectorLink} />
      <DiagnosticChooser classId={classId} cls={c} rows={diagnostic.rows} onChanged={diagnostic.reload} />
      <GroupingPanel classId={classId} cls={c} rows={diagnostic.rows} onPublished={setClass} />
      <section className="groups" aria-label="Groups">
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
            canProjectMore={c.projectedBoardIds.length < MAX_PROJECTED}
            onOpen={() => setFocusGroupId(g.groupId)}
            onToggleProjected={(on) =>
              project(
                on
                  ? [...c.projectedBoardIds, g.boardId]
                  : c.projectedBoardIds.filter((id) => id !== g.boardId),
                c.anonymize,
              )
            }
            onClearHand={(studentId) =>
              void run(async () => {
                if (!socket) throw new Error('not connected');
                const result = await emitWithAck(socket, 'clearHand', { studentId });
                if (!result.ok) throw new Error(result.error.message);
              })
            }
          />
        ))}
        <button
          type="button"
          className="new-group"
          onClick={() => void run(async () => (await api.createGroup(classId), reload()))}
        >
          New group
        </button>
      </section>
      <RosterColumns
        cls={c}
        onAssign={(studentId, groupId) =>
          void run(async () => setClass(await api.assignStudent(classId, studentId, groupId)))
        }
        onRemove={(studentId, removeMarks) =>
          void run(async () => {
            await api.removeStudent(classId, studentId, removeMarks);
            await reload();
          })
        }
        onRenameGroup={async (groupId, name) => setClass(await api.renameGroup(classId, groupId, name))}
        onDeleteGroup={async (groupId, force) => setClass(await api.deleteGroup(classId, groupId, force))}
      />
      <TemplateSection
        classId={classId}
        taskPrompt={c.taskPrompt}
        licenseKey={licenseKey}
        maxAssetBytes={config?.maxAssetBytes ?? null}
      />
      <DraftsSection cls={c} onViewDraft={setDraftStudentId} />
      <QuestionsPanel cls={c} questions={questions} onPose={onPose} />
      <DiscourseSummary groups={c.groups} summary={classTags.summary} representations={representations} />
      <TagCorrections
        classId={classId}
        tags={classTags.tags}
        resolveName={resolveName}
        error={classTags.error}
        onCorrect={(contributionId, move, questionType) =>
          void classTags.correct(contributionId, move, questionType)
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
          classSocket={socket}
        />
      )}
    </main>
  );
}
