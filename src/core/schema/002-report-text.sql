-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 2: the consolidated report's own text, kept per campaign.

-- The day written in the report's date line (NULL: the day it is made), and the limits
-- the office names in III. Đánh giá chung beside its strengths (report_assessment).
ALTER TABLE campaign ADD COLUMN report_date TEXT;
ALTER TABLE campaign ADD COLUMN report_limitations TEXT NOT NULL DEFAULT '';

-- The outstanding examples the report names: who, in which unit, for what.
CREATE TABLE report_example (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  person      TEXT NOT NULL,
  unit_name   TEXT NOT NULL DEFAULT '',
  achievement TEXT NOT NULL DEFAULT ''
);
CREATE INDEX report_example_campaign ON report_example (campaign_id, position);

-- Headline indicators: compared with last year in the overview and charted by unit.
ALTER TABLE indicator ADD COLUMN headline INTEGER NOT NULL DEFAULT 0
  CHECK (headline IN (0, 1));
UPDATE indicator SET headline = 1 WHERE code IN ('A3', 'C2', 'C4', 'D2');
