// @vitest-environment happy-dom
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { DiagnosticAuthoring } from '../diagnostics/DiagnosticAuthoring.js';
import { Button } from './Button.js';
import { Dialog } from './Dialog.js';
import { DropdownMenu } from './DropdownMenu.js';
import { watchBodyObservers } from '../test/bodyObservers.js';
import { cleanUp, render } from '../test/render.js';

afterEach(cleanUp);

/** The size the open dialog is drawn at (components.css widths it by `data-size`). */
const shownSize = () => document.querySelector('[role="dialog"]')?.getAttribute('data-size');

// Every dialog was 32rem wide: a two-button confirmation sat in a wide empty box, and the diagnostic form
// picked its own width by a selector on what it held, outside the component.
describe('a dialog’s size', () => {
  it('is medium unless asked, as every dialog was', async () => {
    await render(<Dialog open onOpenChange={() => {}} title="The task" />);
    expect(shownSize()).toBe('medium');
  });

  it('is small for a confirmation', async () => {
    await render(
      <ConfirmDialog
        title="Delete Group 1?"
        confirmLabel="Delete group"
        onConfirm={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(shownSize()).toBe('small');
  });

  it('is large for the diagnostic form and its list of problems side by side', async () => {
    await render(
      <DiagnosticAuthoring classId="c1" bankInUse={null} onClose={() => {}} onUsed={async () => {}} />,
    );
    expect(shownSize()).toBe('large');
  });
});

/** Export › Share with a coach: a dialog opened from a menu's item, and the page's other controls after it. */
function MenuOpensDialog() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <DropdownMenu
        trigger={<Button>Export</Button>}
        items={[{ label: 'Share', onSelect: () => setOpen(true) }]}
      />
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Share"
        actions={<Button onClick={() => setOpen(false)}>Close</Button>}
      />
      <Button>Delete the class</Button>
    </>
  );
}

// A dialog opened from a menu has no Dialog.Trigger either: the focus fell on the page's body when it closed.
// Then it went to the page's last control (the dashboard's "Delete the class"): the focus was in the menu as
// the dialog opened, and the menu, gone by then, stood after every control of the page.
describe('a dialog opened from a menu', () => {
  it('gives the focus back to the menu’s button when it closes', async () => {
    await render(<MenuOpensDialog />);
    const press = async (key: string) =>
      act(
        async () =>
          void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })),
      );
    const exportButton = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export')!;
    exportButton.focus();
    await press('Enter');
    const item = await vi.waitFor(() => document.querySelector<HTMLElement>('[role="menuitem"]')!);
    item.focus();
    await press('Enter');
    const close = await vi.waitFor(() =>
      [...document.querySelectorAll<HTMLElement>('[role="dialog"] button')].find(
        (b) => b.textContent === 'Close',
      )!,
    );
    await act(async () => close.click());
    await vi.waitFor(() => expect(document.activeElement).toBe(exportButton));
  });
});

/** A page with a button that opens a dialog. */
function ButtonOpensDialog() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Remove Ada</Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Remove Ada?"
        actions={<Button onClick={() => setOpen(false)}>Close</Button>}
      />
    </>
  );
}

// The focus follows the opener a while after the dialog closed (focusReturn.ts): that watch on the page's
// body outlived the page.
describe('a dialog’s page, unmounted', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('leaves no watch on the page behind', async () => {
    const watching = watchBodyObservers();
    await render(<ButtonOpensDialog />);
    const button = (name: string) =>
      [...document.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent === name);
    const opener = button('Remove Ada')!;
    opener.focus();
    await act(async () => opener.click());
    const close = await vi.waitFor(() => button('Close')!);
    await act(async () => close.click());
    await vi.waitFor(() => expect(document.activeElement).toBe(opener));
    expect(watching.size).toBe(1);
    cleanUp();
    expect(watching.size).toBe(0);
  });
});
