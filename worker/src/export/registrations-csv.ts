import type { Locale, OrganizationType } from '../../contract';
import type { RegistrationRecord } from '../db/registrations';
import type { Series } from '../db/series';
import type { Workshop } from '../db/workshops';
import { TIME_ZONE } from '../mail/format';
import { toCsv } from './csv';

type SeatStatus = 'confirmed' | 'pending' | 'cancelled' | 'expired';

const LABELS = {
  sk: {
    header: {
      workshop: 'Workshop',
      startsAt: 'Začiatok workshopu',
      givenName: 'Meno',
      familyName: 'Priezvisko',
      organizationType: 'Typ organizácie',
      organization: 'Organizácia',
      role: 'Funkcia',
      email: 'E-mail',
      status: 'Stav',
      createdAt: 'Registrácia (čas v Bratislave)',
    },
    status: {
      confirmed: 'potvrdená',
      pending: 'čaká na potvrdenie',
      cancelled: 'zrušená',
      expired: 'nepotvrdená, vypršala',
    },
    type: {
      municipality: 'Obec / mesto / mestská časť',
      region: 'Samosprávny kraj (VÚC)',
      university: 'Univerzita / výskumná inštitúcia',
      state: 'Štátna inštitúcia',
      expert: 'Odborná verejnosť',
      business: 'Inovatívny podnik / firma',
      other: 'Iné',
    },
  },
  en: {
    header: {
      workshop: 'Workshop',
      startsAt: 'Workshop starts',
      givenName: 'First name',
      familyName: 'Last name',
      organizationType: 'Organization type',
      organization: 'Organization',
      role: 'Role',
      email: 'E-mail',
      status: 'Status',
      createdAt: 'Registered (Bratislava time)',
    },
    status: {
      confirmed: 'confirmed',
      pending: 'waiting for confirmation',
      cancelled: 'cancelled',
      expired: 'not confirmed, expired',
    },
    type: {
      municipality: 'Municipality, town or city district',
      region: 'Self-governing region',
      university: 'University or research institution',
      state: 'State institution',
      expert: 'Expert public',
      business: 'Innovative business or company',
      other: 'Other',
    },
  },
} satisfies Record<Locale, unknown>;

/** Confirmed people first: the list for the day; then those who may still come; then the rest. */
const STATUS_ORDER: SeatStatus[] = ['confirmed', 'pending', 'cancelled', 'expired'];

/** "2026-12-04 10:00" in Bratislava: Excel reads it as a date and time in any locale. */
export function bratislavaDateTime(instant: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A seat's state for the list: a held seat is its registration's; a released one ended. */
const seatStatus = (r: RegistrationRecord, seat: { status: 'held' | 'released' }): SeatStatus =>
  seat.status === 'held'
    ? r.status === 'confirmed'
      ? 'confirmed'
      : 'pending'
    : r.status === 'expired'
      ? 'expired'
      : 'cancelled';

/**
 * The registrations of `workshops` (one, or all of a series) as CSV, one row per seat, sorted by
 * workshop, state and name (Slovak collation). Every cell goes through the OWASP neutralization.
 */
export function registrationsCsv(
  workshops: readonly Workshop[],
  registrations: readonly RegistrationRecord[],
  locale: Locale,
): string {
  const t = LABELS[locale];
  const collator = new Intl.Collator(locale === 'sk' ? 'sk' : 'en', { sensitivity: 'base' });
  const order = new Map(workshops.map((w, i) => [w.id, i]));
  const rows = registrations.flatMap((r) =>
    r.seats
      .filter((s) => order.has(s.workshopId))
      .map((s) => ({
        r,
        workshop: workshops[order.get(s.workshopId)!]!,
        status: seatStatus(r, s),
      })),
  );
  rows.sort(
    (a, b) =>
      order.get(a.workshop.id)! - order.get(b.workshop.id)! ||
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      collator.compare(a.r.familyName, b.r.familyName) ||
      collator.compare(a.r.givenName, b.r.givenName) ||
      a.r.createdAt - b.r.createdAt,
  );
  const h = t.header;
  return toCsv([
    [
      h.workshop,
      h.startsAt,
      h.givenName,
      h.familyName,
      h.organizationType,
      h.organization,
      h.role,
      h.email,
      h.status,
      h.createdAt,
    ],
    ...rows.map(({ r, workshop, status }) => [
      workshop.title[locale] || workshop.title.sk,
      bratislavaDateTime(workshop.startsAt),
      r.givenName,
      r.familyName,
      t.type[r.organizationType as OrganizationType] ?? r.organizationType,
      r.organization,
      r.role,
      r.email,
      t.status[status],
      bratislavaDateTime(r.createdAt),
    ]),
  ]);
}

/** "akcny-plan_2026-12-04_Inteligentná samospráva.csv": the series, the day and the workshop. */
export function csvFilename(series: Series, workshop: Workshop | null, now: number): string {
  const day = bratislavaDateTime(workshop?.startsAt ?? now).slice(0, 10);
  if (!workshop) return `${series.slug}_${day}.csv`;
  // Characters no file system takes, and control characters, go.
  const title = workshop.title.sk
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${series.slug}_${day}_${title}.csv`;
}
