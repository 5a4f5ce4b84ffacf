import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { CSV_TABLES, csvIssues, TldrFileSchema } from '@conjecture/shared';
import { readPdf } from '@conjecture/server/testkit/readPdf';
import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';
import type { Actor } from '../fixtures/actor.js';

const NOTE = 'shape:unitPrice';
const NOTE_TEXT = '2 dollars for 3 pens: 0.67 each';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Chooses a menu item and returns the file the browser downloaded (Playwright's download event). */
async function downloadFrom(page: Page, menu: string, item: string | RegExp): Promise<Download> {
  await page.getByRole('button', { name: menu }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: item }).click(),
  ]);
  return file;
}

const bytesOf = async (file: Download) => new Uint8Array(fs.readFileSync((await file.path())!));

async function writeNote(author: Actor, reader: Actor) {
  await author.page.evaluate(
    ({ id, text }) => {
      window.__conjecture!.editor.createShape({
        id: id as never,
        type: 'note',
        x: 100,
        y: 100,
        props: {
          richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
        },
      });
    },
    { id: NOTE, text: NOTE_TEXT },
  );
  await expect.poll(() => reader.shapeIds()).toContain(NOTE);
}

test('the teacher downloads the evidence pack and a board PDF from the dashboard, and a student downloads their own board', async ({
  teacher,
  studentA,
  studentB,
}) => {
  test.slow(); // three actors, live boards and PDFs made on a shared machine
  const dashboard = teacher.page;
  await dashboard.setViewportSize({ width: 1366, height: 768 });
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Pen deals');
  await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);
  await writeNote(studentA, studentB);

  await test.step('the Export menu is on screen at 1366×768', async () => {
    const exportButton = dashboard.getByRole('button', { name: 'Export' });
    await exportButton.scrollIntoViewIfNeeded();
    const box = await exportButton.boundingBox();
    expect(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1366 && box.y + box.height <= 768).toBe(
      true,
    );
    await exportButton.click();
    await dashboard.screenshot({ path: test.info().outputPath('dashboard-with-export.png') });
    await dashboard.keyboard.press('Escape');
  });

  await test.step('the evidence pack as a PDF for people', async () => {
    const file = await downloadFrom(dashboard, 'Export', 'Evidence pack (PDF)');
    expect(file.suggestedFilename()).toMatch(/^evidence-.*\.pdf$/);
    const pdf = await readPdf(await bytesOf(file));
    expect(pdf.pages).toBeGreaterThanOrEqual(5);
    const text = pdf.text.join('\n');
    for (const part of ['Pen deals', 'Group 1: Ada, Bruno', 'Tagged talk per group', 'The question log'])
      expect(text).toContain(part);
  });

  await test.step('the evidence pack as a ZIP of CSV and JSON for tools', async () => {
    const file = await downloadFrom(dashboard, 'Export', /^Evidence pack \(ZIP/);
    expect(file.suggestedFilename()).toMatch(/^evidence-.*\.zip$/);
    const entries = unzipSync(await bytesOf(file));
    expect(Object.keys(entries)).toEqual(
      expect.arrayContaining([
        'lesson.json',
        'contributions.csv',
        'answers.csv',
        'tags.csv',
        'discussion-plan.json',
        'snapshots.json',
        'questions.json',
        'boards/01-Group-1.tldr',
      ]),
    );
    const contributions = strFromU8(entries['contributions.csv']!);
    expect(csvIssues(CSV_TABLES.contributions, contributions)).toEqual([]);
    expect(contributions).toContain(NOTE_TEXT);
    expect(contributions).toContain('Ada');
  });

  await test.step('all of the class’s data as one JSON document, from the same menu', async () => {
    const file = await downloadFrom(dashboard, 'Export', 'All class data (JSON)');
    expect(file.suggestedFilename()).toMatch(/\.json$/);
    const text = new TextDecoder().decode(await bytesOf(file));
    const exported = JSON.parse(text) as { class?: { title?: string } };
    expect(exported.class?.title).toBe('Pen deals');
    expect(text).toContain(NOTE_TEXT);
  });

  await test.step("a group's board as a PDF and a picture from its card on the dashboard", async () => {
    const card = dashboard.getByTestId('group-Group 1');
    const menu = "Download Group 1's board";
    await card.getByRole('button', { name: menu }).scrollIntoViewIfNeeded();
    const pdf = await readPdf(await bytesOf(await downloadFrom(dashboard, menu, 'Document (PDF)')));
    expect(pdf.pages).toBe(1);
    expect(pdf.text[0]).toContain('Group 1');
    const png = await bytesOf(await downloadFrom(dashboard, menu, 'Picture (PNG)'));
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    const svg = fs.readFileSync(
      (await (await downloadFrom(dashboard, menu, 'Drawing (SVG)')).path())!,
      'utf8',
    );
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('0.67 each');
  });

  await test.step('a student downloads their own board as a PDF and a picture', async () => {
    const page = studentA.page;
    await page.screenshot({ path: test.info().outputPath('student-board-with-download.png') });
    const pdfFile = await downloadFrom(page, 'My work', 'Document (PDF)');
    expect(pdfFile.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await readPdf(await bytesOf(pdfFile));
    expect(pdf.pages).toBe(1);
    expect(pdf.text[0]).toContain('Pen deals');
    const png = await bytesOf(await downloadFrom(page, 'My work', 'Picture (PNG)'));
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
  });

  await test.step('the board travels as a .tldr file: out, and back in without touching the task card', async () => {
    const page = studentA.page;
    const file = await downloadFrom(page, 'My work', 'Board file (.tldr)');
    expect(file.suggestedFilename()).toMatch(/\.tldr$/);
    const board = TldrFileSchema.parse(JSON.parse(fs.readFileSync((await file.path())!, 'utf8')));
    expect(board.records.map((r) => r.id)).toContain(NOTE);
    await page.getByRole('button', { name: 'My work' }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('menuitem', { name: 'Open a board file…' }).click(),
    ]);
    await chooser.setFiles((await file.path())!);
    // The task card is the server's (and a classmate's user record theirs): left out, the rest written.
    await expect(page.getByRole('status').filter({ hasText: 'Opened' })).toContainText(
      /^Opened \d+ items from .*; [1-9]\d* left out \(not yours to change/,
    );
  });
});
