import { describe, expect, it } from 'vitest';
import { CONSOLE_LANGUAGES, consoleStrings, phrasesOf } from './console-strings.js';

describe("the support console's own words", () => {
  it.each(CONSOLE_LANGUAGES)('has every string of the %s table non-empty, and every template with words around its arguments', (lang) => {
    const entries = phrasesOf(consoleStrings(lang).strings);
    expect(entries.map((e) => e.key)).toEqual(phrasesOf(consoleStrings('en').strings).map((e) => e.key));
    expect(entries.filter((e) => e.phrases.length === 0 || e.phrases.some((p) => p === '')).map((e) => e.key)).toEqual([]);
  });

  it('speaks another language than English in its tables, except where the words are the same', () => {
    const english = new Map(phrasesOf(consoleStrings('en').strings).map((e) => [e.key, e.phrases.join(' ')]));
    for (const lang of CONSOLE_LANGUAGES.filter((l) => l !== 'en')) {
      const same = phrasesOf(consoleStrings(lang).strings).filter((e) => english.get(e.key) === e.phrases.join(' '));
      // A few words are spelt the same (Details, Dates, Conditions); most are not.
      expect(same.length, lang).toBeLessThan(5);
    }
  });

  it('picks a language by its first two letters and falls back to English', () => {
    expect(consoleStrings('de-AT').lang).toBe('de');
    expect(consoleStrings('FR').strings.decide).toBe(consoleStrings('fr').strings.decide);
    expect(consoleStrings('es')).toEqual(consoleStrings('en'));
    expect(consoleStrings('').lang).toBe('en');
  });

  it('splits a template where its arguments go', () => {
    const meta = phrasesOf(consoleStrings('en').strings).find((e) => e.key === 'meta')!;
    expect(meta.phrases).toEqual(['policy', ', as of', ', in']);
  });
});
