-- The engine: parked executions keep their state (Wait survives restarts), retries point at
-- their original, and recovery finds queued/waiting executions by status.
ALTER TABLE executions ADD COLUMN state TEXT;
ALTER TABLE executions ADD COLUMN wait_until TEXT;
ALTER TABLE executions ADD COLUMN retry_of TEXT;
CREATE INDEX executions_status_wait_idx ON executions (status, wait_until);
