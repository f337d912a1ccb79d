-- Schema version 6: every certificate each province node has called the ministry with: when it was first seen,
-- and when the node last switched to it (a node may go back to an older certificate).
CREATE TABLE node_certificates (
  province_code CHAR(2) NOT NULL,
  serial_hex    VARCHAR(64) NOT NULL,
  subject       VARCHAR(1000) NOT NULL,
  not_after     TIMESTAMP NOT NULL,
  first_seen    TIMESTAMP NOT NULL,
  switched_to   TIMESTAMP NOT NULL,
  PRIMARY KEY (province_code, serial_hex)
);
