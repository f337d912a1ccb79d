-- Province node, schema version 3: records are kept in chunks, up to 4096 records of one import per row
-- (each record encoded as before, records separated by a line feed, which intake never accepts in a
-- field; payload is that text in UTF-8). One row per record cost Derby about 100 µs a record; a chunk
-- costs about as much as a record did. A record keeps being replaced by a later import of the same key:
-- readers take the newest import's. Records stored before become chunks of one, in payload_text (SQL
-- cannot turn text into bytes).
CREATE TABLE record_chunks (
  import_id    BIGINT NOT NULL REFERENCES imports (import_id),
  chunk_no     INT NOT NULL,
  record_type  VARCHAR(64) NOT NULL,
  record_count INT NOT NULL,
  payload      BLOB(256M),
  payload_text CLOB(64M),
  PRIMARY KEY (import_id, chunk_no)
);
CREATE INDEX record_chunks_by_type ON record_chunks (record_type, import_id);
INSERT INTO record_chunks (import_id, chunk_no, record_type, record_count, payload_text)
  SELECT import_id, CAST(ROW_NUMBER() OVER () AS INT), record_type, 1, CAST(fields AS CLOB) FROM records;
DROP TABLE records;
