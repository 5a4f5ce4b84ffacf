import { describe, expect, it } from 'vitest';
import { displayNameKey, reservedNameRefusal } from './displayNames.js';

describe('display names', () => {
  it('read alike whatever invisible characters, compatibility forms, case or Cyrillic and Greek letters', () => {
    const maria = displayNameKey('Maria');
    for (const alike of ['maria', 'MARIA', 'Mar\u00adia', 'Maria\u200b', 'M\u0430ria', 'Ｍａｒｉａ', 'ΜΑRΙΑ'])
      expect(displayNameKey(alike), JSON.stringify(alike)).toBe(maria);
    // Greek capital Nu is drawn as N, its small letter as v.
    expect(displayNameKey('ΝΙΚΙ')).toBe(displayNameKey('Niki'));
    expect(displayNameKey('νiki')).toBe(displayNameKey('viki'));
  });

  it('read alike whatever blank characters no font draws though they are neither spaces nor invisible', () => {
    // U+2800 (braille blank) is drawn as nothing at all, yet it is no whitespace to trim or collapse, nor
    // default-ignorable: "Maria⠀" joined beside Maria and was listed as her.
    expect(displayNameKey('Maria\u2800')).toBe(displayNameKey('Maria'));
    expect(displayNameKey('\u2800\u2800Maria')).toBe(displayNameKey('Maria'));
    expect(displayNameKey('Ana\u2800Lopez')).toBe(displayNameKey('Ana Lopez'));
    expect(displayNameKey('Ana \u2800 Lopez')).toBe(displayNameKey('Ana Lopez'));
    expect(reservedNameRefusal('Teacher\u2800')).toMatch(/names someone else/);
  });

  it('keep names apart that read differently', () => {
    expect(displayNameKey('María')).not.toBe(displayNameKey('Maria'));
    expect(displayNameKey('Мария')).not.toBe(displayNameKey('Maria'));
    expect(displayNameKey('Ana Lopez')).not.toBe(displayNameKey('AnaLopez'));
  });

  it('reserve the labels the app gives the teacher and the server, however spelt', () => {
    for (const name of ['Teacher', 'tEACHER', 'T.eacher!', 'Τeacher', 'Conjecture'])
      expect(reservedNameRefusal(name), name).toMatch(/names someone else/);
    for (const name of ['Teacher’s Pet', 'Ms Teach', 'Ana'])
      expect(reservedNameRefusal(name), name).toBeNull();
  });
});
