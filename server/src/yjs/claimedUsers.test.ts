import { describe, expect, it } from 'vitest';
import { WELL_KNOWN_USERS, YjsCloseCode } from '@conjecture/shared';
import { rawRoundTrip } from '../test/roundTrip.js';
import { createBoard, rawSocket, startTestServer } from '../test/testServer.js';

describe('a `?user=` claim on a board outside any class', () => {
  // The write policy gates everyone but the server and the teacher, and attribution reads these ids as
  // theirs: claimed, `?user=teacher` could take the whole board away in one change, and `?user=server`
  // write as the server.
  it.each(Object.values(WELL_KNOWN_USERS))('may not name one of the app’s own writers (%s)', async (user) => {
    const server = await startTestServer();
    const boardId = await createBoard(server);
    const claim = await rawSocket(server, boardId, `user=${user}`);
    await expect(rawRoundTrip(claim.ws)).rejects.toThrow(`closed (${YjsCloseCode.unauthorized})`);
    expect((await claim.closed).reason).toMatch(/app’s own/);
  });

  it('is any other opaque id, as before', async () => {
    const server = await startTestServer();
    const boardId = await createBoard(server);
    const claim = await rawSocket(server, boardId, 'user=teacher2');
    await rawRoundTrip(claim.ws);
  });
});
