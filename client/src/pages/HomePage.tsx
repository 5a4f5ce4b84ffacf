import { useState } from 'react';
import { createBoard } from '../api/boards.js';
import { boardPath, navigate } from '../router.js';
import { Button } from '../ui/Button.js';

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
    <main className="page home">
      <h1>Conjecture</h1>
      <p>
        A shared whiteboard for mathematics classrooms: small groups post their thinking and critique each
        other's reasoning, and the teacher brings the groups' work together for the whole class.
      </p>
      <div className="home-choices">
        <section className="panel stack" aria-labelledby="home-students">
          <h2 id="home-students">Students</h2>
          <p>Your teacher gives you a class code.</p>
          <Button asChild variant="primary">
            <a href="/join">Join a class</a>
          </Button>
        </section>
        <section className="panel stack" aria-labelledby="home-teachers">
          <h2 id="home-teachers">Teachers</h2>
          <p>A join code for students, a dashboard for you and a link for the classroom screen.</p>
          <Button asChild variant="primary">
            <a href="/new">New class</a>
          </Button>
        </section>
      </div>
      <p className="home-scratch">
        Just a board to think on, without a class?{' '}
        <Button size="sm" onClick={() => void onNewBoard()} disabled={busy}>
          New board
        </Button>
      </p>
      {error && <p role="alert">Could not create a board: {error}</p>}
    </main>
  );
}
