import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import * as sass from 'sass';
import { freePort } from '../support/dev-stack';

/**
 * The real design systems, rendered from their own packages: each package's nunjucks macros and
 * its SCSS compiled with dart-sass, served with the package's own Source Sans Pro files from a
 * local origin (no font is fetched from the internet). The widget, when asked for, is loaded
 * beside the components from another origin, as a host page would load it.
 */

export type IdskVersion = 'idsk2' | 'idsk3';
export const IDSK_VERSIONS: readonly IdskVersion[] = ['idsk2', 'idsk3'];

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const modules = (...path: string[]) => join(ROOT, 'node_modules', ...path);

interface PackageLayout {
  /** What package.json pins under this alias. */
  npm: string;
  title: string;
  /** Nunjucks search path: `govuk/components/<name>/macro.njk` and `govuk/template.njk` live under it. */
  templates: string;
  /** The package's own entry stylesheet, with its asset paths pointed at our server. */
  scss: string;
  loadPaths: string[];
  /** Looked up in order for /<version>/assets/… (fonts, images). */
  assets: string[];
}

export const PACKAGES: Record<IdskVersion, PackageLayout> = {
  idsk2: {
    npm: '@id-sk/frontend@2.11.0',
    title: 'ID-SK 2.11',
    templates: modules('idsk2'),
    // idsk/all.scss overrides GOV.UK Frontend 3's font and colours, then imports it: the
    // stylesheet an ID-SK 2 site compiles. Its header-extended component imports Font Awesome as
    // "./node_modules/@fortawesome/…", relative to the project root, hence ROOT in loadPaths.
    scss: '$govuk-assets-path: "/idsk2/assets/";\n$idsk-assets-path: "/idsk2/assets/";\n@import "idsk/all";',
    loadPaths: [modules('idsk2'), ROOT],
    assets: [modules('idsk2/idsk/assets'), modules('idsk2/govuk/assets')],
  },
  idsk3: {
    npm: '@id-sk/frontend@3.0.0-beta.0',
    title: 'ID-SK 3.0.0-beta.0',
    templates: modules('idsk3/dist'),
    scss: '$govuk-assets-path: "/idsk3/assets/";\n@import "all";',
    loadPaths: [modules('idsk3/dist/govuk')],
    assets: [modules('idsk3/dist/govuk/assets')],
  },
};

const compiled = new Map<IdskVersion, string>();

/** The package's full stylesheet, compiled once per process (ID-SK 2 takes about 5 s). */
export function compileStyles(version: IdskVersion): string {
  let css = compiled.get(version);
  if (css === undefined) {
    const { scss, loadPaths } = PACKAGES[version];
    // Both packages predate dart-sass's module system; their deprecation warnings are not ours.
    css = sass.compileString(scss, { loadPaths, quietDeps: true, logger: sass.Logger.silent }).css;
    compiled.set(version, css);
  }
  return css;
}

export interface WidgetEmbed {
  /** Absolute URL of the built workshop-signup.js (another origin than the reference page). */
  script: string;
  series: string;
  /** The widget's theme attribute; none for the default (ID-SK 3). */
  theme?: string;
}

/** The widget theme that claims to match each design system. */
export const WIDGET_THEME: Record<IdskVersion, string | undefined> = {
  idsk2: 'idsk2',
  idsk3: undefined,
};

/**
 * One page per design system, built on the package's own `govuk/template.njk`. Every component
 * sits in an element with a `ref-…` id, which the parity table (parity-table.ts) selects by.
 * The texts are the widget's own Slovak wording, so that lengths and wrapping are alike.
 */
const PAGE = `{% extends "govuk/template.njk" %}
{% from "govuk/components/button/macro.njk" import govukButton %}
{% from "govuk/components/checkboxes/macro.njk" import govukCheckboxes %}
{% from "govuk/components/error-message/macro.njk" import govukErrorMessage %}
{% from "govuk/components/error-summary/macro.njk" import govukErrorSummary %}
{% from "govuk/components/hint/macro.njk" import govukHint %}
{% from "govuk/components/input/macro.njk" import govukInput %}
{% from "govuk/components/label/macro.njk" import govukLabel %}
{% from "govuk/components/radios/macro.njk" import govukRadios %}

{% set workshops = [
  { value: "a", text: "Chcem sa zúčastniť: Dátová stratégia obce" },
  { value: "b", text: "Chcem sa zúčastniť: Inteligentná mobilita" }
] %}
{% set organizationTypes = [
  { value: "municipality", text: "Obec / mesto / mestská časť" },
  { value: "region", text: "Samosprávny kraj (VÚC)" },
  { value: "other", text: "Iné" }
] %}

{% block pageTitle %}{{ title }}: komponenty vedľa widgetu{% endblock %}
{% block headIcons %}{% endblock %}
{% block head %}
  <link rel="stylesheet" href="/{{ version }}/idsk.css">
  {% if widget %}<script type="module" src="{{ widget.script }}"></script>{% endif %}
{% endblock %}
{% block header %}{% endblock %}
{% block footer %}{% endblock %}
{% block content %}
<div class="govuk-grid-row">
  <div class="govuk-grid-column-one-half" id="reference">
    <h1 class="govuk-heading-l">{{ title }}</h1>
    <div id="ref-body">
      <p class="govuk-body">Workshopy k Akčnému plánu inteligentných miest a regiónov sú online.
        Odkaz na pripojenie dostanete e-mailom deň vopred.</p>
    </div>
    <div id="ref-label">{{ govukLabel({ text: "Meno", for: "ref-label-input" }) }}</div>
    <div id="ref-hint">{{ govukHint({ text: "Na túto adresu vám pošleme odkaz na pripojenie." }) }}</div>
    <div id="ref-input">{{ govukInput({
      id: "ref-email", name: "email", type: "email", autocomplete: "email", spellcheck: false,
      label: { text: "E-mailová adresa" },
      hint: { text: "Na túto adresu vám pošleme odkaz na pripojenie." }
    }) }}</div>
    <div id="ref-input-error">{{ govukInput({
      id: "ref-email-error", name: "email-error", type: "email",
      label: { text: "E-mailová adresa" },
      errorMessage: { text: "Zadajte e-mailovú adresu v tvare meno@example.com.", visuallyHiddenText: "Chyba" }
    }) }}</div>
    <div id="ref-error-message">{{ govukErrorMessage({
      text: "Zadajte meno.", visuallyHiddenText: "Chyba"
    }) }}</div>
    <div id="ref-checkboxes">{{ govukCheckboxes({
      idPrefix: "ref-workshops", name: "workshops",
      fieldset: { legend: { text: "Workshopy, na ktoré sa chcete registrovať", classes: "govuk-fieldset__legend--m" } },
      hint: { text: "Môžete vybrať viac ako jeden." },
      items: workshops
    }) }}</div>
    <div id="ref-checkboxes-error">{{ govukCheckboxes({
      idPrefix: "ref-workshops-error", name: "workshops-error",
      fieldset: { legend: { text: "Workshopy, na ktoré sa chcete registrovať", classes: "govuk-fieldset__legend--m" } },
      errorMessage: { text: "Vyberte aspoň jeden workshop.", visuallyHiddenText: "Chyba" },
      items: workshops
    }) }}</div>
    <div id="ref-radios">{{ govukRadios({
      idPrefix: "ref-organization-type", name: "organizationType",
      fieldset: { legend: { text: "Typ organizácie", classes: "govuk-fieldset__legend--m" } },
      items: organizationTypes
    }) }}</div>
    <div id="ref-button">{{ govukButton({ text: "Odoslať registráciu" }) }}</div>
    <div id="ref-error-summary">{{ govukErrorSummary({
      titleText: "Vo formulári sú chyby",
      attributes: { tabindex: "-1" },
      errorList: [
        { text: "Vyberte aspoň jeden workshop.", href: "#ref-workshops-error" },
        { text: "Zadajte e-mailovú adresu v tvare meno@example.com.", href: "#ref-email-error" }
      ]
    }) }}</div>
  </div>
  {% if widget %}
  <div class="govuk-grid-column-one-half" id="widget">
    <workshop-signup series="{{ widget.series }}"{% if widget.theme %} theme="{{ widget.theme }}"{% endif %}></workshop-signup>
  </div>
  {% endif %}
</div>
{% endblock %}
`;

/** The reference page for one design system, optionally with the widget beside it. */
export function renderPage(version: IdskVersion, widget?: WidgetEmbed): string {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(PACKAGES[version].templates), {
    autoescape: true,
  });
  return env.renderString(PAGE, {
    version,
    title: PACKAGES[version].title,
    htmlLang: 'sk',
    widget,
  });
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** A file under one of `dirs`, never outside them. */
function assetFile(dirs: string[], relative: string): string | undefined {
  for (const dir of dirs) {
    const file = normalize(join(dir, relative));
    if (!file.startsWith(dir + sep)) return undefined;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

export interface ReferenceServer {
  url: string;
  /** The page for a version, e.g. `${url}/idsk2/`. */
  pageUrl(version: IdskVersion): string;
  close(): Promise<void>;
}

/**
 * Serves `/idsk2/` and `/idsk3/` (the pages), `/<version>/idsk.css` (the compiled package) and
 * `/<version>/assets/…` (the package's fonts and images) on 127.0.0.1.
 */
export async function serveReference(
  widget?: (version: IdskVersion) => WidgetEmbed,
): Promise<ReferenceServer> {
  const pages = new Map(IDSK_VERSIONS.map((v) => [v, renderPage(v, widget?.(v))]));
  const styles = new Map(IDSK_VERSIONS.map((v) => [v, compileStyles(v)]));
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const [, version, ...rest] = path.split('/') as [string, IdskVersion, ...string[]];
    const send = (type: string, body: string) => {
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (pages.has(version) && rest.join('/') === '')
      return send(TYPES['.html']!, pages.get(version)!);
    if (pages.has(version) && rest.join('/') === 'idsk.css') {
      return send(TYPES['.css']!, styles.get(version)!);
    }
    if (pages.has(version) && rest[0] === 'assets') {
      const file = assetFile(PACKAGES[version].assets, rest.slice(1).join('/'));
      if (file) {
        response.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        });
        createReadStream(file).pipe(response);
        return;
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pageUrl: (version) => `${url}/${version}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
