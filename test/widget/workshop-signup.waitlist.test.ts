import { expect } from '@open-wc/testing';
import type { RegistrationResponse } from '../../widget/src/api.js';
import { jsonResponse } from './fixtures.js';
import {
  $,
  $$,
  JANA,
  cleanUp,
  fakeApi,
  fillForm,
  renderSignup,
  submit,
  testSeries,
  textOf,
  until,
  untilLoaded,
  workshop,
} from './helpers.js';

afterEach(cleanUp);

/** An open workshop, a full one with its waiting list open, and a full one without a list. */
const series = () =>
  testSeries([
    workshop('open', { title: { sk: 'Voľný workshop', en: 'Open workshop' }, seatsLeft: 4 }),
    workshop('line', {
      title: { sk: 'Obsadený so zoznamom', en: 'Full with a list' },
      startsAt: '2026-12-03T09:00:00Z',
      endsAt: '2026-12-03T11:00:00Z',
      seatsLeft: 0,
      waitlistOpen: true,
    }),
    workshop('shut', {
      title: { sk: 'Obsadený bez zoznamu', en: 'Full without a list' },
      startsAt: '2026-12-04T09:00:00Z',
      endsAt: '2026-12-04T11:00:00Z',
      seatsLeft: 0,
      waitlistOpen: false,
    }),
  ]);

/** The API: a seat where open, place 3 in line where asked for. */
const api = () =>
  fakeApi({
    series: series(),
    register: (body) =>
      jsonResponse(
        {
          registration: {
            id: 'r1',
            status: 'pending',
            workshopIds: body.workshopIds,
            waitlist: (body.waitlistWorkshopIds ?? []).map((workshopId) => ({
              workshopId,
              place: 3,
            })),
          },
        } satisfies RegistrationResponse,
        201,
      ),
  });

const label = (el: Parameters<typeof $>[0], id: string) => textOf($(el, `#workshop-${id}-label`));

for (const [lang, join, place] of [
  ['sk', 'Chcem sa zaradiť medzi čakateľov', 'Zoznam čakateľov, poradie 3'],
  ['en', 'Join the waiting list', 'Waiting list, place 3'],
] as const) {
  describe(`<workshop-signup> and waiting lists (${lang})`, () => {
    it('offers the waiting list of a full workshop in the same form, and none where it is off', async () => {
      api();
      const el = await renderSignup({ lang });
      await untilLoaded(el);
      expect(label(el, 'line')).to.equal(join);
      expect(label(el, 'open')).to.not.equal(join);
      expect($$(el, '#workshop-shut')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('sends the full one as a place in line and says which has a seat and which a place', async () => {
      const fake = api();
      const el = await renderSignup({ lang });
      await untilLoaded(el);
      await fillForm(el, { ...JANA, workshopIds: ['open', 'line'] });
      await submit(el);
      await until(el, '.success-title');
      const [body] = await fake.postBodies();
      expect(body!.workshopIds).to.have.members(['open', 'line']);
      expect(body!.waitlistWorkshopIds).to.deep.equal(['line']);
      const items = $$(el, '.success-list li').map(textOf);
      expect(items).to.have.length(2);
      expect(items.find((t) => t.includes(place))).to.include(
        lang === 'sk' ? 'so zoznamom' : 'with a list',
      );
      expect(items.filter((t) => t.includes(place))).to.have.length(1);
      await expect(el).to.be.accessible();
    });
  });
}
