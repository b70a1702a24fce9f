-- A conversation may be answered by a workflow with a Chat Trigger instead of an agent or model.
ALTER TABLE conversations ADD COLUMN workflow_id TEXT REFERENCES workflows(id) ON DELETE SET NULL;
