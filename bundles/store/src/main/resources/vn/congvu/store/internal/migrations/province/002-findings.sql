-- Schema version 2: the rules a report found broken.
CREATE TABLE report_findings (
  report_id BIGINT NOT NULL REFERENCES reports (report_id),
  rule_id   VARCHAR(200) NOT NULL,
  unit      VARCHAR(1000) NOT NULL,
  hits      BIGINT NOT NULL,
  severity  VARCHAR(16) NOT NULL,
  message   VARCHAR(4000) NOT NULL,
  PRIMARY KEY (report_id, rule_id, unit)
);
