import { expect, waitUntil } from '@open-wc/testing';
import { leadOf } from './fixtures.js';
import {
  $,
  $$,
  JANA,
  cleanUp,
  fakeApi,
  fillForm,
  focused,
  renderSignup,
  submit,
  testSeries,
  textOf,
  until,
  untilLoaded,
} from './helpers.js';

afterEach(cleanUp);

/**
 * Registers Jana for two workshops (the API accepts it as pending), in a series whose join links
 * go out `leadMinutes` before (default: a day).
 */
async function registered(lang?: string, leadMinutes?: number) {
  const series = testSeries();
  if (leadMinutes) series.series.joinLinkLead = leadOf(leadMinutes);
  fakeApi({ series });
  const el = await renderSignup({ lang });
  await untilLoaded(el);
  await fillForm(el, { ...JANA, workshopIds: ['few', 'one'] });
  await submit(el);
  const heading = await until(el, '.success-title');
  await waitUntil(() => focused(el) === heading, 'focus on the success heading');
  const paragraphs = $$(el, '.success p').map(textOf);
  return { el, heading: textOf(heading), paragraphs };
}

describe('<workshop-signup> after registering, when the e-mail must still be confirmed', () => {
  it('asks in Slovak to check the e-mail, names the address, the hour-long hold and the join link', async () => {
    const { el, heading, paragraphs } = await registered();
    expect(heading).to.equal('Skontrolujte e-mail');
    expect(paragraphs).to.deep.equal([
      `Na adresu ${JANA.email} sme poslali odkaz na potvrdenie registrácie.`,
      'Kým registráciu potvrdíte, máte ju hodinu rezervovanú.',
      'Vybrané workshopy:',
      'Všetky časy sú uvedené podľa slovenského času.',
      'Po potvrdení vám odkaz na pripojenie pošleme e-mailom približne 24 hodín pred začiatkom.',
      'Ak e-mail nepríde do niekoľkých minút, pozrite sa aj do priečinka s nevyžiadanou poštou.',
    ]);
    expect($$(el, '.success-list strong').map(textOf)).to.deep.equal([
      'Posledné miesto',
      'Zopár miest',
    ]);
    expect(textOf($(el, '.success button'))).to.equal('Zaregistrovať ďalšiu osobu');
  });

  it('says the same in English', async () => {
    const { heading, paragraphs } = await registered('en');
    expect(heading).to.equal('Check your email');
    expect(paragraphs).to.deep.equal([
      `We have sent a link to confirm your registration to ${JANA.email}.`,
      'We are holding your registration for an hour while you confirm it.',
      'The workshops you chose:',
      'All times are Bratislava time.',
      'After you confirm, we will email you the link to join about 24 hours before the start.',
      'If the email does not arrive within a few minutes, check your spam folder.',
    ]);
  });

  it('says when the join link comes as the series has it, not always a day before', async () => {
    const inSlovak = await registered('sk', 120);
    expect(inSlovak.paragraphs).to.include(
      'Po potvrdení vám odkaz na pripojenie pošleme e-mailom približne 2 hodiny pred začiatkom.',
    );
    cleanUp();
    const inEnglish = await registered('en', 60);
    expect(inEnglish.paragraphs).to.include(
      'After you confirm, we will email you the link to join about an hour before the start.',
    );
  });

  it('shows the address as typed, without the spaces around it', async () => {
    fakeApi();
    const el = await renderSignup();
    await untilLoaded(el);
    await fillForm(el, { ...JANA, email: `  ${JANA.email} `, workshopIds: ['one'] });
    await submit(el);
    await until(el, '.success-title');
    expect(textOf($(el, '.success .address'))).to.equal(
      `Na adresu ${JANA.email} sme poslali odkaz na potvrdenie registrácie.`,
    );
  });
});
