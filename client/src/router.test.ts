import { describe, expect, it } from 'vitest';
import { boardPath, parseRoute } from './router.js';

describe('routes', () => {
  it('maps paths to pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' });
    expect(parseRoute('/b/abc_DEF-123')).toEqual({ page: 'board', boardId: 'abc_DEF-123' });
    expect(parseRoute('/b/abc_DEF-123/')).toEqual({ page: 'board', boardId: 'abc_DEF-123' });
    expect(parseRoute(boardPath('board-42'))).toEqual({ page: 'board', boardId: 'board-42' });
  });

  it('refuses malformed board ids and unknown paths', () => {
    expect(parseRoute('/b/x')).toEqual({ page: 'notFound' });
    expect(parseRoute('/b/has%20space')).toEqual({ page: 'notFound' });
    expect(parseRoute('/elsewhere')).toEqual({ page: 'notFound' });
  });
});

describe('class routes', () => {
  it('maps the class pages', () => {
    expect(parseRoute('/new')).toEqual({ page: 'newClass' });
    expect(parseRoute('/join')).toEqual({ page: 'join' });
    expect(parseRoute('/teach/Abc123_xyz')).toEqual({ page: 'teacher', classId: 'Abc123_xyz' });
    expect(parseRoute('/project/Abc123_xyz')).toEqual({ page: 'projector', classId: 'Abc123_xyz' });
    expect(parseRoute('/class/Abc123_xyz/')).toEqual({ page: 'student', classId: 'Abc123_xyz' });
    expect(parseRoute('/coach/Abc123_xyz')).toEqual({ page: 'coach', classId: 'Abc123_xyz' });
  });

  it('refuses malformed class ids', () => {
    expect(parseRoute('/teach/short')).toEqual({ page: 'notFound' });
    expect(parseRoute('/class/has%20space1')).toEqual({ page: 'notFound' });
    expect(parseRoute('/coach/short')).toEqual({ page: 'notFound' });
  });
});
