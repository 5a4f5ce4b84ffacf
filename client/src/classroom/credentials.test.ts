import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../test/memoryStorage.js';
import { ClassCredentials, takeKeyFromHash } from './credentials.js';

describe('class credentials', () => {
  it('finds the token of a class by the code it was joined with, however the code is typed', () => {
    const creds = new ClassCredentials(memoryStorage());
    expect(creds.tokenForJoinCode('ACK34X')).toBeNull();
    creds.saveStudent('class-123', 'ack-34x', 'tok');
    expect(creds.studentToken('class-123')).toBe('tok');
    expect(creds.tokenForJoinCode(' ACK 34X ')).toBe('tok');
    expect(creds.tokenForJoinCode('CDEFGH')).toBeNull();
  });

  it('forgets a replaced projector link alone: a student’s or a coach’s session in the same browser stays', () => {
    const creds = new ClassCredentials(memoryStorage());
    creds.saveStudent('class-123', 'ACK34X', 'tok');
    creds.saveProjector('class-123', 'proj');
    creds.saveCoach('class-123', 'coach');
    creds.forgetProjector('class-123');
    expect(creds.projectorToken('class-123')).toBeNull();
    expect(creds.studentToken('class-123')).toBe('tok');
    expect(creds.coachToken('class-123')).toBe('coach');
  });

  it('keeps a coach session per class, and forgets it alone', () => {
    const creds = new ClassCredentials(memoryStorage());
    creds.saveCoach('class-123', 'coach-a');
    creds.saveCoach('class-456', 'coach-b');
    creds.saveProjector('class-123', 'proj');
    creds.forgetCoach('class-123');
    expect(creds.coachToken('class-123')).toBeNull();
    expect(creds.coachToken('class-456')).toBe('coach-b');
    expect(creds.projectorToken('class-123')).toBe('proj');
  });
});

describe('takeKeyFromHash', () => {
  const at = (hash: string) => {
    const replaced: string[] = [];
    const location = { hash, pathname: '/teach/abc12345', search: '?debug' } as Location;
    const history = {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url),
    };
    return { key: takeKeyFromHash(location, history as unknown as History), replaced };
  };

  it('reads the key and removes it from the address', () => {
    expect(at('#key=s3cr3t-KEY_x')).toEqual({ key: 's3cr3t-KEY_x', replaced: ['/teach/abc12345?debug'] });
  });

  it('leaves an address without a key alone', () => {
    expect(at('')).toEqual({ key: null, replaced: [] });
    expect(at('#other=1')).toEqual({ key: null, replaced: [] });
  });
});
