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
