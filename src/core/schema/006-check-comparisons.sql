-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 6: the same rules for a report's channel and review state and for a history
-- line's action, written as comparisons. A CHECK of "x IN ('a', 'b', 'c')" makes SQLite build
-- a lookup table each time a statement writes a row, and an import writes 50,000 reports
-- and their history, one statement each: a fifth of its time went on those tables.
-- The tables are rebuilt as SQLite's ALTER TABLE documentation says (its twelve steps):
-- llweek runs migrations with foreign keys off, and checks them before each commits.
CREATE TABLE report_new (
  id              INTEGER PRIMARY KEY,
  campaign_id     INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  unit_id         INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
  received_date   TEXT NOT NULL,
  channel         TEXT NOT NULL DEFAULT 'email'
                  CHECK (channel = 'email' OR channel = 'post' OR channel = 'hand'
                         OR channel = 'online'),
  document_number TEXT NOT NULL DEFAULT '',
  document_date   TEXT,
  theme_id        INTEGER REFERENCES theme (id) ON DELETE SET NULL,
  review_state    TEXT NOT NULL DEFAULT 'received'
                  CHECK (review_state = 'received' OR review_state = 'needs_revision'
                         OR review_state = 'accepted'),
  results         TEXT NOT NULL DEFAULT '',
  difficulties    TEXT NOT NULL DEFAULT '',
  proposals       TEXT NOT NULL DEFAULT '',
  note            TEXT NOT NULL DEFAULT '',
  UNIQUE (campaign_id, unit_id)
);
INSERT INTO report_new SELECT * FROM report;
DROP TABLE report;
ALTER TABLE report_new RENAME TO report;
CREATE INDEX report_unit ON report (unit_id);

CREATE TABLE history_new (
  id               INTEGER PRIMARY KEY,
  changed_at       TEXT NOT NULL,
  campaign_id      INTEGER,
  table_name       TEXT NOT NULL,
  record_id        INTEGER NOT NULL,
  action           TEXT NOT NULL
                   CHECK (action = 'insert' OR action = 'update' OR action = 'delete'),
  field            TEXT,
  old_value        TEXT,
  new_value        TEXT,
  returned_form_id INTEGER
);
INSERT INTO history_new SELECT * FROM history;
DROP TABLE history;
ALTER TABLE history_new RENAME TO history;
CREATE INDEX history_record ON history (table_name, record_id);
