/**
 * Imported first, so it runs before the rest of the widget's script is evaluated: a module script
 * runs once the page is parsed, so the page's <workshop-signup> elements are there already, and
 * their lists are asked for now, while Lit, the styles and the element are still being set up
 * (the element takes the answer, or the request a snippet preloaded, when it connects).
 */
import { defaultApiBase, prefetchSeries } from './api.js';

for (const el of document.querySelectorAll('workshop-signup[series]')) {
  prefetchSeries(el.getAttribute('api') || defaultApiBase(), el.getAttribute('series')!);
}
