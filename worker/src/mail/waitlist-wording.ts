import type { Locale } from '../schemas/registration';

/**
 * What the waiting-list, second-reminder and follow-up e-mails say (issue 12), per language; kept
 * apart from mail/wording.ts so the two can change side by side. Slovak: formal address with no
 * gendered adjective ("ste na rade vy", not "ste prvý"), a non-breaking space after one-letter
 * prepositions. English: no "(Bratislava time)" here: templates.ts adds the times note once.
 */
export interface WaitlistWording {
  /** One workshop's line in a list of places: "place in line: 3". */
  place: (place: number) => string;
  /** In the confirmation request: the workshops they join the line for. */
  joinsLine: (list: string) => string;
  /** In the confirmation: the workshops they are in line for. */
  inLine: (list: string) => string;
  /** How a place turns into a seat. */
  howItMoves: string;
  promoted: {
    subject: (workshop: string) => string;
    seatIsYours: (workshop: string, when: string) => string;
    next: string;
  };
  offer: {
    subject: (workshop: string) => string;
    seatForYou: (workshop: string, when: string, until: string) => string;
    accept: string;
    otherwise: string;
  };
  shortReminder: {
    subject: (workshop: string, moment: string) => string;
    startsSoon: (workshop: string, when: string) => string;
    joinWith: string;
  };
  followUp: {
    subject: (workshop: string) => string;
    links: string;
  };
  /** To people in line of a workshop that was cancelled: nothing to wait for any more. */
  lineCancelled: {
    subject: (workshop: string) => string;
    notTakingPlace: (workshop: string, when: string) => string;
    lineEnded: string;
  };
  /** An offered seat, some time before the offer runs out. */
  offerReminder: {
    subject: (workshop: string) => string;
    stillHeld: (workshop: string, when: string, until: string) => string;
  };
}

const NBSP = '\u00a0';

const sk: WaitlistWording = {
  place: (place) => `poradie v${NBSP}zozname čakateľov: ${place}.`,
  joinsLine: (list) =>
    `Na tieto workshopy sú miesta obsadené. Po potvrdení budete v${NBSP}zozname čakateľov:\n${list}`,
  inLine: (list) => `Ste v${NBSP}zozname čakateľov na workshopy:\n${list}`,
  howItMoves: `Keď sa miesto uvoľní, dostane ho prvý potvrdený čakateľ v${NBSP}poradí. Ak to budete vy, pošleme vám e-mail s${NBSP}termínom do kalendára.`,
  promoted: {
    subject: (workshop) => `Máte miesto: ${workshop}`,
    seatIsYours: (workshop, when) =>
      `uvoľnilo sa miesto na workshope „${workshop}“ a${NBSP}je vaše: presunuli sme vás zo zoznamu čakateľov.\nTermín: ${when}`,
    next: `Odkaz na pripojenie vám pošleme e-mailom pred začiatkom workshopu (ak je začiatok už blízko, hneď). V${NBSP}prílohe je termín do kalendára. Ak nemôžete prísť, zrušte registráciu, nech miesto dostane ďalší v${NBSP}poradí.`,
  },
  offer: {
    subject: (workshop) => `Uvoľnilo sa miesto: ${workshop}`,
    seatForYou: (workshop, when, until) =>
      `uvoľnilo sa miesto na workshope „${workshop}“ a${NBSP}v${NBSP}poradí čakateľov ste na rade vy. Miesto vám držíme do ${until}.\nTermín: ${when}`,
    accept: 'Ak chcete prísť, miesto prijmite tu:',
    otherwise: `Ak ho dovtedy neprijmete, ponúkneme ho ďalšiemu v${NBSP}poradí.`,
  },
  shortReminder: {
    subject: (workshop, moment) => `Čoskoro začíname: ${workshop} (${moment})`,
    startsSoon: (workshop, when) => `workshop „${workshop}“ sa čoskoro začína.\nTermín: ${when}`,
    joinWith: 'Pripojíte sa na tomto odkaze:',
  },
  followUp: {
    subject: (workshop) => `Ďakujeme za účasť: ${workshop}`,
    links: 'Odkazy:',
  },
  lineCancelled: {
    subject: (workshop) => `Workshop sa neuskutoční: ${workshop}`,
    notTakingPlace: (workshop, when) =>
      `workshop „${workshop}“, na ktorý ste boli v${NBSP}zozname čakateľov, organizátor zrušil.\nPôvodný termín: ${when}`,
    lineEnded: `Zoznam čakateľov na tento workshop sme zrušili a${NBSP}nemusíte robiť nič ďalšie. Ostatné vaše registrácie platia ďalej.`,
  },
  offerReminder: {
    subject: (workshop) => `Miesto vám stále držíme: ${workshop}`,
    stillHeld: (workshop, when, until) =>
      `miesto na workshope „${workshop}“, ktoré sme vám ponúkli zo zoznamu čakateľov, vám držíme už len do ${until}.\nTermín: ${when}`,
  },
};

const en: WaitlistWording = {
  place: (place) => `place in line: ${place}.`,
  joinsLine: (list) =>
    `These workshops are full. Once you confirm, you are on their waiting list:\n${list}`,
  inLine: (list) => `You are on the waiting list for:\n${list}`,
  howItMoves:
    'When a seat frees up, it goes to the first confirmed person in line. If that is you, we will email you with a calendar entry.',
  promoted: {
    subject: (workshop) => `You have a seat: ${workshop}`,
    seatIsYours: (workshop, when) =>
      `a seat at the workshop “${workshop}” has freed up and it is yours: we have moved you in from the waiting list.\nWhen: ${when}`,
    next: 'We will email you the join link before the workshop starts (right away if it starts soon). A calendar entry is attached. If you cannot come, please cancel so that the next person in line gets the seat.',
  },
  offer: {
    subject: (workshop) => `A seat is free: ${workshop}`,
    seatForYou: (workshop, when, until) =>
      `a seat at the workshop “${workshop}” has freed up and you are first on the waiting list. We hold it for you until ${until}.\nWhen: ${when}`,
    accept: 'If you want to come, accept the seat here:',
    otherwise: 'If you do not accept it by then, we offer it to the next person in line.',
  },
  shortReminder: {
    subject: (workshop, moment) => `Starting soon: ${workshop} (${moment})`,
    startsSoon: (workshop, when) => `the workshop “${workshop}” starts soon.\nWhen: ${when}`,
    joinWith: 'Join with this link:',
  },
  followUp: {
    subject: (workshop) => `Thank you for taking part: ${workshop}`,
    links: 'Links:',
  },
  lineCancelled: {
    subject: (workshop) => `Workshop cancelled: ${workshop}`,
    notTakingPlace: (workshop, when) =>
      `the organizer has cancelled the workshop “${workshop}”, which you were on the waiting list for.\nIt was to take place: ${when}`,
    lineEnded:
      'Its waiting list has ended and there is nothing more you need to do. Your other registrations stay as they are.',
  },
  offerReminder: {
    subject: (workshop) => `Your seat is still held: ${workshop}`,
    stillHeld: (workshop, when, until) =>
      `the seat at the workshop “${workshop}” that we offered you from the waiting list is held for you only until ${until}.\nWhen: ${when}`,
  },
};

export const WAITLIST_WORDING: Record<Locale, WaitlistWording> = { sk, en };
