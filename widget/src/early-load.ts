/**
 * Imported first, so it runs before the rest of the widget's script is evaluated: a module script
 * runs once the page is parsed, so the page's <workshop-signup> elements are there already, and
 * their lists are asked for now, while Lit, the styles and the element are still being set up
 * (the element takes the answer, or the request a snippet preloaded, when it connects).
 *
 * Then, while those requests are out, it does the slow first-time work the list's first render
 * would otherwise do after the answer is in: the first plural rules load the language's locale
 * data (the API formats the dates), the first touch of sessionStorage (the tab's draft) opens
 * it, each style sheet is parsed, and the widget's fonts are looked up (on a page that does not use them, finding 'Source Sans
 * Pro' missing and falling back to Arial made the list's first layout wait). Each is done once
 * per page and kept, so the element finds them ready.
 */
import { defaultApiBase, prefetchSeries } from './api.js';
import { pluralCategory } from './format.js';
import { inheritedLang, toLocale } from './localization.js';
import { DEFAULT_FONT, styles } from './workshop-signup.styles.js';

const elements = document.querySelectorAll('workshop-signup[series]');
for (const el of elements) {
  prefetchSeries(el.getAttribute('api') || defaultApiBase(), el.getAttribute('series')!);
}
for (const el of elements)
  pluralCategory(0, toLocale(el.getAttribute('lang') || inheritedLang(el)));
try {
  void sessionStorage.length;
} catch {
  // No storage here (a sandboxed frame, a privacy mode): the widget keeps no draft.
}
for (const sheet of styles) void sheet.styleSheet;
const text = document.createElement('canvas').getContext('2d');
for (const weight of [400, 700]) {
  if (text) text.font = `${weight} 16px ${DEFAULT_FONT}`;
  text?.measureText('Workshop');
}
