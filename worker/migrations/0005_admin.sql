-- The organizer's side: where a series may be embedded, and who did what.

-- The origins (scheme://host[:port], normalized) whose pages may embed the series: they get CORS
-- answers from the public API and may frame /embed/<slug>. A JSON array; '[]' means any origin
-- (any https: page for framing), which is what every series had before.
ALTER TABLE series ADD COLUMN allowed_origins TEXT NOT NULL DEFAULT '[]';

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
