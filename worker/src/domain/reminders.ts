import type { ReminderCandidate } from '../db/reminders';

/** The join link goes out this long before a workshop starts. */
export const REMINDER_LEAD_MS = 24 * 3_600_000;

/**
 * Which seats get their join-link reminder now: confirmed, still held, workshop not cancelled,
 * starting within the lead time and not yet started. The rows are seats with no reminder for
 * their workshop's current start time (see `reminderCandidates`). Pure, so the rules can be
 * tested at any instant; a missed run is caught up by the next.
 */
export function selectDueReminders(
  rows: readonly ReminderCandidate[],
  now: number,
  /** Overrides each row's lead time (the series' schedule; 24 hours without one). */
  leadMs?: number,
): ReminderCandidate[] {
  return rows.filter((r) => {
    const lead = leadMs ?? r.leadMs ?? REMINDER_LEAD_MS;
    return (
      r.registrationStatus === 'confirmed' &&
      r.seatStatus === 'held' &&
      r.cancelledAt === null &&
      // An offered seat is the person's only once they accept it.
      r.offered !== true &&
      r.startsAt > now &&
      r.startsAt - now <= lead &&
      (r.kind !== 'reminder_short' || secondIsWorthIt(r, lead))
    );
  });
}

/**
 * The second, short reminder goes out only after a first one that went out before the short
 * window opened: someone confirmed or moved in from a waiting list minutes before the start has
 * just had the join link, and gets it once, not twice in a row.
 */
const secondIsWorthIt = (r: ReminderCandidate, lead: number) =>
  r.firstReminderAt != null && r.firstReminderAt < r.startsAt - lead;

/**
 * The ledger key, the one place it is spelled: one reminder per seat and start time, so a moved
 * workshop gets a reminder for its new time. The outbox row also keeps the start time as a column
 * (`starts_at`), which is what the candidate query joins on.
 */
export const reminderKey = (r: {
  registrationId: string;
  workshopId: string;
  startsAt: number;
  kind?: 'reminder' | 'reminder_short';
}) => `${r.kind ?? 'reminder'}:${r.registrationId}:${r.workshopId}:${r.startsAt}`;

/**
 * When an organizer may send a seat's join link by hand: from the moment the cron would (the lead
 * time before the start) until the workshop ends (someone who lost the link mid-workshop).
 */
export function joinLinkWindow(
  w: { startsAt: number; endsAt: number },
  now: number,
  leadMs = REMINDER_LEAD_MS,
): { state: 'not_yet' | 'open' | 'closed'; opensAt: number } {
  const opensAt = w.startsAt - leadMs;
  const state = now < opensAt ? 'not_yet' : now < w.endsAt ? 'open' : 'closed';
  return { state, opensAt };
}
