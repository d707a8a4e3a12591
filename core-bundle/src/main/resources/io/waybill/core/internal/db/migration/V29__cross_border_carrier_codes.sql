-- Waybill schema version 29 (issue 18): the carrier code table knows the cross-border carriers on Amazon.
-- Amazon's confirmShipment takes carrierCode "Other" with a free carrierName for a carrier outside the store's list of
-- Amazon carrier codes (the Amazon plugin's 'Amazon carrier codes' setting); these rows give YunExpress, 4PX and
-- Yanwen the names the carriers use themselves. A row a seller already saved for the same platform and carrier is
-- kept as it is (the insert skips it), so this migration never fails on an existing mapping and never overwrites one.
-- TikTok Shop gets no row: its carrier code is the shop's own shipping_provider_id (Get Shipping Providers of the
-- shop's delivery option), not a value the same for every shop; the seller saves it with waybill:settings carrier-code.
-- One statement per row with its own literals: a VALUES list would pad the shorter strings to one CHAR length on Derby.
INSERT INTO WB_CARRIER_CODE_MAP (PLATFORM, CARRIER_ID, PLATFORM_CARRIER_CODE)
  SELECT 'amazon', 'yunexpress', 'YunExpress' FROM (VALUES (1)) AS one (X)
  WHERE NOT EXISTS (SELECT 1 FROM WB_CARRIER_CODE_MAP WHERE PLATFORM = 'amazon' AND CARRIER_ID = 'yunexpress');
INSERT INTO WB_CARRIER_CODE_MAP (PLATFORM, CARRIER_ID, PLATFORM_CARRIER_CODE)
  SELECT 'amazon', '4px', '4PX' FROM (VALUES (1)) AS one (X)
  WHERE NOT EXISTS (SELECT 1 FROM WB_CARRIER_CODE_MAP WHERE PLATFORM = 'amazon' AND CARRIER_ID = '4px');
INSERT INTO WB_CARRIER_CODE_MAP (PLATFORM, CARRIER_ID, PLATFORM_CARRIER_CODE)
  SELECT 'amazon', 'yanwen', 'Yanwen' FROM (VALUES (1)) AS one (X)
  WHERE NOT EXISTS (SELECT 1 FROM WB_CARRIER_CODE_MAP WHERE PLATFORM = 'amazon' AND CARRIER_ID = 'yanwen');
