<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>ChatPage</name>
    <message>
        <source>New chat</source>
        <translation>Nova conversa</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>Nova conversa (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Pesquisar conversas</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>Ações da conversa</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renomear</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>No conversation matches “%1”.</source>
        <translation>Nenhuma conversa corresponde a “%1”.</translation>
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation>Nenhuma conversa ainda.</translation>
    </message>
    <message>
        <source>No AI provider is configured. Add an API key in Settings, or start Ollama on this computer.</source>
        <translation>Nenhum provedor de IA está configurado. Adicione uma chave de API em Configurações ou inicie o Ollama neste computador.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Abrir Configurações</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Chat with your agents and models</source>
        <translation>Converse com seus agentes e modelos</translation>
    </message>
    <message>
        <source>Pick a conversation on the left, or start a new one.</source>
        <translation>Escolha uma conversa à esquerda ou comece uma nova.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>Load older messages</source>
        <translation>Carregar mensagens anteriores</translation>
    </message>
    <message>
        <source>Say something to start.</source>
        <translation>Diga algo para começar.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dispensar</translation>
    </message>
    <message>
        <source>Message (Enter sends, Shift+Enter for a new line)</source>
        <translation>Mensagem (Enter envia, Shift+Enter para nova linha)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Stop the reply (Esc)</source>
        <translation>Parar a resposta (Esc)</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Enviar (Enter)</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Renomear conversa</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Delete conversation?</source>
        <translation>Excluir a conversa?</translation>
    </message>
    <message>
        <source>The conversation and all its messages are deleted. This cannot be undone.</source>
        <translation>A conversa e todas as suas mensagens serão excluídas. Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Fluxo de trabalho</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copiar código</translation>
    </message>
</context>
<context>
    <name>EncryptionCard</name>
    <message>
        <source>Credential encryption</source>
        <translation>Criptografia das credenciais</translation>
    </message>
    <message>
        <source>Credentials are encrypted with the key set in ENCRYPTION_KEY.</source>
        <translation>As credenciais são criptografadas com a chave definida em ENCRYPTION_KEY.</translation>
    </message>
    <message>
        <source>Credentials are encrypted with a key kept in the system keychain.</source>
        <translation>As credenciais são criptografadas com uma chave guardada no chaveiro do sistema.</translation>
    </message>
    <message>
        <source>Credentials are encrypted with a key derived from your passphrase.</source>
        <translation>As credenciais são criptografadas com uma chave derivada da sua frase secreta.</translation>
    </message>
    <message>
        <source>Asking the system keychain for the encryption key…</source>
        <translation>Pedindo a chave de criptografia ao chaveiro do sistema…</translation>
    </message>
    <message>
        <source>Deriving the key from the passphrase…</source>
        <translation>Derivando a chave da frase secreta…</translation>
    </message>
    <message>
        <source>Enter your passphrase to use the credentials you stored.</source>
        <translation>Digite sua frase secreta para usar as credenciais que você guardou.</translation>
    </message>
    <message>
        <source>Credentials cannot be stored until they can be encrypted.</source>
        <translation>Não é possível guardar credenciais enquanto elas não puderem ser criptografadas.</translation>
    </message>
    <message>
        <source>Choose a passphrase (at least 8 characters)</source>
        <translation>Escolha uma frase secreta (pelo menos 8 caracteres)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase secreta</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Repita-a</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repita a frase secreta</translation>
    </message>
    <message>
        <source>Protect credentials</source>
        <translation>Proteger credenciais</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>As duas frases secretas são diferentes.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
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
    <message>
        <source>Chat</source>
        <translation>Conversas</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>%1 in · %2 out</source>
        <translation>%1 entrada · %2 saída</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>Editar mensagem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save and resend</source>
        <translation>Salvar e reenviar</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Pensando…</translation>
    </message>
    <message>
        <source>The reply failed: %1</source>
        <translation>A resposta falhou: %1</translation>
    </message>
    <message>
        <source>The reply is incomplete: %1</source>
        <translation>A resposta está incompleta: %1</translation>
    </message>
    <message>
        <source>The reply is incomplete.</source>
        <translation>A resposta está incompleta.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy reply</source>
        <translation>Copiar resposta</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Gerar novamente</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
</context>
<context>
    <name>NewChatPopup</name>
    <message>
        <source>New chat</source>
        <translation>Nova conversa</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>Agente: %1</translation>
    </message>
    <message>
        <source>No AI provider is configured yet. Add an API key in Settings → AI providers, or start Ollama on this computer.</source>
        <translation>Nenhum provedor de IA está configurado ainda. Adicione uma chave de API em Configurações → Provedores de IA ou inicie o Ollama neste computador.</translation>
    </message>
    <message>
        <source>Talk to</source>
        <translation>Conversar com</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Start chat</source>
        <translation>Começar conversa</translation>
    </message>
    <message>
        <source>Workflow: %1</source>
        <translation>Fluxo de trabalho: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ProvidersCard</name>
    <message>
        <source>AI providers</source>
        <translation>Provedores de IA</translation>
    </message>
    <message>
        <source>Loading providers…</source>
        <translation>Carregando provedores…</translation>
    </message>
    <message>
        <source>key from the environment</source>
        <translation>chave do ambiente</translation>
    </message>
    <message>
        <source>key stored</source>
        <translation>chave guardada</translation>
    </message>
    <message>
        <source>running on this computer</source>
        <translation>rodando neste computador</translation>
    </message>
    <message>
        <source>not detected</source>
        <translation>não detectado</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>sem chave</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <source>•••••••• (stored; type to replace)</source>
        <translation>•••••••• (guardada; digite para substituir)</translation>
    </message>
    <message>
        <source>Not needed for a local Ollama</source>
        <translation>Desnecessária para um Ollama local</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>Cole a chave de API</translation>
    </message>
    <message>
        <source>API key for %1</source>
        <translation>Chave de API de %1</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>Default endpoint</source>
        <translation>Endereço padrão</translation>
    </message>
    <message>
        <source>Base URL for %1</source>
        <translation>URL base de %1</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Modelo padrão</translation>
    </message>
    <message>
        <source>Default model for %1</source>
        <translation>Modelo padrão de %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testar conexão</translation>
    </message>
    <message>
        <source>Remove stored key</source>
        <translation>Remover chave guardada</translation>
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
    <name>ToolCallsView</name>
    <message>
        <source>Using %1…</source>
        <translation>Usando %1…</translation>
    </message>
    <message numerus="yes">
        <source>Used %n tool(s): %1</source>
        <translation>
            <numerusform>Usou %n ferramenta: %1</numerusform>
            <numerusform>Usou %n ferramentas: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Tool calls</source>
        <translation>Chamadas de ferramentas</translation>
    </message>
    <message>
        <source>%1 with</source>
        <translation>%1 com</translation>
    </message>
    <message>
        <source>waiting for the result…</source>
        <translation>aguardando o resultado…</translation>
    </message>
    <message>
        <source>failed:</source>
        <translation>falhou:</translation>
    </message>
    <message>
        <source>returned:</source>
        <translation>retornou:</translation>
    </message>
</context>
<context>
    <name>synapscale::AiProviders</name>
    <message>
        <source>Saved.</source>
        <translation>Salvo.</translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n model(s) in %1 ms.</source>
        <translation>
            <numerusform>Conectado: %n modelo em %1 ms.</numerusform>
            <numerusform>Conectado: %n modelos em %1 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Key removed.</source>
        <translation>Chave removida.</translation>
    </message>
</context>
<context>
    <name>synapscale::ApiClient</name>
    <message>
        <source>The SynapScale server refused the connection. Is it running?</source>
        <translation>O servidor SynapScale recusou a conexão. Ele está em execução?</translation>
    </message>
    <message>
        <source>The server&apos;s address could not be found.</source>
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
<context>
    <name>synapscale::EncryptionKeyStore</name>
    <message>
        <source>the system keychain did not answer</source>
        <translation>o chaveiro do sistema não respondeu</translation>
    </message>
    <message>
        <source>the keychain entry is damaged</source>
        <translation>a entrada do chaveiro está danificada</translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Choose a passphrase to protect the credentials you store; you will be asked for it each time SynapScale starts.</source>
        <translation>Nenhum chaveiro do sistema está disponível (%1). Escolha uma frase secreta para proteger as credenciais que você guardar; ela será pedida sempre que o SynapScale iniciar.</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>A frase secreta precisa de pelo menos %n caractere.</numerusform>
            <numerusform>A frase secreta precisa de pelo menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The passphrase file %1 is damaged.</source>
        <translation>O arquivo da frase secreta %1 está danificado.</translation>
    </message>
    <message>
        <source>Not enough memory to derive the key from the passphrase.</source>
        <translation>Não há memória suficiente para derivar a chave da frase secreta.</translation>
    </message>
    <message>
        <source>That is not the passphrase chosen before.</source>
        <translation>Essa não é a frase secreta escolhida antes.</translation>
    </message>
    <message>
        <source>Could not save the passphrase&apos;s check value in %1.</source>
        <translation>Não foi possível salvar o valor de verificação da frase secreta em %1.</translation>
    </message>
</context>
</TS>
