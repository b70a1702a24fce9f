-- Credentials (secrets encrypted with ENCRYPTION_KEY; only field names are readable) and the
-- usage of every language-model call, with its cost from the price table at the time.
CREATE TABLE credentials (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    fields TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (owner_id, name)
);
CREATE INDEX credentials_owner_type_idx ON credentials (owner_id, type);

CREATE TABLE llm_usage (
    id TEXT PRIMARY KEY,
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    cost_usd DOUBLE PRECISION NOT NULL,
    source TEXT NOT NULL,
    workflow_id TEXT,
    execution_id TEXT,
    conversation_id TEXT,
    status TEXT NOT NULL,
    duration_ms INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX llm_usage_user_idx ON llm_usage (user_id, created_at);
CREATE INDEX llm_usage_workflow_idx ON llm_usage (workflow_id);
CREATE INDEX llm_usage_conversation_idx ON llm_usage (conversation_id);
