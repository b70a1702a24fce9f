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
</TS>
