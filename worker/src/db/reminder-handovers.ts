import type { ReminderSeat } from '../env';

/** After this long a seat handed to the queue and still not reminded is handed over again. */
export const HANDOVER_TTL_MS = 3_600_000;

/** Seats per statement: bound as one JSON parameter, well inside D1's statement size. */
const CHUNK = 1_000;

/** A handover is per seat, start time and kind: the short reminder is not the first one. */
const keyOf = (s: ReminderSeat) =>
  `${s.registrationId} ${s.workshopId} ${s.startsAt} ${s.kind ?? 'reminder'}`;

/** The seats among `seats` that were not handed to the queue within the last HANDOVER_TTL_MS. */
export async function notHandedOver(
  db: D1Database,
  seats: readonly ReminderSeat[],
  now: number,
): Promise<ReminderSeat[]> {
  if (seats.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT registration_id, workshop_id, starts_at, kind FROM reminder_handovers
       WHERE handed_at > ?`,
    )
    .bind(now - HANDOVER_TTL_MS)
    .all<{
      registration_id: string;
      workshop_id: string;
      starts_at: number;
      kind: 'reminder' | 'reminder_short';
    }>();
  const recent = new Set(
    results.map((r) =>
      keyOf({
        registrationId: r.registration_id,
        workshopId: r.workshop_id,
        startsAt: r.starts_at,
        kind: r.kind,
      }),
    ),
  );
  return seats.filter((s) => !recent.has(keyOf(s)));
}

/** Records seats as handed over now, and forgets handovers older than a day. One batch. */
export async function recordHandovers(
  db: D1Database,
  seats: readonly ReminderSeat[],
  now: number,
): Promise<void> {
  const statements = [
    db.prepare(`DELETE FROM reminder_handovers WHERE handed_at < ?`).bind(now - 24 * 3_600_000),
  ];
  for (let i = 0; i < seats.length; i += CHUNK) {
    const chunk = seats
      .slice(i, i + CHUNK)
      .map((s) => [s.registrationId, s.workshopId, s.startsAt, s.kind ?? 'reminder']);
    statements.push(
      db
        .prepare(
          `INSERT INTO reminder_handovers (registration_id, workshop_id, starts_at, kind, handed_at)
           SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, ?2 FROM json_each(?1) WHERE TRUE
           ON CONFLICT DO UPDATE SET handed_at = excluded.handed_at`,
        )
        .bind(JSON.stringify(chunk), now),
    );
  }
  await db.batch(statements);
}
