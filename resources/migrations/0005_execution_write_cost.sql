-- Saving an execution touches every index of its rows. This index repeats the leading column of
-- UNIQUE (execution_id, node_id, run_index), which serves the same lookups.
DROP INDEX execution_node_runs_execution_idx;
-- An execution that starts and ends within one write batch keeps its node runs here, as a JSON
-- array of node-run records, instead of one execution_node_runs row each (a quarter of the
-- index work per execution). Readers merge both.
ALTER TABLE executions ADD COLUMN node_runs TEXT;
