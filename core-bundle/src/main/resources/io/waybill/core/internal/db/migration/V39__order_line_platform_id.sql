-- Waybill schema version 39 (issue 14, partial shipments): the marketplace's own id of an order line (SPI platform 1.6,
-- PlatformOrder.Line.lineId: Shopify's line item gid, eBay's lineItemId, TikTok Shop's order line item id, Amazon's
-- OrderItemId). A package of a split order is confirmed with the line ids of the lines it carries
-- (ShipmentConfirmation.Item.lineId), so the marketplace's line is found by id, not by SKU: a line whose marketplace SKU
-- is an alias of a Waybill SKU is found too. Kept on held unmatched lines as well, so mapping the SKU later
-- (HeldOrders) moves the id with the line. Nullable: orders captured before, and order files and manual orders, have
-- none (their lines are found by SKU as before).
-- Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL.
ALTER TABLE WB_ORDER_LINE ADD COLUMN PLATFORM_LINE_ID VARCHAR(200);
ALTER TABLE WB_UNMATCHED_LINE ADD COLUMN PLATFORM_LINE_ID VARCHAR(200);
