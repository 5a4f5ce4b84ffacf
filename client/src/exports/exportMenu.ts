import {
  CSV_TABLES,
  CSV_TABLE_NAMES,
  mayCall,
  type CapabilityRouteName,
  type CsvTableName,
  type Role,
} from '@conjecture/shared';
import { downloadUrl } from '../api/downloads.js';

/** A file of the Export menu, made by the server: its route gives both its address and who may have it. */
export interface ExportDownload {
  kind: 'download';
  label: string;
  /** What an error names, shorter than the menu's label. */
  name: string;
  route: CapabilityRouteName;
  url: string;
  fallbackFileName: string;
}

/** The teacher's "Share with a coach…" dialog: it reads, makes and turns off the class's coach link. */
export interface ShareWithCoach {
  kind: 'shareWithCoach';
  label: string;
  route: CapabilityRouteName;
}

export type ExportEntry = ExportDownload | ShareWithCoach;

function download(
  label: string,
  name: string,
  route: CapabilityRouteName,
  params: Record<string, string>,
  fallbackFileName: string,
): ExportDownload {
  return { kind: 'download', label, name, route, url: downloadUrl(route, params), fallbackFileName };
}

/**
 * What each CSV table holds, as the menu names it: a teacher reads what is in it, not a file name (the file
 * keeps its name once downloaded). A new table without a name here does not compile.
 */
const CSV_TABLE_TITLES: Record<CsvTableName, string> = {
  contributions: 'Contributions',
  answers: 'Answers',
  tags: 'Talk moves and question types',
  participation: 'Participation',
  reflections: 'Reflections',
};

/**
 * The Export menu as a role sees it: each entry whose route that role may call, by the capability the
 * route declares in the shared routes table (the server refuses the rest all the same).
 */
export function exportMenu(classId: string, role: Role): ExportEntry[] {
  const params = { classId };
  const entries: ExportEntry[] = [
    download('Evidence pack (PDF)', 'Evidence pack (PDF)', 'evidencePdf', params, 'evidence.pdf'),
    download(
      'Evidence pack (ZIP of CSV and JSON)',
      'Evidence pack (ZIP)',
      'evidenceZip',
      params,
      'evidence.zip',
    ),
    download('Discussion slides (PDF)', 'Discussion slides', 'exportDiscussionPdf', params, 'discussion.pdf'),
    download('All group boards (PDF)', 'All group boards', 'exportBoardsPdf', params, 'boards.pdf'),
    // Everything the server holds about the class, for the teacher's own records before a deletion.
    download('All class data (JSON)', 'All class data', 'exportClass', params, 'class.json'),
    ...CSV_TABLE_NAMES.map((csvTable) => {
      const title = CSV_TABLE_TITLES[csvTable];
      const file = CSV_TABLES[csvTable].file;
      return download(`${title} (CSV)`, title, 'exportCsv', { classId, csvTable }, file);
    }),
    // Making a link is what sharing is; reading and revoking it need the same capability (a test holds it).
    { kind: 'shareWithCoach', label: 'Share with a coach…', route: 'createCoachLink' },
  ];
  return entries.filter((entry) => mayCall(role, entry.route));
}
