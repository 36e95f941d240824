-- Mail that follows the state, and holds that a script cannot abuse (issue 10).

-- Why a seat was released: 'cancelled' (by the person), 'expired' (an unconfirmed hold ran out),
-- 'workshop_cancelled' (by the organizer). A message announcing a release is queued only if this
-- statement's release happened, and a late confirmation takes back only seats its hold released.
ALTER TABLE seats ADD COLUMN release_reason TEXT;

UPDATE seats SET release_reason = CASE
    WHEN (SELECT cancelled_at FROM workshops w WHERE w.id = seats.workshop_id) IS NOT NULL
      THEN 'workshop_cancelled'
    WHEN (SELECT status FROM registrations r WHERE r.id = seats.registration_id) = 'expired'
      THEN 'expired'
    ELSE 'cancelled'
  END
WHERE status = 'released';

-- The outbox again, with two more things: status 'dropped' (with drop_reason), for a message that
-- was no longer true when it was to be sent or requeued; and workshop_sequences, the sequence of
-- each workshop a message was written for ({"id": sequence}), so a change after it is noticed.
-- SQLite cannot change a CHECK constraint in place, hence the copy.
CREATE TABLE outbox_new (
  id TEXT PRIMARY KEY,
  dedupe_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  registration_id TEXT NOT NULL REFERENCES registrations (id),
  workshop_id TEXT,
  starts_at INTEGER,
  workshop_sequences TEXT NOT NULL DEFAULT '{}',
  to_address TEXT NOT NULL,
  from_name TEXT NOT NULL,
  reply_to TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  attachments TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'dropped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  claimed_at INTEGER,
  sent_at INTEGER,
  last_error TEXT,
  drop_reason TEXT,
  created_at INTEGER NOT NULL
);

INSERT INTO outbox_new (id, dedupe_key, kind, registration_id, workshop_id, starts_at, to_address,
  from_name, reply_to, subject, text_body, html_body, attachments, status, attempts,
  next_attempt_at, claimed_at, sent_at, last_error, created_at)
SELECT id, dedupe_key, kind, registration_id, workshop_id, starts_at, to_address, from_name,
  reply_to, subject, text_body, html_body, attachments, status, attempts, next_attempt_at,
  claimed_at, sent_at, last_error, created_at
FROM outbox;

DROP TABLE outbox;

ALTER TABLE outbox_new RENAME TO outbox;

CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_by_registration ON outbox (registration_id);
CREATE INDEX outbox_by_workshop_kind ON outbox (workshop_id, kind, status);
CREATE INDEX outbox_reminders ON outbox (registration_id, workshop_id, starts_at) WHERE kind = 'reminder';

-- A late confirmation (the hold ran out, the link still works) takes its seats back by setting
-- them 'held' again: judged like a new seat, so it is refused when the workshop is full, closed or
-- cancelled. created_at is when the seat was (last) taken.
CREATE TRIGGER seats_guard_retake BEFORE UPDATE OF status ON seats
WHEN NEW.status = 'held' AND OLD.status <> 'held'
BEGIN
  SELECT RAISE(ABORT, 'registration_closed')
  WHERE NEW.created_at >= (SELECT registration_closes_at FROM workshops WHERE id = NEW.workshop_id)
    OR (SELECT cancelled_at FROM workshops WHERE id = NEW.workshop_id) IS NOT NULL;
  SELECT RAISE(ABORT, 'workshop_full')
  WHERE (SELECT COUNT(*) FROM seats WHERE workshop_id = NEW.workshop_id AND status = 'held')
    >= (SELECT capacity FROM workshops WHERE id = NEW.workshop_id);
END;

-- While a registration is pending: a keyed hash (HMAC-SHA-256 with a secret) of the client's
-- network, its IPv4 address or IPv6 /64, never the address itself. Cleared when the registration
-- stops being pending (confirmed, cancelled, expired).
ALTER TABLE registrations ADD COLUMN client_key TEXT;

CREATE INDEX registrations_pending_by_client ON registrations (client_key, series_id)
WHERE client_key IS NOT NULL;

-- At most 5 unconfirmed registrations per client and series at a time (PENDING_PER_CLIENT in
-- worker/src/domain/holds.ts): in the database, so parallel requests cannot get past it.
CREATE TRIGGER registrations_pending_cap BEFORE INSERT ON registrations
WHEN NEW.client_key IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'too_many_pending')
  WHERE (SELECT COUNT(*) FROM registrations
         WHERE client_key = NEW.client_key AND series_id = NEW.series_id
           AND status = 'pending' AND expires_at > NEW.created_at) >= 5;
END;

-- Cloudflare Turnstile for a series whose organizer turned it on (off while NULL): the widget's
-- public site key and the secret key the worker verifies tokens with (never sent to anyone).
ALTER TABLE series ADD COLUMN turnstile_site_key TEXT;
ALTER TABLE series ADD COLUMN turnstile_secret_key TEXT;
