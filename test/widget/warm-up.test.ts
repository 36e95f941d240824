/**
 * views/warm-up.ts: as the widget's script runs, before its element is defined, it prepares every
 * template the list's first render uses, and those of the person's fields that follow it, so the
 * list's answer meets them ready. Lit prepares a template by parsing its HTML into a <template>:
 * this file counts those parses before the element is defined and after.
 *
 * It imports the widget itself, after putting an element in the page, as a host page's module
 * script runs (like workshop-signup.first-paint.test.ts), so no other test has rendered before.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { demoSeriesResponse, jsonResponse, stubFetch } from './fixtures.js';

const API = 'https://api.example.test';

const parsed = { asTheScriptRuns: [] as string[], afterDefinition: [] as string[] };
let phase: keyof typeof parsed = 'asTheScriptRuns';

const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
Object.defineProperty(Element.prototype, 'innerHTML', {
  ...innerHTML,
  set(this: Element, value: string) {
    if (this instanceof HTMLTemplateElement) parsed[phase].push(String(value));
    innerHTML.set!.call(this, value);
  },
});
const define = customElements.define.bind(customElements);
customElements.define = (name, ...rest) => {
  if (name === 'workshop-signup') phase = 'afterDefinition';
  return define(name, ...rest);
};

describe('warm-up', () => {
  it('prepares the templates of the list and the form before the element is defined', async () => {
    const el = document.createElement('workshop-signup');
    el.setAttribute('series', 'warm');
    el.setAttribute('api', API);
    document.body.append(el);
    const data = demoSeriesResponse();
    const stub = stubFetch(() => jsonResponse(data));
    try {
      await import('../../widget/src/workshop-signup.js');
      // The list, then the person's fields in the frame after it.
      await waitUntil(() => el.shadowRoot?.querySelector('[name="email"]'), 'the person’s fields');
      const rows = el.shadowRoot!.querySelectorAll('[part~="workshop"]');
      expect(rows.length).to.equal(data.workshops.length);
      expect(stub.requests, 'the warm-up asks for nothing').to.have.length(1);
    } finally {
      stub.restore();
      el.remove();
    }
    expect(parsed.asTheScriptRuns.length, 'templates prepared as the script ran').to.be.above(8);
    // "Loading…" only shows when the answer takes 50 ms; it is no part of the list's render.
    const after = parsed.afterDefinition.filter((html) => !html.includes('part="loading"'));
    expect(after, 'templates prepared after the element was defined').to.deep.equal([]);
  });
});
