-- The engine: parked executions keep their state (Wait survives restarts), retries point at
-- their original, and recovery finds queued/waiting executions by status.
ALTER TABLE executions ADD COLUMN state TEXT;
ALTER TABLE executions ADD COLUMN wait_until TEXT;
ALTER TABLE executions ADD COLUMN retry_of TEXT;
CREATE INDEX executions_status_wait_idx ON executions (status, wait_until);

-- One row per schedule tick that fired: the primary key makes a tick fire once, even with
-- several instances on one database or a restart within the same second.
CREATE TABLE schedule_ticks (
    workflow_id TEXT NOT NULL REFERENCES workflows(id) ON DELETE CASCADE,
    node_id TEXT NOT NULL,
    tick TEXT NOT NULL,
    fired_at TEXT NOT NULL,
    PRIMARY KEY (workflow_id, node_id, tick)
);
