import { useState, type FormEvent } from 'react';
import { asSentence } from '../api/asSentence.js';
import { DISPLAY_NAME_MAX } from '@conjecture/shared';
import { joinClass } from '../classroom/classApi.js';
import { credentials } from '../classroom/credentials.js';
import { ApiRequestError } from '../api/http.js';
import { navigate, studentClassPath } from '../router.js';
import { Button } from '../ui/Button.js';
import { TextField } from '../ui/TextField.js';

/** What went wrong, under the field it is about, or for the whole form (closed, ended, no network). */
interface JoinError {
  field: 'code' | 'name' | null;
  text: string;
}

const FIELD_IDS = { code: 'join-class-code', name: 'join-your-name' } as const;

/**
 * Words for a refused join, saying what to do next; the server's own message says which case it is (closed,
 * ended, name taken, a name the app keeps for someone else), its issues what is wrong with a name.
 */
function joinErrorOf(error: unknown): JoinError {
  if (!(error instanceof ApiRequestError)) return { field: null, text: String(error) };
  switch (error.code) {
    case 'not_found':
      return { field: 'code', text: 'No class has this code. Check the code on the board.' };
    case 'network':
      return { field: null, text: 'Cannot reach the server. Check the Wi-Fi and try again.' };
    case 'conflict':
      return { field: 'name', text: asSentence(error.message) };
    case 'bad_request': {
      // a name the schema refuses names its problem in the issues ("enter a name"), not in the message
      const issue = error.issues.find((i) => i.path.includes('displayName'));
      return { field: 'name', text: asSentence(issue?.message ?? error.message) };
    }
    case 'forbidden':
      if (/closed joining/.test(error.message))
        return { field: null, text: 'Your teacher has closed joining. Ask them to open it again.' };
      if (/ended/.test(error.message))
        return { field: null, text: 'This class has ended. Ask your teacher to reopen it.' };
      return { field: null, text: asSentence(error.message) };
    default:
      return { field: null, text: asSentence(error.message) };
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
  const [error, setError] = useState<JoinError | null>(null);

  /** Shows the problem and puts the cursor where it can be fixed. */
  const refuse = (problem: JoinError) => {
    setError(problem);
    if (problem.field) document.getElementById(FIELD_IDS[problem.field])?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // Checked here in words, not by the browser's own bubble ("Please fill out this field"), which looks
    // like no other part of the app and is gone before it is read.
    if (!joinCode.trim()) return refuse({ field: 'code', text: 'Type the class code from the board.' });
    if (!displayName.trim()) return refuse({ field: 'name', text: 'Type your name.' });
    setBusy(true);
    setError(null);
    try {
      // A browser that joined this class before presents its token: same student, same group, same board.
      const token = credentials.tokenForJoinCode(joinCode);
      const joined = await joinClass({ joinCode, displayName, attemptId, ...(token ? { token } : {}) });
      credentials.saveStudent(joined.identity.classId, joinCode, joined.token);
      navigate(studentClassPath(joined.identity.classId));
    } catch (e) {
      refuse(joinErrorOf(e));
      setBusy(false);
    }
  };

  return (
    <main className="page">
      <h1>Join a class</h1>
      <form className="stack" noValidate onSubmit={(e) => void onSubmit(e)}>
        <TextField
          id={FIELD_IDS.code}
          label="Class code"
          hint="The code your teacher shows on the board."
          className="join-code-field"
          value={joinCode}
          onChange={(e) => setJoinCode(e.target.value)}
          error={error?.field === 'code' ? error.text : null}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          required
          maxLength={20}
        />
        <TextField
          id={FIELD_IDS.name}
          label="Your name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={error?.field === 'name' ? error.text : null}
          autoComplete="given-name"
          required
          maxLength={DISPLAY_NAME_MAX}
        />
        <Button type="submit" variant="primary" disabled={busy}>
          Join
        </Button>
        {error && error.field === null && (
          <p role="alert" className="ui-form-error">
            {error.text}
          </p>
        )}
      </form>
    </main>
  );
}

/** 128 random bits in hex (getRandomValues: randomUUID needs a secure context, a classroom LAN may not be). */
function newAttemptId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
