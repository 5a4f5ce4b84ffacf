import type { MyWork, OwnContribution } from '../../protocol/reflections.js';
import { CONFIDENCE_LABELS, REFLECTION_PROMPTS } from '../../protocol/reflections.js';

const KIND_HEADINGS: Record<OwnContribution['kind'], string> = {
  board_item: 'On the board',
  critique_reply: 'Critique I wrote',
  answer: "Answers to my teacher's questions",
  reflection: 'Reflection',
};

/** Markdown puts no meaning in these when they start a line or sit inside text a student wrote. */
const plain = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/([\\`*_#[\]<>|])/g, '\\$1')
    .trim();

const time = (at: number | null) => (at === null ? '' : ` (${new Date(at).toISOString().slice(11, 16)} UTC)`);

/**
 * A student's own work as a plain Markdown document they can keep: readable in any text editor, with their
 * profile summary, what they contributed (grouped by kind, oldest first) and their reflection.
 */
export function myWorkDocument(work: MyWork): string {
  const lines: string[] = [`# ${plain(work.classTitle)}`, ''];
  lines.push(`${plain(work.displayName)}${work.groupName ? ` · ${plain(work.groupName)}` : ''}`, '');
  if (work.taskPrompt) lines.push(`**Task:** ${plain(work.taskPrompt)}`, '');
  if (work.profileSummary) lines.push('## Where I started', '', plain(work.profileSummary), '');
  for (const kind of ['board_item', 'critique_reply', 'answer'] as const) {
    const items = work.contributions.filter((c) => c.kind === kind).sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
    if (items.length === 0) continue;
    lines.push(`## ${KIND_HEADINGS[kind]}`, '');
    for (const item of items) lines.push(`- ${plain(item.text).replace(/\n/g, ' ')}${time(item.at)}`);
    lines.push('');
  }
  const r = work.reflection;
  if (r) {
    lines.push('## My reflection', '');
    for (const { field, prompt } of REFLECTION_PROMPTS) {
      if (r[field]) lines.push(`**${prompt}**`, '', plain(r[field]), '');
    }
    if (r.confidence) lines.push(`**How confident I am now:** ${CONFIDENCE_LABELS[r.confidence]}`, '');
  }
  if (work.contributions.length === 0 && !r) lines.push('Nothing written yet.', '');
  return lines.join('\n');
}
