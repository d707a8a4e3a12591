-- Waybill schema version 20: per-user UI preferences kept in the core (issue 13 item 10: the chosen columns of a list
-- follow the user across sessions and devices). One row per user and key; the value is plain text.
-- Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL.
CREATE TABLE WB_USER_PREFERENCE (
  USER_NAME VARCHAR(100) NOT NULL,
  PREF_KEY VARCHAR(100) NOT NULL,
  PREF_VALUE VARCHAR(2000) NOT NULL,
  UPDATED_AT TIMESTAMP NOT NULL,
  PRIMARY KEY (USER_NAME, PREF_KEY)
);
