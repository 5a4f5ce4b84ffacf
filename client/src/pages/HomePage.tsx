import { useState } from 'react';
import { createBoard } from '../api/boards.js';
import { boardPath, navigate } from '../router.js';
import { Button } from '../ui/index.js';

export function HomePage() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onNewBoard = async () => {
    setBusy(true);
    setError(null);
    try {
      const board = await createBoard();
      navigate(boardPath(board.boardId));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <main className="page">
      <h1>Conjecture</h1>
      <p>A shared whiteboard for working on problems together.</p>
      <nav className="row">
        <Button asChild>
          <a href="/join">Join a class</a>
        </Button>
        <Button asChild>
          <a href="/new">New class</a>
        </Button>
        <Button variant="primary" onClick={() => void onNewBoard()} disabled={busy}>
          New board
        </Button>
      </nav>
      {error && <p role="alert">Could not create a board: {error}</p>}
    </main>
  );
}
