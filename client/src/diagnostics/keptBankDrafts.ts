import { BankDraftSchema, isBlankDraft, type BankDraft } from '@conjecture/shared';
import { localStorageOrNull, type KeyValueStorage } from '../classroom/keyValueStorage.js';
import { bankDraftKey } from '../classroom/storageKeys.js';

/**
 * The diagnostic a teacher is writing, kept in this browser per class at every change: an hour of writing
 * survives a reload or a closed tab. A blank draft is not kept, and a used one is forgotten. The server is
 * not involved: nothing of a draft reaches students until the teacher uses it.
 */
export class KeptBankDrafts {
  constructor(private readonly storage: KeyValueStorage | null = localStorageOrNull()) {}

  /** The kept draft, or null when there is none or it is damaged (an older shape, a hand edit). */
  read(classId: string): BankDraft | null {
    try {
      const parsed = BankDraftSchema.safeParse(
        JSON.parse(this.storage?.getItem(bankDraftKey(classId)) ?? 'null'),
      );
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** False when the browser refused (storage full or disabled): the form says the draft is not kept. */
  keep(classId: string, draft: BankDraft): boolean {
    if (!this.storage) return false;
    try {
      if (isBlankDraft(draft)) this.storage.removeItem(bankDraftKey(classId));
      else this.storage.setItem(bankDraftKey(classId), JSON.stringify(draft));
      return true;
    } catch {
      return false;
    }
  }

  forget(classId: string): void {
    try {
      this.storage?.removeItem(bankDraftKey(classId));
    } catch {
      // nothing kept to forget
    }
  }
}

export const keptBankDrafts = new KeptBankDrafts();
