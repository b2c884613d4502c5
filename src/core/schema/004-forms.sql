-- SPDX-License-Identifier: GPL-3.0-or-later
-- The fill-in forms sent to the units and the forms they send back.

-- Every form made for a unit. Its random token travels inside the form and identifies a
-- returned one: a form llweek never made is refused. The unit's name as the form shows it
-- tells an edited identity from a unit renamed since.
CREATE TABLE issued_form (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  unit_id     INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
  token       TEXT NOT NULL UNIQUE,
  made_at     TEXT NOT NULL,
  unit_name   TEXT NOT NULL
);
CREATE INDEX issued_form_unit ON issued_form (campaign_id, unit_id);

-- Every returned form imported into a report, kept whole so that it can be opened again.
CREATE TABLE returned_form (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  size        INTEGER NOT NULL CHECK (size >= 0),
  content     BLOB NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE INDEX returned_form_report ON returned_form (report_id);
CREATE INDEX returned_form_sha256 ON returned_form (sha256);

-- The returned form a change came from, when it came from one (no reference: the history
-- outlives what it describes).
ALTER TABLE history ADD COLUMN returned_form_id INTEGER;
