-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 3: once its Ministry deadline has passed a campaign is closed, its records
-- read-only, unless the office reopened it; reopened says so (the history says when).
ALTER TABLE campaign ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0 CHECK (reopened IN (0, 1));
