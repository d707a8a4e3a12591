-- Waybill schema version 31 (issue 14): the buyer's note of an order (SPI platform 1.3, PlatformOrder.Value.buyerNote),
-- what the rule condition "note yes" / "note no" (buyer note present) tests. Nullable: orders captured before, and
-- plugins built against SPI 1.2, have none. A longer note is kept to its first 2000 characters (OrderWriter).
-- Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL.
ALTER TABLE WB_ORDER ADD COLUMN BUYER_NOTE VARCHAR(2000);
