-- Saving an execution writes one entry in every index of its row, and nearly every row is an
-- ended execution that the status and lease lookups never look for.
-- Nothing reads executions by wait_until; executions_queue_idx serves the status lookups.
DROP INDEX executions_status_wait_idx;
-- Start-up recovery looks for unfinished executions only (queued, running, waiting).
DROP INDEX executions_queue_idx;
CREATE INDEX executions_queue_idx ON executions (status, priority, created_at) WHERE finished_at IS NULL;
-- Only an unfinished execution holds a lease.
DROP INDEX executions_claim_idx;
CREATE INDEX executions_claim_idx ON executions (claimed_by, status) WHERE claimed_by IS NOT NULL;
