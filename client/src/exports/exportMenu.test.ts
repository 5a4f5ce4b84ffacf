import { describe, expect, it } from 'vitest';
import { CSV_TABLES, CSV_TABLE_NAMES, routeCapability, type Role } from '@conjecture/shared';
import { downloadUrl } from '../api/downloads.js';
import { exportMenu } from './exportMenu.js';

const tables = [
  'Contributions (CSV)',
  'Answers (CSV)',
  'Talk moves and question types (CSV)',
  'Participation (CSV)',
  'Reflections (CSV)',
];
const labels = (role: Role) => exportMenu('c1', role).map((e) => e.label);

describe('the Export menu', () => {
  it('offers the teacher every export and sharing with a coach', () => {
    expect(labels('teacher')).toEqual([
      'Evidence pack (PDF)',
      'Evidence pack (ZIP of CSV and JSON)',
      'Discussion slides (PDF)',
      'All group boards (PDF)',
      'All class data (JSON)',
      ...tables,
      'Share with a coach…',
    ]);
  });

  it('offers a coach the evidence, without the class data or sharing (only the teacher may)', () => {
    expect(labels('coach')).toEqual([
      'Evidence pack (PDF)',
      'Evidence pack (ZIP of CSV and JSON)',
      'Discussion slides (PDF)',
      'All group boards (PDF)',
      ...tables,
    ]);
  });

  it('downloads each file from the route that decides who may have it', () => {
    for (const entry of exportMenu('c1', 'teacher'))
      if (entry.kind === 'download' && entry.route !== 'exportCsv')
        expect(entry.url).toBe(downloadUrl(entry.route, { classId: 'c1' }));
    const answers = exportMenu('c1', 'teacher').find((e) => e.label === 'Answers (CSV)');
    expect(answers).toMatchObject({
      route: 'exportCsv',
      url: downloadUrl('exportCsv', { classId: 'c1', csvTable: 'answers' }),
    });
  });

  // The menu listed file names ("Table: contributions.csv"): the teacher reads what is in it first; the file
  // keeps its name where it is needed, once downloaded.
  it("names each table in plain words, and downloads it under the table's file name", () => {
    const csv = exportMenu('c1', 'teacher').filter((e) => e.kind === 'download' && e.route === 'exportCsv');
    expect(csv.map((e) => e.kind === 'download' && e.fallbackFileName)).toEqual(
      CSV_TABLE_NAMES.map((name) => CSV_TABLES[name].file),
    );
  });

  it('shows sharing to whoever may also read and turn off the link it makes', () => {
    const share = exportMenu('c1', 'teacher').find((e) => e.kind === 'shareWithCoach');
    expect(share).toBeDefined();
    for (const route of ['coachLink', 'revokeCoachLink'] as const)
      expect(routeCapability(route)).toBe(routeCapability(share!.route));
  });
});
