import type { ClassState } from '@conjecture/shared';
import type { ClassAuth } from '../api/http.js';
import { useGroupRepresentations } from '../classroom/useGroupRepresentations.js';
import { DiscourseSummary } from '../components/DiscourseSummary.js';
import { TagCorrections } from '../components/TagCorrections.js';
import { useClassTags } from '../tagging/useClassTags.js';

interface CoachTalkProps {
  cls: ClassState;
  auth: ClassAuth;
  resolveName: (id: string) => string;
}

/** The class's talk as the teacher's dashboard sums it up, and the tagged contributions, read-only. */
export function CoachTalk({ cls, auth, resolveName }: CoachTalkProps) {
  // No socket: the tags as they are now; the page's Refresh reads them again.
  const classTags = useClassTags(cls.classId, null, true, auth);
  const representations = useGroupRepresentations(cls.classId, null, true, auth);
  return (
    <div className="stack">
      <DiscourseSummary
        groups={cls.groups}
        summary={classTags.summary}
        representations={representations}
        questionsLabel="The teacher's questions"
      />
      <TagCorrections
        classId={cls.classId}
        tags={classTags.tags}
        groups={cls.groups}
        resolveName={resolveName}
        error={classTags.error}
      />
    </div>
  );
}
