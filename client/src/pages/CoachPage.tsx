import { Suspense, useMemo, useState } from 'react';
import { useClientConfig } from '../api/useClientConfig.js';
import { useUserColors } from '../classroom/colorDirectory.js';
import { useRosterNames } from '../classroom/nameDirectory.js';
import { useCoachSession } from '../classroom/useCoachSession.js';
import { CoachGroups } from '../coach/CoachGroups.js';
import { CoachRefresh } from '../coach/CoachRefresh.js';
import { CoachTalk } from '../coach/CoachTalk.js';
import { LazyReplayView } from '../evidence/lazyReplay.js';
import { EvidenceDownloads } from '../exports/EvidenceDownloads.js';
import { ReflectionsPanel } from '../reflection/ReflectionsPanel.js';
import { Badge } from '../ui/Badge.js';
import { Tabs } from '../ui/Tabs.js';
import '../coach/coach.css';
import { Written } from '../ui/Written.js';

const COACH_TABS = ['groups', 'talk', 'reflections'] as const;
type CoachTab = (typeof COACH_TABS)[number];
const isCoachTab = (value: string): value is CoachTab => (COACH_TABS as readonly string[]).includes(value);

/**
 * A coach's read-only view of a lesson's evidence, from the teacher's revocable link: the groups with who
 * contributed and their replays, the talk and questions, the reflections, and the downloads — with real
 * names, and nothing that changes the class or opens a live board.
 */
export function CoachPage({ classId }: { classId: string }) {
  const { state, refreshing, refresh } = useCoachSession(classId);
  const config = useClientConfig();
  const [tab, setTab] = useState<CoachTab>('groups');
  const [replayGroupId, setReplayGroupId] = useState<string | null>(null);
  const cls = state.phase === 'ready' ? state.cls : null;
  useUserColors(cls);
  const { resolveName } = useRosterNames(cls?.students);
  // One object per session: the tabs' fetches depend on it. (Read only once the session is ready.)
  const token = state.phase === 'ready' ? state.token : '';
  const auth = useMemo(() => ({ token }), [token]);

  if (state.phase === 'failed')
    return (
      <main className="page">
        <h1>Cannot open the evidence</h1>
        <p role="alert" data-testid="coach-failed">
          {state.message}
        </p>
      </main>
    );
  if (state.phase === 'loading' || config === undefined) return <div className="board-message">Loading…</div>;

  const c = state.cls;
  const replayed = c.groups.find((g) => g.groupId === replayGroupId);
  // Each load of the class (Refresh) remounts what the tabs fetched, so they read it all again.
  const round = state.round;
  return (
    <main className="dashboard coach-page" data-testid="coach-page">
      <header className="dashboard-header">
        <div className="dashboard-title">
          <h1>{c.title}</h1>
          {c.taskPrompt && (
            <p className="coach-page__task">
              <Written>{c.taskPrompt}</Written>
            </p>
          )}
        </div>
        <Badge tone="info">Read-only evidence</Badge>
        <div className="row">
          <CoachRefresh readAt={state.readAt} refreshing={refreshing} refresh={refresh} />
          <EvidenceDownloads classId={classId} auth={auth} role="coach" />
        </div>
      </header>
      <Tabs
        label="Evidence views"
        value={tab}
        onValueChange={(value) => setTab(isCoachTab(value) ? value : 'groups')}
        tabs={[
          {
            value: 'groups',
            label: 'Groups',
            content: <CoachGroups key={round} cls={c} auth={auth} onReplay={setReplayGroupId} />,
          },
          {
            value: 'talk',
            label: 'Talk and questions',
            content: <CoachTalk key={round} cls={c} auth={auth} resolveName={resolveName} />,
          },
          {
            value: 'reflections',
            label: 'Reflections',
            content: (
              <ReflectionsPanel
                key={round}
                classId={classId}
                socket={null}
                reflectionOpen={c.reflectionOpen}
                resolveName={resolveName}
                auth={auth}
                emptyHint="No student has written a reflection yet."
              />
            ),
          },
        ]}
      />
      {replayed && (
        <Suspense fallback={<div className="board-message">Loading…</div>}>
          <LazyReplayView
            classId={classId}
            groupId={replayed.groupId}
            groupName={replayed.name}
            resolveName={resolveName}
            licenseKey={config?.tldrawLicenseKey ?? null}
            onClose={() => setReplayGroupId(null)}
            auth={auth}
            role="coach"
            closeLabel="Back to the evidence"
          />
        </Suspense>
      )}
    </main>
  );
}
