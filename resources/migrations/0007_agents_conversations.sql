-- Agents (saved model configurations with tools) and conversations with their messages.
CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    provider TEXT,
    model TEXT,
    system_prompt TEXT NOT NULL,
    temperature DOUBLE PRECISION,
    tools TEXT NOT NULL,
    memory_window INTEGER NOT NULL,
    max_iterations INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX agents_owner_idx ON agents (owner_id, name);

CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    title_is_auto BOOLEAN NOT NULL,
    agent_id TEXT REFERENCES agents(id) ON DELETE SET NULL,
    provider TEXT,
    model TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX conversations_owner_idx ON conversations (owner_id, updated_at);

CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    role TEXT NOT NULL,
    content TEXT NOT NULL,
    status TEXT NOT NULL,
    tool_calls TEXT,
    tool_call_id TEXT,
    usage TEXT,
    error TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (conversation_id, seq)
);
