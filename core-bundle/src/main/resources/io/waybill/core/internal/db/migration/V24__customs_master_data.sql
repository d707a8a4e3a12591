-- Waybill schema version 24: customs master data (issue 14, 报关). Per product: the descriptions customs read, in
-- English and Chinese (empty = the product's names; HS code, declared value, currency and origin are V8's). Per
-- store: the shipper's tax registrations printed on declarations and sent to carriers: the EU IOSS number (VAT
-- collected at sale, consignments up to EUR 150), Norway's VOEC number, the EORI number and the VAT number.
-- Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL.
ALTER TABLE WB_SKU ADD COLUMN CUSTOMS_NAME_EN VARCHAR(200);
ALTER TABLE WB_SKU ADD COLUMN CUSTOMS_NAME_ZH VARCHAR(200);
ALTER TABLE WB_STORE ADD COLUMN IOSS_NUMBER VARCHAR(20);
ALTER TABLE WB_STORE ADD COLUMN VOEC_NUMBER VARCHAR(20);
ALTER TABLE WB_STORE ADD COLUMN EORI_NUMBER VARCHAR(20);
ALTER TABLE WB_STORE ADD COLUMN VAT_NUMBER VARCHAR(20);
-- Whether the store's international packages are refused at upload when their declaration has problems (HS code
-- missing, EU consignment up to EUR 150 without IOSS, declared total 0, a currency or line count the service does
-- not take). Off for the stores that exist: switched on in the store's settings. The category every new
-- declaration starts with (GIFT, MERCHANDISE, SAMPLE, DOCUMENTS, RETURNED_GOODS).
ALTER TABLE WB_STORE ADD COLUMN CUSTOMS_CHECK BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE WB_STORE ADD COLUMN CUSTOMS_CATEGORY VARCHAR(20) DEFAULT 'MERCHANDISE' NOT NULL;
