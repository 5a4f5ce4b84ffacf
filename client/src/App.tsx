import { useRoute } from './router.js';
import { HomePage } from './pages/HomePage.js';
import { BoardPage } from './pages/BoardPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
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
    case 'notFound':
      return <NotFoundPage />;
  }
}
