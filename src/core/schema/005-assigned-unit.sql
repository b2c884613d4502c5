-- SPDX-License-Identifier: GPL-3.0-or-later
-- The rules every list of assigned units follows, written once. deadline: the day the unit
-- must report by, its assignment's own or else the campaign's. group_rank: the order of the
-- groups in every list and document, district level first, then provincial level, then the
-- others (the order of LlwUnitGroup, which tests compare with this one).
-- Subqueries, not joins, so that the view stays cheap on the right of a LEFT JOIN (SQLite
-- then folds it into the query instead of reading every assignment first).
CREATE VIEW assigned_unit AS
SELECT a.id, a.campaign_id, a.unit_id, a.role, a.task, a.report_required,
       coalesce (a.deadline,
                 (SELECT c.unit_deadline FROM campaign c WHERE c.id = a.campaign_id))
         AS deadline,
       (SELECT CASE u.unit_group WHEN 'district' THEN 0 WHEN 'provincial' THEN 1 ELSE 2 END
        FROM unit u WHERE u.id = a.unit_id) AS group_rank
FROM assignment a;
