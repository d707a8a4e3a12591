-- Waybill schema version 26 (issue 15): the package lists and the search box at 1,000,000 packages.
-- Portable SQL with two dialect placeholders (MigrationRunner.dialect): ${STORED} is STORED on PostgreSQL (its
-- generated columns are stored ones) and nothing on Derby; ${PATTERN} is varchar_pattern_ops on PostgreSQL (a
-- btree under a non-C collation cannot serve LIKE 'ABC%' without it) and nothing on Derby.
--
-- A tab's first page (status, newest first; oldest first) is read from one index in its order, without a sort:
-- Derby scans an index forwards only, so each direction has its own; ID (ascending: the lists' tie-break) ends both keys.
DROP INDEX IX_PACKAGE_STATUS;
CREATE INDEX IX_PACKAGE_STATUS_CREATED ON WB_PACKAGE (STATUS, CREATED_AT, ID);
CREATE INDEX IX_PACKAGE_STATUS_RECENT ON WB_PACKAGE (STATUS, CREATED_AT DESC, ID);
-- The search box's prefix probes (PackageSearch.prefix): buyer name and e-mail ignoring case. Derby has no index on
-- an expression, so the upper-cased values are generated columns the database keeps (no write path sets them).
ALTER TABLE WB_ORDER ADD COLUMN BUYER_NAME_UC VARCHAR(200) GENERATED ALWAYS AS (UPPER(BUYER_NAME)) ${STORED};
ALTER TABLE WB_ORDER ADD COLUMN BUYER_EMAIL_UC VARCHAR(200) GENERATED ALWAYS AS (UPPER(BUYER_EMAIL)) ${STORED};
CREATE INDEX IX_ORDER_BUYER_UC ON WB_ORDER (BUYER_NAME_UC ${PATTERN});
CREATE INDEX IX_ORDER_EMAIL_UC ON WB_ORDER (BUYER_EMAIL_UC ${PATTERN});
-- Prefixes of the numbers: on Derby these repeat UQ_PACKAGE_NO, IX_PACKAGE_TRACKING and IX_ORDER_NO (Derby shares
-- the existing index and warns); on PostgreSQL they are the pattern indexes LIKE needs.
CREATE INDEX IX_PACKAGE_NO_PREFIX ON WB_PACKAGE (PACKAGE_NO ${PATTERN});
CREATE INDEX IX_PACKAGE_TRACKING_PREFIX ON WB_PACKAGE (TRACKING_NO ${PATTERN});
CREATE INDEX IX_ORDER_NO_PREFIX ON WB_ORDER (ORDER_NO ${PATTERN});
-- Order lines by SKU (the SKU filter and a SKU prefix; Derby backs the foreign key with an index, PostgreSQL does not)
CREATE INDEX IX_LINE_SKU ON WB_ORDER_LINE (SKU_ID);
