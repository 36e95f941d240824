import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestWorker, type TestWorker } from '../support/worker';
import {
  confirmLink,
  createSeries,
  createWorkshop,
  onlyMessage,
  register,
  seriesPath,
  unique,
  uniqueEmail,
  type PublicSeries,
  type PublicWorkshop,
} from '../support/fixtures';

/**
 * English is optional for series and workshops: a Slovak-only series is stored with en "", and
 * whoever reads in English gets the Slovak text (the widget marks it lang="sk"; so do the pages).
 */
let worker: TestWorker;
before(async () => {
  worker = await startTestWorker();
});
after(() => worker.dispose());

const SERIES_TITLE = 'Séria len po slovensky';
const WORKSHOP_TITLE = 'Workshop len po slovensky';

test('an English registrant of a Slovak-only series reads the Slovak titles', async () => {
  const slug = unique('slovak');
  await createSeries(worker, slug, { title: { sk: SERIES_TITLE }, description: undefined });
  const workshop = await createWorkshop(worker, slug, {
    title: { sk: WORKSHOP_TITLE },
    description: { sk: 'Popis' },
  });
  assert.deepEqual(workshop.title, { sk: WORKSHOP_TITLE, en: '' });

  const pub = (await (await worker.fetch(seriesPath(slug))).json()) as {
    series: PublicSeries;
    workshops: PublicWorkshop[];
  };
  assert.deepEqual(pub.series.title, { sk: SERIES_TITLE, en: '' });
  assert.deepEqual(pub.workshops[0]!.description, { sk: 'Popis', en: '' });

  const id = await register(worker, slug, [workshop.id], { email: uniqueEmail(), locale: 'en' });
  const mail = await onlyMessage(worker, { registrationId: id, kind: 'confirm_request' });
  assert.equal(mail.subject, `Confirm your registration: ${SERIES_TITLE}`);
  assert.match(mail.text, new RegExp(`• ${WORKSHOP_TITLE}\\n`));
  assert.match(mail.html, new RegExp(WORKSHOP_TITLE));

  const page = await (await worker.fetch(confirmLink(mail))).text();
  assert.match(page, /<html lang="en">/);
  assert.ok(page.includes(`<span lang="sk">${SERIES_TITLE}</span>`), page);
  assert.ok(page.includes(`<span lang="sk">${WORKSHOP_TITLE}</span>`), page);
});
