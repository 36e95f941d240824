-- The organizer's side: who did what.

-- Every admin action: what, on which record, when and by whom (the Cloudflare Access e-mail or
-- "admin token"). Never a registrant's personal data: records are named by id only, and erasing
-- or retention-deleting a registration clears its id from here too (db/retention.ts).
-- The rowid orders entries (newest first) and is the paging cursor.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  series_id INTEGER REFERENCES series (id),
  target_type TEXT,
  target_id TEXT,
  -- A JSON object of record ids and numbers (workshop ids, counts): nothing about a person.
  detail TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_by_series ON audit_log (series_id, id);
CREATE INDEX audit_by_target ON audit_log (target_type, target_id);
