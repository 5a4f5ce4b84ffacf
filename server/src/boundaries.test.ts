import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The messages of the import rules for this code, as if it were written at `file`. */
async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the lint boundaries bite', () => {
  it('refuses a transport in a service', async () => {
    for (const folder of ['classroom', 'evidence']) {
      expect(
        await importErrors(
          `server/src/${folder}/newFeature.ts`,
          "import type { Server } from 'socket.io';\nexport type S = Server;\n",
        ),
        folder,
      ).toEqual([expect.stringMatching(/take no transport/)]);
    }
  });

  it('refuses a transport module of our own in a service (events reach sockets through realtime/)', async () => {
    for (const module of ['../realtime/channels.js', '../socket/socketServer.js', '../http/validate.js']) {
      expect(await importErrors('server/src/tagging/newFeature.ts', `import '${module}';\n`), module).toEqual(
        [expect.stringMatching(/never import a transport module/)],
      );
    }
  });

  it('lets transports and realtime/ import services, and services import each other', async () => {
    expect(
      await importErrors('server/src/realtime/x.ts', "import '../classroom/classroomService.js';\n"),
    ).toEqual([]);
    expect(await importErrors('server/src/classroom/x.ts', "import '../boards/boardRooms.js';\n")).toEqual(
      [],
    );
  });

  it('keeps shared/ pure and the apps apart', async () => {
    expect(await importErrors('shared/src/domain/x.ts', "import 'node:fs';\n")).toEqual([
      expect.stringMatching(/no I\/O/),
    ]);
    expect(await importErrors('client/src/x.ts', "import 'express';\n")).toEqual([
      expect.stringMatching(/never imports the server/),
    ]);
    expect(await importErrors('server/src/x.ts', "import '../../client/src/App.js';\n")).toEqual([
      expect.stringMatching(/never imports the client/),
    ]);
  });
});
