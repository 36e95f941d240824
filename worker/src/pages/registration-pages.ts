import type { Registration } from '../db/registrations';
import type { SeatedHow, SeatedWorkshop, SeatElsewhere } from '../db/seats-elsewhere';
import type { Series } from '../db/series';
import type { Workshop } from '../db/workshops';
import { HOLD_MS } from '../domain/holds';
import type { ConfirmOutcome } from '../domain/registrations';
import { formatLead, formatMoment, formatWhen, plural } from '../mail/format';
import { isRegistrationOpen, seatsLeft } from '../domain/workshops';
import type { Locale } from '../schemas/registration';
import { html, type Html } from '../html';
import { page } from './layout';
import { T } from './wording';

/** The small pages the links in e-mails open, in the registrant's language. */

/** A series' or workshop's text; its Slovak, marked as such, where the English was left out. */
const textIn = (value: { sk: string; en: string }, locale: Locale) =>
  value[locale] || !value.sk ? value[locale] : html`<span lang="sk">${value.sk}</span>`;

/** The workshops in start order, each with its date and time. */
const workshopList = (workshops: Workshop[], locale: Locale, note?: (w: Workshop) => string) =>
  html`<ul>
    ${[...workshops]
      .sort((a, b) => a.startsAt - b.startsAt)
      .map(
        (w) =>
          html`<li>
            <strong>${textIn(w.title, locale)}</strong
            ><br />${formatWhen(w.startsAt, w.endsAt, locale)}${note?.(w) ? html`<br /><span class="hint">${note(w)}</span>` : ''}
          </li>`,
      )}
  </ul>`;

/** Once on every page that shows times: whose times they are. */
const timesNote = (locale: Locale) => html`<p class="hint">${T[locale].timesNote}</p>`;

/** Where someone whose registration lapsed registers again: the series' own page (routes/series.ts). */
const registerAgain = (locale: Locale, series: Series) =>
  html`<p>
    <a href="/api/v1/series/${series.slug}/register?lang=${locale}">${T[locale].registerAgain}</a>
  </p>`;

const panel = (title: string, body: Html | string, error = false) =>
  html`<h1>${title}</h1>
    <div class="panel${error ? ' panel--error' : ''}">${body}</div>`;

const HOWS: SeatedHow[] = ['confirmed', 'offered', 'unconfirmed'];

/**
 * A late confirmation's workshops whose seat the address has through another registration: what
 * is true of them and what, if anything, is left to do, grouped by how. Null when there are none.
 */
function seatedPanel(locale: Locale, series: Series, seated: SeatedWorkshop[]) {
  if (seated.length === 0) return null;
  const t = T[locale];
  const lead = formatLead(series.reminders.leadMinutes, locale);
  const groups = HOWS.map((how) => ({
    how,
    workshops: seated.filter((s) => s.how === how).map((s) => s.workshop),
  })).filter((g) => g.workshops.length > 0);
  return panel(
    plural(t.alreadySeatedTitle, seated.length, locale),
    html`${groups.map(
      ({ how, workshops }) =>
        html`<p>${plural(t.seatedText[how], workshops.length, locale)(lead)}</p>
          ${workshopList(workshops, locale)}`,
    )}`,
  );
}

/**
 * The page a confirm link opens while the registration can still be confirmed: what it holds, and
 * one button. Confirming is a POST, because mail scanners open (GET) every link in a message.
 * After the hold (`lapsed`, while the link still works) it says until when the seats were held and
 * which are still free: confirming takes those.
 */
export function confirmFormPage(
  token: string,
  locale: Locale,
  series: Series,
  workshops: Workshop[],
  lapsed?: { heldUntil: number; now: number; seatedElsewhere?: SeatElsewhere[] },
) {
  const t = T[locale];
  const n = workshops.length;
  const text = lapsed
    ? plural(t.lapsedText, n, locale).replace('{until}', formatMoment(lapsed.heldUntil, locale))
    : plural(t.confirmText, n, locale);
  // The seat the address has (or is owed) through another registration is not "no seat left".
  const seated = new Map(lapsed?.seatedElsewhere?.map((s) => [s.workshopId, s.how]));
  const full = (w: Workshop) =>
    seated.has(w.id)
      ? t.seatedNote[seated.get(w.id)!]
      : lapsed && (!isRegistrationOpen(w, lapsed.now) || seatsLeft(w) === 0)
        ? t.noSeatLeft
        : '';
  return page(
    locale,
    t.confirmTitle,
    html`<p class="hint">${textIn(series.title, locale)}</p>
      <h1>${t.confirmTitle}</h1>
      <p>${text}</p>
      ${workshopList(workshops, locale, full)} ${timesNote(locale)}
      <form method="post" action="/api/v1/registrations/confirm">
        <input type="hidden" name="token" value="${token}" />
        <button type="submit">${t.confirmButton}</button>
      </form>`,
  );
}

/**
 * What confirming came to. A late confirmation that could not keep every seat lists those it
 * could not keep (`lost`); one that could keep none, and a link that no longer works, offer to
 * register again. One that left out seats the address has through another registration says
 * so (`seatedElsewhere`), and if those were all (`already_seated`) that is the whole page.
 */
export function confirmPage(
  outcome: ConfirmOutcome,
  locale: Locale,
  series: Series,
  workshops: Workshop[],
  lost: Workshop[] = [],
  /** How long the registration held its seats (`holdLength`): what the expired pages say. */
  holdMs = HOLD_MS,
  seatedElsewhere: SeatedWorkshop[] = [],
) {
  const t = T[locale];
  const seated = seatedPanel(locale, series, seatedElsewhere) ?? '';
  const hold = formatLead(Math.max(1, Math.round(holdMs / 60_000)), locale);
  const heading = html`<p class="hint">${textIn(series.title, locale)}</p>`;
  switch (outcome) {
    case 'confirmed':
      return page(
        locale,
        t.confirmedTitle,
        html`${heading}${panel(
          t.confirmedTitle,
          html`<p>
              ${plural(t.confirmedText, workshops.length, locale)(formatLead(series.reminders.leadMinutes, locale))}
            </p>
            ${workshopList(workshops, locale)}`,
        )}${
          lost.length > 0
            ? panel(
                plural(t.notKeptTitle, lost.length, locale),
                html`${workshopList(lost, locale)}${registerAgain(locale, series)}`,
                true,
              )
            : ''
        }${seated}${timesNote(locale)}`,
      );
    case 'already_seated': {
      const title = plural(t.alreadySeatedTitle, seatedElsewhere.length, locale);
      return page(locale, title, html`${heading}${seated}${timesNote(locale)}`);
    }
    case 'lapsed_full': {
      const title = plural(t.lapsedFullTitle, lost.length, locale);
      return page(
        locale,
        title,
        html`${heading}${panel(
          title,
          html`<p>${plural(t.lapsedFullText, lost.length, locale)(hold)}</p>
            ${workshopList(lost, locale)}${registerAgain(locale, series)}`,
          true,
        )}${seated}${timesNote(locale)}`,
      );
    }
    case 'already_confirmed':
      return page(
        locale,
        t.alreadyTitle,
        html`${heading}${panel(
          t.alreadyTitle,
          html`<p>${t.alreadyText}</p>
            ${workshopList(workshops, locale)}`,
        )}${timesNote(locale)}`,
      );
    case 'expired':
      return page(
        locale,
        t.expiredTitle,
        html`${heading}${panel(
          t.expiredTitle,
          html`<p>${plural(t.expiredText, workshops.length, locale)(hold)}</p>
            ${registerAgain(locale, series)}`,
          true,
        )}`,
      );
    case 'cancelled':
      return page(
        locale,
        t.cancelledTitle,
        html`${heading}${panel(t.cancelledTitle, html`<p>${t.nothingHeld}</p>`, true)}`,
      );
  }
}

/** Unknown or malformed token: we do not know the person's language, so both. */
export function invalidLinkPage() {
  return page(
    'sk',
    `${T.sk.invalidTitle} / ${T.en.invalidTitle}`,
    html`${panel(T.sk.invalidTitle, html`<p>${T.sk.invalidText}</p>`, true)}
      <div lang="en">${panel(T.en.invalidTitle, html`<p>${T.en.invalidText}</p>`, true)}</div>`,
  );
}

/**
 * The page a manage link opens: what the person holds, and a form to cancel some or all of it.
 * Cancelling is a POST, because mail scanners open (GET) every link in a message.
 */
export function managePage(
  token: string,
  registration: Registration,
  series: Series,
  held: Workshop[],
  problem?: 'nothing_chosen',
) {
  const locale = registration.locale;
  const t = T[locale];
  const heading = html`<p class="hint">${textIn(series.title, locale)}</p>
    <h1>${t.manageTitle}</h1>`;
  if (held.length === 0) {
    return page(
      locale,
      t.manageTitle,
      html`${heading}
        <div class="panel"><p>${t.nothingHeld}</p></div>`,
    );
  }
  const form = html`<form method="post" action="/api/v1/registrations/cancel">
    <input type="hidden" name="token" value="${token}" />
    ${problem ? html`<div class="panel panel--error" role="alert"><p>${t.nothingChosen}</p></div>` : ''}
    ${registration.status === 'pending' ? html`<p>${t.pending}</p>` : ''}
    <fieldset>
      <legend>${plural(t.chooseToCancel, held.length, locale)}</legend>
      ${[...held]
        .sort((a, b) => a.startsAt - b.startsAt)
        .map(
          (w) =>
            html`<div class="choice">
              <input type="checkbox" id="w-${w.id}" name="workshopId" value="${w.id}" />
              <label for="w-${w.id}"
                ><strong>${textIn(w.title, locale)}</strong
                ><br />${formatWhen(w.startsAt, w.endsAt, locale)}</label
              >
            </div>`,
        )}
    </fieldset>
    ${timesNote(locale)}
    <button type="submit">${plural(t.cancelSelected, held.length, locale)}</button>
    <button type="submit" class="secondary" name="all" value="1">${t.cancelAll}</button>
  </form>`;
  return page(locale, t.manageTitle, html`${heading}${form}`);
}

export function cancelledPage(
  locale: Locale,
  series: Series,
  released: Workshop[],
  remaining: Workshop[],
) {
  const t = T[locale];
  return page(
    locale,
    t.cancelledTitle,
    html`<p class="hint">${textIn(series.title, locale)}</p>
      ${panel(
        t.cancelledTitle,
        html`<p>${plural(t.cancelDoneText, released.length, locale)}</p>
          ${workshopList(released, locale)}
          <p>${t.cancelMailText}</p>`,
      )}
      ${
        remaining.length > 0
          ? html`<p>${plural(t.stillRegistered, remaining.length, locale)}</p>
              ${workshopList(remaining, locale)}`
          : ''
      }
      ${timesNote(locale)}`,
  );
}
