import type { Locale } from '../schemas/registration';

/**
 * What the e-mails say, per language: the link pages' dictionary (pages/wording.ts) for mail.
 * A phrase that names something is a function of it, so each language orders its own words.
 * `list` is the workshops, one "• title\n  when" entry per line, in start order.
 *
 * Language rules (README, "Language"): formal address; "registrácia"/"registrovať sa" for the act
 * (never "prihlásiť sa"); a phrase about several workshops has one entry per plural category
 * (Slovak one = 1, few = 2–4, other = 0 and 5+; English repeats "other" in "few"); a no-break
 * space (\u00a0) after the one-letter words v, k, s, z, o, a, i, u; English writes "email".
 */
export type Plural<T> = { one: T; few: T; other: T };

const same = <T>(one: T, other: T): Plural<T> => ({ one, few: other, other });

export interface MailWording {
  greeting: string;
  manageLink: string;
  /** Said once in every message, since every message shows times. */
  timesNote: string;
  signOff: (organizer: string) => string;
  confirmRequest: {
    subject: (series: string) => string;
    thanks: Plural<(series: string, list: string) => string>;
    confirmLink: Plural<(holdUntil: string) => string>;
    /** After the hold, the link still works until then, for the seats still free. */
    lateConfirm: Plural<(linkUntil: string) => string>;
    notYou: string;
  };
  confirmed: {
    subject: (series: string) => string;
    seeYou: Plural<(list: string) => string>;
    /** `lead`: the series' reminder lead, "24 hodín" / "24 hours" (format.ts formatLead). */
    next: Plural<(lead: string) => string>;
  };
  alreadyRegistered: {
    subject: (series: string) => string;
    again: Plural<(list: string) => string>;
    nothingToDo: string;
  };
  cancelled: {
    subject: (series: string) => string;
    cancelledFor: Plural<(list: string) => string>;
    changedMind: Plural<string>;
  };
  reminder: {
    subject: (workshop: string, moment: string) => string;
    /** `within`: "necelých 24 hodín" / "less than 24 hours" (format.ts formatWithin). */
    startsSoon: (workshop: string, when: string, within: string) => string;
    /** The link sent again by hand once the workshop has begun. */
    started: (workshop: string, when: string) => string;
    joinWith: string;
    doNotForward: string;
  };
  workshopChanged: {
    subject: (workshop: string) => string;
    changed: (workshop: string, when: string) => string;
    joinLinkNow: string;
    joinLinkLater: (lead: string) => string;
  };
  workshopCancelled: {
    subject: (workshop: string) => string;
    notTakingPlace: (workshop: string, when: string) => string;
  };
  /** The description of a workshop's calendar file. */
  calendar: {
    joinLink: (url: string) => string;
    joinLinkLater: (lead: string) => string;
    registrationCancelled: string;
    workshopCancelled: string;
    manage: (url: string) => string;
  };
}

const sk: MailWording = {
  greeting: 'Dobrý deň,',
  manageLink: 'Registráciu si môžete pozrieť alebo zrušiť na tejto stránke:',
  timesNote: 'Všetky časy sú uvedené podľa slovenského času.',
  signOff: (organizer) => `S\u00a0pozdravom\n${organizer}`,
  confirmRequest: {
    subject: (series) => `Potvrďte registráciu: ${series}`,
    thanks: {
      one: (series, list) => `ďakujeme za registráciu na workshop zo série „${series}“:\n${list}`,
      few: (series, list) => `ďakujeme za registráciu na workshopy zo série „${series}“:\n${list}`,
      other: (series, list) =>
        `ďakujeme za registráciu na workshopy zo série „${series}“:\n${list}`,
    },
    confirmLink: {
      one: (until) =>
        `Registráciu dokončíte potvrdením na stránke, ktorú otvorí tento odkaz. Miesto na workshope máte rezervované do ${until}.`,
      few: (until) =>
        `Registráciu dokončíte potvrdením na stránke, ktorú otvorí tento odkaz. Miesta na workshopoch máte rezervované do ${until}.`,
      other: (until) =>
        `Registráciu dokončíte potvrdením na stránke, ktorú otvorí tento odkaz. Miesta na workshopoch máte rezervované do ${until}.`,
    },
    lateConfirm: {
      one: (until) =>
        `Ak registráciu potvrdíte neskôr (odkaz platí do ${until}), miesto dostanete, len ak bude ešte voľné.`,
      few: (until) =>
        `Ak registráciu potvrdíte neskôr (odkaz platí do ${until}), dostanete len tie miesta, ktoré budú ešte voľné.`,
      other: (until) =>
        `Ak registráciu potvrdíte neskôr (odkaz platí do ${until}), dostanete len tie miesta, ktoré budú ešte voľné.`,
    },
    notYou:
      'Ak ste sa neregistrovali vy, tento e-mail nemusíte brať do úvahy. Nepotvrdená registrácia sama zanikne.',
  },
  confirmed: {
    subject: (series) => `Registrácia je potvrdená: ${series}`,
    seeYou: {
      one: (list) => `vašu registráciu sme potvrdili. Tešíme sa na vás na workshope:\n${list}`,
      few: (list) => `vašu registráciu sme potvrdili. Tešíme sa na vás na workshopoch:\n${list}`,
      other: (list) => `vašu registráciu sme potvrdili. Tešíme sa na vás na workshopoch:\n${list}`,
    },
    next: {
      one: (lead) =>
        `Odkaz na pripojenie vám pošleme e-mailom približne ${lead} pred začiatkom workshopu (ak sa začína skôr, tak hneď). V\u00a0prílohe nájdete termín do kalendára.`,
      few: (lead) =>
        `Odkaz na pripojenie vám pošleme e-mailom približne ${lead} pred začiatkom každého workshopu (ak sa niektorý začína skôr, tak hneď). V\u00a0prílohe nájdete termíny do kalendára.`,
      other: (lead) =>
        `Odkaz na pripojenie vám pošleme e-mailom približne ${lead} pred začiatkom každého workshopu (ak sa niektorý začína skôr, tak hneď). V\u00a0prílohe nájdete termíny do kalendára.`,
    },
  },
  alreadyRegistered: {
    subject: (series) => `Vaša registrácia už platí: ${series}`,
    again: {
      one: (list) =>
        `niekto (pravdepodobne vy) sa znova zaregistroval s\u00a0touto adresou. Na tento workshop už máte platnú registráciu a\u00a0miesto máte zaistené:\n${list}`,
      few: (list) =>
        `niekto (pravdepodobne vy) sa znova zaregistroval s\u00a0touto adresou. Na tieto workshopy už máte platnú registráciu a\u00a0miesta máte zaistené:\n${list}`,
      other: (list) =>
        `niekto (pravdepodobne vy) sa znova zaregistroval s\u00a0touto adresou. Na tieto workshopy už máte platnú registráciu a\u00a0miesta máte zaistené:\n${list}`,
    },
    nothingToDo: 'Nemusíte nič robiť.',
  },
  cancelled: {
    subject: (series) => `Registrácia je zrušená: ${series}`,
    cancelledFor: {
      one: (list) => `vašu registráciu na tento workshop sme zrušili:\n${list}`,
      few: (list) => `vašu registráciu na tieto workshopy sme zrušili:\n${list}`,
      other: (list) => `vašu registráciu na tieto workshopy sme zrušili:\n${list}`,
    },
    changedMind: {
      one: 'Ak ste o\u00a0zrušenie nepožiadali vy alebo ste si to rozmysleli, zaregistrujte sa znova, kým je na workshope voľné miesto.',
      few: 'Ak ste o\u00a0zrušenie nepožiadali vy alebo ste si to rozmysleli, zaregistrujte sa znova, kým sú na workshopoch voľné miesta.',
      other:
        'Ak ste o\u00a0zrušenie nepožiadali vy alebo ste si to rozmysleli, zaregistrujte sa znova, kým sú na workshopoch voľné miesta.',
    },
  },
  reminder: {
    subject: (workshop, moment) => `Odkaz na pripojenie: ${workshop} (${moment})`,
    startsSoon: (workshop, when, within) =>
      `workshop „${workshop}“ sa začína o\u00a0${within}.\nTermín: ${when}`,
    started: (workshop, when) => `workshop „${workshop}“ sa už začal.\nTermín: ${when}`,
    joinWith: 'Odkaz na pripojenie k\u00a0workshopu:',
    doNotForward: 'Odkaz je určený len vám. Prosíme, nepreposielajte ho.',
  },
  workshopChanged: {
    subject: (workshop) => `Zmena workshopu: ${workshop}`,
    changed: (workshop, when) =>
      `organizátor zmenil údaje o\u00a0workshope „${workshop}“.\nAktuálny termín: ${when}`,
    joinLinkNow: 'Platný odkaz na pripojenie:',
    joinLinkLater: (lead) =>
      `Odkaz na pripojenie vám pošleme e-mailom približne ${lead} pred začiatkom workshopu.`,
  },
  workshopCancelled: {
    subject: (workshop) => `Workshop sa neuskutoční: ${workshop}`,
    notTakingPlace: (workshop, when) =>
      `s\u00a0ľútosťou vám oznamujeme, že workshop „${workshop}“ sa neuskutoční.\nPôvodný termín: ${when}`,
  },
  calendar: {
    joinLink: (url) => `Odkaz na pripojenie: ${url}`,
    joinLinkLater: (lead) =>
      `Odkaz na pripojenie dostanete e-mailom približne ${lead} pred začiatkom workshopu.`,
    registrationCancelled: 'Vaša registrácia na tento workshop je zrušená.',
    workshopCancelled: 'Workshop sa neuskutoční.',
    manage: (url) => `Registráciu si môžete pozrieť alebo zrušiť na stránke ${url}`,
  },
};

const en: MailWording = {
  greeting: 'Hello,',
  manageLink: 'You can see or cancel your registration on this page:',
  timesNote: 'All times are Bratislava time.',
  signOff: (organizer) => `Kind regards,\n${organizer}`,
  confirmRequest: {
    subject: (series) => `Confirm your registration: ${series}`,
    thanks: same(
      (series, list) => `thank you for registering for this workshop of “${series}”:\n${list}`,
      (series, list) => `thank you for registering for these workshops of “${series}”:\n${list}`,
    ),
    confirmLink: same(
      (until) =>
        `To complete your registration, open this link and confirm it on the page it opens. We are holding your seat until ${until}.`,
      (until) =>
        `To complete your registration, open this link and confirm it on the page it opens. We are holding your seats until ${until}.`,
    ),
    lateConfirm: same(
      (until) =>
        `If you confirm later (the link works until ${until}), you will get the seat only if it is still free.`,
      (until) =>
        `If you confirm later (the link works until ${until}), you will get only the seats that are still free.`,
    ),
    notYou:
      'If you did not register, you can ignore this email. An unconfirmed registration lapses on its own.',
  },
  confirmed: {
    subject: (series) => `Registration confirmed: ${series}`,
    seeYou: same(
      (list) => `your registration is confirmed. We look forward to seeing you at:\n${list}`,
      (list) => `your registration is confirmed. We look forward to seeing you at:\n${list}`,
    ),
    next: same(
      (lead) =>
        `We will email you the join link about ${lead} before the workshop starts (straight away if it starts sooner). A calendar entry is attached.`,
      (lead) =>
        `We will email you the join link about ${lead} before each workshop starts (straight away for one that starts sooner). Calendar entries are attached.`,
    ),
  },
  alreadyRegistered: {
    subject: (series) => `You are already registered: ${series}`,
    again: same(
      (list) =>
        `someone (probably you) registered again with this address. You already have a seat at this workshop:\n${list}`,
      (list) =>
        `someone (probably you) registered again with this address. You already have seats at these workshops:\n${list}`,
    ),
    nothingToDo: 'You do not need to do anything.',
  },
  cancelled: {
    subject: (series) => `Registration cancelled: ${series}`,
    cancelledFor: same(
      (list) => `we have cancelled your registration for this workshop:\n${list}`,
      (list) => `we have cancelled your registration for these workshops:\n${list}`,
    ),
    changedMind: same(
      'If you did not ask for this, or you change your mind, register again while there is still a seat.',
      'If you did not ask for this, or you change your mind, register again while there are still seats.',
    ),
  },
  reminder: {
    subject: (workshop, moment) => `Join link: ${workshop} (${moment})`,
    startsSoon: (workshop, when, within) =>
      `the workshop “${workshop}” starts in ${within}.\nWhen: ${when}`,
    started: (workshop, when) => `the workshop “${workshop}” has already started.\nWhen: ${when}`,
    joinWith: 'Join the workshop with this link:',
    doNotForward: 'The link is for you alone. Please do not forward it.',
  },
  workshopChanged: {
    subject: (workshop) => `Workshop changed: ${workshop}`,
    changed: (workshop, when) =>
      `the organizer has changed the details of the workshop “${workshop}”.\nWhen: ${when}`,
    joinLinkNow: 'The join link to use:',
    joinLinkLater: (lead) =>
      `We will email you the join link about ${lead} before the workshop starts.`,
  },
  workshopCancelled: {
    subject: (workshop) => `Workshop cancelled: ${workshop}`,
    notTakingPlace: (workshop, when) =>
      `we are sorry to tell you that the workshop “${workshop}” will not take place.\nIt was planned for: ${when}`,
  },
  calendar: {
    joinLink: (url) => `Join link: ${url}`,
    joinLinkLater: (lead) =>
      `You will get the join link by email about ${lead} before the workshop starts.`,
    registrationCancelled: 'Your registration for this workshop is cancelled.',
    workshopCancelled: 'This workshop will not take place.',
    manage: (url) => `See or cancel your registration: ${url}`,
  },
};

export const WORDING: Record<Locale, MailWording> = { sk, en };
