import { isolated } from '@conjecture/shared';

/**
 * What the board-file import says, naming the file. A file's name is whatever its writer chose, an override
 * included ("results\u202Ercs.tldr" shows as "resultsrdlt.scr"): isolated (FSI … PDI), it reads as written
 * and cannot reorder the sentence around it.
 */
export const boardFileMessages = {
  notJson: (fileName: string) => `${isolated(fileName)} is not a board file (not JSON)`,
  notTldr: (fileName: string, issue: string | undefined) =>
    `${isolated(fileName)} is not a .tldr board file: ${issue}`,
  opened: (fileName: string, imported: number, left: number) =>
    `Opened ${imported} items from ${isolated(fileName)}${left ? `; ${left} left out (not yours to change: the task card, the teacher's cards)` : ''}.`,
};
