import type { EmbedInfo } from '../../worker/contract/index.js';

/** What an editor chose in the configurator. */
export interface EmbedChoice {
  series: string;
  lang: 'sk' | 'en';
  theme: '' | 'idsk2';
  headingLevel: number;
  /** Empty: every workshop. */
  workshops: string[];
}

const attr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The element's attributes for a choice, in the order an editor reads them. */
export function widgetAttributes(c: EmbedChoice): [string, string][] {
  const list: [string, string][] = [
    ['series', c.series],
    ['lang', c.lang],
  ];
  if (c.theme) list.push(['theme', c.theme]);
  if (c.headingLevel !== 2) list.push(['heading-level', String(c.headingLevel)]);
  if (c.workshops.length) list.push(['workshops', c.workshops.join(' ')]);
  return list;
}

const element = (c: EmbedChoice) =>
  `<workshop-signup ${widgetAttributes(c)
    .map(([k, v]) => `${k}="${attr(v)}"`)
    .join(' ')}></workshop-signup>`;

/**
 * Asks for the series' list as the page loads, not once the script has run: the widget makes the
 * same request (URL, CORS, credentials mode), so the browser hands it this answer.
 */
const preload = (info: EmbedInfo, c: EmbedChoice) =>
  `<link rel="preload" as="fetch" crossorigin="anonymous" href="${attr(info.seriesApiUrl + encodeURIComponent(c.series))}">\n`;

/** This build for good: versioned URL, its integrity hash, and the CORS mode SRI needs. */
export const sriSnippet = (info: EmbedInfo, c: EmbedChoice) =>
  `${preload(info, c)}<script type="module" src="${attr(info.versionedScriptUrl)}" integrity="${attr(info.integrity)}" crossorigin="anonymous"></script>\n${element(c)}`;

/** Always the latest widget (updates arrive without a new snippet; no integrity hash). */
export const latestSnippet = (info: EmbedInfo, c: EmbedChoice) =>
  `${preload(info, c)}<script type="module" src="${attr(info.scriptUrl)}"></script>\n${element(c)}`;

/** The iframe page's address for a choice. */
export function iframeUrl(info: EmbedInfo, c: EmbedChoice): string {
  const query = new URLSearchParams({ lang: c.lang });
  if (c.theme) query.set('theme', c.theme);
  if (c.headingLevel !== 2) query.set('heading-level', String(c.headingLevel));
  if (c.workshops.length) query.set('workshops', c.workshops.join(','));
  return `${info.embedPageUrl}${encodeURIComponent(c.series)}?${query}`;
}

/** For CMSs that strip scripts: the iframe, and the host script that sizes it (optional). */
export const iframeSnippet = (info: EmbedInfo, c: EmbedChoice, title: string) =>
  `<iframe src="${attr(iframeUrl(info, c))}" title="${attr(title)}" style="width: 100%; height: 1200px; border: 0"></iframe>\n<script src="${attr(info.hostScriptUrl)}" async></script>`;
