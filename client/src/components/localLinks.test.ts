import { describe, expect, it } from 'vitest';
import { linkBookmark } from './localLinks.js';

describe('linkBookmark', () => {
  it('names the link alone: no picture or icon to fetch from its host', () => {
    const asset = linkBookmark('https://example.com/lesson');
    expect(asset).toMatchObject({
      typeName: 'asset',
      type: 'bookmark',
      props: {
        src: 'https://example.com/lesson',
        title: 'https://example.com/lesson',
        image: '',
        favicon: '',
      },
    });
    expect(linkBookmark('https://example.com/lesson').id).toBe(asset.id); // the same link, the same asset
  });
});
