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
