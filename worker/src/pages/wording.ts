import type { SeatedHow } from '../db/seats-elsewhere';
import type { Plural } from '../mail/wording';
import type { Locale } from '../schemas/registration';

/**
 * What the link pages say, per language, by the rules of mail/wording.ts: formal address, one
 * entry per plural category where a count of workshops shows, a no-break space (\u00a0) after the
 * one-letter words v, k, s, z, o, a, i, u, and "email" in English.
 */
export interface PageWording {
  confirmedTitle: string;
  /** `lead`: the series' reminder lead, "24 hodín" / "24 hours" (mail/format.ts formatLead). */
  confirmedText: Plural<(lead: string) => string>;
  alreadyTitle: string;
  alreadyText: string;
  expiredTitle: string;
  /** `hold`: how long the seats were held, "hodinu" / "an hour" (mail/format.ts formatLead). */
  expiredText: Plural<(hold: string) => string>;
  cancelledTitle: string;
  invalidTitle: string;
  invalidText: string;
  manageTitle: string;
  pending: string;
  chooseToCancel: Plural<string>;
  cancelSelected: Plural<string>;
  cancelAll: string;
  nothingHeld: string;
  nothingChosen: string;
  cancelDoneText: Plural<string>;
  cancelMailText: string;
  stillRegistered: Plural<string>;
  confirmTitle: string;
  confirmText: Plural<string>;
  confirmButton: string;
  /** `{until}` is when the hold ended. */
  lapsedText: Plural<string>;
  noSeatLeft: string;
  notKeptTitle: Plural<string>;
  lapsedFullTitle: Plural<string>;
  /** `hold`: as in `expiredText`. */
  lapsedFullText: Plural<(hold: string) => string>;
  registerAgain: string;
  /**
   * A lapsed confirm form's note on a workshop whose seat the address has through another
   * registration (or its place in line is owed right now), by how (db/seats-elsewhere.ts).
   */
  seatedNote: Record<SeatedHow, string>;
  /** A late confirmation that found the address had every seat already (`already_seated`). */
  alreadySeatedTitle: Plural<string>;
  /** Before the workshops whose seat the address has elsewhere. `lead`: as in `confirmedText`. */
  seatedText: Record<SeatedHow, Plural<(lead: string) => string>>;
  /** Said once on every page that shows times. */
  timesNote: string;
}

const same = <V = string>(one: V, other: V): Plural<V> => ({ one, few: other, other });

const sk: PageWording = {
  confirmedTitle: 'Registrácia je potvrdená',
  confirmedText: {
    one: (lead) =>
      `Ďakujeme. Potvrdenie s\u00a0termínom do kalendára sme vám poslali e-mailom. Odkaz na pripojenie vám pošleme približne ${lead} pred začiatkom workshopu.`,
    few: (lead) =>
      `Ďakujeme. Potvrdenie s\u00a0termínmi do kalendára sme vám poslali e-mailom. Odkaz na pripojenie vám pošleme približne ${lead} pred začiatkom každého workshopu.`,
    other: (lead) =>
      `Ďakujeme. Potvrdenie s\u00a0termínmi do kalendára sme vám poslali e-mailom. Odkaz na pripojenie vám pošleme približne ${lead} pred začiatkom každého workshopu.`,
  },
  alreadyTitle: 'Registrácia už bola potvrdená',
  alreadyText: 'Vaša registrácia platí. Nemusíte nič robiť.',
  expiredTitle: 'Platnosť odkazu uplynula',
  expiredText: {
    one: (hold) =>
      `Miesto sme pre vás rezervovali ${hold}. V\u00a0tom čase ste registráciu nepotvrdili, preto sme ho uvoľnili. Tento odkaz už neplatí. Zaregistrujte sa, prosím, znova.`,
    few: (hold) =>
      `Miesta sme pre vás rezervovali ${hold}. V\u00a0tom čase ste registráciu nepotvrdili, preto sme ich uvoľnili. Tento odkaz už neplatí. Zaregistrujte sa, prosím, znova.`,
    other: (hold) =>
      `Miesta sme pre vás rezervovali ${hold}. V\u00a0tom čase ste registráciu nepotvrdili, preto sme ich uvoľnili. Tento odkaz už neplatí. Zaregistrujte sa, prosím, znova.`,
  },
  cancelledTitle: 'Registrácia bola zrušená',
  invalidTitle: 'Odkaz nie je platný',
  invalidText:
    'Odkaz je neúplný alebo už nie je platný. Skontrolujte, či ste ho z\u00a0e-mailu skopírovali celý.',
  manageTitle: 'Vaša registrácia',
  pending:
    'Registrácia ešte nie je potvrdená. Potvrďte ju odkazom, ktorý sme vám poslali e-mailom.',
  chooseToCancel: {
    one: 'Označte workshop, na ktorý chcete registráciu zrušiť',
    few: 'Označte workshopy, na ktoré chcete registráciu zrušiť',
    other: 'Označte workshopy, na ktoré chcete registráciu zrušiť',
  },
  cancelSelected: {
    one: 'Zrušiť registráciu na označený workshop',
    few: 'Zrušiť registráciu na označené workshopy',
    other: 'Zrušiť registráciu na označené workshopy',
  },
  cancelAll: 'Zrušiť celú registráciu',
  nothingHeld: 'Nemáte už registráciu na žiadny workshop.',
  nothingChosen:
    'Neoznačili ste žiadny workshop. Označte aspoň jeden alebo zrušte celú registráciu.',
  cancelDoneText: {
    one: 'Zrušili sme vašu registráciu na tento workshop:',
    few: 'Zrušili sme vašu registráciu na tieto workshopy:',
    other: 'Zrušili sme vašu registráciu na tieto workshopy:',
  },
  cancelMailText: 'Potvrdenie sme vám poslali e-mailom.',
  stillRegistered: {
    one: 'Naďalej máte registráciu na tento workshop:',
    few: 'Naďalej máte registráciu na tieto workshopy:',
    other: 'Naďalej máte registráciu na tieto workshopy:',
  },
  confirmTitle: 'Potvrďte registráciu',
  confirmText: {
    one: 'Registráciu na tento workshop dokončíte tlačidlom nižšie:',
    few: 'Registráciu na tieto workshopy dokončíte tlačidlom nižšie:',
    other: 'Registráciu na tieto workshopy dokončíte tlačidlom nižšie:',
  },
  confirmButton: 'Potvrdiť registráciu',
  lapsedText: {
    one: 'Miesto sme pre vás rezervovali do {until}. Ak registráciu potvrdíte teraz, miesto dostanete, len ak je ešte voľné:',
    few: 'Miesta sme pre vás rezervovali do {until}. Ak registráciu potvrdíte teraz, dostanete tie z\u00a0nich, ktoré sú ešte voľné:',
    other:
      'Miesta sme pre vás rezervovali do {until}. Ak registráciu potvrdíte teraz, dostanete tie z\u00a0nich, ktoré sú ešte voľné:',
  },
  noSeatLeft: 'už nie je voľné miesto',
  notKeptTitle: {
    one: 'Na tento workshop pre vás už nie je voľné miesto:',
    few: 'Na tieto workshopy pre vás už nie sú voľné miesta:',
    other: 'Na tieto workshopy pre vás už nie sú voľné miesta:',
  },
  lapsedFullTitle: {
    one: 'Miesto je už obsadené',
    few: 'Miesta sú už obsadené',
    other: 'Miesta sú už obsadené',
  },
  lapsedFullText: {
    one: (hold) =>
      `Miesto sme pre vás rezervovali ${hold}. V\u00a0tom čase ste registráciu nepotvrdili a\u00a0medzitým miesto obsadil niekto iný. Zaregistrujte sa, prosím, znova, prípadne na iný termín.`,
    few: (hold) =>
      `Miesta sme pre vás rezervovali ${hold}. V\u00a0tom čase ste registráciu nepotvrdili a\u00a0medzitým ich obsadili iní. Zaregistrujte sa, prosím, znova, prípadne na iný termín.`,
    other: (hold) =>
      `Miesta sme pre vás rezervovali ${hold}. V\u00a0tom čase ste registráciu nepotvrdili a\u00a0medzitým ich obsadili iní. Zaregistrujte sa, prosím, znova, prípadne na iný termín.`,
  },
  registerAgain: 'Zaregistrovať sa znova',
  seatedNote: {
    confirmed: 'miesto tu už máte z\u00a0inej registrácie',
    offered: 'miesto tu pre vás držíme zo zoznamu čakateľov',
    unconfirmed: 'máte naň aj inú registráciu, ktorú ste ešte nepotvrdili',
  },
  alreadySeatedTitle: { one: 'Miesto už máte', few: 'Miesta už máte', other: 'Miesta už máte' },
  seatedText: {
    confirmed: {
      one: (lead) =>
        `Na tento workshop už máte miesto z\u00a0inej registrácie s\u00a0rovnakou e-mailovou adresou. Nemusíte nič robiť. Odkaz na pripojenie vám pošleme približne ${lead} pred začiatkom workshopu.`,
      few: (lead) =>
        `Na tieto workshopy už máte miesta z\u00a0inej registrácie s\u00a0rovnakou e-mailovou adresou. Nemusíte nič robiť. Odkaz na pripojenie vám pošleme približne ${lead} pred začiatkom každého workshopu.`,
      other: (lead) =>
        `Na tieto workshopy už máte miesta z\u00a0inej registrácie s\u00a0rovnakou e-mailovou adresou. Nemusíte nič robiť. Odkaz na pripojenie vám pošleme približne ${lead} pred začiatkom každého workshopu.`,
    },
    offered: {
      one: () =>
        'Miesto na tento workshop pre vás držíme zo zoznamu čakateľov, do ktorého ste sa zapísali inou registráciou. Prijmite ho, prosím, odkazom z\u00a0e-mailu s\u00a0ponukou.',
      few: () =>
        'Miesta na tieto workshopy pre vás držíme zo zoznamu čakateľov, do ktorého ste sa zapísali inou registráciou. Prijmite ich, prosím, odkazmi z\u00a0e-mailov s\u00a0ponukou.',
      other: () =>
        'Miesta na tieto workshopy pre vás držíme zo zoznamu čakateľov, do ktorého ste sa zapísali inou registráciou. Prijmite ich, prosím, odkazmi z\u00a0e-mailov s\u00a0ponukou.',
    },
    unconfirmed: {
      one: () =>
        'Na tento workshop máte aj inú registráciu, ktorú ste ešte nepotvrdili. Potvrďte ju, prosím, odkazom z\u00a0e-mailu, ktorý sme vám k\u00a0nej poslali.',
      few: () =>
        'Na tieto workshopy máte aj inú registráciu, ktorú ste ešte nepotvrdili. Potvrďte ju, prosím, odkazom z\u00a0e-mailu, ktorý sme vám k\u00a0nej poslali.',
      other: () =>
        'Na tieto workshopy máte aj inú registráciu, ktorú ste ešte nepotvrdili. Potvrďte ju, prosím, odkazom z\u00a0e-mailu, ktorý sme vám k\u00a0nej poslali.',
    },
  },
  timesNote: 'Všetky časy sú uvedené podľa slovenského času.',
};

const en: PageWording = {
  confirmedTitle: 'Registration confirmed',
  confirmedText: {
    one: (lead) =>
      `Thank you. We have emailed you a confirmation with a calendar entry. We will email you the join link about ${lead} before the workshop starts.`,
    few: (lead) =>
      `Thank you. We have emailed you a confirmation with calendar entries. We will email you the join link about ${lead} before each workshop starts.`,
    other: (lead) =>
      `Thank you. We have emailed you a confirmation with calendar entries. We will email you the join link about ${lead} before each workshop starts.`,
  },
  alreadyTitle: 'Registration already confirmed',
  alreadyText: 'Your registration is in order. You do not need to do anything.',
  expiredTitle: 'This link has expired',
  expiredText: same(
    (hold) =>
      `We held your seat for ${hold}. The registration was not confirmed in that time, so we released the seat, and this link no longer works. Please register again.`,
    (hold) =>
      `We held your seats for ${hold}. The registration was not confirmed in that time, so we released the seats, and this link no longer works. Please register again.`,
  ),
  cancelledTitle: 'Registration cancelled',
  invalidTitle: 'This link is not valid',
  invalidText:
    'The link is incomplete or no longer valid. Check that you copied all of it from the email.',
  manageTitle: 'Your registration',
  pending: 'Your registration is not confirmed yet. Confirm it with the link we emailed you.',
  chooseToCancel: same(
    'Select the workshop you want to cancel your registration for',
    'Select the workshops you want to cancel your registration for',
  ),
  cancelSelected: same(
    'Cancel registration for the selected workshop',
    'Cancel registration for the selected workshops',
  ),
  cancelAll: 'Cancel the whole registration',
  nothingHeld: 'You are no longer registered for any workshop.',
  nothingChosen:
    'You did not select a workshop. Select at least one, or cancel the whole registration.',
  cancelDoneText: same(
    'We have cancelled your registration for this workshop:',
    'We have cancelled your registration for these workshops:',
  ),
  cancelMailText: 'We have emailed you a confirmation.',
  stillRegistered: same(
    'You are still registered for this workshop:',
    'You are still registered for these workshops:',
  ),
  confirmTitle: 'Confirm your registration',
  confirmText: same(
    'Finish your registration for this workshop with the button below:',
    'Finish your registration for these workshops with the button below:',
  ),
  confirmButton: 'Confirm registration',
  lapsedText: same(
    'We held your seat until {until}. If you confirm now, you will get it only if it is still free:',
    'We held your seats until {until}. If you confirm now, you will get those that are still free:',
  ),
  noSeatLeft: 'no seat left',
  notKeptTitle: same(
    'There is no seat left for you at this workshop:',
    'There are no seats left for you at these workshops:',
  ),
  lapsedFullTitle: same('The seat has been taken', 'The seats have been taken'),
  lapsedFullText: same(
    (hold) =>
      `We held your seat for ${hold}. The registration was not confirmed in that time, and someone else has taken the seat since. Please register again, perhaps for another date.`,
    (hold) =>
      `We held your seats for ${hold}. The registration was not confirmed in that time, and others have taken the seats since. Please register again, perhaps for another date.`,
  ),
  registerAgain: 'Register again',
  seatedNote: {
    confirmed: 'you already have a seat here through another registration',
    offered: 'a seat here is held for you from the waiting list',
    unconfirmed: 'you have another registration for it that is not confirmed yet',
  },
  alreadySeatedTitle: same('You already have a seat', 'You already have seats'),
  seatedText: {
    confirmed: same(
      (lead) =>
        `You already have a seat at this workshop through another registration with the same email address. You do not need to do anything. We will email you the join link about ${lead} before the workshop starts.`,
      (lead) =>
        `You already have seats at these workshops through another registration with the same email address. You do not need to do anything. We will email you the join link about ${lead} before each workshop starts.`,
    ),
    offered: same(
      () =>
        'A seat at this workshop is held for you from the waiting list, which you joined with another registration. Please accept it with the link in the offer email.',
      () =>
        'Seats at these workshops are held for you from the waiting list, which you joined with another registration. Please accept them with the links in the offer emails.',
    ),
    unconfirmed: same(
      () =>
        'You have another registration for this workshop that is not confirmed yet. Please confirm it with the link in the email we sent you for it.',
      () =>
        'You have another registration for these workshops that is not confirmed yet. Please confirm it with the link in the email we sent you for it.',
    ),
  },
  timesNote: 'All times are Bratislava time.',
};

export const T: Record<Locale, PageWording> = { sk, en };
