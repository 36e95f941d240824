import { bratislavaInstant, bratislavaWorkday } from './bratislava-time';

/**
 * The demo series, from MIRRI's announcement (../shared/seed/announcement-sk.txt), with dates moved
 * into the coming weeks. The seed script, the worker tests and the widget tests all use it.
 */
export const DEMO_SERIES_SLUG = 'akcny-plan-inteligentnych-miest';

export const demoSeries = {
  title: {
    sk: 'Akčný plán inteligentných miest a regiónov 2023 – 2025',
    en: 'Smart Cities and Regions Action Plan 2023 – 2025',
  },
  description: {
    sk:
      'Poďte s nami diskutovať o inteligentných samosprávach. Ministerstvo investícií, regionálneho ' +
      'rozvoja a informatizácie SR organizuje online participatívne workshopy k téme inteligentných ' +
      'miest a regiónov. Vítaní sú najmä zástupcovia obcí, VÚC, univerzít, štátnych inštitúcií, ' +
      'odbornej verejnosti aj inovatívnych podnikov. Odkaz na pripojenie zašleme registrovaným ' +
      'účastníkom približne 24 hodín pred konaním workshopu.',
    en:
      'Come and discuss smart local government with us. The Ministry of Investments, Regional ' +
      'Development and Informatization of the Slovak Republic is holding online participatory ' +
      'workshops on smart cities and regions. Representatives of municipalities, regions, ' +
      'universities, state institutions, experts and innovative businesses are especially welcome. ' +
      'We e-mail the join link to registered participants about 24 hours before each workshop.',
  },
  privacyUrl: 'https://www.mirri.gov.sk/ochrana-osobnych-udajov/',
  organizer: {
    name: 'Ministerstvo investícií, regionálneho rozvoja a informatizácie SR',
    email: 'smartcity@mirri.gov.sk',
  },
};

export interface DemoWorkshop {
  title: { sk: string; en: string };
  description: { sk: string; en: string };
  startsAt: string;
  endsAt: string;
  capacity: number;
  joinUrl: string;
  registrationClosesAt?: string;
}

const at = (date: string, time: string) => new Date(bratislavaInstant(date, time)).toISOString();

/** The demo's workshops as the admin API takes them, dated relative to `now`. */
export function demoWorkshops(now: number): DemoWorkshop[] {
  const day = (n: number) => bratislavaWorkday(now, n);
  const session = (n: number) => ({
    startsAt: at(day(n), '10:00'),
    endsAt: at(day(n), '12:00'),
  });
  return [
    {
      title: {
        sk: 'Inteligentná samospráva: definícia a východiská',
        en: 'Smart local government: definition and starting points',
      },
      description: {
        sk: 'Čo rozumieme pod inteligentným mestom a regiónom a ako ich definuje akčný plán.',
        en: 'What we mean by a smart city and region, and how the action plan defines them.',
      },
      ...session(2),
      capacity: 40,
      joinUrl: 'https://meet.example.gov.sk/workshop-definicia',
      // Registration for the first session has already closed.
      registrationClosesAt: new Date(now - 3_600_000).toISOString(),
    },
    {
      title: {
        sk: 'Výzvy a príležitosti inteligentného rozvoja',
        en: 'Challenges and opportunities of smart development',
      },
      description: {
        sk: 'Skúsenosti miest a obcí: čo funguje, čo brzdí a kde hľadať partnerov.',
        en: 'What towns and villages have learnt: what works, what holds them back, where to find partners.',
      },
      ...session(7),
      capacity: 30,
      joinUrl: 'https://meet.example.gov.sk/workshop-vyzvy',
    },
    {
      title: {
        sk: 'Kľúčové opatrenia akčného plánu',
        en: 'Key measures of the action plan',
      },
      description: {
        sk: 'Diskusia o navrhovaných opatreniach a aktivitách na roky 2023 – 2025.',
        en: 'A discussion of the proposed measures and activities for 2023 – 2025.',
      },
      ...session(9),
      // Nearly full: the seed registers two demo participants.
      capacity: 3,
      joinUrl: 'https://meet.example.gov.sk/workshop-opatrenia',
    },
    {
      title: {
        sk: 'Financovanie smart projektov z fondov EÚ',
        en: 'Funding smart projects from EU funds',
      },
      description: {
        sk: 'Ako pripraviť projekt inteligentnej samosprávy bez ohľadu na zdroj financovania.',
        en: 'How to prepare a smart local government project, whatever the source of funding.',
      },
      ...session(14),
      capacity: 40,
      joinUrl: 'https://meet.example.gov.sk/workshop-financovanie',
    },
    {
      title: {
        sk: 'Metodika tvorby smart city a smart region projektov',
        en: 'Methodology for smart city and smart region projects',
      },
      description: {
        sk: 'Pripravovaná metodika ako návod na tvorbu projektov pre mestá a regióny.',
        en: 'The upcoming methodology as a guide to building projects for cities and regions.',
      },
      ...session(16),
      capacity: 40,
      joinUrl: 'https://meet.example.gov.sk/workshop-metodika',
    },
    {
      title: {
        sk: 'Dáta v samospráve: otvorené dáta v praxi',
        en: 'Data in local government: open data in practice',
      },
      description: {
        sk: 'Ako mestá a kraje zverejňujú a využívajú otvorené dáta.',
        en: 'How towns and regions publish and use open data.',
      },
      ...session(18),
      // Full: the seed gives both seats to the demo participants, so the widget offers the
      // waiting list (issue 12).
      capacity: 2,
      joinUrl: 'https://meet.example.gov.sk/workshop-data',
    },
  ];
}

/** People the seed registers so that one workshop is nearly full. Addresses at example.org never deliver. */
export const demoParticipants = [
  {
    givenName: 'Jana',
    familyName: 'Nováková',
    email: 'jana.novakova@example.org',
    organizationType: 'municipality',
    organization: 'Mesto Trnava',
    role: 'Vedúca oddelenia stratégie',
  },
  {
    givenName: 'Peter',
    familyName: 'Kováč',
    email: 'peter.kovac@example.org',
    organizationType: 'university',
    organization: 'Slovenská technická univerzita',
    role: '',
  },
] as const;

/**
 * More registrants, so that the admin page has something real to show: every organization type,
 * and every state a registration can be in. `workshops` are title prefixes of `demoWorkshops`
 * (never the nearly full one); `then` is what happens after registering. Addresses at example.org
 * never deliver.
 */
export const demoRegistrants = [
  {
    person: {
      givenName: 'Mária',
      familyName: 'Horváthová',
      email: 'maria.horvathova@example.org',
      organizationType: 'region',
      organization: 'Trnavský samosprávny kraj',
      role: 'Manažérka pre inovácie',
    },
    workshops: ['Výzvy a príležitosti', 'Financovanie smart projektov'],
    then: 'confirm',
  },
  {
    person: {
      givenName: 'Tomáš',
      familyName: 'Baláž',
      email: 'tomas.balaz@example.org',
      organizationType: 'state',
      organization: 'Štatistický úrad SR',
      role: '',
    },
    workshops: ['Výzvy a príležitosti'],
    then: 'nothing',
  },
  {
    person: {
      givenName: 'Eva',
      familyName: 'Szabóová',
      email: 'eva.szaboova@example.org',
      organizationType: 'expert',
      organization: '',
      role: 'Urbanistka',
    },
    workshops: ['Financovanie smart projektov', 'Metodika tvorby'],
    then: 'confirm',
  },
  {
    person: {
      givenName: 'Martin',
      familyName: 'Novotný',
      email: 'martin.novotny@example.org',
      organizationType: 'business',
      organization: 'Smart Mobility s. r. o.',
      role: 'Konateľ',
    },
    workshops: ['Výzvy a príležitosti'],
    // Confirmed, then cancelled by the organizer on his behalf (he wrote that he cannot come).
    then: 'cancel',
  },
  {
    person: {
      givenName: 'Lucia',
      familyName: 'Kollárová',
      email: 'lucia.kollarova@example.org',
      organizationType: 'municipality',
      organization: 'Obec Veľké Úľany',
      role: 'Starostka',
    },
    workshops: ['Metodika tvorby'],
    then: 'nothing',
  },
] as const;

/** A series whose workshops are over: the admin page shows it archived. */
export const PAST_SERIES_SLUG = 'konzultacie-digitalna-transformacia-2024';

export const pastSeries = {
  title: {
    sk: 'Konzultácie k stratégii digitálnej transformácie samospráv',
    en: 'Consultations on the digital transformation strategy for local government',
  },
  description: {
    sk: 'Séria online konzultácií so samosprávami, ktorá sa už skončila.',
    en: 'A series of online consultations with local governments that has ended.',
  },
  privacyUrl: demoSeries.privacyUrl,
  organizer: demoSeries.organizer,
  retentionDays: 30,
};

/** Its workshops, weeks ago. */
export function pastWorkshops(now: number): DemoWorkshop[] {
  const day = (n: number) => bratislavaWorkday(now - 70 * 86_400_000, n);
  return [
    {
      title: { sk: 'Dáta v samospráve', en: 'Data in local government' },
      description: {
        sk: 'Otvorené dáta a ich využitie v obciach.',
        en: 'Open data in municipalities.',
      },
      startsAt: at(day(0), '10:00'),
      endsAt: at(day(0), '12:00'),
      capacity: 50,
      joinUrl: 'https://meet.example.gov.sk/konzultacia-data',
    },
    {
      title: { sk: 'Elektronické služby obcí', en: 'Municipal e-services' },
      description: {
        sk: 'Čo obyvatelia čakajú od e-služieb.',
        en: 'What residents expect of e-services.',
      },
      startsAt: at(day(7), '10:00'),
      endsAt: at(day(7), '12:00'),
      capacity: 50,
      joinUrl: 'https://meet.example.gov.sk/konzultacia-sluzby',
    },
  ];
}
