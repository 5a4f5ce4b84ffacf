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
