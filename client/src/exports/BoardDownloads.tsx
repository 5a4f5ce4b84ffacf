import { useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import { TldrFileSchema } from '@conjecture/shared';
import { apiFor, type ClassAuth } from '../api/http.js';
import { Button } from '../ui/Button.js';
import { DropdownMenu, type MenuItem } from '../ui/DropdownMenu.js';
import { DownloadIcon } from '../ui/icons.js';
import { saveBoardPdf, saveBoardPng, saveBoardSvg } from './boardImages.js';
import { boardFileMessages } from './boardFileMessages.js';
import { download, downloadUrl, fileStem } from '../api/downloads.js';
import './exports.css';

/**
 * "Download" on a board with an editor (the student's group board): the board as a picture (PNG, SVG) or a
 * one-page PDF, drawn by tldraw in the browser; as a portable `.tldr` file from the server; and, where the
 * viewer may write, a `.tldr` file opened into the board (the server keeps its locked records).
 */
export function BoardDownloads({
  editor,
  boardId,
  auth,
  title,
  mayImport,
  label = 'Download',
  leadingItems = [],
}: {
  editor: Editor;
  boardId: string;
  auth: ClassAuth;
  title: string;
  mayImport: boolean;
  /** The menu's button (a narrow class bar folds the student's other "my work" items into it). */
  label?: string;
  /** Items above the downloads. */
  leadingItems?: MenuItem[];
}) {
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const stem = fileStem(title);
  const run = (work: () => Promise<unknown>) => () => {
    setMessage(null);
    work().catch((e: unknown) =>
      setMessage({ text: e instanceof Error ? e.message : String(e), alert: true }),
    );
  };

  const importFile = async (file: File) => {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      throw new Error(boardFileMessages.notJson(file.name));
    }
    const parsed = TldrFileSchema.safeParse(json);
    if (!parsed.success)
      throw new Error(boardFileMessages.notTldr(file.name, parsed.error.issues[0]?.message));
    const result = await apiFor(auth).importBoardFile({ params: { boardId }, body: parsed.data });
    const left = result.skipped.length;
    setMessage({ text: boardFileMessages.opened(file.name, result.imported, left), alert: false });
  };

  const items: MenuItem[] = [
    ...leadingItems,
    { label: 'Picture (PNG)', onSelect: run(() => saveBoardPng(editor, stem)) },
    { label: 'Drawing (SVG)', onSelect: run(() => saveBoardSvg(editor, stem)) },
    { label: 'Document (PDF)', onSelect: run(() => saveBoardPdf(editor, stem, title)) },
    {
      label: 'Board file (.tldr)',
      onSelect: run(() => download(downloadUrl('exportBoardFile', { boardId }), auth, `${stem}.tldr`)),
    },
    ...(mayImport ? [{ label: 'Open a board file…', onSelect: () => fileInput.current?.click() }] : []),
  ];
  return (
    <span className="board-downloads">
      <DropdownMenu
        trigger={
          <Button variant="secondary" size="sm">
            <DownloadIcon aria-hidden="true" />
            {label}
          </Button>
        }
        items={items}
      />
      <input
        ref={fileInput}
        type="file"
        accept=".tldr,application/json"
        hidden
        aria-label="Board file to open"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) run(() => importFile(file))();
        }}
      />
      {message && (
        <span role={message.alert ? 'alert' : 'status'} className="board-downloads__message">
          {message.text}
        </span>
      )}
    </span>
  );
}
