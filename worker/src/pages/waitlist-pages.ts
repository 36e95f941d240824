import type { Series } from '../db/series';
import type { Workshop } from '../db/workshops';
import { html } from '../html';
import { formatMoment, formatWhen } from '../mail/format';
import type { Locale } from '../schemas/registration';
import { page } from './layout';
import { T as PAGES } from './wording';

import type { OfferState } from '../domain/waitlist';

const T = {
  sk: {
    open: 'Uvoľnené miesto pre vás',
    openText: (until: string) =>
      `Miesto vám držíme do ${until}. Ak ho neprijmete, ponúkneme ho ďalšiemu v\u00a0poradí.`,
    button: 'Prijať miesto',
    accepted: 'Miesto je vaše',
    acceptedText: 'Poslali sme vám e-mail s\u00a0termínom do kalendára.',
    expired: 'Ponuka už neplatí',
    expiredText: 'Miesto sme ponúkli ďalšiemu v\u00a0poradí alebo sa workshop zmenil.',
  },
  en: {
    open: 'A seat for you',
    openText: (until: string) =>
      `We hold the seat for you until ${until}. If you do not accept it, we offer it to the next person in line.`,
    button: 'Accept the seat',
    accepted: 'The seat is yours',
    acceptedText: 'We have emailed you a calendar entry.',
    expired: 'The offer has ended',
    expiredText: 'The seat went to the next person in line, or the workshop changed.',
  },
} as const;

/**
 * The page the link in an offer opens (GET: changes nothing, mail scanners open every link) and
 * what accepting it came to (the POST of its one button).
 */
export function offerPage(
  state: OfferState,
  offer: { token: string; locale: Locale; series: Series; workshop: Workshop; until: number },
) {
  const t = T[offer.locale];
  const { workshop, locale } = offer;
  const title = state === 'open' ? t.open : state === 'accepted' ? t.accepted : t.expired;
  const text =
    state === 'open'
      ? t.openText(formatMoment(offer.until, locale))
      : state === 'accepted'
        ? t.acceptedText
        : t.expiredText;
  return page(
    locale,
    title,
    html`<p class="hint">${offer.series.title[locale] || offer.series.title.sk}</p>
      <h1>${title}</h1>
      <p>
        <strong>${workshop.title[locale] || workshop.title.sk}</strong><br />${formatWhen(
          workshop.startsAt,
          workshop.endsAt,
          locale,
        )}
      </p>
      <p>${text}</p>
      <p class="hint">${PAGES[locale].timesNote}</p>
      ${
        state === 'open'
          ? html`<form method="post" action="/api/v1/registrations/offer">
              <input type="hidden" name="token" value="${offer.token}" />
              <input type="hidden" name="workshop" value="${workshop.id}" />
              <button type="submit">${t.button}</button>
            </form>`
          : ''
      }`,
  );
}

const LINE = {
  sk: {
    title: 'Zoznam čakateľov',
    inLine: 'Ste v\u00a0zozname čakateľov na tieto workshopy:',
    place: (n: number) => `poradie: ${n}`,
    leave: 'Odísť zo zoznamu čakateľov',
    left: 'Zo zoznamu čakateľov sme vás vyradili. Miesto vám už neponúkneme.',
  },
  en: {
    title: 'Waiting list',
    inLine: 'You are on the waiting list for these workshops:',
    place: (n: number) => `place in line: ${n}`,
    leave: 'Leave the waiting list',
    left: 'We have taken you off the waiting list. You will not be offered a seat.',
  },
} as const;

/**
 * The manage page's part about places in line (issue 12): where the person stands, and one button
 * to leave every line (a POST: mail scanners open every link). `left`: what leaving came to.
 */
export function lineSection(
  token: string,
  locale: Locale,
  places: { workshop: Workshop; place: number }[],
  left = false,
  /** The leave button (on the manage page; the confirm page's token cannot leave). */
  leave = true,
) {
  const t = LINE[locale];
  if (left)
    return html`<h2>${t.title}</h2>
      <div class="panel"><p>${t.left}</p></div>`;
  if (places.length === 0) return html``;
  return html`<h2>${t.title}</h2>
    <p>${t.inLine}</p>
    <ul>
      ${places.map(
        ({ workshop, place }) =>
          html`<li>
            <strong>${workshop.title[locale] || workshop.title.sk}</strong><br />${formatWhen(
              workshop.startsAt,
              workshop.endsAt,
              locale,
            )}<br /><span class="hint">${t.place(place)}</span>
          </li>`,
      )}
    </ul>
    ${
      leave
        ? html`<form method="post" action="/api/v1/registrations/leave-waitlist">
            <input type="hidden" name="token" value="${token}" />
            <button type="submit" class="secondary">${t.leave}</button>
          </form>`
        : ''
    }`;
}

/** Adds the line section to a link page, at the end of its main content. */
export const withLineSection = (pageHtml: string, section: ReturnType<typeof lineSection>) =>
  pageHtml.replace('</main>', `${String(section)}</main>`);
