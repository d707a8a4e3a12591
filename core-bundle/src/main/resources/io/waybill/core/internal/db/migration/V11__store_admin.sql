-- Waybill schema version 11: store management (issue 12 item 4). V9 and V10 are other changes of the same issue.
-- A disabled store is neither captured nor synced; AUTO_SYNC is the store's own switch, used together with the
-- platform's (WB_PLATFORM_SETTING). The plugin's account settings live in Config Admin, not here.
ALTER TABLE WB_STORE ADD COLUMN ENABLED BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE WB_STORE ADD COLUMN AUTO_SYNC BOOLEAN DEFAULT TRUE NOT NULL;
