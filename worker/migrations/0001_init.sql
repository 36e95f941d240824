-- Series, workshops and registrations. All instants are UTC epoch milliseconds.

CREATE TABLE series (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title_sk TEXT NOT NULL,
  title_en TEXT NOT NULL,
  description_sk TEXT NOT NULL DEFAULT '',
  description_en TEXT NOT NULL DEFAULT '',
  privacy_url TEXT NOT NULL,
  organizer_name TEXT NOT NULL,
  organizer_email TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE workshops (
  id TEXT PRIMARY KEY,
  series_id INTEGER NOT NULL REFERENCES series (id),
  title_sk TEXT NOT NULL,
  title_en TEXT NOT NULL,
  description_sk TEXT NOT NULL DEFAULT '',
  description_en TEXT NOT NULL DEFAULT '',
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity >= 0),
  join_url TEXT NOT NULL,
  registration_closes_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK (registration_closes_at <= starts_at)
);

CREATE INDEX workshops_by_series_start ON workshops (series_id, starts_at);

-- One row per submitted form. The same person may submit several times; seats are what counts.
CREATE TABLE registrations (
  id TEXT PRIMARY KEY,
  series_id INTEGER NOT NULL REFERENCES series (id),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  email TEXT NOT NULL,
  -- Lower-cased address: the key for "one seat per person per workshop".
  email_key TEXT NOT NULL,
  organization_type TEXT NOT NULL,
  organization TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '',
  locale TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE INDEX registrations_by_series ON registrations (series_id, created_at);

-- A seat: one registration holding a place in one workshop. Released seats stay as history.
CREATE TABLE seats (
  registration_id TEXT NOT NULL REFERENCES registrations (id),
  workshop_id TEXT NOT NULL REFERENCES workshops (id),
  email_key TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'released')),
  created_at INTEGER NOT NULL,
  released_at INTEGER,
  PRIMARY KEY (registration_id, workshop_id)
);

CREATE UNIQUE INDEX seats_one_per_person ON seats (workshop_id, email_key) WHERE status = 'held';

-- The capacity rule lives in the database so that no code path and no race can oversell:
-- D1 runs each batch as one transaction, and RAISE aborts (and rolls back) the whole batch.
CREATE TRIGGER seats_guard BEFORE INSERT ON seats
WHEN NEW.status = 'held'
BEGIN
  SELECT RAISE(ABORT, 'registration_closed')
  WHERE NEW.created_at >= (SELECT registration_closes_at FROM workshops WHERE id = NEW.workshop_id);
  SELECT RAISE(ABORT, 'workshop_full')
  WHERE (SELECT COUNT(*) FROM seats WHERE workshop_id = NEW.workshop_id AND status = 'held')
    >= (SELECT capacity FROM workshops WHERE id = NEW.workshop_id);
END;
