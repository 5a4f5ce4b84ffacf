import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database.js';
import { LivePresence } from './livePresence.js';
import type { ClassroomEvents } from './classroomTypes.js';
import { SqliteClassroomStore } from './sqliteClassroomStore.js';

function presence() {
  const events = new EventEmitter<ClassroomEvents>();
  const emitted: string[] = [];
  events.on('presenceChanged', (classId) => emitted.push(classId));
  const live = new LivePresence({ store: new SqliteClassroomStore(openDatabase(':memory:')), events });
  return { live, emitted };
}

describe('LivePresence', () => {
  it('holds nothing for a class once its last student’s socket has left', () => {
    const { live, emitted } = presence();
    live.studentConnected('class-a', 'ana', 1);
    live.studentConnected('class-a', 'ana', 1);
    live.studentConnected('class-a', 'ben', 1);
    live.studentConnected('class-b', 'cai', 1);
    expect(live.classesHeld).toBe(2);

    live.studentConnected('class-a', 'ana', -1);
    live.studentConnected('class-a', 'ana', -1);
    expect(live.onlineStudents('class-a')).toEqual(['ben']);
    live.studentConnected('class-a', 'ben', -1);
    expect(live.onlineStudents('class-a')).toEqual([]);
    expect(live.classesHeld).toBe(1);
    // A late disconnect of a class with nobody online makes no entry either.
    live.studentConnected('class-c', 'dee', -1);
    expect(live.classesHeld).toBe(1);
    live.studentConnected('class-b', 'cai', -1);
    expect(live.classesHeld).toBe(0);
    expect(emitted).toEqual(['class-a', 'class-a', 'class-b', 'class-a', 'class-a', 'class-b']);
  });

  it('holds nothing for a class once its last hand is lowered', () => {
    const { live } = presence();
    live.setHand('class-a', 'ana', true);
    live.setHand('class-a', 'ben', true);
    live.setHand('class-a', 'ana', false);
    expect(live.raisedHands('class-a')).toEqual(['ben']);
    live.setHand('class-a', 'ben', false);
    expect(live.raisedHands('class-a')).toEqual([]);
    expect(live.classesHeld).toBe(0);
  });
});
