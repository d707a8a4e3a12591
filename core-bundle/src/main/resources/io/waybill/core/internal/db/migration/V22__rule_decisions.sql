-- Waybill schema version 22: what the logistics rules decided for a package (issue 14). RULE_WAREHOUSE_ID is the
-- warehouse a rule assigned (allocation tries it before the store's priority list: workflow.AllocationPolicy);
-- RULE_CARRIER_ID / RULE_SERVICE_CODE the shipping method a rule assigned (the upload uses it instead of the store's
-- default method); HOLD_REASON / HOLD_RULE why a rule held the package for review (status HELD, the "To review" tab),
-- cleared when it is released. Each decision is also a history line (WB_AUDIT_EVENT, REASON_CODE rule_*).
-- Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL.
ALTER TABLE WB_PACKAGE ADD COLUMN RULE_WAREHOUSE_ID BIGINT;
ALTER TABLE WB_PACKAGE ADD COLUMN RULE_CARRIER_ID VARCHAR(60);
ALTER TABLE WB_PACKAGE ADD COLUMN RULE_SERVICE_CODE VARCHAR(60);
ALTER TABLE WB_PACKAGE ADD COLUMN HOLD_REASON VARCHAR(200);
ALTER TABLE WB_PACKAGE ADD COLUMN HOLD_RULE VARCHAR(120);
