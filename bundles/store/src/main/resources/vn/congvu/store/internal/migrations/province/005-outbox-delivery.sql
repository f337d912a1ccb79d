-- Province node, schema version 5: the outbox says how delivery goes, so the operator sees what is stuck and
-- since when. last_status is the gRPC status of the last attempt (UNAVAILABLE, INTERNAL, ...; OK once
-- delivered; LOCAL for a failure inside the node before sending). A refusal by the ministry is now called
-- REFUSED, and FAILED is new: a report that could not be sent because of this node; neither is retried.
ALTER TABLE outbox ADD COLUMN last_status VARCHAR(32);
ALTER TABLE outbox ADD COLUMN first_failed_at TIMESTAMP;
ALTER TABLE outbox ADD COLUMN last_attempt_at TIMESTAMP;
UPDATE outbox SET state = 'REFUSED' WHERE state = 'REJECTED';
