import { useState, type FormEvent } from 'react';
import { DISPLAY_NAME_MAX } from '@conjecture/shared';
import { newAttemptId } from '../api/attemptId.js';
import { joinClass } from '../classroom/classApi.js';
import { credentials } from '../classroom/credentials.js';
import { joinErrorOf, type JoinError } from './joinErrors.js';
import { navigate, studentClassPath } from '../router.js';
import { Button } from '../ui/Button.js';
import { TextField } from '../ui/TextField.js';

const FIELD_IDS = { code: 'join-class-code', name: 'join-your-name' } as const;

/** Join with the code on the board and a display name: no account, no email. */
export function JoinPage() {
  const [joinCode, setJoinCode] = useState(
    () => new URLSearchParams(window.location.search).get('code') ?? '',
  );
  const [displayName, setDisplayName] = useState('');
  // One per form: a retry after "try again" (a 503 while the class moves) is the same join, not a new student.
  // A new one only when the old one's student was removed.
  const [attemptId, setAttemptId] = useState(newAttemptId);
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
    // After "you already joined as …", Enter on an edited name means the new name, if it may still change.
    if (error?.renameRefused) return continueAs(error.joinedAs as string);
    if (error?.joinedAs !== undefined && displayName !== error.joinedAs) return renameInstead();
    await join(displayName, attemptId);
  };

  const join = async (name: string, attempt: string, renameAttempt = false) => {
    setBusy(true);
    setError(null);
    try {
      // A browser that joined this class before presents its token: same student, same group, same board.
      const token = credentials.tokenForJoinCode(joinCode);
      const joined = await joinClass({
        joinCode,
        displayName: name,
        attemptId: attempt,
        ...(renameAttempt ? { renameAttempt: true as const } : {}),
        ...(token ? { token } : {}),
      });
      credentials.saveStudent(joined.identity.classId, joinCode, joined.token);
      navigate(studentClassPath(joined.identity.classId));
    } catch (e) {
      const problem = joinErrorOf(e);
      if (problem.attemptSpent) setAttemptId(newAttemptId());
      refuse(problem);
      setBusy(false);
    }
  };

  /** Back to the name the attempt joined under: the same attempt, answered with the student it stored. */
  const continueAs = (name: string) => {
    setDisplayName(name);
    void join(name, attemptId);
  };

  /**
   * The edited name in place of the one the attempt joined under: the same student, renamed, so the teacher's
   * roster holds her once (a new attempt would leave the first as a student nobody is).
   */
  const renameInstead = () => void join(displayName, attemptId, true);

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
        {error?.joinedAs === undefined ? (
          <Button type="submit" variant="primary" disabled={busy}>
            Join
          </Button>
        ) : (
          // Joining again with this attempt under the edited name would only be refused again: the two ways on.
          <div className="row">
            <Button variant="primary" disabled={busy} onClick={() => continueAs(error.joinedAs as string)}>
              Continue as “{error.joinedAs}”
            </Button>
            {!error.renameRefused && displayName.trim() && displayName !== error.joinedAs && (
              <Button type="submit" disabled={busy}>
                Join as “{displayName}” instead
              </Button>
            )}
          </div>
        )}
        {error && error.field === null && (
          <p role="alert" className="ui-form-error">
            {error.text}
          </p>
        )}
      </form>
    </main>
  );
}
