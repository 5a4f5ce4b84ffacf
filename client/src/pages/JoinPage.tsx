import { useState, type FormEvent } from 'react';
import { DISPLAY_NAME_MAX } from '@conjecture/shared';
import { joinClass } from '../classroom/classApi.js';
import { credentials } from '../classroom/credentials.js';
import { ApiRequestError } from '../api/http.js';
import { navigate, studentClassPath } from '../router.js';
import { Button } from '../ui/Button.js';
import { TextField } from '../ui/TextField.js';

/** Words for a refused join; the server's own message says which case it is (closed, ended, name taken). */
function joinErrorMessage(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return String(error);
  switch (error.code) {
    case 'not_found':
      return 'No class has this code. Check the code on the board.';
    case 'network':
      return 'Cannot reach the server. Check the Wi-Fi and try again.';
    default:
      return error.message.charAt(0).toUpperCase() + error.message.slice(1) + '.';
  }
}

/** Join with the code on the board and a display name: no account, no email. */
export function JoinPage() {
  const [joinCode, setJoinCode] = useState(
    () => new URLSearchParams(window.location.search).get('code') ?? '',
  );
  const [displayName, setDisplayName] = useState('');
  // One per form: a retry after "try again" (a 503 while the class moves) is the same join, not a new student.
  const [attemptId] = useState(newAttemptId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // A browser that joined this class before presents its token: same student, same group, same board.
      const token = credentials.tokenForJoinCode(joinCode);
      const joined = await joinClass({ joinCode, displayName, attemptId, ...(token ? { token } : {}) });
      credentials.saveStudent(joined.identity.classId, joinCode, joined.token);
      navigate(studentClassPath(joined.identity.classId));
    } catch (e) {
      setError(joinErrorMessage(e));
      setBusy(false);
    }
  };

  return (
    <main className="page">
      <h1>Join a class</h1>
      <form className="stack" onSubmit={(e) => void onSubmit(e)}>
        <TextField
          label="Class code"
          hint="The code your teacher shows on the board."
          className="join-code-field"
          value={joinCode}
          onChange={(e) => setJoinCode(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          required
          maxLength={20}
        />
        <TextField
          label="Your name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          autoComplete="given-name"
          required
          maxLength={DISPLAY_NAME_MAX}
        />
        <Button type="submit" variant="primary" disabled={busy}>
          Join
        </Button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}

/** 128 random bits in hex (getRandomValues: randomUUID needs a secure context, a classroom LAN may not be). */
function newAttemptId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
