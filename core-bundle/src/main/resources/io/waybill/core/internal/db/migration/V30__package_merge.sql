-- Waybill schema version 30 (issue 14, 审单: merge): packages of one store, buyer and ship-to address ship as one
-- parcel. The merged package is the lowest-numbered one of the merge (it keeps its order, address and number); the
-- others move to status MERGED and point at it (MERGED_INTO), keeping their own orders, lines, warehouse and
-- records, so "Undo merge" restores them exactly. A package's contents are the lines of its order and of the orders
-- of the packages merged into it (PackageContents). MERGE_SIZE counts those packages (0 for a package that is no
-- merge), so the allocator's fast path knows from the package row alone whether to read further orders.
-- Portable SQL (Derby, PostgreSQL).
ALTER TABLE WB_PACKAGE ADD COLUMN MERGED_INTO BIGINT;
ALTER TABLE WB_PACKAGE ADD COLUMN MERGE_SIZE INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE WB_PACKAGE ADD CONSTRAINT FK_PACKAGE_MERGED_INTO FOREIGN KEY (MERGED_INTO) REFERENCES WB_PACKAGE (ID);
CREATE INDEX IX_PACKAGE_MERGED_INTO ON WB_PACKAGE (MERGED_INTO);
