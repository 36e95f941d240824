import type { Registration } from '../db/registrations';
import type { Series } from '../db/series';
import type { Workshop } from '../db/workshops';
import type { ConfirmOutcome } from '../domain/registrations';
import { formatWhen } from '../mail/format';
import type { Locale } from '../schemas/registration';
import { html, page, type Html } from './html';

/** The small pages the links in e-mails open, in the registrant's language. */

const workshopList = (workshops: Workshop[], locale: Locale) =>
  html`<ul>
    ${workshops.map(
      (w) =>
        html`<li>
          <strong>${w.title[locale]}</strong><br />${formatWhen(w.startsAt, w.endsAt, locale)}
        </li>`,
    )}
  </ul>`;

const T = {
  sk: {
    confirmedTitle: 'Registrácia je potvrdená',
    confirmedText:
      'Ďakujeme. Potvrdenie s termínmi do kalendára sme vám poslali e-mailom. Odkaz na pripojenie vám pošleme približne 24 hodín pred začiatkom každého workshopu.',
    alreadyTitle: 'Registrácia už bola potvrdená',
    alreadyText: 'Vaša registrácia je v poriadku, nemusíte nič robiť.',
    expiredTitle: 'Platnosť odkazu vypršala',
    expiredText:
      'Registráciu sme do 24 hodín nepotvrdili, a tak sme miesto uvoľnili. Zaregistrujte sa, prosím, znova.',
    cancelledTitle: 'Registrácia bola zrušená',
    invalidTitle: 'Odkaz nie je platný',
    invalidText:
      'Odkaz je neúplný alebo už nie je platný. Skontrolujte, či ste ho z e-mailu skopírovali celý.',
    yourWorkshops: 'Vaše workshopy:',
    manageTitle: 'Vaša registrácia',
    pending: 'Registrácia zatiaľ nie je potvrdená: potvrďte ju odkazom v e-maile.',
    chooseToCancel: 'Ktoré workshopy chcete zrušiť?',
    cancelSelected: 'Zrušiť vybrané',
    cancelAll: 'Zrušiť celú registráciu',
    nothingHeld: 'Na žiadny workshop už nie ste zaregistrovaný/-á.',
    nothingChosen:
      'Nevybrali ste žiadny workshop. Vyberte aspoň jeden alebo zrušte celú registráciu.',
    cancelDoneText: 'Zrušili sme vašu registráciu na:',
    cancelMailText: 'Potvrdenie sme vám poslali e-mailom.',
    stillRegistered: 'Naďalej ste zaregistrovaný/-á na:',
    confirmTitle: 'Potvrďte registráciu',
    confirmText: 'Registráciu dokončíte tlačidlom nižšie. Registrujete sa na:',
    confirmButton: 'Potvrdiť registráciu',
  },
  en: {
    confirmedTitle: 'Registration confirmed',
    confirmedText:
      'Thank you. We have e-mailed you a confirmation with calendar entries. We will e-mail you the join link about 24 hours before each workshop starts.',
    alreadyTitle: 'Registration already confirmed',
    alreadyText: 'Your registration is in order; there is nothing more to do.',
    expiredTitle: 'This link has expired',
    expiredText:
      'The registration was not confirmed within 24 hours, so we released the seat. Please register again.',
    cancelledTitle: 'Registration cancelled',
    invalidTitle: 'This link is not valid',
    invalidText:
      'The link is incomplete or no longer valid. Check that you copied all of it from the e-mail.',
    yourWorkshops: 'Your workshops:',
    manageTitle: 'Your registration',
    pending: 'Your registration is not confirmed yet: confirm it with the link in the e-mail.',
    chooseToCancel: 'Which workshops do you want to cancel?',
    cancelSelected: 'Cancel selected',
    cancelAll: 'Cancel the whole registration',
    nothingHeld: 'You are no longer registered for any workshop.',
    nothingChosen:
      'You did not choose a workshop. Choose at least one, or cancel the whole registration.',
    cancelDoneText: 'We have cancelled your registration for:',
    cancelMailText: 'We have e-mailed you a confirmation.',
    stillRegistered: 'You are still registered for:',
    confirmTitle: 'Confirm your registration',
    confirmText: 'Finish your registration with the button below. You are registering for:',
    confirmButton: 'Confirm registration',
  },
} satisfies Record<Locale, Record<string, string>>;

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
    html`<p class="hint">${series.title[locale]}</p>
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
  const heading = html`<p class="hint">${series.title[locale]}</p>`;
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
  const heading = html`<p class="hint">${series.title[locale]}</p>
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
              ><strong>${w.title[locale]}</strong
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
    html`<p class="hint">${series.title[locale]}</p>
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
