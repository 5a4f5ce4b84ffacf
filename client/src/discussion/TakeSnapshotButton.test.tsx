// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanUp, render } from '../test/render.js';
import { fakeClassServer } from '../test/fakeClassServer.js';
import { TakeSnapshotButton } from './TakeSnapshotButton.js';

afterEach(() => {
  cleanUp();
  vi.unstubAllGlobals();
});

const SNAPSHOT = {
  snapshotId: 'snap-0001',
  groupId: 'group-0001',
  groupName: 'Group 1',
  boardId: 'board-0001',
  title: 'Group 1',
  region: null,
  shapeCount: 2,
  takenAt: 1,
  records: [],
};

describe('"Take a snapshot"', () => {
  it('takes one snapshot of a double click: busy until the server has answered', async () => {
    const server = fakeClassServer({ 'POST /classes/class-0001/snapshots': SNAPSHOT });
    vi.stubGlobal('fetch', server.fetch);
    const host = await render(<TakeSnapshotButton classId="class-0001" groupId="group-0001" />);
    const button = host.querySelector('button')!;
    await act(async () => {
      button.click();
      button.click();
    });
    expect(server.asked('POST /classes/class-0001/snapshots')).toBe(1);
    expect(host.querySelector('[data-testid="snapshot-status"]')?.textContent).toBe(
      'Snapshot taken: 2 items',
    );
    expect(button.disabled).toBe(false);
  });
});
