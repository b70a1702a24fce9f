-- Leases on unfinished executions: the instance running one refreshes heartbeat_at; another
-- instance takes over (fails it as interrupted, re-queues or resumes it) only once the lease
-- is stale, so instances sharing a database never touch each other's live executions.
ALTER TABLE executions ADD COLUMN claimed_by TEXT;
ALTER TABLE executions ADD COLUMN heartbeat_at TEXT;
CREATE INDEX executions_claim_idx ON executions (claimed_by, status);
