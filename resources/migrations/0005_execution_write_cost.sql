-- Saving an execution touches every index of its rows. This one repeats the leading column of
-- UNIQUE (execution_id, node_id, run_index), which serves the same lookups.
DROP INDEX execution_node_runs_execution_idx;
