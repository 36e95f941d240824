import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { WorkshopSignup } from '../../widget/src/workshop-signup.js';
import { DEFAULT_FONT } from '../../widget/src/workshop-signup.styles.js';
import {
  $,
  $$,
  API,
  JANA,
  SLUG,
  cleanUp,
  nodeName,
  deferred,
  fakeApi,
  fillForm,
  renderSignup,
  root,
  submit,
  submitButton,
  testSeries,
  until,
  untilLoaded,
  useFetch,
  workshop,
} from './helpers.js';

afterEach(cleanUp);

const style = (node: Element) => getComputedStyle(node);

async function loadedIn(template: ReturnType<typeof html>): Promise<WorkshopSignup> {
  fakeApi();
  const wrapper = await fixture<HTMLElement>(template);
  const el = wrapper.matches('workshop-signup')
    ? (wrapper as WorkshopSignup)
    : wrapper.querySelector('workshop-signup')!;
  await untilLoaded(el);
  return el;
}

describe('<workshop-signup> themes and custom properties', () => {
  const expectIdsk3 = (el: WorkshopSignup) => {
    const button = style(submitButton(el));
    expect(button.backgroundColor).to.equal('rgb(18, 109, 255)');
    expect(button.borderRadius).to.equal('5px');
    expect(style($(el, 'input[name="givenName"]')).minHeight).to.equal('48px');
    expect(style($(el, '.root')).color).to.equal('rgb(0, 0, 0)');
  };

  it('looks like ID-SK 3 with theme="idsk3": blue button, rounded corners, 48 px inputs', async () => {
    expectIdsk3(
      await loadedIn(
        html`<workshop-signup series=${SLUG} api=${API} theme="idsk3"></workshop-signup>`,
      ),
    );
  });

  it('looks like ID-SK 3 by default on an ID-SK 3 page (GOV.UK Frontend 5 marks its body)', async () => {
    document.body.classList.add('govuk-frontend-supported');
    try {
      expectIdsk3(
        await loadedIn(html`<workshop-signup series=${SLUG} api=${API}></workshop-signup>`),
      );
    } finally {
      document.body.classList.remove('govuk-frontend-supported');
    }
  });

  it('looks like ID-SK 2 by default on any other page, as most town-hall sites run it', async () => {
    const el = await loadedIn(html`<workshop-signup series=${SLUG} api=${API}></workshop-signup>`);
    expect(style(submitButton(el)).backgroundColor).to.equal('rgb(0, 112, 60)');
    expect(style($(el, 'input[name="givenName"]')).minHeight).to.equal('40px');
  });

  it('looks like ID-SK 2 with theme="idsk2": green button, square corners, 40 px inputs', async () => {
    const el = await loadedIn(
      html`<workshop-signup series=${SLUG} api=${API} theme="idsk2"></workshop-signup>`,
    );
    const button = style(submitButton(el));
    expect(button.backgroundColor).to.equal('rgb(0, 112, 60)');
    expect(button.borderRadius).to.equal('0px');
    expect(style($(el, 'input[name="givenName"]')).minHeight).to.equal('40px');
    expect(style($(el, '.root')).color).to.equal('rgb(11, 12, 12)');
    expect(style($(el, '.privacy a')).color).to.equal('rgb(0, 101, 179)');
  });

  it('lets the host override each theme through --workshop-signup-* properties', async () => {
    for (const theme of ['', 'idsk2']) {
      const el = await loadedIn(
        html`<workshop-signup series=${SLUG} api=${API} theme=${theme}></workshop-signup>`,
      );
      el.style.setProperty('--workshop-signup-color-button', 'rgb(1, 2, 3)');
      el.style.setProperty('--workshop-signup-radius', '7px');
      el.style.setProperty('--workshop-signup-space', '10px');
      el.style.setProperty('--workshop-signup-color-text', 'rgb(4, 5, 6)');
      expect(style(submitButton(el)).backgroundColor, theme).to.equal('rgb(1, 2, 3)');
      expect(style(submitButton(el)).borderRadius, theme).to.equal('7px');
      // Every gap is a multiple of the spacing unit: a field's bottom margin is six of them.
      expect(style($(el, '.field')).marginBottom, theme).to.equal('60px');
      expect(style($(el, '.root')).color, theme).to.equal('rgb(4, 5, 6)');
    }
  });

  it("uses ID-SK's font stack (ID-SK pages set none to inherit), or the host's property", async () => {
    const el = await loadedIn(
      html`<div style="font-family: 'Courier New', monospace">
        <workshop-signup series=${SLUG} api=${API}></workshop-signup>
      </div>`,
    );
    for (const node of [$(el, '.title'), $(el, 'input[name="email"]'), submitButton(el)]) {
      expect(style(node).fontFamily).to.equal('"Source Sans Pro", Arial, sans-serif');
    }
    // The stack the script looks up while the list is being fetched (early-load.ts) is this one.
    const probe = document.createElement('span');
    probe.style.fontFamily = DEFAULT_FONT;
    expect(probe.style.fontFamily).to.equal(style($(el, '.title')).fontFamily);
    el.style.setProperty('--workshop-signup-font-family', "'Courier New', monospace");
    for (const node of [$(el, '.title'), $(el, 'input[name="email"]'), submitButton(el)]) {
      expect(style(node).fontFamily).to.equal('"Courier New", monospace');
    }
  });

  it("follows ID-SK's type scale: 16 px text on phones, 19 px from 641 px", async () => {
    const el = await loadedIn(html`<workshop-signup series=${SLUG} api=${API}></workshop-signup>`);
    await setViewport({ width: 375, height: 640 });
    expect(style($(el, 'label[for="email"]')).fontSize).to.equal('16px');
    await setViewport({ width: 1280, height: 800 });
    expect(style($(el, 'label[for="email"]')).fontSize).to.equal('19px');
    await setViewport({ width: 800, height: 600 });
  });

  it('exposes parts to the host page', async () => {
    const el = await loadedIn(
      html`<div>
        <style>
          .styled::part(submit) {
            background: rgb(9, 8, 7);
          }
          .styled::part(workshop) {
            border-color: rgb(7, 8, 9);
          }
        </style>
        <workshop-signup class="styled" series=${SLUG} api=${API}></workshop-signup>
      </div>`,
    );
    expect(style(submitButton(el)).backgroundColor).to.equal('rgb(9, 8, 7)');
    expect(style($(el, '.workshop')).borderTopColor).to.equal('rgb(7, 8, 9)');
  });
});

/** The properties a page's CSS could reach the widget's text with, read from its controls. */
function textStyles(el: WorkshopSignup) {
  const pick = (node: Element) => {
    const s = style(node);
    return {
      fontSize: s.fontSize,
      lineHeight: s.lineHeight,
      letterSpacing: s.letterSpacing,
      wordSpacing: s.wordSpacing,
      textTransform: s.textTransform,
      textIndent: s.textIndent,
      textAlign: s.textAlign,
      whiteSpace: s.whiteSpace,
      fontStyle: s.fontStyle,
      color: s.color,
      visibility: s.visibility,
      rendered: node.getBoundingClientRect().height > 0,
    };
  };
  return ['.title', 'label[for="email"]', 'input[name="email"]', '.hint', 'button[type="submit"]']
    .map((selector) => [selector, pick($(el, selector))] as const)
    .map(([selector, value]) => ({ selector, ...value }));
}

describe('<workshop-signup> on a page with aggressive global CSS', () => {
  it('keeps its own text styles, font and layout', async () => {
    const plain = await loadedIn(
      html`<workshop-signup series=${SLUG} api=${API}></workshop-signup>`,
    );
    const expected = textStyles(plain);
    plain.remove();

    // The demo page's hostile stylesheet (demo/aggressive-css.html), applied to this document.
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/demo/aggressive.css';
    const loaded = new Promise((resolve) => (link.onload = resolve));
    document.head.append(link);
    await loaded;
    try {
      expect(style(document.body).textTransform, 'the stylesheet is in force').to.equal(
        'uppercase',
      );
      const el = await loadedIn(
        html`<workshop-signup series=${SLUG} api=${API}></workshop-signup>`,
      );
      expect(style(el).display).to.equal('block');
      expect(textStyles(el)).to.deep.equal(expected);
      expect(style($(el, 'input[name="email"]')).minHeight).to.equal('40px');
      expect(style($(el, '.root')).fontFamily).to.equal('"Source Sans Pro", Arial, sans-serif');
    } finally {
      link.remove();
    }
  });
});

/** Every element or text of the widget that sticks out to the right of `box` (1 px of rounding). */
function overflowing(el: WorkshopSignup, box: DOMRect): string[] {
  const outside = (rect: DOMRect) => rect.width > 0 && rect.right > box.right + 1;
  const elements = $$(el, '*')
    .filter((node) => !node.closest('.visually-hidden'))
    .filter((node) => outside(node.getBoundingClientRect()))
    .map((node) => `<${node.tagName.toLowerCase()} class="${node.className}">`);
  // Text can overflow a box that itself fits: measure the text too.
  const texts: string[] = [];
  const walker = document.createTreeWalker(root(el), NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (text.parentElement?.closest('.visually-hidden')) continue;
    const range = document.createRange();
    range.selectNodeContents(text);
    if (outside(range.getBoundingClientRect())) texts.push(text.textContent!.trim());
  }
  return [...elements, ...texts];
}

describe('<workshop-signup> reflow', () => {
  const longTitle = 'Interoperabilita­informačných­systémov­verejnej­správy a otvorené dáta';
  const series = () =>
    testSeries([workshop('long', { title: { sk: longTitle, en: longTitle } }), workshop('short')]);

  afterEach(async () => {
    document.body.style.margin = '';
    await setViewport({ width: 800, height: 600 });
  });

  it('fits a 320 CSS px screen without horizontal scrolling, also with a very long address', async () => {
    await setViewport({ width: 320, height: 640 });
    document.body.style.margin = '0';
    fakeApi({ series: series() });
    const wrapper = await fixture<HTMLElement>(
      html`<div style="width: 320px">
        <workshop-signup series=${SLUG} api=${API}></workshop-signup>
      </div>`,
    );
    const el = wrapper.querySelector('workshop-signup')!;
    await untilLoaded(el);
    const box = wrapper.getBoundingClientRect();
    expect(overflowing(el, box), 'form').to.deep.equal([]);
    expect(document.documentElement.scrollWidth, 'page scroll width').to.be.at.most(320);
    // Narrow: the button takes the whole width, as ID-SK does on phones.
    expect(Math.round(submitButton(el).getBoundingClientRect().width)).to.equal(320);

    await submit(el);
    await until(el, '.error-summary');
    expect(overflowing(el, box), 'errors').to.deep.equal([]);

    const email =
      'jana.novakova.z.oddelenia.strategickeho.rozvoja.a.inovacii' +
      '@ministerstvo-investicii-regionalneho-rozvoja-a-informatizacie.example.gov.sk';
    await fillForm(el, { ...JANA, email, workshopIds: ['short'] });
    await submit(el);
    await until(el, '.success-title');
    expect(overflowing(el, box), 'success').to.deep.equal([]);
  });

  it('fits when text is twice as large (200 % zoom of text in a 640 px column)', async () => {
    fakeApi({ series: series() });
    const wrapper = await fixture<HTMLElement>(
      html`<div style="width: 640px">
        <workshop-signup series=${SLUG} api=${API}></workshop-signup>
      </div>`,
    );
    const el = wrapper.querySelector('workshop-signup')!;
    el.style.setProperty('--workshop-signup-font-size', '32px');
    await untilLoaded(el);
    expect(style($(el, 'label[for="email"]')).fontSize).to.equal('32px');
    expect(overflowing(el, wrapper.getBoundingClientRect())).to.deep.equal([]);
    // Inputs grow with their text instead of clipping it.
    expect($(el, 'input[name="email"]').getBoundingClientRect().height).to.be.greaterThan(48);
  });
});

describe('<workshop-signup> and the reader’s settings', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    await executeServerCommand('emulate-media-features', []);
  });

  async function loading() {
    useFetch(() => deferred<Response>().promise);
    const el = await renderSignup();
    return until(el, '.spinner');
  }

  it('spins the loading indicator, except with prefers-reduced-motion', async () => {
    expect(style(await loading()).animationName).to.equal('spin');
    cleanUp();
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(style(await loading()).animationName).to.equal('none');
  });

  it('gives buttons a visible border in forced-colors mode', async () => {
    const el = await loadedIn(html`<workshop-signup series=${SLUG} api=${API}></workshop-signup>`);
    const transparent = 'rgba(0, 0, 0, 0)';
    expect(style(submitButton(el)).borderTopColor).to.equal(transparent);
    await executeServerCommand('emulate-media-features', [
      { name: 'forced-colors', value: 'active' },
    ]);
    expect(matchMedia('(forced-colors: active)').matches, 'emulated').to.equal(true);
    const button = style(submitButton(el));
    expect(button.borderTopStyle).to.equal('solid');
    expect(button.borderTopWidth).to.equal('2px');
    expect(button.borderTopColor).to.not.equal(transparent);
  });

  it('shows the sending button as disabled in forced-colors mode', async () => {
    fakeApi({ register: () => deferred<Response>().promise });
    const el = await renderSignup();
    await untilLoaded(el);
    await fillForm(el, { ...JANA, workshopIds: ['one'] });
    await submit(el);
    await executeServerCommand('emulate-media-features', [
      { name: 'forced-colors', value: 'active' },
    ]);
    const sending = style(submitButton(el));
    const grayText = (() => {
      const probe = document.createElement('span');
      probe.style.color = 'GrayText';
      document.body.append(probe);
      const color = style(probe).color;
      probe.remove();
      return color;
    })();
    expect(sending.color).to.equal(grayText);
    expect(nodeName(root(el).querySelector('[aria-disabled="true"]'))).to.equal(
      nodeName(submitButton(el)),
    );
  });
});
