import { expect } from '@open-wc/testing';
import { href, parseRoute } from '../../widget/admin/routes.js';

describe('admin routes', () => {
  it('reads every screen from the hash, and its links back', () => {
    const cases: [string, ReturnType<typeof parseRoute>][] = [
      [href.home(), { name: 'home' }],
      [href.seriesNew(), { name: 'series-new' }],
      [href.series('smart'), { name: 'series', slug: 'smart' }],
      [href.seriesEdit('smart'), { name: 'series-edit', slug: 'smart' }],
      [href.workshopNew('smart'), { name: 'workshop-new', slug: 'smart' }],
      [href.workshopEdit('smart', 'w1'), { name: 'workshop-edit', slug: 'smart', id: 'w1' }],
      [href.workshopCancel('smart', 'w1'), { name: 'workshop-cancel', slug: 'smart', id: 'w1' }],
      [
        href.workshopWaitlist('smart', 'w1'),
        { name: 'workshop-waitlist', slug: 'smart', id: 'w1' },
      ],
      [href.registrations('smart'), { name: 'registrations', slug: 'smart' }],
      [href.registrations('smart', 'w1'), { name: 'registrations', slug: 'smart', workshop: 'w1' }],
      [href.registration('smart', 'r1'), { name: 'registration', slug: 'smart', id: 'r1' }],
      [href.embed('smart'), { name: 'embed', series: 'smart' }],
      [href.audit(), { name: 'audit' }],
      [href.audit('smart'), { name: 'audit', series: 'smart' }],
      ['', { name: 'home' }],
    ];
    for (const [hash, route] of cases) expect(parseRoute(hash), hash).to.deep.equal(route);
  });

  it('refuses what no link makes, rather than guessing', () => {
    for (const hash of [
      '#/series/<script>',
      '#/series/smart/delete',
      '#/nothing',
      '#/series/smart/workshops',
      '#/series/smart/workshops/w1/erase',
      '#/audit/x',
    ]) {
      expect(parseRoute(hash).name, hash).to.equal('not-found');
    }
    // A query value that is not an id is dropped, not passed on.
    expect(parseRoute('#/embed?series=a%20b')).to.deep.equal({ name: 'embed' });
  });
});
