<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation><numerusform>%n segundo</numerusform><numerusform>%n segundos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation><numerusform>%n minuto</numerusform><numerusform>%n minutos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation><numerusform>%n hora</numerusform><numerusform>%n horas</numerusform></translation>
    </message>
    <message>
        <source>Welcome to SynapScale</source>
        <translation>Bem-vindo ao SynapScale</translation>
    </message>
    <message>
        <source>Build and run automations with AI on your own machine.</source>
        <translation>Crie e execute automações com IA no seu próprio computador.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Saudável</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Indisponível</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Verificar agora</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versão</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Banco de dados</translation>
    </message>
    <message>
        <source>SQLite (embedded)</source>
        <translation>SQLite (embutido)</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>Database status</source>
        <translation>Estado do banco de dados</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Acessível</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Inacessível</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Tempo ativo</translation>
    </message>
    <message>
        <source>Live updates</source>
        <translation>Atualizações ao vivo</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Última verificação</translation>
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
        <translation>Início</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Aparência</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>The built-in server listens only on this computer (127.0.0.1).</source>
        <translation>O servidor embutido atende apenas neste computador (127.0.0.1).</translation>
    </message>
    <message>
        <source>Open API documentation</source>
        <translation>Abrir a documentação da API</translation>
    </message>
</context>
<context>
    <name>synapscale::ApiClient</name>
    <message>
        <source>The SynapScale server refused the connection. Is it running?</source>
        <translation>O servidor SynapScale recusou a conexão. Ele está em execução?</translation>
    </message>
    <message>
        <source>The server's address could not be found.</source>
        <translation>O endereço do servidor não foi encontrado.</translation>
    </message>
    <message>
        <source>The server took too long to answer.</source>
        <translation>O servidor demorou demais para responder.</translation>
    </message>
    <message>
        <source>The SynapScale server cannot be reached.</source>
        <translation>Não é possível alcançar o servidor SynapScale.</translation>
    </message>
    <message>
        <source>The server is running but its database is unavailable.</source>
        <translation>O servidor está em execução, mas o banco de dados está indisponível.</translation>
    </message>
    <message>
        <source>You are not allowed to do this. Sign in again.</source>
        <translation>Você não tem permissão para fazer isso. Entre novamente.</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation>O servidor respondeu com um erro (HTTP %1).</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>Sua sessão terminou. Entre novamente.</translation>
    </message>
</context>
<context>
    <name>synapscale::DesktopApp</name>
    <message>
        <source>The built-in server could not start: %1</source>
        <translation>O servidor embutido não pôde iniciar: %1</translation>
    </message>
</context>
</TS>
