-- Ministry node, schema version 4: the national tables of a period read that period's reports through
-- this index, so their cost does not grow with the years of history held.
CREATE INDEX reports_by_period ON reports (period, regime, province_code, revision);
