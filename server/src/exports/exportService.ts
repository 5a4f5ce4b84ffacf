import type { CsvTableName, Result } from '@conjecture/shared';
import { fail, ok } from '@conjecture/shared';
import { layOutBoard } from '@conjecture/shared/board/index';
import { strToU8, zipSync } from 'fflate';
import type { Principal } from '../classroom/classroomService.js';
import type { DiscussionService } from '../discussion/discussionService.js';
import type { SnapshotService } from '../snapshots/snapshotService.js';
import { csvTable } from './csvRows.js';
import { snapshotFigure, type EvidenceSection } from './evidenceSections.js';
import { gatherLesson, readBoard, type LessonData, type LessonSources } from './lessonData.js';
import { PdfWriter } from './pdf/pdfWriter.js';

export interface ExportDeps {
  sources: LessonSources;
  /** The evidence pack's sections, in order (`EVIDENCE_SECTIONS`, and any the composition root adds). */
  sections: readonly EvidenceSection[];
  snapshots: SnapshotService;
  discussion: DiscussionService;
}

/**
 * The lesson's exports for its teacher (and the plan's slides for the projector): CSV tables, board PDFs,
 * and the evidence pack as a PDF for people and a ZIP of CSV and JSON for tools. Everything is read from the
 * server's stores at the moment of the download — boards as the server holds them, names from the roster.
 * PDFs are drawn on the server from records (`layOutBoard`, shared with the dashboard's thumbnails), so a
 * download needs no browser and the pack's pictures are the same wherever it is made.
 */
export class ExportService {
  constructor(private readonly deps: ExportDeps) {}

  csv(classId: string, table: CsvTableName): Result<string> {
    const data = this.lesson(classId);
    return data ? ok(csvTable(table, data)) : fail('not_found', 'no such class');
  }

  async boardsPdf(classId: string, groupId?: string): Promise<Result<Uint8Array>> {
    const classRow = this.deps.sources.classrooms.getClass(classId);
    if (!classRow) return fail('not_found', 'no such class');
    const groups = this.deps.sources.classrooms
      .groupsOf(classId)
      .filter((g) => groupId === undefined || g.groupId === groupId);
    if (groupId !== undefined && groups.length === 0) return fail('not_found', 'no such group in this class');
    const at = this.deps.sources.now();
    const pdf = await PdfWriter.create(`${classRow.title}: boards`, at);
    for (const group of groups) {
      pdf.newPage();
      pdf.heading(`${group.name} — ${classRow.title}`, 2);
      pdf.board(layOutBoard(readBoard(this.deps.sources.rooms, group.boardId).records), stamp(at));
    }
    if (groups.length === 0) pdf.paragraph('This class has no groups yet.');
    return ok(await pdf.save());
  }

  /** The plan as slides, a page per step, as the viewer may see it (the projector: no notes, no names if anonymized). */
  async discussionPdf(viewer: Principal): Promise<Result<Uint8Array>> {
    const classRow = this.deps.sources.classrooms.getClass(viewer.classId);
    if (!classRow) return fail('not_found', 'no such class');
    const plan = this.deps.discussion.planFor(viewer.classId, viewer.role);
    const pdf = await PdfWriter.create(`${classRow.title}: discussion`, this.deps.sources.now());
    pdf.newPage();
    pdf.heading(classRow.title);
    pdf.paragraph(`The discussion, in ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}.`);
    plan.steps.forEach((step, i) => {
      const snapshot = this.deps.snapshots.get(viewer, step.snapshotId);
      pdf.newPage();
      pdf.heading(`${i + 1}. ${snapshot.ok ? snapshot.value.title : 'a snapshot'}`, 2);
      if (step.question) pdf.paragraph(step.question, { bold: true });
      if (step.rationale.text) pdf.paragraph(`Notes: ${step.rationale.text}`, { muted: true });
      if (snapshot.ok) snapshotFigure(pdf, snapshot.value);
    });
    return ok(await pdf.save());
  }

  async evidencePdf(classId: string): Promise<Result<Uint8Array>> {
    const data = this.lesson(classId);
    if (!data) return fail('not_found', 'no such class');
    const pdf = await PdfWriter.create(`${data.classRow.title}: evidence of student thinking`, data.at);
    for (const section of this.deps.sections) {
      pdf.newPage();
      section.writePdf(pdf, data);
    }
    return ok(await pdf.save());
  }

  evidenceZip(classId: string): Result<Uint8Array> {
    const data = this.lesson(classId);
    if (!data) return fail('not_found', 'no such class');
    const files: Record<string, Uint8Array> = {};
    for (const section of this.deps.sections)
      for (const [name, content] of Object.entries(section.files(data))) files[name] = strToU8(content);
    return ok(zipSync(files, { level: 6, mtime: new Date(data.at) }));
  }

  private lesson(classId: string): LessonData | null {
    return gatherLesson(this.deps.sources, classId);
  }
}

const stamp = (at: number) =>
  `as the server held it at ${new Date(at).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
