import type { Registration } from '../db/registrations';
import type { Series } from '../db/series';
import type { Workshop } from '../db/workshops';
import type { ConfirmOutcome } from '../domain/registrations';
import { formatWhen } from '../mail/format';
import type { Locale } from '../schemas/registration';
import { html, type Html } from '../html';
import { page } from './layout';
import { T } from './wording';

/** The small pages the links in e-mails open, in the registrant's language. */

/** A series' or workshop's text; its Slovak, marked as such, where the English was left out. */
const textIn = (value: { sk: string; en: string }, locale: Locale) =>
  value[locale] || !value.sk ? value[locale] : html`<span lang="sk">${value.sk}</span>`;

const workshopList = (workshops: Workshop[], locale: Locale) =>
  html`<ul>
    ${workshops.map(
      (w) =>
        html`<li>
          <strong>${textIn(w.title, locale)}</strong
          ><br />${formatWhen(w.startsAt, w.endsAt, locale)}
        </li>`,
    )}
  </ul>`;

const panel = (title: string, body: Html | string, error = false) =>
  html`<h1>${title}</h1>
    <div class="panel${error ? ' panel--error' : ''}">${body}</div>`;

/**
 * The page a confirm link opens while the registration can still be confirmed: what it holds, and
 * one button. Confirming is a POST, because mail scanners open (GET) every link in a message.
 */
export function confirmFormPage(
  token: string,
  locale: Locale,
  series: Series,
  workshops: Workshop[],
) {
  const t = T[locale];
  return page(
    locale,
    t.confirmTitle,
    html`<p class="hint">${textIn(series.title, locale)}</p>
      <h1>${t.confirmTitle}</h1>
      <p>${t.confirmText}</p>
      ${workshopList(workshops, locale)}
      <form method="post" action="/api/v1/registrations/confirm">
        <input type="hidden" name="token" value="${token}" />
        <button type="submit">${t.confirmButton}</button>
      </form>`,
  );
}

export function confirmPage(
  outcome: ConfirmOutcome,
  locale: Locale,
  series: Series,
  workshops: Workshop[],
) {
  const t = T[locale];
  const heading = html`<p class="hint">${textIn(series.title, locale)}</p>`;
  switch (outcome) {
    case 'confirmed':
      return page(
        locale,
        t.confirmedTitle,
        html`${heading}${panel(
          t.confirmedTitle,
          html`<p>${t.confirmedText}</p>
            ${workshopList(workshops, locale)}`,
        )}`,
      );
    case 'already_confirmed':
      return page(
        locale,
        t.alreadyTitle,
        html`${heading}${panel(
          t.alreadyTitle,
          html`<p>${t.alreadyText}</p>
            ${workshopList(workshops, locale)}`,
        )}`,
      );
    case 'expired':
      return page(
        locale,
        t.expiredTitle,
        html`${heading}${panel(t.expiredTitle, html`<p>${t.expiredText}</p>`, true)}`,
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
      <legend>${t.chooseToCancel}</legend>
      ${held.map(
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
    <button type="submit">${t.cancelSelected}</button>
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
        html`<p>${t.cancelDoneText}</p>
          ${workshopList(released, locale)}
          <p>${t.cancelMailText}</p>`,
      )}
      ${
        remaining.length > 0
          ? html`<p>${t.stillRegistered}</p>
              ${workshopList(remaining, locale)}`
          : ''
      }`,
  );
}
