-- Waybill schema version 15: the last weighing of a package at the scan station (issue 13 item 6). Every check
-- with a usable weight records the grams, whether they were within the tolerance, and when. Batch delivery reads
-- it: a printed package whose last weighing failed ships only on a supervisor's authority. All nullable: a package
-- never weighed has none. Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL.
ALTER TABLE WB_PACKAGE ADD COLUMN LAST_WEIGHED_GRAMS INTEGER;
ALTER TABLE WB_PACKAGE ADD COLUMN LAST_WEIGHED_PASSED BOOLEAN;
ALTER TABLE WB_PACKAGE ADD COLUMN LAST_WEIGHED_AT TIMESTAMP;
