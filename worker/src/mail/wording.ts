import type { Locale } from '../schemas/registration';

/**
 * What the e-mails say, per language: the link pages' dictionary (pages/wording.ts) for mail.
 * A phrase that names something is a function of it, so each language orders its own words.
 * `list` is the workshops, one "• title\n  when" entry per line.
 */
export interface MailWording {
  greeting: string;
  manageLink: string;
  signOff: (organizer: string) => string;
  confirmRequest: {
    subject: (series: string) => string;
    thanks: (series: string, list: string) => string;
    confirmLink: (holdUntil: string) => string;
    /** After the hold, the link still works until then, for the seats still free. */
    lateConfirm: (linkUntil: string) => string;
    notYou: string;
  };
  confirmed: {
    subject: (series: string) => string;
    seeYou: (list: string) => string;
    next: string;
  };
  alreadyRegistered: {
    subject: (series: string) => string;
    again: (list: string) => string;
    nothingToDo: string;
  };
  cancelled: {
    subject: (series: string) => string;
    cancelledFor: (list: string) => string;
    changedMind: string;
  };
  reminder: {
    subject: (workshop: string, moment: string) => string;
    startsSoon: (workshop: string, when: string) => string;
    joinWith: string;
    doNotForward: string;
  };
  workshopChanged: {
    subject: (workshop: string) => string;
    changed: (workshop: string, when: string) => string;
    joinLinkNow: string;
    joinLinkLater: string;
  };
  workshopCancelled: {
    subject: (workshop: string) => string;
    notTakingPlace: (workshop: string, when: string) => string;
  };
  /** The description of a workshop's calendar file. */
  calendar: { joinLink: (url: string) => string; cancelled: string; joinLinkLater: string };
}

const sk: MailWording = {
  greeting: 'Dobrý deň,',
  manageLink: 'Registráciu si môžete pozrieť alebo zrušiť tu:',
  signOff: (organizer) => `S pozdravom\n${organizer}`,
  confirmRequest: {
    subject: (series) => `Potvrďte registráciu: ${series}`,
    thanks: (series, list) => `ďakujeme za registráciu na workshopy série „${series}“:\n${list}`,
    confirmLink: (holdUntil) =>
      `Registráciu dokončite: otvorte tento odkaz a potvrďte ju tlačidlom. Miesto vám podržíme do ${holdUntil}.`,
    lateConfirm: (linkUntil) =>
      `Ak potvrdíte neskôr (odkaz platí do ${linkUntil}), dostanete miesto, len ak bude ešte voľné.`,
    notYou:
      'Ak ste sa neregistrovali vy, tento e-mail ignorujte: bez potvrdenia registrácia zanikne.',
  },
  confirmed: {
    subject: (series) => `Registrácia potvrdená: ${series}`,
    seeYou: (list) => `vaša registrácia je potvrdená. Tešíme sa na vás na workshopoch:\n${list}`,
    next: 'Odkaz na pripojenie vám pošleme e-mailom približne 24 hodín pred začiatkom každého workshopu (ak sa začína skôr, hneď). V prílohe je termín do kalendára.',
  },
  alreadyRegistered: {
    subject: (series) => `Už ste zaregistrovaný/-á: ${series}`,
    again: (list) =>
      `niekto (pravdepodobne vy) sa znova zaregistroval s touto adresou. Na tieto workshopy už ste zaregistrovaný/-á a miesto máte isté:\n${list}`,
    nothingToDo: 'Nemusíte nič robiť.',
  },
  cancelled: {
    subject: (series) => `Registrácia zrušená: ${series}`,
    cancelledFor: (list) => `zrušili sme vašu registráciu na:\n${list}`,
    changedMind:
      'Ak ste to neboli vy alebo si to rozmyslíte, zaregistrujte sa znova, kým sú voľné miesta.',
  },
  reminder: {
    subject: (workshop, moment) => `Odkaz na pripojenie: ${workshop} (${moment})`,
    startsSoon: (workshop, when) =>
      `workshop „${workshop}“ sa začína o necelých 24 hodín.\nTermín: ${when}`,
    joinWith: 'Pripojíte sa na tomto odkaze:',
    doNotForward: 'Odkaz je určený len vám, prosím, nepreposielajte ho.',
  },
  workshopChanged: {
    subject: (workshop) => `Zmena workshopu: ${workshop}`,
    changed: (workshop, when) => `workshop „${workshop}“ sa zmenil.\nTermín: ${when}`,
    joinLinkNow: 'Platný odkaz na pripojenie:',
    joinLinkLater: 'Odkaz na pripojenie vám pošleme približne 24 hodín pred začiatkom.',
  },
  workshopCancelled: {
    subject: (workshop) => `Workshop sa ruší: ${workshop}`,
    notTakingPlace: (workshop, when) =>
      `s ľútosťou vám oznamujeme, že workshop „${workshop}“ sa neuskutoční.\nPôvodný termín: ${when}`,
  },
  calendar: {
    joinLink: (url) => `Odkaz na pripojenie: ${url}`,
    cancelled: 'Tento termín je zrušený.',
    joinLinkLater: 'Odkaz na pripojenie dostanete e-mailom približne 24 hodín pred začiatkom.',
  },
};

const en: MailWording = {
  greeting: 'Hello,',
  manageLink: 'See or cancel your registration here:',
  signOff: (organizer) => `Kind regards,\n${organizer}`,
  confirmRequest: {
    subject: (series) => `Confirm your registration: ${series}`,
    thanks: (series, list) =>
      `thank you for registering for these workshops of “${series}”:\n${list}`,
    confirmLink: (holdUntil) =>
      `To complete your registration, open this link and press the button. We hold your seat until ${holdUntil}.`,
    lateConfirm: (linkUntil) =>
      `If you confirm later (the link works until ${linkUntil}), you get the seat only if one is still free.`,
    notYou:
      'If you did not register, ignore this e-mail: without confirmation the registration lapses.',
  },
  confirmed: {
    subject: (series) => `Registration confirmed: ${series}`,
    seeYou: (list) => `your registration is confirmed. We look forward to seeing you at:\n${list}`,
    next: 'We will e-mail you the join link about 24 hours before each workshop starts (right away if it starts sooner). A calendar entry is attached.',
  },
  alreadyRegistered: {
    subject: (series) => `You are already registered: ${series}`,
    again: (list) =>
      `someone (probably you) registered again with this address. You already have a seat at:\n${list}`,
    nothingToDo: 'There is nothing you need to do.',
  },
  cancelled: {
    subject: (series) => `Registration cancelled: ${series}`,
    cancelledFor: (list) => `we have cancelled your registration for:\n${list}`,
    changedMind:
      'If this was not you, or you change your mind, register again while seats are left.',
  },
  reminder: {
    subject: (workshop, moment) => `Join link: ${workshop} (${moment})`,
    startsSoon: (workshop, when) =>
      `the workshop “${workshop}” starts in less than 24 hours.\nWhen: ${when}`,
    joinWith: 'Join with this link:',
    doNotForward: 'The link is meant for you alone; please do not forward it.',
  },
  workshopChanged: {
    subject: (workshop) => `Workshop changed: ${workshop}`,
    changed: (workshop, when) => `the workshop “${workshop}” has changed.\nWhen: ${when}`,
    joinLinkNow: 'The join link to use:',
    joinLinkLater: 'We will e-mail you the join link about 24 hours before the start.',
  },
  workshopCancelled: {
    subject: (workshop) => `Workshop cancelled: ${workshop}`,
    notTakingPlace: (workshop, when) =>
      `we are sorry to tell you that the workshop “${workshop}” will not take place.\nIt was planned for: ${when}`,
  },
  calendar: {
    joinLink: (url) => `Join link: ${url}`,
    cancelled: 'This event is cancelled.',
    joinLinkLater: 'You will get the join link by e-mail about 24 hours before the start.',
  },
};

export const WORDING: Record<Locale, MailWording> = { sk, en };
