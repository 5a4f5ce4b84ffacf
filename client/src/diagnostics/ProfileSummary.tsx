import type { Portrait } from '@conjecture/shared';
import './profileSummary.css';

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/**
 * A student's diagnostic profile for the teacher: one line (misconceptions first, with the items that show
 * them; strengths; confidence), and the whole profile on request: every skill's score, every misconception
 * with its evidence, and how sure the student was.
 */
export function ProfileSummary({ portrait, name }: { portrait: Portrait; name: string }) {
  return (
    <div className="profile-summary" data-testid={`profile-${name}`}>
      <p className="profile-line">{portrait.line}</p>
      <details>
        <summary>Profile of {name}</summary>
        <dl className="profile-details">
          <dt>Skills</dt>
          <dd>
            <ul>
              {portrait.skills.map((s) => (
                <li key={s.id} data-strength={s.strength}>
                  {s.name}: {percent(s.score)}
                  {s.strength ? ' (strength)' : ''}
                </li>
              ))}
            </ul>
          </dd>
          <dt>Misconceptions</dt>
          <dd>
            {portrait.misconceptions.length === 0 ? (
              'None shown'
            ) : (
              <ul>
                {portrait.misconceptions.map((m) => (
                  <li key={m.id}>
                    {m.name}: {m.chosen} of {m.opportunities} items
                    {m.items.length > 0 ? ` (${m.items.join(', ')})` : ''}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>Confidence</dt>
          <dd>
            {portrait.confidence === null
              ? portrait.confidenceLabel
              : `${portrait.confidence.toFixed(1)} of 4: ${portrait.confidenceLabel}`}
          </dd>
        </dl>
      </details>
    </div>
  );
}
