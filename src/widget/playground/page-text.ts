// The playground's static text in the console's language: playground.html marks each element with the
// key of its words (`data-text="heading"`) and keeps English for a browser without the script.

import type { ConsoleStrings } from './console-strings.js';

type TextKey = { [K in keyof ConsoleStrings]: ConsoleStrings[K] extends string ? K : never }[keyof ConsoleStrings];

const isTextKey = (strings: ConsoleStrings, key: string): key is TextKey => typeof strings[key as keyof ConsoleStrings] === 'string';

/** Rewrites the marked elements, the title and `<html lang>`; a key the table does not have is a mistake in the page. */
export function showPageText(strings: ConsoleStrings, lang: string): void {
  document.documentElement.lang = lang;
  document.title = strings.pageTitle;
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const key = node.dataset.text ?? '';
    if (!isTextKey(strings, key)) throw new Error(`playground.html: data-text="${key}" names none of the console's words`);
    node.textContent = strings[key];
  }
}
