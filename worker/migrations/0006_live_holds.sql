-- Hold expiry folded into the seat check (issue 11): a seat counts against capacity while it is
-- held by a confirmed registration, or by a pending one whose hold has not run out at the moment
-- the new seat is taken. So a registration no longer has to expire lapsed holds (a write, on the
-- one D1 writer) before it looks for a seat: the cron expires them every quarter hour, and a
-- person re-registering with an address whose hold lapsed expires just that one registration in
-- the same batch. The database still enforces capacity: these triggers run inside the batch (one
-- transaction) that inserts or retakes the seat.
--
-- Only 'pending' can hold a seat past its hold: cancelled and expired registrations hold none.

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
    >= (SELECT capacity FROM workshops WHERE id = NEW.workshop_id);
END;

-- Reminder seats the cron handed to the mail queue (jobs/mail-queue.ts), so that the next run,
-- a quarter of an hour later, does not hand them over again while the consumers are still at
-- work. Not the ledger (the outbox is): a seat handed over more than an hour ago and still not
-- reminded is handed over again (its message was lost). Rows older than a day are deleted.
CREATE TABLE reminder_handovers (
  registration_id TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  handed_at INTEGER NOT NULL,
  PRIMARY KEY (registration_id, workshop_id, starts_at)
);

CREATE INDEX reminder_handovers_by_time ON reminder_handovers (handed_at);
