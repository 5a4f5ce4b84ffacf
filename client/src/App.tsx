import { Suspense } from 'react';
import { useRoute } from './router.js';
import { HomePage } from './pages/HomePage.js';
import { BoardPage } from './pages/BoardPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { NewClassPage } from './pages/NewClassPage.js';
import { JoinPage } from './pages/JoinPage.js';
import { StudentClassPage } from './pages/StudentClassPage.js';
import { LazyCoachPage, LazyProjectorPage, LazyTeacherPage } from './pages/lazyPages.js';
import { guestName } from './identity/displayName.js';
import { getOrCreateUserId } from './identity/userId.js';

const userId = getOrCreateUserId();

export function App() {
  const route = useRoute();
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'board':
      // key: a different board is a different session, never a reused doc
      return (
        <BoardPage key={route.boardId} boardId={route.boardId} userId={userId} resolveName={guestName} />
      );
    case 'newClass':
      return <NewClassPage />;
    case 'join':
      return <JoinPage />;
    case 'student':
      return <StudentClassPage key={route.classId} classId={route.classId} />;
    case 'teacher':
      return (
        <Suspense fallback={<div className="board-message">Loading…</div>}>
          <LazyTeacherPage key={route.classId} classId={route.classId} />
        </Suspense>
      );
    case 'projector':
      return (
        <Suspense fallback={<div className="board-message">Loading…</div>}>
          <LazyProjectorPage key={route.classId} classId={route.classId} />
        </Suspense>
      );
    case 'coach':
      return (
        <Suspense fallback={<div className="board-message">Loading…</div>}>
          <LazyCoachPage key={route.classId} classId={route.classId} />
        </Suspense>
      );
    case 'notFound':
      return <NotFoundPage />;
  }
}
