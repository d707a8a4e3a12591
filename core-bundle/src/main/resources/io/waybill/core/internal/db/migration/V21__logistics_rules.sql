-- Waybill schema version 21: logistics rules (issue 14, 物流规则). One row per rule; POSITION is its priority (1 =
-- first; listed by POSITION, then ID). CONDITIONS and ACTIONS hold the rule's text form, one per line
-- (core.internal.rules.RuleText: 'country EU', 'value ..150 EUR', 'ship pool-main SEA-DG', ...), parsed and checked
-- before every write. Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL.
CREATE TABLE WB_RULE (
  ID BIGINT NOT NULL PRIMARY KEY,
  VERSION BIGINT NOT NULL,
  POSITION INTEGER NOT NULL,
  NAME VARCHAR(100) NOT NULL,
  ENABLED BOOLEAN NOT NULL,
  CONDITIONS VARCHAR(4000) NOT NULL,
  ACTIONS VARCHAR(2000) NOT NULL,
  UPDATED_AT TIMESTAMP NOT NULL,
  UPDATED_BY VARCHAR(100) NOT NULL,
  CONSTRAINT UQ_RULE_NAME UNIQUE (NAME),
  CONSTRAINT CK_RULE_POSITION CHECK (POSITION >= 1)
);
CREATE INDEX IX_RULE_POSITION ON WB_RULE (POSITION, ID);
