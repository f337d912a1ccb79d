-- Ministry node, schema version 1: every report revision received and its receipt.
CREATE TABLE reports (
  report_id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code CHAR(2) NOT NULL,
  period        VARCHAR(16) NOT NULL,
  regime        VARCHAR(16) NOT NULL,
  revision      INT NOT NULL,
  content_hash  CHAR(64) NOT NULL,
  prepared_at   TIMESTAMP NOT NULL,
  receipt_id    VARCHAR(100) UNIQUE,
  accepted_at   TIMESTAMP NOT NULL,
  CONSTRAINT reports_revision UNIQUE (province_code, period, regime, revision)
);
CREATE TABLE report_modules (
  report_id  BIGINT NOT NULL REFERENCES reports (report_id),
  module_id  VARCHAR(200) NOT NULL,
  version    VARCHAR(100) NOT NULL,
  jar_sha256 VARCHAR(64) NOT NULL,
  PRIMARY KEY (report_id, module_id)
);
CREATE TABLE report_values (
  report_id      BIGINT NOT NULL REFERENCES reports (report_id),
  code           VARCHAR(200) NOT NULL,
  disaggregation VARCHAR(1000) NOT NULL,
  amount         DECIMAL(31, 6) NOT NULL,
  PRIMARY KEY (report_id, code, disaggregation)
);
