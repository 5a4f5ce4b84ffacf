import { describe, expect, it } from 'vitest';
import { storedAssetUrl } from './assetStore.js';

describe('storedAssetUrl', () => {
  it('shows files this server stored, and nothing from an outside host or its own API', () => {
    expect(storedAssetUrl('/api/assets/AbC123')).toBe('/api/assets/AbC123');
    expect(storedAssetUrl('/api/assets/AbC123?shard=1')).toBe('/api/assets/AbC123?shard=1');
    for (const src of [
      'https://tracker.example/p.png',
      '//tracker.example/p.png',
      '/api/assets//x',
      // the browser resolves these to /api/classes/c1/export, called with the viewer's credential
      '/api/assets/../classes/c1/export',
      '/api/assets/%2e%2e/classes/c1/export',
      '/api/assets/..\\classes\\c1\\export',
      null,
      undefined,
    ])
      expect(storedAssetUrl(src)).toBeNull();
  });
});
