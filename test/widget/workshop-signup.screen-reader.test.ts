import { expect } from '@open-wc/testing';
import {
  $,
  $$,
  announced,
  cleanUp,
  deferred,
  fakeApi,
  renderSignup,
  testSeries,
  textOf,
  untilAnnounced,
  untilLoaded,
} from './helpers.js';
import { jsonResponse } from './fixtures.js';

/**
 * What a screen reader gets that the eye gets differently: the required workshop group says it
 * is required in words (no aria-hidden asterisk), the loading state is spoken once, and only
 * optional fields are marked (GOV.UK / ID-SK 2 pattern).
 */
afterEach(cleanUp);

/** The text a screen reader reads for an element's aria-describedby. */
const description = (scope: ShadowRoot, element: Element) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => textOf(scope.getElementById(id)))
    .join(' ');

describe('<workshop-signup> for screen readers', () => {
  it('describes the workshop group as required: "Vyberte aspoň jeden workshop."', async () => {
    fakeApi();
    const el = await renderSignup();
    await untilLoaded(el);
    const group = $(el, 'fieldset');
    expect(description(el.shadowRoot!, group)).to.include('Vyberte aspoň jeden workshop.');
    expect($$(el, '[aria-hidden="true"]').map(textOf)).not.to.include('*');
    expect(textOf(el.shadowRoot!)).not.to.include('*');
  });

  it('marks only the optional fields, in both languages', async () => {
    fakeApi();
    const el = await renderSignup({ lang: 'en' });
    await untilLoaded(el);
    expect($$(el, 'label.label').map(textOf)).to.deep.equal([
      'First name',
      'Last name',
      'Email address',
      'Name of organisation',
      'Job title (optional)',
    ]);
  });

  it('speaks "Loading workshops" once: the visible line is hidden from the accessibility tree', async () => {
    const answer = deferred<Response>();
    fakeApi({ series: () => answer.promise });
    const el = await renderSignup();
    await untilAnnounced(el, 'Načítavajú sa workshopy…');
    const loading = $(el, '.loading');
    expect(textOf(loading)).to.equal('Načítavajú sa workshopy…');
    expect(loading.getAttribute('aria-hidden')).to.equal('true');
    expect(announced(el)).to.equal('Načítavajú sa workshopy…');
    answer.resolve(jsonResponse(testSeries()));
    await untilLoaded(el);
  });
});
