import { useState } from 'react';
import type { Stance } from '@conjecture/shared/board/index';
import { CritiqueComposer } from './CritiqueComposer.js';
import type { ReplyView } from './threadModel.js';
import { Button } from '../ui/Button.js';
import { Written } from '../ui/Written.js';

interface CritiqueReplyItemProps {
  reply: ReplyView;
  /** Null in read-only views: no edit or delete controls. */
  onEdit: ((stance: Stance, text: string) => Promise<string | null>) | null;
  onDelete: (() => Promise<string | null>) | null;
}

const timeOf = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** One reply: author, stance badge, time and text; its author (or the teacher) may edit or delete it. */
export function CritiqueReplyItem({ reply, onEdit, onDelete }: CritiqueReplyItemProps) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changeable = reply.mayChange && onEdit && onDelete;
  return (
    <li
      className="critique-reply"
      data-testid="critique-reply"
      data-reply-id={reply.replyId}
      data-author-id={reply.authorId}
    >
      <div className="critique-reply-head">
        <strong>{reply.authorName}</strong>
        <span className="critique-stance" data-stance={reply.stance}>
          {reply.stanceLabel}
        </span>
        <time dateTime={new Date(reply.createdAt).toISOString()}>
          {timeOf(reply.createdAt)}
          {reply.edited ? ' (edited)' : ''}
        </time>
      </div>
      {editing && onEdit ? (
        <CritiqueComposer
          initial={{ stance: reply.stance, text: reply.text }}
          submitLabel="Save"
          autoFocus
          onSubmit={async (stance, text) => {
            const refusal = await onEdit(stance, text);
            if (!refusal) setEditing(false);
            return refusal;
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="critique-text" data-testid="critique-text">
          <Written>{reply.text}</Written>
        </p>
      )}
      {changeable && !editing && (
        <div className="critique-actions">
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Edit ${reply.authorName}’s reply`}
            onClick={() => setEditing(true)}
          >
            Edit
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Delete ${reply.authorName}’s reply`}
            onClick={() => void onDelete().then(setError)}
          >
            Delete
          </Button>
        </div>
      )}
      {error && (
        <p role="alert" className="critique-error">
          {error}
        </p>
      )}
    </li>
  );
}
