<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ChatPage</name>
    <message>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>New chat (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Search conversations</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>Conversation actions</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>No conversation matches “%1”.</source>
        <translation>No conversation matches “%1”.</translation>
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation>No conversations yet.</translation>
    </message>
    <message>
        <source>No AI provider is configured. Add an API key in Settings, or start Ollama on this computer.</source>
        <translation>No AI provider is configured. Add an API key in Settings, or start Ollama on this computer.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Open Settings</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Chat with your agents and models</source>
        <translation>Chat with your agents and models</translation>
    </message>
    <message>
        <source>Pick a conversation on the left, or start a new one.</source>
        <translation>Pick a conversation on the left, or start a new one.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Load older messages</source>
        <translation>Load older messages</translation>
    </message>
    <message>
        <source>Say something to start.</source>
        <translation>Say something to start.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Message (Enter sends, Shift+Enter for a new line)</source>
        <translation>Message (Enter sends, Shift+Enter for a new line)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Stop the reply (Esc)</source>
        <translation>Stop the reply (Esc)</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Send (Enter)</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Rename conversation</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Delete conversation?</source>
        <translation>Delete conversation?</translation>
    </message>
    <message>
        <source>The conversation and all its messages are deleted. This cannot be undone.</source>
        <translation>The conversation and all its messages are deleted. This cannot be undone.</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copy code</translation>
    </message>
</context>
<context>
    <name>CredentialPicker</name>
    <message>
        <source>Loading credentials…</source>
        <translation>Loading credentials…</translation>
    </message>
    <message>
        <source>No credentials yet</source>
        <translation>No credentials yet</translation>
    </message>
    <message>
        <source>Choose a credential</source>
        <translation>Choose a credential</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Credential</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Store a new credential</source>
        <translation>Store a new credential</translation>
    </message>
    <message>
        <source>The chosen credential no longer exists (deleted, or it belongs to another user). Choose another one.</source>
        <translation>The chosen credential no longer exists (deleted, or it belongs to another user). Choose another one.</translation>
    </message>
</context>
<context>
    <name>CredentialsCard</name>
    <message>
        <source>Credentials</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <source>HTTP Request nodes sign their calls with these. Values are stored encrypted and never shown again; to change one, store a new credential and choose it on the node.</source>
        <translation>HTTP Request nodes sign their calls with these. Values are stored encrypted and never shown again; to change one, store a new credential and choose it on the node.</translation>
    </message>
    <message>
        <source>No credentials stored yet.</source>
        <translation>No credentials stored yet.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>New credential…</source>
        <translation>New credential…</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>Delete “%1”?</translation>
    </message>
    <message>
        <source>Nodes that use it will fail until another credential is chosen. This cannot be undone.</source>
        <translation>Nodes that use it will fail until another credential is chosen. This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <source>The run failed: %1</source>
        <translation>The run failed: %1</translation>
    </message>
    <message>
        <source>The run failed.</source>
        <translation>The run failed.</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
    <message>
        <source>Workflow name</source>
        <translation>Workflow name</translation>
    </message>
    <message>
        <source>Past run — read-only</source>
        <translation>Past run — read-only</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Not saved: conflict</source>
        <translation>Not saved: conflict</translation>
    </message>
    <message>
        <source>● Unsaved changes</source>
        <translation>● Unsaved changes</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation>Undo %1 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo %1 (Ctrl+Shift+Z)</source>
        <translation>Redo %1 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Input JSON (optional)</source>
        <translation>Input JSON (optional)</translation>
    </message>
    <message>
        <source>Run input</source>
        <translation>Run input</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Stop the run (Ctrl+.)</source>
        <translation>Stop the run (Ctrl+.)</translation>
    </message>
    <message>
        <source>Run the workflow (Ctrl+Enter)</source>
        <translation>Run the workflow (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(production)</source>
        <translation>(production)</translation>
    </message>
    <message>
        <source>(test — activate for the production URL)</source>
        <translation>(test — activate for the production URL)</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>Copy URL</translation>
    </message>
    <message>
        <source>Webhook URL copied.</source>
        <translation>Webhook URL copied.</translation>
    </message>
    <message>
        <source>Choose the node to add there.</source>
        <translation>Choose the node to add there.</translation>
    </message>
    <message>
        <source>Edit the workflow</source>
        <translation>Edit the workflow</translation>
    </message>
</context>
<context>
    <name>EncryptionCard</name>
    <message>
        <source>Credential encryption</source>
        <translation>Credential encryption</translation>
    </message>
    <message>
        <source>Credentials are encrypted with the key set in ENCRYPTION_KEY.</source>
        <translation>Credentials are encrypted with the key set in ENCRYPTION_KEY.</translation>
    </message>
    <message>
        <source>Credentials are encrypted with a key kept in the system keychain.</source>
        <translation>Credentials are encrypted with a key kept in the system keychain.</translation>
    </message>
    <message>
        <source>Credentials are encrypted with a key derived from your passphrase.</source>
        <translation>Credentials are encrypted with a key derived from your passphrase.</translation>
    </message>
    <message>
        <source>Asking the system keychain for the encryption key…</source>
        <translation>Asking the system keychain for the encryption key…</translation>
    </message>
    <message>
        <source>Deriving the key from the passphrase…</source>
        <translation>Deriving the key from the passphrase…</translation>
    </message>
    <message>
        <source>Enter your passphrase to use the credentials you stored.</source>
        <translation>Enter your passphrase to use the credentials you stored.</translation>
    </message>
    <message>
        <source>Credentials cannot be stored until they can be encrypted.</source>
        <translation>Credentials cannot be stored until they can be encrypted.</translation>
    </message>
    <message>
        <source>Choose a passphrase (at least 8 characters)</source>
        <translation>Choose a passphrase (at least 8 characters)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Repeat it</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repeat the passphrase</translation>
    </message>
    <message>
        <source>Protect credentials</source>
        <translation>Protect credentials</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>ExecutionsPage</name>
    <message>
        <source>Succeeded</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Executions</translation>
    </message>
    <message>
        <source>All workflows</source>
        <translation>All workflows</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No executions yet. Run a workflow from the editor.</source>
        <translation>No executions yet. Run a workflow from the editor.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Retry from the start</source>
        <translation>Retry from the start</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete this execution</source>
        <translation>Delete this execution</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>Welcome to SynapScale</source>
        <translation>Welcome to SynapScale</translation>
    </message>
    <message>
        <source>Build and run automations with AI on your own machine.</source>
        <translation>Build and run automations with AI on your own machine.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Healthy</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Unavailable</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Check now</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>SQLite (embedded)</source>
        <translation>SQLite (embedded)</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>Database status</source>
        <translation>Database status</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Reachable</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Uptime</translation>
    </message>
    <message>
        <source>Live updates</source>
        <translation>Live updates</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnecting…</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Last checked</translation>
    </message>
</context>
<context>
    <name>ItemDataView</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>SynapScale</source>
        <translation>SynapScale</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Executions</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>%1 in · %2 out</source>
        <translation>%1 in · %2 out</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>Edit message</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save and resend</source>
        <translation>Save and resend</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Thinking…</translation>
    </message>
    <message>
        <source>The reply failed: %1</source>
        <translation>The reply failed: %1</translation>
    </message>
    <message>
        <source>The reply is incomplete: %1</source>
        <translation>The reply is incomplete: %1</translation>
    </message>
    <message>
        <source>The reply is incomplete.</source>
        <translation>The reply is incomplete.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy reply</source>
        <translation>Copy reply</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
</context>
<context>
    <name>NewChatPopup</name>
    <message>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>Agent: %1</translation>
    </message>
    <message>
        <source>No AI provider is configured yet. Add an API key in Settings → AI providers, or start Ollama on this computer.</source>
        <translation>No AI provider is configured yet. Add an API key in Settings → AI providers, or start Ollama on this computer.</translation>
    </message>
    <message>
        <source>Talk to</source>
        <translation>Talk to</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Start chat</source>
        <translation>Start chat</translation>
    </message>
    <message>
        <source>Workflow: %1</source>
        <translation>Workflow: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NewCredentialDialog</name>
    <message>
        <source>HTTP basic auth</source>
        <translation>HTTP basic auth</translation>
    </message>
    <message>
        <source>HTTP bearer token</source>
        <translation>HTTP bearer token</translation>
    </message>
    <message>
        <source>HTTP header</source>
        <translation>HTTP header</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>Header name</translation>
    </message>
    <message>
        <source>Header value</source>
        <translation>Header value</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Base URL</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Default model</translation>
    </message>
    <message>
        <source>New credential</source>
        <translation>New credential</translation>
    </message>
    <message>
        <source>Kind of credential</source>
        <translation>Kind of credential</translation>
    </message>
    <message>
        <source>Name, e.g. “CRM API”</source>
        <translation>Name, e.g. “CRM API”</translation>
    </message>
    <message>
        <source>Credential name</source>
        <translation>Credential name</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (optional)</translation>
    </message>
    <message>
        <source>Stored encrypted; it cannot be read back here, only replaced.</source>
        <translation>Stored encrypted; it cannot be read back here, only replaced.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NodeInspector</name>
    <message>
        <source>Node name</source>
        <translation>Node name</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>This node has no parameters.</source>
        <translation>This node has no parameters.</translation>
    </message>
    <message>
        <source>Run the workflow to see the items this node receives.</source>
        <translation>Run the workflow to see the items this node receives.</translation>
    </message>
    <message>
        <source>Run the workflow to see what this node puts out.</source>
        <translation>Run the workflow to see what this node puts out.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a node to edit its parameters.</source>
        <translation>Select a node to edit its parameters.</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (disabled)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NodePalette</name>
    <message>
        <source>Search nodes (Ctrl+K)</source>
        <translation>Search nodes (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search nodes</source>
        <translation>Search nodes</translation>
    </message>
    <message>
        <source>No node matches “%1”.</source>
        <translation>No node matches “%1”.</translation>
    </message>
</context>
<context>
    <name>ParameterField</name>
    <message>
        <source>A number or {{ expression }}</source>
        <translation>A number or {{ expression }}</translation>
    </message>
    <message>
        <source>Run the workflow to preview this expression.</source>
        <translation>Run the workflow to preview this expression.</translation>
    </message>
    <message>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Add %1</translation>
    </message>
</context>
<context>
    <name>ProvidersCard</name>
    <message>
        <source>AI providers</source>
        <translation>AI providers</translation>
    </message>
    <message>
        <source>Loading providers…</source>
        <translation>Loading providers…</translation>
    </message>
    <message>
        <source>key from the environment</source>
        <translation>key from the environment</translation>
    </message>
    <message>
        <source>key stored</source>
        <translation>key stored</translation>
    </message>
    <message>
        <source>running on this computer</source>
        <translation>running on this computer</translation>
    </message>
    <message>
        <source>not detected</source>
        <translation>not detected</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>no key</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>•••••••• (stored; type to replace)</source>
        <translation>•••••••• (stored; type to replace)</translation>
    </message>
    <message>
        <source>Not needed for a local Ollama</source>
        <translation>Not needed for a local Ollama</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>Paste the API key</translation>
    </message>
    <message>
        <source>API key for %1</source>
        <translation>API key for %1</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Base URL</translation>
    </message>
    <message>
        <source>Default endpoint</source>
        <translation>Default endpoint</translation>
    </message>
    <message>
        <source>Base URL for %1</source>
        <translation>Base URL for %1</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Default model</translation>
    </message>
    <message>
        <source>Default model for %1</source>
        <translation>Default model for %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Remove stored key</source>
        <translation>Remove stored key</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>The built-in server listens only on this computer (127.0.0.1).</source>
        <translation>The built-in server listens only on this computer (127.0.0.1).</translation>
    </message>
    <message>
        <source>Open API documentation</source>
        <translation>Open API documentation</translation>
    </message>
</context>
<context>
    <name>ToolCallsView</name>
    <message>
        <source>Using %1…</source>
        <translation>Using %1…</translation>
    </message>
    <message numerus="yes">
        <source>Used %n tool(s): %1</source>
        <translation>
            <numerusform>Used %n tool: %1</numerusform>
            <numerusform>Used %n tools: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Tool calls</source>
        <translation>Tool calls</translation>
    </message>
    <message>
        <source>%1 with</source>
        <translation>%1 with</translation>
    </message>
    <message>
        <source>waiting for the result…</source>
        <translation>waiting for the result…</translation>
    </message>
    <message>
        <source>failed:</source>
        <translation>failed:</translation>
    </message>
    <message>
        <source>returned:</source>
        <translation>returned:</translation>
    </message>
</context>
<context>
    <name>WorkflowCanvas</name>
    <message>
        <source>Add a first node from the palette (Ctrl+K), or paste nodes (Ctrl+V).</source>
        <translation>Add a first node from the palette (Ctrl+K), or paste nodes (Ctrl+V).</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Zoom out (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <source>Fit to view (Shift+1)</source>
        <translation>Fit to view (Shift+1)</translation>
    </message>
    <message>
        <source>Workflow canvas</source>
        <translation>Workflow canvas</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Add a node here…</source>
        <translation>Add a node here…</translation>
    </message>
    <message>
        <source>Paste here</source>
        <translation>Paste here</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Fit to view</source>
        <translation>Fit to view</translation>
    </message>
</context>
<context>
    <name>WorkflowsPage</name>
    <message>
        <source>Succeeded</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Never run</source>
        <translation>Never run</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Drop workflow files to import them</source>
        <translation>Drop workflow files to import them</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Import a workflow file, native or n8n (Ctrl+O)</source>
        <translation>Import a workflow file, native or n8n (Ctrl+O)</translation>
    </message>
    <message>
        <source>New workflow</source>
        <translation>New workflow</translation>
    </message>
    <message>
        <source>New workflow (Ctrl+N)</source>
        <translation>New workflow (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search workflows</source>
        <translation>Search workflows</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>No workflow matches “%1”.</source>
        <translation>No workflow matches “%1”.</translation>
    </message>
    <message>
        <source>No workflows yet. Create one, or import a file (drop it here).</source>
        <translation>No workflows yet. Create one, or import a file (drop it here).</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Edited %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Active: its webhooks and schedules run</source>
        <translation>Active: its webhooks and schedules run</translation>
    </message>
    <message>
        <source>Inactive: runs only when you click Run</source>
        <translation>Inactive: runs only when you click Run</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>More actions</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>Deleted “%1”.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n workflows.</source>
        <translation>
            <numerusform>Deleted %n workflow.</numerusform>
            <numerusform>Deleted %n workflows.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>My workflow</source>
        <translation>My workflow</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rename workflow</source>
        <translation>Rename workflow</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Imported “%1”</source>
        <translation>Imported “%1”</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Every node was imported.</source>
        <translation>Every node was imported.</translation>
    </message>
    <message numerus="yes">
        <source>Imported with %n warning(s). Unsupported nodes are kept, disabled, so nothing is lost:</source>
        <translation>
            <numerusform>Imported with %n warning. Unsupported nodes are kept, disabled, so nothing is lost:</numerusform>
            <numerusform>Imported with %n warnings. Unsupported nodes are kept, disabled, so nothing is lost:</numerusform>
        </translation>
    </message>
    <message>
        <source>Import workflow</source>
        <translation>Import workflow</translation>
    </message>
    <message>
        <source>Workflow JSON (*.json)</source>
        <translation>Workflow JSON (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Export workflow</source>
        <translation>Export workflow</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>Tags…</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>sales, daily</source>
        <translation>sales, daily</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Tags, separated by commas</translation>
    </message>
</context>
<context>
    <name>synapscale::AiProviders</name>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n model(s) in %1 ms.</source>
        <translation>
            <numerusform>Connected: %n model in %1 ms.</numerusform>
            <numerusform>Connected: %n models in %1 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Key removed.</source>
        <translation>Key removed.</translation>
    </message>
</context>
<context>
    <name>synapscale::ApiClient</name>
    <message>
        <source>The SynapScale server refused the connection. Is it running?</source>
        <translation>The SynapScale server refused the connection. Is it running?</translation>
    </message>
    <message>
        <source>The server&apos;s address could not be found.</source>
        <translation>The server&apos;s address could not be found.</translation>
    </message>
    <message>
        <source>The server took too long to answer.</source>
        <translation>The server took too long to answer.</translation>
    </message>
    <message>
        <source>The SynapScale server cannot be reached.</source>
        <translation>The SynapScale server cannot be reached.</translation>
    </message>
    <message>
        <source>The server is running but its database is unavailable.</source>
        <translation>The server is running but its database is unavailable.</translation>
    </message>
    <message>
        <source>You are not allowed to do this. Sign in again.</source>
        <translation>You are not allowed to do this. Sign in again.</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation>The server answered with an error (HTTP %1).</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>Your session has ended. Sign in again.</translation>
    </message>
</context>
<context>
    <name>synapscale::CredentialListModel</name>
    <message>
        <source>Could not load your credentials: %1</source>
        <translation>Could not load your credentials: %1</translation>
    </message>
    <message>
        <source>Credentials cannot be stored yet: set up the encryption key in Settings first.</source>
        <translation>Credentials cannot be stored yet: set up the encryption key in Settings first.</translation>
    </message>
    <message>
        <source>Could not store the credential: %1</source>
        <translation>Could not store the credential: %1</translation>
    </message>
    <message>
        <source>Could not delete the credential: %1</source>
        <translation>Could not delete the credential: %1</translation>
    </message>
</context>
<context>
    <name>synapscale::DesktopApp</name>
    <message>
        <source>The built-in server could not start: %1</source>
        <translation>The built-in server could not start: %1</translation>
    </message>
</context>
<context>
    <name>synapscale::EncryptionKeyStore</name>
    <message>
        <source>the system keychain did not answer</source>
        <translation>the system keychain did not answer</translation>
    </message>
    <message>
        <source>the keychain entry is damaged</source>
        <translation>the keychain entry is damaged</translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Choose a passphrase to protect the credentials you store; you will be asked for it each time SynapScale starts.</source>
        <translation>No system keychain is available (%1). Choose a passphrase to protect the credentials you store; you will be asked for it each time SynapScale starts.</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>The passphrase needs at least %n character.</numerusform>
            <numerusform>The passphrase needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The passphrase file %1 is damaged.</source>
        <translation>The passphrase file %1 is damaged.</translation>
    </message>
    <message>
        <source>Not enough memory to derive the key from the passphrase.</source>
        <translation>Not enough memory to derive the key from the passphrase.</translation>
    </message>
    <message>
        <source>That is not the passphrase chosen before.</source>
        <translation>That is not the passphrase chosen before.</translation>
    </message>
    <message>
        <source>Could not save the passphrase&apos;s check value in %1.</source>
        <translation>Could not save the passphrase&apos;s check value in %1.</translation>
    </message>
</context>
<context>
    <name>synapscale::ExecutionListModel</name>
    <message>
        <source>(deleted workflow)</source>
        <translation>(deleted workflow)</translation>
    </message>
    <message>
        <source>Could not retry: %1</source>
        <translation>Could not retry: %1</translation>
    </message>
    <message>
        <source>Could not delete the execution: %1</source>
        <translation>Could not delete the execution: %1</translation>
    </message>
</context>
<context>
    <name>synapscale::ExpressionPreview</name>
    <message>
        <source>Stopped: the expression ran longer than %1 ms.</source>
        <translation>Stopped: the expression ran longer than %1 ms.</translation>
    </message>
</context>
<context>
    <name>synapscale::WorkflowDocument</name>
    <message>
        <source>This workflow was changed elsewhere since you opened it. Reload it to see the newer version, or overwrite it with yours.</source>
        <translation>This workflow was changed elsewhere since you opened it. Reload it to see the newer version, or overwrite it with yours.</translation>
    </message>
    <message>
        <source>Not saved: some nodes need attention (marked in red).</source>
        <translation>Not saved: some nodes need attention (marked in red).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>This is a past run, shown read-only.</source>
        <translation>This is a past run, shown read-only.</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Add %1</translation>
    </message>
    <message>
        <source>That node no longer exists.</source>
        <translation>That node no longer exists.</translation>
    </message>
    <message>
        <source>A node cannot feed itself.</source>
        <translation>A node cannot feed itself.</translation>
    </message>
    <message>
        <source>%1 has no such output.</source>
        <translation>%1 has no such output.</translation>
    </message>
    <message>
        <source>%1 is a trigger: it starts the workflow and takes no input.</source>
        <translation>%1 is a trigger: it starts the workflow and takes no input.</translation>
    </message>
    <message>
        <source>%1 has no such input.</source>
        <translation>%1 has no such input.</translation>
    </message>
    <message>
        <source>These ports are already connected.</source>
        <translation>These ports are already connected.</translation>
    </message>
    <message>
        <source>This link would make a cycle. Use Loop Over Items to repeat steps.</source>
        <translation>This link would make a cycle. Use Loop Over Items to repeat steps.</translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation>Connect %1 to %2</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Remove connection</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Delete %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n nodes</source>
        <translation>
            <numerusform>Delete %n node</numerusform>
            <numerusform>Delete %n nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Delete connection</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Move %1</translation>
    </message>
    <message numerus="yes">
        <source>Move %n nodes</source>
        <translation>
            <numerusform>Move %n node</numerusform>
            <numerusform>Move %n nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>A node needs a name.</source>
        <translation>A node needs a name.</translation>
    </message>
    <message>
        <source>Another node is already called “%1”.</source>
        <translation>Another node is already called “%1”.</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>Rename %1 to %2</translation>
    </message>
    <message numerus="yes">
        <source>Disable %n nodes</source>
        <translation>
            <numerusform>Disable %n node</numerusform>
            <numerusform>Disable %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n nodes</source>
        <translation>
            <numerusform>Enable %n node</numerusform>
            <numerusform>Enable %n nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>Change %1 of %2</translation>
    </message>
    <message>
        <source>The clipboard holds no workflow nodes (it is not workflow JSON).</source>
        <translation>The clipboard holds no workflow nodes (it is not workflow JSON).</translation>
    </message>
    <message>
        <source>These n8n nodes cannot be pasted: %1</source>
        <translation>These n8n nodes cannot be pasted: %1</translation>
    </message>
    <message>
        <source>The clipboard holds no workflow nodes.</source>
        <translation>The clipboard holds no workflow nodes.</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n nodes</source>
        <translation>
            <numerusform>Paste %n node</numerusform>
            <numerusform>Paste %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>synapscale::WorkflowListModel</name>
    <message>
        <source>My workflow</source>
        <translation>My workflow</translation>
    </message>
    <message>
        <source>When clicking Run</source>
        <translation>When clicking Run</translation>
    </message>
    <message>
        <source>Could not create the workflow: %1</source>
        <translation>Could not create the workflow: %1</translation>
    </message>
    <message>
        <source>Could not rename the workflow: %1</source>
        <translation>Could not rename the workflow: %1</translation>
    </message>
    <message>
        <source>Could not duplicate the workflow: %1</source>
        <translation>Could not duplicate the workflow: %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <source>Could not delete “%1”: %2</source>
        <translation>Could not delete “%1”: %2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Could not read %1: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a workflow.</source>
        <translation>%1 is too large to be a workflow.</translation>
    </message>
    <message>
        <source>This file is not JSON: %1 (at character %2).</source>
        <translation>This file is not JSON: %1 (at character %2).</translation>
    </message>
    <message>
        <source>Could not import the workflow: %1</source>
        <translation>Could not import the workflow: %1</translation>
    </message>
    <message>
        <source>Could not export the workflow: %1</source>
        <translation>Could not export the workflow: %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Could not change the tags: %1</source>
        <translation>Could not change the tags: %1</translation>
    </message>
</context>
<context>
    <name>synapscale::WorkflowRunner</name>
    <message>
        <source>The input is not valid JSON: %1 (at character %2).</source>
        <translation>The input is not valid JSON: %1 (at character %2).</translation>
    </message>
    <message>
        <source>This is a past run, shown read-only. Open the workflow to run it again.</source>
        <translation>This is a past run, shown read-only. Open the workflow to run it again.</translation>
    </message>
    <message>
        <source>Resolve the save conflict first: reload or overwrite.</source>
        <translation>Resolve the save conflict first: reload or overwrite.</translation>
    </message>
    <message>
        <source>Not run, because the workflow could not be saved: %1</source>
        <translation>Not run, because the workflow could not be saved: %1</translation>
    </message>
</context>
</TS>
