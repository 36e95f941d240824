-- The line rule and lapsed holds (session 17).
--
-- A confirmed person in a workshop's line who also holds a seat there through another, still
-- pending registration of the same address is owed no second seat. 0008 judged "holds a seat"
-- by the seat's status alone, so once that pending registration's hold lapsed (the seat no longer
-- counted against capacity) the person still counted as seated until the cron expired the hold:
-- in between, the free seat looked nobody's, a newcomer took it, and the cron's fill then found
-- none free and skipped the first in line. Now a seat makes its address "seated" only while it
-- counts against capacity: confirmed, or pending within its hold (`expires_at > NEW.created_at`,
-- the complement of the expiry's `expires_at <= now`; worker/src/db/seat-rule.ts holds the rule
-- the fill and seatsLeft share). Everything else is 0008's triggers unchanged.
DROP TRIGGER IF EXISTS seats_guard;

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
           AND NOT EXISTS (SELECT 1 FROM seats h JOIN registrations hr ON hr.id = h.registration_id
                             WHERE h.workshop_id = q.workshop_id AND h.email_key = q.email_key
                               AND h.status = 'held'
                               AND (hr.status <> 'pending' OR hr.expires_at > NEW.created_at)))
    >= (SELECT capacity FROM workshops WHERE id = NEW.workshop_id);
END;

DROP TRIGGER IF EXISTS seats_guard_retake;

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
           AND NOT EXISTS (SELECT 1 FROM seats h JOIN registrations hr ON hr.id = h.registration_id
                             WHERE h.workshop_id = q.workshop_id AND h.email_key = q.email_key
                               AND h.status = 'held'
                               AND (hr.status <> 'pending' OR hr.expires_at > NEW.created_at)))
    >= (SELECT capacity FROM workshops WHERE id = NEW.workshop_id);
END;
