import type { Response } from 'express';
import { CSV_TABLE_NAMES, CSV_TABLES, fail, ok, TLDR_MIME_TYPE, type Result } from '@conjecture/shared';
import type { ClassroomService } from '../classroom/classroomService.js';
import { principalOpensBoard } from '../auth/access.js';
import { IMPORT_EVERY_SECONDS, type BoardFiles } from '../exports/boardFiles.js';
import type { BoardWriter } from '../exports/writeAsUser.js';
import type { ExportService } from '../exports/exportService.js';
import type { Logger } from '../util/logger.js';
import { sent, type RouteHandlers } from './routeAdapter.js';
import { sendError } from './validate.js';

type ExportRoutes =
  | 'exportBoardFile'
  | 'exportBoardSvg'
  | 'importBoardFile'
  | 'exportCsv'
  | 'exportBoardsPdf'
  | 'exportDiscussionPdf'
  | 'evidencePdf'
  | 'evidenceZip';

/** Who imports into a board outside any class (no accounts there): nobody in particular, held as a student. */
const ANONYMOUS_IMPORTER: BoardWriter = { userId: 'anonymous', role: null };

export function exportHandlers({
  exports,
  boardFiles,
  classroom,
  log,
}: {
  exports: ExportService;
  boardFiles: BoardFiles;
  classroom: ClassroomService;
  log: Logger;
}): Pick<RouteHandlers, ExportRoutes> {
  /** Answers a file, or the error; a download is written whole or not at all. */
  const download = (
    res: Response,
    file: Result<Uint8Array | string> | Promise<Result<Uint8Array | string>>,
    type: string,
    name: string,
  ): typeof sent => {
    void Promise.resolve(file)
      .then((made) => {
        if (!made.ok) return sendError(res, made.error.code, made.error.message, made.error.issues);
        res
          .type(type)
          .set('Content-Disposition', `attachment; filename="${name}"`)
          .set('Cache-Control', 'no-store')
          .send(typeof made.value === 'string' ? made.value : Buffer.from(made.value));
      })
      .catch((error: unknown) => {
        log.error('an export failed', {
          name,
          error: error instanceof Error ? error.message : String(error),
        });
        if (!res.headersSent) sendError(res, 'internal', 'the export could not be made');
      });
    return sent;
  };

  return {
    exportBoardFile: ({ params, res }) =>
      download(
        res,
        ok(JSON.stringify(boardFiles.export(params.boardId))),
        TLDR_MIME_TYPE,
        `board-${params.boardId}.tldr`,
      ),
    exportBoardSvg: ({ params, res }) => {
      // Escaped text only, but an SVG opened from our origin must never run anything: no scripts, no fetches.
      res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      return download(
        res,
        ok(boardFiles.svg(params.boardId)),
        'image/svg+xml',
        `board-${params.boardId}.svg`,
      );
    },
    importBoardFile: ({ caller, params, body, res }) => {
      const imported = (writer: BoardWriter) => {
        const result = boardFiles.import(params.boardId, body, writer);
        if (!result.ok && result.error.code === 'rate_limited')
          res.set('Retry-After', String(IMPORT_EVERY_SECONDS));
        return result;
      };
      // The adapter let in anyone who may look at the board; writing needs what a writable connection needs.
      if (caller.classId === null) return imported(ANONYMOUS_IMPORTER);
      const write = principalOpensBoard(classroom, caller.principal, params.boardId, false);
      if (!write.ok) return write;
      if (!write.value.access?.writable) return fail('forbidden', 'you may not write on this board now');
      return imported({ userId: write.value.access.userId, role: write.value.principal?.role ?? null });
    },
    exportCsv: ({ caller, params, res }) => {
      // The adapter parsed the name with the table's enum; this narrows its type.
      const table = CSV_TABLE_NAMES.find((name) => name === params.csvTable);
      if (!table) return fail('not_found', 'no such table');
      return download(
        res,
        exports.csv(caller.classId, table),
        'text/csv; charset=utf-8',
        CSV_TABLES[table].file,
      );
    },
    exportBoardsPdf: ({ caller, query, res }) =>
      download(
        res,
        exports.boardsPdf(caller.classId, query.groupId),
        'application/pdf',
        query.groupId ? `board-${query.groupId}.pdf` : 'boards.pdf',
      ),
    exportDiscussionPdf: ({ caller, res }) =>
      download(res, exports.discussionPdf(caller.principal), 'application/pdf', 'discussion.pdf'),
    evidencePdf: ({ caller, res }) =>
      download(res, exports.evidencePdf(caller.classId), 'application/pdf', `evidence-${caller.classId}.pdf`),
    evidenceZip: ({ caller, res }) =>
      download(res, exports.evidenceZip(caller.classId), 'application/zip', `evidence-${caller.classId}.zip`),
  };
}
