-- Waybill schema version 5: capture looks orders up by platform order id with an IN list; Derby probes an index
-- with an IN list only on its leading column, so (STORE_ID, PLATFORM_ORDER_ID) alone made each lookup a scan.
CREATE INDEX IX_ORDER_PLATFORM_ID ON WB_ORDER (PLATFORM_ORDER_ID);
