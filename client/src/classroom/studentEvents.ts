import type { ClassView, Group, ServerToClientEvents } from '@conjecture/shared';

/** What a student's class page keeps current from the class socket's events. */
export interface StudentLiveState {
  group: Group | null;
  paused: boolean;
  view: ClassView;
}

type Folded = 'groupAssigned' | 'classPaused' | 'taskPromptChanged';
export type StudentEvent = {
  [E in Folded]: { name: E; payload: Parameters<ServerToClientEvents[E]>[0] };
}[Folded];

/**
 * Folds one live event into the student's state: pure, so each case is tested without a socket. (Effects —
 * clearing a deleted board's local copy, fetching names again — stay with the connection.)
 */
export function foldStudentEvent<S extends StudentLiveState>(s: S, event: StudentEvent): S {
  switch (event.name) {
    case 'groupAssigned':
      return { ...s, group: event.payload.group };
    case 'classPaused':
      return {
        ...s,
        paused: event.payload.paused || event.payload.ended,
        view: { ...s.view, ended: event.payload.ended },
      };
    case 'taskPromptChanged':
      return { ...s, view: { ...s.view, taskPrompt: event.payload.taskPrompt } };
  }
}
