import { expect, waitUntil } from '@open-wc/testing';
import { iframeSnippet, iframeUrl, sriSnippet } from '../../widget/admin/embed-snippets.js';
import { embedInfo, renderApp, screen, until } from './fixtures.js';
import { useFakeAdminApi } from './harness.js';

const fakeAdminApi = useFakeAdminApi();

const choice = {
  series: 'smart',
  lang: 'en' as const,
  theme: 'idsk2' as const,
  headingLevel: 3,
  workshops: ['w1', 'w2'],
};

describe('embed snippets', () => {
  it('pins the versioned script with its integrity hash and crossorigin', () => {
    const snippet = sriSnippet(embedInfo, choice);
    expect(snippet).to.equal(
      // The list's request, started with the page: the URL and mode the widget asks with.
      '<link rel="preload" as="fetch" crossorigin="anonymous" href="https://admin.example.test/api/v1/series/smart">\n' +
        `<script type="module" src="${embedInfo.versionedScriptUrl}" integrity="${embedInfo.integrity}" crossorigin="anonymous"></script>\n` +
        '<workshop-signup series="smart" lang="en" theme="idsk2" heading-level="3" workshops="w1 w2"></workshop-signup>',
    );
  });

  it('gives the iframe page the same choices as query parameters, with the host listener', () => {
    expect(iframeUrl(embedInfo, choice)).to.equal(
      'https://admin.example.test/embed/smart?lang=en&theme=idsk2&heading-level=3&workshops=w1%2Cw2',
    );
    const snippet = iframeSnippet(
      embedInfo,
      { ...choice, theme: '', headingLevel: 2, workshops: [] },
      'Registrácia',
    );
    expect(snippet).to.include('src="https://admin.example.test/embed/smart?lang=en"');
    expect(snippet).to.include('title="Registrácia"');
    expect(snippet).to.include(`<script src="${embedInfo.hostScriptUrl}" async></script>`);
  });
});

describe('embed configurator', () => {
  it('updates the snippets as choices change, and says “Copied” in a live region', async () => {
    fakeAdminApi();
    const written: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });
    try {
      const app = await renderApp('#/embed?series=smart', 'en');
      await until(app, '#snippet-sri');
      // The workshops to choose come with the series' detail, which may answer after the snippet.
      await until(app, '#w-w1');
      const root = screen(app).shadowRoot;
      expect(root.querySelector('#snippet-sri')!.textContent).to.include(
        'series="smart" lang="sk"',
      );
      (root.querySelector('#lang-en') as HTMLInputElement).click();
      (root.querySelector('#w-w1') as HTMLInputElement).click();
      await waitUntil(() =>
        root.querySelector('#snippet-sri')!.textContent!.includes('workshops="w1"'),
      );
      expect(root.querySelector('#snippet-sri')!.textContent).to.include('lang="en"');
      expect(root.querySelector('#snippet-iframe')!.textContent).to.include('workshops=w1');
      // The cancelled workshop cannot be chosen.
      expect(root.querySelector('#w-w2')).to.equal(null);
      const copy = [...root.querySelectorAll('button')].find((b) =>
        b.textContent!.includes('Copy the code'),
      )!;
      copy.click();
      await waitUntil(() => root.querySelector('[role="status"]')!.textContent!.includes('Copied'));
      expect(written[0]).to.equal(root.querySelector('#snippet-sri')!.textContent);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });
});
