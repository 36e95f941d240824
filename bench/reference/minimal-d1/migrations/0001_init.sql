-- The least a registration needs: workshops with a capacity, registrations, seats, and the same
-- database-enforced capacity rule the project uses (a trigger that aborts the batch).
CREATE TABLE workshops (
  id TEXT PRIMARY KEY,
  capacity INTEGER NOT NULL
);

CREATE TABLE registrations (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE seats (
  registration_id TEXT NOT NULL REFERENCES registrations (id),
  workshop_id TEXT NOT NULL REFERENCES workshops (id),
  PRIMARY KEY (registration_id, workshop_id)
);

CREATE INDEX seats_by_workshop ON seats (workshop_id);

CREATE TRIGGER seats_guard BEFORE INSERT ON seats
BEGIN
  SELECT RAISE(ABORT, 'workshop_full')
  WHERE (SELECT COUNT(*) FROM seats WHERE workshop_id = NEW.workshop_id)
    >= (SELECT capacity FROM workshops WHERE id = NEW.workshop_id);
END;
