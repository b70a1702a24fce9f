<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation><numerusform>%n second</numerusform><numerusform>%n seconds</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation><numerusform>%n minute</numerusform><numerusform>%n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation><numerusform>%n hour</numerusform><numerusform>%n hours</numerusform></translation>
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
    <name>synapscale::ApiClient</name>
    <message>
        <source>The SynapScale server refused the connection. Is it running?</source>
        <translation>The SynapScale server refused the connection. Is it running?</translation>
    </message>
    <message>
        <source>The server's address could not be found.</source>
        <translation>The server's address could not be found.</translation>
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
</TS>
