-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 1: every entity of the campaign. Dates are ISO 8601 text (YYYY-MM-DD).

CREATE TABLE campaign (
  id                      INTEGER PRIMARY KEY,
  year                    INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2999),
  title                   TEXT NOT NULL,
  start_date              TEXT NOT NULL,
  end_date                TEXT NOT NULL,
  opening_date            TEXT,
  unit_deadline           TEXT NOT NULL,
  ministry_deadline       TEXT NOT NULL,
  directive_number        TEXT NOT NULL DEFAULT '',
  directive_date          TEXT,
  directive_issuer        TEXT NOT NULL DEFAULT '',
  directive_subject       TEXT NOT NULL DEFAULT '',
  directive_signer        TEXT NOT NULL DEFAULT '',
  ministry_letter_number  TEXT NOT NULL DEFAULT '',
  ministry_letter_date    TEXT,
  ministry_letter_issuer  TEXT NOT NULL DEFAULT '',
  ministry_letter_subject TEXT NOT NULL DEFAULT '',
  basis                   TEXT NOT NULL DEFAULT '',
  purpose                 TEXT NOT NULL DEFAULT '',
  office_name             TEXT NOT NULL DEFAULT '',
  office_parent           TEXT NOT NULL DEFAULT '',
  office_address          TEXT NOT NULL DEFAULT '',
  office_phone            TEXT NOT NULL DEFAULT '',
  office_email            TEXT NOT NULL DEFAULT '',
  report_parent_body      TEXT NOT NULL DEFAULT '',
  report_issuing_body     TEXT NOT NULL DEFAULT '',
  report_place            TEXT NOT NULL DEFAULT '',
  report_number           TEXT NOT NULL DEFAULT '',
  report_subject          TEXT NOT NULL DEFAULT '',
  report_signer_authority TEXT NOT NULL DEFAULT '',
  report_signer_title     TEXT NOT NULL DEFAULT '',
  report_signer_name      TEXT NOT NULL DEFAULT '',
  report_to               TEXT NOT NULL DEFAULT '',  -- one recipient a line
  report_cc               TEXT NOT NULL DEFAULT '',  -- one recipient a line
  report_assessment       TEXT NOT NULL DEFAULT '',
  report_proposals        TEXT NOT NULL DEFAULT '',
  CHECK (start_date <= end_date)
);

-- The addressees of the campaign's directive, for the dispatch checklist.
CREATE TABLE recipient (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('to', 'cc')),
  name        TEXT NOT NULL,
  sent_date   TEXT
);
CREATE INDEX recipient_campaign ON recipient (campaign_id, position);

CREATE TABLE theme (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  title       TEXT NOT NULL,
  suggested   INTEGER NOT NULL DEFAULT 1 CHECK (suggested IN (0, 1))
);
CREATE INDEX theme_campaign ON theme (campaign_id, position);

CREATE TABLE activity_kind (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activity_kind_campaign ON activity_kind (campaign_id, position);

-- Units live across campaigns; name_key is the name after NFC, trimming and case folding.
CREATE TABLE unit (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  name_key       TEXT NOT NULL UNIQUE,
  short_name     TEXT NOT NULL DEFAULT '',
  code           TEXT UNIQUE,
  unit_group     TEXT NOT NULL CHECK (unit_group IN ('district', 'provincial', 'other')),
  contact_person TEXT NOT NULL DEFAULT '',
  phone          TEXT NOT NULL DEFAULT '',
  email          TEXT NOT NULL DEFAULT '',
  address        TEXT NOT NULL DEFAULT '',
  position       INTEGER NOT NULL,
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX unit_position ON unit (position);

CREATE TABLE assignment (
  id              INTEGER PRIMARY KEY,
  campaign_id     INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  unit_id         INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
  role            TEXT NOT NULL CHECK (role IN ('lead', 'coordinate', 'implement')),
  task            TEXT NOT NULL DEFAULT '',
  report_required INTEGER NOT NULL DEFAULT 1 CHECK (report_required IN (0, 1)),
  deadline        TEXT,  -- NULL: the campaign's unit deadline
  UNIQUE (campaign_id, unit_id)
);
CREATE INDEX assignment_unit ON assignment (unit_id);

CREATE TABLE activity (
  id           INTEGER PRIMARY KEY,
  campaign_id  INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  unit_id      INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
  kind_id      INTEGER REFERENCES activity_kind (id) ON DELETE SET NULL,
  theme_id     INTEGER REFERENCES theme (id) ON DELETE SET NULL,
  title        TEXT NOT NULL,
  start_date   TEXT,
  end_date     TEXT,
  form         TEXT NOT NULL DEFAULT 'in_person' CHECK (form IN ('in_person', 'online', 'mixed')),
  platform     TEXT NOT NULL DEFAULT '',
  place        TEXT NOT NULL DEFAULT '',
  participants INTEGER CHECK (participants >= 0),
  note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activity_campaign ON activity (campaign_id, start_date);
CREATE INDEX activity_unit ON activity (unit_id);

CREATE TABLE report (
  id              INTEGER PRIMARY KEY,
  campaign_id     INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  unit_id         INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
  received_date   TEXT NOT NULL,
  channel         TEXT NOT NULL DEFAULT 'email'
                  CHECK (channel IN ('email', 'post', 'hand', 'online')),
  document_number TEXT NOT NULL DEFAULT '',
  document_date   TEXT,
  theme_id        INTEGER REFERENCES theme (id) ON DELETE SET NULL,
  review_state    TEXT NOT NULL DEFAULT 'received'
                  CHECK (review_state IN ('received', 'needs_revision', 'accepted')),
  results         TEXT NOT NULL DEFAULT '',
  difficulties    TEXT NOT NULL DEFAULT '',
  proposals       TEXT NOT NULL DEFAULT '',
  note            TEXT NOT NULL DEFAULT '',
  UNIQUE (campaign_id, unit_id)
);
CREATE INDEX report_unit ON report (unit_id);

CREATE TABLE indicator (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  code        TEXT NOT NULL,
  group_title TEXT NOT NULL,
  label       TEXT NOT NULL,
  measure     TEXT NOT NULL DEFAULT '',
  decimals    INTEGER NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 2),
  at_least    TEXT NOT NULL DEFAULT '',  -- code of an indicator this one is not expected below
  position    INTEGER NOT NULL,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (campaign_id, code)
);

-- A row with a NULL value, like a missing row, means "not reported", which is not 0.
-- Figures are found through their report; an index by indicator would double the cost
-- of writing them, and only deleting an indicator would use it.
CREATE TABLE report_value (
  report_id    INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  value        REAL CHECK (value >= 0),
  PRIMARY KEY (report_id, indicator_id)
) WITHOUT ROWID;

-- Reminders sent to a unit whose report is late or missing.
CREATE TABLE reminder (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  unit_id     INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
  reminded_on TEXT NOT NULL,
  channel     TEXT NOT NULL DEFAULT 'phone'
              CHECK (channel IN ('phone', 'email', 'letter', 'in_person')),
  note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reminder_unit ON reminder (campaign_id, unit_id, reminded_on);

-- Append-only log of every change.
CREATE TABLE history (
  id          INTEGER PRIMARY KEY,
  changed_at  TEXT NOT NULL,
  campaign_id INTEGER,
  table_name  TEXT NOT NULL,
  record_id   INTEGER NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  field       TEXT,
  old_value   TEXT,
  new_value   TEXT
);
CREATE INDEX history_record ON history (table_name, record_id);
