-- Waybill schema version 9: what an order is worth (issue 12 item 6, SPI platform 1.2). Per order: the total the
-- buyer paid, the shipping paid, their ISO 4217 currency, the buyer's phone and e-mail (the ship-to phone and
-- e-mail stay in PHONE / EMAIL) and the ship-by time; per line: the unit price and its currency. All nullable:
-- orders captured before, and plugins built against SPI 1.1, have none. DECIMAL(19, 4) holds every currency's
-- minor unit (at most 3 decimals in ISO 4217). Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL.
ALTER TABLE WB_ORDER ADD COLUMN CURRENCY VARCHAR(3);
ALTER TABLE WB_ORDER ADD COLUMN TOTAL DECIMAL(19, 4);
ALTER TABLE WB_ORDER ADD COLUMN SHIPPING_PAID DECIMAL(19, 4);
ALTER TABLE WB_ORDER ADD COLUMN BUYER_PHONE VARCHAR(40);
ALTER TABLE WB_ORDER ADD COLUMN BUYER_EMAIL VARCHAR(200);
ALTER TABLE WB_ORDER ADD COLUMN SHIP_BY TIMESTAMP;
ALTER TABLE WB_ORDER_LINE ADD COLUMN UNIT_PRICE DECIMAL(19, 4);
ALTER TABLE WB_ORDER_LINE ADD COLUMN CURRENCY VARCHAR(3);
ALTER TABLE WB_ORDER ADD CONSTRAINT CK_ORDER_VALUE CHECK ((TOTAL IS NULL OR TOTAL >= 0)
    AND (SHIPPING_PAID IS NULL OR SHIPPING_PAID >= 0));
ALTER TABLE WB_ORDER_LINE ADD CONSTRAINT CK_ORDER_LINE_PRICE CHECK (UNIT_PRICE IS NULL OR UNIT_PRICE >= 0);
