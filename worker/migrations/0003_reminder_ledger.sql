-- The reminder ledger on columns: which start time a reminder was for. The cron finds the seats
-- still to remind by joining on it, so the ledger key ('reminder:<registration>:<workshop>:<start>')
-- is built in one place only, the worker's code. NULL for every other kind of message.
ALTER TABLE outbox ADD COLUMN starts_at INTEGER;

-- Reminders queued before this column: their start time is the last part of their ledger key.
-- Without it the first run after the upgrade would remind everyone a second time.
UPDATE outbox
SET starts_at = CAST(substr(dedupe_key, length('reminder:' || registration_id || ':' || workshop_id || ':') + 1) AS INTEGER)
WHERE kind = 'reminder';

CREATE INDEX outbox_reminders ON outbox (registration_id, workshop_id, starts_at) WHERE kind = 'reminder';

-- The cron reads the workshops starting within the lead time and every seat in them (their
-- states are for the reminder rules to judge, not for SQL).
CREATE INDEX workshops_by_start ON workshops (starts_at);
CREATE INDEX seats_by_workshop ON seats (workshop_id);

-- attendance_counts (0002) is written by retention and not read yet, on purpose: a later issue
-- shows these anonymous counts to organizers on the admin page. Keep the table.
