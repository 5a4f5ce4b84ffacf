// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { DiagnosticAuthoring } from '../diagnostics/DiagnosticAuthoring.js';
import { Dialog } from './Dialog.js';
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
