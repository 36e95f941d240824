-- Waiting lists, the reminder schedule per series and the follow-up per workshop (issue 12).

-- A workshop's waiting list: on by default. Off: nobody new joins; people already in line stay.
ALTER TABLE workshops ADD COLUMN waitlist_enabled INTEGER NOT NULL DEFAULT 1;
-- How a freed seat reaches the first in line: 'auto' moves them in; 'offer' holds the seat for
-- them for offer_minutes, and it passes to the next in line unless they accept in time.
ALTER TABLE workshops ADD COLUMN waitlist_mode TEXT NOT NULL DEFAULT 'auto';
ALTER TABLE workshops ADD COLUMN offer_minutes INTEGER NOT NULL DEFAULT 1440;

-- The follow-up after a workshop (NULL text: none), sent this many minutes after the end, with
-- the organizer's links (a JSON array of {"label": {sk, en}, "url"}).
ALTER TABLE workshops ADD COLUMN followup_sk TEXT;
ALTER TABLE workshops ADD COLUMN followup_en TEXT;
ALTER TABLE workshops ADD COLUMN followup_links TEXT NOT NULL DEFAULT '[]';
ALTER TABLE workshops ADD COLUMN followup_after_minutes INTEGER NOT NULL DEFAULT 120;

-- The reminder schedule of a series: the join link this many minutes before each workshop, and
-- optionally a second, short reminder (NULL: none).
ALTER TABLE series ADD COLUMN reminder_lead_minutes INTEGER NOT NULL DEFAULT 1440;
ALTER TABLE series ADD COLUMN second_reminder_minutes INTEGER;

-- A place in a workshop's line. The rowid orders the line: D1 runs one statement at a time, so
-- concurrent joins get increasing ids in the order they happened. A registration holds either a
-- seat or a place in each workshop it chose, never both.
--   waiting  : in line (counts only while its registration is confirmed, or pending in its hold)
--   promoted : moved into a seat (same registration, same workshop: seats row)
--   offered  : a seat is held for them until offered_until ('offer' mode); accepted: promoted;
--              not accepted in time: offer_expired, the seat goes to the next in line
--   removed  : taken out by an organizer; left: the person cancelled; expired: never confirmed
CREATE TABLE waitlist (
  id INTEGER PRIMARY KEY,
  registration_id TEXT NOT NULL REFERENCES registrations (id),
  workshop_id TEXT NOT NULL REFERENCES workshops (id),
  email_key TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'waiting'
    CHECK (status IN ('waiting', 'offered', 'promoted', 'offer_expired', 'removed', 'left', 'expired')),
  created_at INTEGER NOT NULL,
  promoted_at INTEGER,
  offered_until INTEGER,
  -- When the "you have a seat" message was queued (or found untrue and skipped): the cron
  -- announces promotions that a request made but did not get to announce.
  announced_at INTEGER,
  ended_at INTEGER,
  UNIQUE (registration_id, workshop_id)
);

-- One place in line per address and workshop.
CREATE UNIQUE INDEX waitlist_one_per_person ON waitlist (workshop_id, email_key)
WHERE status = 'waiting';

CREATE INDEX waitlist_by_workshop ON waitlist (workshop_id, status, id);
CREATE INDEX waitlist_by_registration ON waitlist (registration_id);

-- The ledgers of the second reminder and the follow-up, as 0003 did for reminders.
CREATE INDEX outbox_short_reminders ON outbox (registration_id, workshop_id, starts_at)
WHERE kind = 'reminder_short';
CREATE INDEX outbox_followups ON outbox (registration_id, workshop_id) WHERE kind = 'followup';
