import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBoard, onCleanup, startTestServer } from '../test/testServer.js';
import { expectHourlyCapPerAddress } from '../test/hourlyCap.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('REST API', () => {
  it('creates a board and reads it back; unknown boards are 404 with a JSON error', async () => {
    const server = await startTestServer();
    const created = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: '  Better deal?  ' }),
    });
    expect(created.status).toBe(201);
    const board = (await created.json()) as { boardId: string; title: string };
    expect(board.title).toBe('Better deal?');
    const read = await fetch(`${server.url}/api/boards/${board.boardId}`);
    expect(await read.json()).toMatchObject({ boardId: board.boardId, title: 'Better deal?' });
    const missing = await fetch(`${server.url}/api/boards/nothere1`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'not_found' });
  });

  it('limits boards made outside any class per client address, with Retry-After (MAX_BOARDS_PER_HOUR)', async () => {
    // Anyone may make one without an account, and each is kept: unbounded, one script fills the disk.
    await expectHourlyCapPerAddress('MAX_BOARDS_PER_HOUR', '/api/boards', { title: 'Scratch' });
  });

  it('answers bad bodies with 400 and the schema’s issues', async () => {
    const server = await startTestServer();
    const post = (body: string) =>
      fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const notJson = await post('{"title":');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: 'bad_request' });
    const wrongType = await post(JSON.stringify({ title: 42 }));
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { issues: Array<{ path: string[] }> }).issues[0]?.path).toEqual([
      'title',
    ]);
    const tooBig = await post(JSON.stringify({ title: 'x'.repeat(100_000) }));
    expect(tooBig.status).toBe(413);
  });

  it('hands the client its configuration, licence key included', async () => {
    const server = await startTestServer({ TLDRAW_LICENSE_KEY: 'tldraw-test-key' });
    const config = await (await fetch(`${server.url}/api/config`)).json();
    expect(config).toMatchObject({
      tldrawLicenseKey: 'tldraw-test-key',
      protocolVersion: expect.any(Number),
    });
  });

  it('stores uploaded images and serves them back; refuses other types, lies and oversize', async () => {
    const server = await startTestServer({ MAX_ASSET_BYTES: '2048' });
    const boardId = await createBoard(server);
    const upload = (body: Buffer, type: string) =>
      fetch(`${server.url}/api/assets?boardId=${boardId}&user=alice`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
    const ok = await upload(PNG, 'image/png');
    expect(ok.status).toBe(201);
    const { url } = (await ok.json()) as { url: string };
    const served = await fetch(`${server.url}${url}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

    expect((await upload(Buffer.from('<svg onload="alert(1)"/>'), 'image/svg+xml')).status).toBe(400);
    expect((await upload(Buffer.from('not really a png'), 'image/png')).status).toBe(400);
    expect((await upload(Buffer.concat([PNG, Buffer.alloc(4096)]), 'image/png')).status).toBe(413);
    expect((await fetch(`${server.url}/api/assets/doesnotexist1`)).status).toBe(404);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const server = await startTestServer();
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('the app shell', () => {
  it('lets a browser fetch pictures, sound, fonts and connections from this server only, frame nothing, and be framed by nothing', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-shell-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Conjecture</title>');
    onCleanup(() => fs.rmSync(dist, { recursive: true, force: true }));
    const server = await startTestServer({ CLIENT_DIST: dist });
    const shell = await fetch(`${server.url}/class/abc/board`);
    expect(shell.status).toBe(200);
    const csp = shell.headers.get('content-security-policy') ?? '';
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `));
    expect(directive('img-src')).toBe("img-src 'self' data: blob:");
    expect(directive('connect-src')).toBe("connect-src 'self' data: blob:");
    expect(directive('frame-src')).toBe("frame-src 'none'");
    // Another site framing the dashboard could steer the teacher's clicks (End the class, Delete) unseen.
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
  });

  it('runs only the build’s own script files, at every address the shell is served from: no inline script, handler or eval', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-shell-'));
    // The build's own inline script (the early requests) runs by its hash; nothing else inline does.
    const inline = 'window.early = 1;';
    const inlineHash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
    fs.writeFileSync(
      path.join(dist, 'index.html'),
      `<!doctype html><title>Conjecture</title><script>${inline}</script><script type="module" src="/a.js"></script>`,
    );
    onCleanup(() => fs.rmSync(dist, { recursive: true, force: true }));
    const server = await startTestServer({ CLIENT_DIST: dist });
    for (const address of ['/', '/class/abc/board', '/index.html']) {
      const shell = await fetch(`${server.url}${address}`);
      expect(shell.status).toBe(200);
      const directives = (shell.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim());
      expect(directives, address).toEqual(
        expect.arrayContaining([
          "default-src 'self'",
          `script-src 'self' ${inlineHash}`,
          "worker-src 'self'",
          "style-src 'self' 'unsafe-inline'",
          "object-src 'none'",
          "base-uri 'self'",
        ]),
      );
      expect(directives.join(';'), address).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    }
  });
});
