-- Waybill schema version 19: a history reason as data (issue 13 item 9). REASON_CODE is the code of
-- io.waybill.core.model.Reason and REASON_PARAMS its values separated by U+001F, so every language renders the
-- reason; REASON keeps the English sentence (shell, logs). Older rows keep their free text (both columns null).
-- Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL.
ALTER TABLE WB_AUDIT_EVENT ADD COLUMN REASON_CODE VARCHAR(40);
ALTER TABLE WB_AUDIT_EVENT ADD COLUMN REASON_PARAMS VARCHAR(2000);
