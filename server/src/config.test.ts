import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, parseConfig } from './config.js';

describe('configuration', () => {
  it('has defaults for everything', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ PORT: 3000, STORAGE: 'sqlite', MAX_UPDATE_BYTES: 1024 * 1024 });
    expect(config.DATA_DIR).toBe(path.resolve('./data'));
  });

  it('reads and coerces values; empty means unset', () => {
    const config = parseConfig({
      PORT: '8080',
      DATA_DIR: '/tmp/x',
      MAX_UPDATE_BYTES: '',
      TLDRAW_LICENSE_KEY: 'k',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      DATA_DIR: '/tmp/x',
      MAX_UPDATE_BYTES: 1024 * 1024,
      TLDRAW_LICENSE_KEY: 'k',
    });
  });

  it('stops on a bad value with a message naming every bad variable', () => {
    expect(() => parseConfig({ PORT: 'eighty', STORAGE: 'floppy' })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: '70000', STORAGE: 'floppy' })).toThrow(/PORT[\s\S]*STORAGE/);
    expect(() => parseConfig({ MAX_UPDATE_BYTES: '12' })).toThrow(/MAX_UPDATE_BYTES/);
  });

  it('bounds uploads per hour at no less than one largest image', () => {
    expect(parseConfig({}).MAX_UPLOAD_BYTES_PER_HOUR).toBe(100 * 1024 * 1024);
    expect(() => parseConfig({ MAX_UPLOAD_BYTES_PER_HOUR: '2048', MAX_ASSET_BYTES: '4096' })).toThrow(
      /MAX_UPLOAD_BYTES_PER_HOUR: at least MAX_ASSET_BYTES/,
    );
  });

  it('needs a postgres:// DATABASE_URL with STORAGE=postgres, and names it when missing or wrong', () => {
    expect(() => parseConfig({ STORAGE: 'postgres' })).toThrow(
      /DATABASE_URL: required when STORAGE=postgres/,
    );
    expect(() => parseConfig({ STORAGE: 'postgres', DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    const url = 'postgres://conjecture@127.0.0.1:5432/conjecture';
    expect(parseConfig({ STORAGE: 'postgres', DATABASE_URL: url })).toMatchObject({ DATABASE_URL: url });
  });

  it('runs as one of a cluster only on PostgreSQL, with a process id fit for logs', () => {
    const url = 'postgres://conjecture@127.0.0.1:5432/conjecture';
    expect(() => parseConfig({ CLUSTER: 'true' })).toThrow(/CLUSTER: needs STORAGE=postgres/);
    expect(() =>
      parseConfig({ CLUSTER: 'true', STORAGE: 'postgres', DATABASE_URL: url, PROCESS_ID: 'a b' }),
    ).toThrow(/PROCESS_ID/);
    expect(
      parseConfig({ CLUSTER: 'true', STORAGE: 'postgres', DATABASE_URL: url, PROCESS_ID: 'web-1' }),
    ).toMatchObject({ CLUSTER: true, PROCESS_ID: 'web-1' });
  });

  it('reads TRUST_PROXY as a hop count or addresses, and refuses "true" (it would trust a forged header)', () => {
    expect(parseConfig({}).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
    expect(parseConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(() => parseConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY[\s\S]*forged/);
  });
});
