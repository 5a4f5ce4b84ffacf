import type { Snapshot } from '@conjecture/shared';
import {
  effectiveMove,
  effectiveQuestion,
  effectiveQuestionType,
  CONFIDENCE_LABELS,
  CONFIDENCE_LEVELS,
  CSV_TABLES,
  RATIONALE_LABELS,
  REFLECTION_PROMPTS,
} from '@conjecture/shared';
import { layOutBoard } from '@conjecture/shared/board/index';
import type { PdfWriter } from './pdf/pdfWriter.js';
import { csvTable } from './csvRows.js';
import type { LessonData } from './lessonData.js';
import { tldrFileOf } from './boardFiles.js';

/**
 * One part of a lesson's evidence pack: what it writes into the PDF for people and which files it adds to
 * the ZIP for tools. The pack is this list, in order — a new kind of evidence is one more section (built
 * where its data lives, e.g. in the composition root over its service), not a change to the pack.
 */
export interface EvidenceSection {
  id: string;
  title: string;
  writePdf(pdf: PdfWriter, data: LessonData): void;
  /** File name in the ZIP → contents. */
  files(data: LessonData): Record<string, string>;
}

const time = (at: number) => new Date(at).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const safeName = (name: string) => name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'group';

export const overviewSection: EvidenceSection = {
  id: 'overview',
  title: 'The lesson',
  writePdf(pdf, data) {
    pdf.heading(data.classRow.title);
    pdf.paragraph(`Task: ${data.classRow.taskPrompt || '(none written)'}`);
    pdf.paragraph(`Evidence pack exported ${time(data.at)}.`, { muted: true });
    for (const { group } of data.groups) {
      const members = data.members(group.groupId);
      pdf.paragraph(`${group.name}: ${members.length > 0 ? members.join(', ') : 'no members now'}`);
    }
  },
  files: (data) => ({
    'lesson.json': json({
      classId: data.classRow.classId,
      title: data.classRow.title,
      taskPrompt: data.classRow.taskPrompt,
      exportedAt: new Date(data.at).toISOString(),
      groups: data.groups.map(({ group }) => ({
        groupId: group.groupId,
        name: group.name,
        members: data.members(group.groupId),
      })),
      tables: Object.values(CSV_TABLES).map((t) => ({ file: t.file, describes: t.describes })),
    }),
  }),
};

export const discussionSection: EvidenceSection = {
  id: 'discussion',
  title: 'Snapshots and the discussion plan',
  writePdf(pdf, data) {
    pdf.heading(this.title);
    const byId = new Map(data.snapshots.map((s) => [s.snapshotId, s]));
    if (data.snapshots.length === 0)
      pdf.paragraph('No snapshots were taken in this lesson.', { muted: true });
    data.plan.steps.forEach((step, i) => {
      const snapshot = byId.get(step.snapshotId);
      pdf.heading(`Step ${i + 1}: ${snapshot?.title ?? 'a snapshot'}`, 2);
      const why = [step.rationale.choice && RATIONALE_LABELS[step.rationale.choice], step.rationale.text];
      if (why.some(Boolean)) pdf.paragraph(`Why here: ${why.filter(Boolean).join(' — ')}`);
      if (step.question) pdf.paragraph(`Question to ask: ${step.question}`, { bold: true });
      if (snapshot) snapshotFigure(pdf, snapshot);
    });
    const planned = new Set(data.plan.steps.map((s) => s.snapshotId));
    for (const snapshot of data.snapshots.filter((s) => !planned.has(s.snapshotId))) {
      pdf.heading(`Snapshot (not in the plan): ${snapshot.title}`, 2);
      snapshotFigure(pdf, snapshot);
    }
  },
  files: (data) => ({
    'discussion-plan.json': json({ steps: data.plan.steps, links: data.plan.links }),
    'snapshots.json': json(data.snapshots),
  }),
};

export function snapshotFigure(pdf: PdfWriter, snapshot: Snapshot): void {
  pdf.board(
    layOutBoard(snapshot.records),
    `${snapshot.groupName}, taken ${time(snapshot.takenAt)} (${snapshot.shapeCount} shapes)`,
  );
}

export const talkSection: EvidenceSection = {
  id: 'talk',
  title: 'Tagged talk per group',
  writePdf(pdf, data) {
    pdf.heading(this.title);
    const groups: (string | null)[] = [...data.groups.map((g) => g.group.groupId), null];
    for (const groupId of groups) {
      const tags = data.tags.filter((t) => t.groupId === groupId && t.kind !== 'question');
      if (groupId === null && tags.length === 0) continue;
      pdf.heading(data.groupName(groupId), 2);
      if (tags.length === 0) pdf.paragraph('No tagged talk.', { muted: true });
      const counts = new Map<string, number>();
      for (const t of tags) counts.set(effectiveMove(t), (counts.get(effectiveMove(t)) ?? 0) + 1);
      if (counts.size > 0)
        pdf.paragraph([...counts].map(([move, n]) => `${move} ${n}`).join(' · '), { muted: true });
      for (const t of tags)
        pdf.paragraph(`[${effectiveMove(t)}] ${data.nameOf(t.author)}: ${t.text}`, { indent: 12 });
    }
  },
  files: (data) => ({
    [CSV_TABLES.tags.file]: csvTable('tags', data),
    [CSV_TABLES.contributions.file]: csvTable('contributions', data),
  }),
};

export const questionsSection: EvidenceSection = {
  id: 'questions',
  title: 'The question log',
  writePdf(pdf, data) {
    pdf.heading(this.title);
    if (data.questions.length === 0) pdf.paragraph('No questions were posed.', { muted: true });
    for (const q of data.questions) {
      const tag = data.tags.find((t) => t.contributionId === `question:${q.questionId}`);
      const type = !tag
        ? 'not tagged'
        : (effectiveQuestionType(tag) ?? (effectiveQuestion(tag) ? 'type not shown' : 'not a question'));
      pdf.paragraph(`${time(q.createdAt)} to ${data.groupName(q.groupId)} — NCTM type: ${type}`, {
        muted: true,
      });
      pdf.paragraph(q.text, { bold: true });
      if (q.answers.length === 0) pdf.paragraph('No answer.', { muted: true, indent: 12 });
      for (const a of q.answers) pdf.paragraph(`${data.nameOf(a.studentId)}: ${a.text}`, { indent: 12 });
    }
  },
  files: (data) => ({
    [CSV_TABLES.answers.file]: csvTable('answers', data),
    'questions.json': json(data.questions),
  }),
};

export const boardsSection: EvidenceSection = {
  id: 'boards',
  title: 'The group boards at the end',
  writePdf(pdf, data) {
    for (const { group, records } of data.groups) {
      pdf.heading(`${group.name}'s board`, 2);
      pdf.board(layOutBoard(records), `as the server held it at ${time(data.at)}`);
    }
  },
  // Each board as a portable `.tldr` file (numbered: two names may make the same file name).
  files: (data) =>
    Object.fromEntries(
      data.groups.map(({ group, records }, i) => [
        `boards/${String(i + 1).padStart(2, '0')}-${safeName(group.name)}.tldr`,
        json(tldrFileOf(records)),
      ]),
    ),
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

export const participationSection: EvidenceSection = {
  id: 'participation',
  title: 'Participation',
  writePdf(pdf, data) {
    pdf.heading(this.title);
    const { dominantShare, quietAfterMs } = data.participation.options;
    pdf.paragraph(
      `Each member's share of the group's work — items created and edited, critique replies and answers, from ` +
        `the server's authorship log. Flagged: one member above ${percent(dominantShare)}, or nothing for ` +
        `${Math.round(quietAfterMs / 60_000)} minutes.`,
      { muted: true },
    );
    for (const g of data.participation.groups) {
      pdf.heading(data.groupName(g.groupId), 2);
      if (g.members.length === 0) pdf.paragraph('No members now.', { muted: true });
      for (const m of g.members) {
        const flags = [
          g.dominantMember === m.studentId && 'holds most of the work',
          g.quietMembers.includes(m.studentId) && 'quiet',
        ].filter(Boolean);
        pdf.paragraph(
          `${data.nameOf(m.studentId)}: ${percent(m.share)} — ${m.itemsCreated} created, ${m.itemsEdited} edited, ` +
            `${m.words} words, ${m.critiqueReplies} critique replies, ${m.answers} answers` +
            (flags.length > 0 ? ` (${flags.join(', ')})` : ''),
          { indent: 12 },
        );
      }
    }
  },
  files: (data) => ({
    [CSV_TABLES.participation.file]: csvTable('participation', data),
    'participation.json': json(data.participation),
  }),
};

export const reflectionsSection: EvidenceSection = {
  id: 'reflections',
  title: 'Reflections',
  writePdf(pdf, data) {
    pdf.heading(this.title);
    if (data.reflections.length === 0) {
      pdf.paragraph('No student wrote a reflection.', { muted: true });
      return;
    }
    pdf.paragraph(
      'How confident students feel now: ' +
        CONFIDENCE_LEVELS.map(
          (level) =>
            `${CONFIDENCE_LABELS[level]} ${data.reflections.filter((r) => r.confidence === level).length}`,
        ).join(' · '),
      { muted: true },
    );
    for (const r of data.reflections) {
      pdf.heading(`${data.nameOf(r.studentId)} (${data.groupName(data.groupOf(r.studentId))})`, 2);
      for (const { field, prompt } of REFLECTION_PROMPTS)
        if (r[field]) pdf.paragraph(`${prompt} ${r[field]}`, { indent: 12 });
      if (r.confidence) pdf.paragraph(`Confidence now: ${CONFIDENCE_LABELS[r.confidence]}`, { indent: 12 });
    }
  },
  files: (data) => ({ [CSV_TABLES.reflections.file]: csvTable('reflections', data) }),
};

/** The pack: one section per kind of evidence, in the order a reader meets them. */
export const EVIDENCE_SECTIONS: readonly EvidenceSection[] = [
  overviewSection,
  discussionSection,
  talkSection,
  questionsSection,
  participationSection,
  reflectionsSection,
  boardsSection,
];
