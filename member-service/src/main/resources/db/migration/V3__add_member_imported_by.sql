-- The import that created the member (docs/import-saga.md): undoing that import removes exactly these members.
-- NULL for every member who joined any other way, so the index keeps only the imported ones.
ALTER TABLE member ADD COLUMN imported_by UUID;

CREATE INDEX member_imported_by ON member (imported_by) WHERE imported_by IS NOT NULL;
