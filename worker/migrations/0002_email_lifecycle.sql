-- Double opt-in, cancellation, reminders, changes after the fact and retention.

-- Days after a registrant's last workshop until their personal data is deleted.
ALTER TABLE series ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 30;

ALTER TABLE workshops ADD COLUMN cancelled_at INTEGER;
-- Bumped when the time or the join link changes (or on cancellation): calendar files carry it
-- as SEQUENCE, and change notices are keyed by it.
ALTER TABLE workshops ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;

-- pending | confirmed | cancelled | expired. A pending registration holds its seats until expires_at.
ALTER TABLE registrations ADD COLUMN expires_at INTEGER;
ALTER TABLE registrations ADD COLUMN confirmed_at INTEGER;
-- The origin links in e-mails point to (the API the person registered through).
ALTER TABLE registrations ADD COLUMN base_url TEXT NOT NULL DEFAULT '';

CREATE INDEX registrations_by_status_expiry ON registrations (status, expires_at);

-- Links in e-mails carry random tokens; only their SHA-256 is stored.
CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  registration_id TEXT NOT NULL REFERENCES registrations (id),
  purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'manage')),
  created_at INTEGER NOT NULL
);

CREATE INDEX tokens_by_registration ON tokens (registration_id);

-- Every e-mail, and the send ledger: a message is claimed (status 'sending') before it is sent, so
-- overlapping runs never send it twice; dedupe_key makes each (kind, registration, workshop, …)
-- exist once however often it is enqueued.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  dedupe_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  registration_id TEXT NOT NULL REFERENCES registrations (id),
  workshop_id TEXT,
  to_address TEXT NOT NULL,
  from_name TEXT NOT NULL,
  reply_to TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  attachments TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  claimed_at INTEGER,
  sent_at INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL
);

CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_by_registration ON outbox (registration_id);
CREATE INDEX outbox_by_workshop_kind ON outbox (workshop_id, kind, status);

-- What is left after retention deletes personal data: anonymous counts of confirmed participants.
CREATE TABLE attendance_counts (
  workshop_id TEXT NOT NULL REFERENCES workshops (id),
  organization_type TEXT NOT NULL,
  participants INTEGER NOT NULL,
  PRIMARY KEY (workshop_id, organization_type)
);

-- A cancelled workshop takes no new seats either.
DROP TRIGGER seats_guard;

CREATE TRIGGER seats_guard BEFORE INSERT ON seats
WHEN NEW.status = 'held'
BEGIN
  SELECT RAISE(ABORT, 'registration_closed')
  WHERE NEW.created_at >= (SELECT registration_closes_at FROM workshops WHERE id = NEW.workshop_id)
    OR (SELECT cancelled_at FROM workshops WHERE id = NEW.workshop_id) IS NOT NULL;
  SELECT RAISE(ABORT, 'workshop_full')
  WHERE (SELECT COUNT(*) FROM seats WHERE workshop_id = NEW.workshop_id AND status = 'held')
    >= (SELECT capacity FROM workshops WHERE id = NEW.workshop_id);
END;
