-- Waybill schema version 33 (issue 14, 审单: split): a package that is not uploaded yet can be split by lines or by
-- warehouse into packages of the same order that each go through the workflow. A package whose SPLIT_LINES is 1
-- contains exactly its rows of WB_PACKAGE_LINE (order line, units of it) instead of every line of its order; a split
-- gives every package of the order such rows, so the units of each order line are shared out and none is shipped
-- twice (PackageContents is the one reader). SPLIT_FROM points from a package split off at the package it came from
-- (always the first package of the order), so "Undo split" joins them back. Portable SQL (Derby, PostgreSQL).
ALTER TABLE WB_PACKAGE ADD COLUMN SPLIT_FROM BIGINT;
ALTER TABLE WB_PACKAGE ADD COLUMN SPLIT_LINES INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE WB_PACKAGE ADD CONSTRAINT FK_PACKAGE_SPLIT_FROM FOREIGN KEY (SPLIT_FROM) REFERENCES WB_PACKAGE (ID);
CREATE INDEX IX_PACKAGE_SPLIT_FROM ON WB_PACKAGE (SPLIT_FROM);
CREATE TABLE WB_PACKAGE_LINE (
  PACKAGE_ID BIGINT NOT NULL REFERENCES WB_PACKAGE (ID),
  ORDER_LINE_ID BIGINT NOT NULL REFERENCES WB_ORDER_LINE (ID),
  QUANTITY INTEGER NOT NULL,
  PRIMARY KEY (PACKAGE_ID, ORDER_LINE_ID),
  CONSTRAINT CK_PACKAGE_LINE_QTY CHECK (QUANTITY > 0)
);
CREATE INDEX IX_PACKAGE_LINE_ORDER_LINE ON WB_PACKAGE_LINE (ORDER_LINE_ID);
