-- Races and waiting-list gaps (session 15).

-- 1. The reminder handovers (0006) per kind of reminder. Keyed by seat and start time only, the
-- first join-link reminder handed over less than an hour ago hid the second, short one (due,
-- say, 45 minutes later) until the workshop had started: it was never sent. The table is not the
-- ledger (the outbox is), so its rows are copied as first reminders and nothing is lost.
CREATE TABLE reminder_handovers_new (
  registration_id TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  kind TEXT NOT NULL DEFAULT 'reminder' CHECK (kind IN ('reminder', 'reminder_short')),
  handed_at INTEGER NOT NULL,
  PRIMARY KEY (registration_id, workshop_id, starts_at, kind)
);

INSERT INTO reminder_handovers_new (registration_id, workshop_id, starts_at, kind, handed_at)
SELECT registration_id, workshop_id, starts_at, 'reminder', handed_at FROM reminder_handovers;

DROP TABLE reminder_handovers;

ALTER TABLE reminder_handovers_new RENAME TO reminder_handovers;

CREATE INDEX reminder_handovers_by_time ON reminder_handovers (handed_at);

-- 2. The line rule in the database, beside capacity. A seat counts against capacity while it is
-- held (by a confirmed registration, or a pending one within its hold: 0006); so does every
-- confirmed person waiting in the workshop's line who holds no seat there yet, unless the new
-- seat is theirs or belongs to someone ahead of them in line. So nobody — a newcomer, a late
-- confirmation taking its lapsed seat back, a request whose read is a moment old — takes a seat
-- that the first confirmed person in line is owed, whatever interleaving of requests and cron
-- runs; and the waiting-list fill (db/waitlist.ts), which moves people in in line order and at
-- most as many as are free, always passes. Pending places block nobody, as before. An organizer
-- moving someone in by hand, out of order (db/waitlist.ts promoteByHand: their place is marked
-- promoted at this instant before the seat is inserted) is not held to the line rule: that is
-- the organizer's explicit choice, and the people ahead keep their places.
DROP TRIGGER seats_guard;

CREATE TRIGGER seats_guard BEFORE INSERT ON seats
WHEN NEW.status = 'held'
BEGIN
  SELECT RAISE(ABORT, 'registration_closed')
  WHERE NEW.created_at >= (SELECT registration_closes_at FROM workshops WHERE id = NEW.workshop_id)
    OR (SELECT cancelled_at FROM workshops WHERE id = NEW.workshop_id) IS NOT NULL;
  SELECT RAISE(ABORT, 'workshop_full')
  WHERE (SELECT COUNT(*) FROM seats s JOIN registrations r ON r.id = s.registration_id
         WHERE s.workshop_id = NEW.workshop_id AND s.status = 'held'
           AND (r.status <> 'pending' OR r.expires_at > NEW.created_at))
      + (SELECT COUNT(*) FROM waitlist q JOIN registrations r ON r.id = q.registration_id
         WHERE q.workshop_id = NEW.workshop_id AND q.status = 'waiting' AND r.status = 'confirmed'
           AND q.registration_id <> NEW.registration_id
           AND NOT EXISTS (SELECT 1 FROM waitlist b WHERE b.registration_id = NEW.registration_id
                             AND b.workshop_id = NEW.workshop_id AND b.status = 'promoted'
                             AND b.promoted_at = NEW.created_at)
           AND q.id < COALESCE((SELECT p.id FROM waitlist p
                                WHERE p.registration_id = NEW.registration_id
                                  AND p.workshop_id = NEW.workshop_id AND p.status = 'waiting'),
                               9223372036854775807)
           AND NOT EXISTS (SELECT 1 FROM seats h WHERE h.workshop_id = q.workshop_id
                             AND h.email_key = q.email_key AND h.status = 'held'))
    >= (SELECT capacity FROM workshops WHERE id = NEW.workshop_id);
END;

DROP TRIGGER seats_guard_retake;

CREATE TRIGGER seats_guard_retake BEFORE UPDATE OF status ON seats
WHEN NEW.status = 'held' AND OLD.status <> 'held'
BEGIN
  SELECT RAISE(ABORT, 'registration_closed')
  WHERE NEW.created_at >= (SELECT registration_closes_at FROM workshops WHERE id = NEW.workshop_id)
    OR (SELECT cancelled_at FROM workshops WHERE id = NEW.workshop_id) IS NOT NULL;
  SELECT RAISE(ABORT, 'workshop_full')
  WHERE (SELECT COUNT(*) FROM seats s JOIN registrations r ON r.id = s.registration_id
         WHERE s.workshop_id = NEW.workshop_id AND s.status = 'held'
           AND (r.status <> 'pending' OR r.expires_at > NEW.created_at))
      + (SELECT COUNT(*) FROM waitlist q JOIN registrations r ON r.id = q.registration_id
         WHERE q.workshop_id = NEW.workshop_id AND q.status = 'waiting' AND r.status = 'confirmed'
           AND q.registration_id <> NEW.registration_id
           AND NOT EXISTS (SELECT 1 FROM seats h WHERE h.workshop_id = q.workshop_id
                             AND h.email_key = q.email_key AND h.status = 'held'))
    >= (SELECT capacity FROM workshops WHERE id = NEW.workshop_id);
END;
