import { describe, expect, it } from 'vitest';
import { emptyDraft, updateItem, type BankDraft } from '@conjecture/shared';
import { memoryStorage, refusingStorage } from '../test/memoryStorage.js';
import { bankDraftKey } from '../classroom/storageKeys.js';
import { KeptBankDrafts } from './keptBankDrafts.js';

const written = (): BankDraft => ({
  ...updateItem(emptyDraft(), 0, { stem: 'Which is greater, 3/4 or 5/6?' }),
  title: 'Fractions',
});

describe('the diagnostic a teacher is writing, kept in the browser', () => {
  it('is kept per class at every change and read back after a reload', () => {
    const storage = memoryStorage();
    expect(new KeptBankDrafts(storage).keep('class-1', written())).toBe(true);
    const afterReload = new KeptBankDrafts(storage);
    expect(afterReload.read('class-1')).toEqual(written());
    expect(afterReload.read('class-2')).toBeNull();
  });

  it('is forgotten once used, and a blank draft is not kept at all', () => {
    const storage = memoryStorage();
    const drafts = new KeptBankDrafts(storage);
    drafts.keep('class-1', written());
    drafts.forget('class-1');
    expect(drafts.read('class-1')).toBeNull();
    drafts.keep('class-1', written());
    drafts.keep('class-1', emptyDraft()); // everything erased again
    expect(storage.items.has(bankDraftKey('class-1'))).toBe(false);
  });

  it('a draft kept before a question listed its skills reads back with them all, in order', () => {
    const storage = memoryStorage();
    const { skills: _skills, ...question } = written().items[0]!;
    const before = { ...written(), items: [{ ...question, skill: 'Percent', moreSkills: ['Unit rates'] }] };
    storage.setItem(bankDraftKey('class-1'), JSON.stringify(before));
    expect(new KeptBankDrafts(storage).read('class-1')?.items[0]?.skills).toEqual(['Percent', 'Unit rates']);
  });

  it('a damaged note reads as no draft; a refusing browser says it kept nothing', () => {
    const storage = memoryStorage();
    storage.setItem(bankDraftKey('class-1'), '{"title": 3');
    expect(new KeptBankDrafts(storage).read('class-1')).toBeNull();
    storage.setItem(bankDraftKey('class-1'), JSON.stringify({ title: 'x', items: 'no' }));
    expect(new KeptBankDrafts(storage).read('class-1')).toBeNull();
    const refused = new KeptBankDrafts(refusingStorage);
    expect(refused.keep('class-1', written())).toBe(false);
    expect(refused.read('class-1')).toBeNull();
    expect(() => refused.forget('class-1')).not.toThrow();
    expect(new KeptBankDrafts(null).keep('class-1', written())).toBe(false);
  });
});
