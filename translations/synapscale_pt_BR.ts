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
    <name>CredentialPicker</name>
    <message>
        <source>Loading credentials…</source>
        <translation>Carregando credenciais…</translation>
    </message>
    <message>
        <source>No credentials yet</source>
        <translation>Nenhuma credencial ainda</translation>
    </message>
    <message>
        <source>Choose a credential</source>
        <translation>Escolha uma credencial</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Credencial</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nova…</translation>
    </message>
    <message>
        <source>Store a new credential</source>
        <translation>Guardar uma nova credencial</translation>
    </message>
    <message>
        <source>The chosen credential no longer exists (deleted, or it belongs to another user). Choose another one.</source>
        <translation>A credencial escolhida não existe mais (foi excluída ou pertence a outro usuário). Escolha outra.</translation>
    </message>
</context>
<context>
    <name>CredentialsCard</name>
    <message>
        <source>Credentials</source>
        <translation>Credenciais</translation>
    </message>
    <message>
        <source>HTTP Request nodes sign their calls with these. Values are stored encrypted and never shown again; to change one, store a new credential and choose it on the node.</source>
        <translation>Os nós HTTP Request assinam suas chamadas com estas. Os valores são guardados criptografados e nunca mais mostrados; para trocar um, guarde uma nova credencial e escolha-a no nó.</translation>
    </message>
    <message>
        <source>No credentials stored yet.</source>
        <translation>Nenhuma credencial guardada ainda.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>New credential…</source>
        <translation>Nova credencial…</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>Excluir “%1”?</translation>
    </message>
    <message>
        <source>Nodes that use it will fail until another credential is chosen. This cannot be undone.</source>
        <translation>Os nós que a usam vão falhar até que outra credencial seja escolhida. Isso não pode ser desfeito.</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <source>The run failed: %1</source>
        <translation>A execução falhou: %1</translation>
    </message>
    <message>
        <source>The run failed.</source>
        <translation>A execução falhou.</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Fluxos</translation>
    </message>
    <message>
        <source>Workflow name</source>
        <translation>Nome do fluxo</translation>
    </message>
    <message>
        <source>Past run — read-only</source>
        <translation>Execução passada — somente leitura</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
    <message>
        <source>Not saved: conflict</source>
        <translation>Não salvo: conflito</translation>
    </message>
    <message>
        <source>● Unsaved changes</source>
        <translation>● Alterações não salvas</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Salvo</translation>
    </message>
    <message>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation>Desfazer %1 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo %1 (Ctrl+Shift+Z)</source>
        <translation>Refazer %1 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inativo</translation>
    </message>
    <message>
        <source>Input JSON (optional)</source>
        <translation>JSON de entrada (opcional)</translation>
    </message>
    <message>
        <source>Run input</source>
        <translation>Entrada da execução</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Executar</translation>
    </message>
    <message>
        <source>Stop the run (Ctrl+.)</source>
        <translation>Parar a execução (Ctrl+.)</translation>
    </message>
    <message>
        <source>Run the workflow (Ctrl+Enter)</source>
        <translation>Executar o fluxo (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recarregar</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Sobrescrever</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(production)</source>
        <translation>(produção)</translation>
    </message>
    <message>
        <source>(test — activate for the production URL)</source>
        <translation>(teste — ative para ter a URL de produção)</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>Copiar URL</translation>
    </message>
    <message>
        <source>Webhook URL copied.</source>
        <translation>URL do webhook copiada.</translation>
    </message>
    <message>
        <source>Choose the node to add there.</source>
        <translation>Escolha o nó a adicionar ali.</translation>
    </message>
    <message>
        <source>Edit the workflow</source>
        <translation>Editar o fluxo</translation>
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
    <name>ExecutionsPage</name>
    <message>
        <source>Succeeded</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Executando</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Aguardando</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Na fila</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Qualquer status</translation>
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
        <translation>Agendamento</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Nova tentativa</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Execuções</translation>
    </message>
    <message>
        <source>All workflows</source>
        <translation>Todos os fluxos</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Fluxo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No executions yet. Run a workflow from the editor.</source>
        <translation>Nenhuma execução ainda. Execute um fluxo pelo editor.</translation>
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
        <translation>Tentar de novo desde o início</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Delete this execution</source>
        <translation>Excluir esta execução</translation>
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
    <name>ItemDataView</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n itens</numerusform>
        </translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabela</translation>
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
    <message>
        <source>Workflows</source>
        <translation>Fluxos</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Execuções</translation>
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
    <name>NewCredentialDialog</name>
    <message>
        <source>HTTP basic auth</source>
        <translation>Autenticação HTTP básica</translation>
    </message>
    <message>
        <source>HTTP bearer token</source>
        <translation>Token HTTP bearer</translation>
    </message>
    <message>
        <source>HTTP header</source>
        <translation>Cabeçalho HTTP</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome de usuário</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>Nome do cabeçalho</translation>
    </message>
    <message>
        <source>Header value</source>
        <translation>Valor do cabeçalho</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Modelo padrão</translation>
    </message>
    <message>
        <source>New credential</source>
        <translation>Nova credencial</translation>
    </message>
    <message>
        <source>Kind of credential</source>
        <translation>Tipo de credencial</translation>
    </message>
    <message>
        <source>Name, e.g. “CRM API”</source>
        <translation>Nome, por exemplo “API do CRM”</translation>
    </message>
    <message>
        <source>Credential name</source>
        <translation>Nome da credencial</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (opcional)</translation>
    </message>
    <message>
        <source>Stored encrypted; it cannot be read back here, only replaced.</source>
        <translation>Guardada criptografada; não pode ser lida de volta aqui, só substituída.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>NodeInspector</name>
    <message>
        <source>Node name</source>
        <translation>Nome do nó</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parâmetros</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Saída</translation>
    </message>
    <message>
        <source>This node has no parameters.</source>
        <translation>Este nó não tem parâmetros.</translation>
    </message>
    <message>
        <source>Run the workflow to see the items this node receives.</source>
        <translation>Execute o fluxo para ver os itens que este nó recebe.</translation>
    </message>
    <message>
        <source>Run the workflow to see what this node puts out.</source>
        <translation>Execute o fluxo para ver o que este nó produz.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erro: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selecionado</numerusform>
            <numerusform>%n selecionados</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a node to edit its parameters.</source>
        <translation>Selecione um nó para editar seus parâmetros.</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (desativado)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n itens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NodePalette</name>
    <message>
        <source>Search nodes (Ctrl+K)</source>
        <translation>Buscar nós (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search nodes</source>
        <translation>Buscar nós</translation>
    </message>
    <message>
        <source>No node matches “%1”.</source>
        <translation>Nenhum nó corresponde a “%1”.</translation>
    </message>
</context>
<context>
    <name>ParameterField</name>
    <message>
        <source>A number or {{ expression }}</source>
        <translation>Um número ou {{ expressão }}</translation>
    </message>
    <message>
        <source>Run the workflow to preview this expression.</source>
        <translation>Execute o fluxo para ver o valor desta expressão.</translation>
    </message>
    <message>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erro: %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Adicionar %1</translation>
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
    <name>WorkflowCanvas</name>
    <message>
        <source>Add a first node from the palette (Ctrl+K), or paste nodes (Ctrl+V).</source>
        <translation>Adicione um primeiro nó pela paleta (Ctrl+K) ou cole nós (Ctrl+V).</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Diminuir zoom (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Aumentar zoom (+)</translation>
    </message>
    <message>
        <source>Fit to view (Shift+1)</source>
        <translation>Ajustar à tela (Shift+1)</translation>
    </message>
    <message>
        <source>Workflow canvas</source>
        <translation>Área do fluxo</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renomear</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Ativar</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desativar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Add a node here…</source>
        <translation>Adicionar um nó aqui…</translation>
    </message>
    <message>
        <source>Paste here</source>
        <translation>Colar aqui</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Selecionar tudo</translation>
    </message>
    <message>
        <source>Fit to view</source>
        <translation>Ajustar à tela</translation>
    </message>
</context>
<context>
    <name>WorkflowsPage</name>
    <message>
        <source>Succeeded</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Executando</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Aguardando</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Na fila</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Never run</source>
        <translation>Nunca executado</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportado para %1</translation>
    </message>
    <message>
        <source>Drop workflow files to import them</source>
        <translation>Solte arquivos de fluxo para importá-los</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Fluxos</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Import a workflow file, native or n8n (Ctrl+O)</source>
        <translation>Importar um arquivo de fluxo, nativo ou do n8n (Ctrl+O)</translation>
    </message>
    <message>
        <source>New workflow</source>
        <translation>Novo fluxo</translation>
    </message>
    <message>
        <source>New workflow (Ctrl+N)</source>
        <translation>Novo fluxo (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search workflows</source>
        <translation>Buscar fluxos</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Todas as tags</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>No workflow matches “%1”.</source>
        <translation>Nenhum fluxo corresponde a “%1”.</translation>
    </message>
    <message>
        <source>No workflows yet. Create one, or import a file (drop it here).</source>
        <translation>Nenhum fluxo ainda. Crie um ou importe um arquivo (solte-o aqui).</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Editado %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Active: its webhooks and schedules run</source>
        <translation>Ativo: seus webhooks e agendamentos rodam</translation>
    </message>
    <message>
        <source>Inactive: runs only when you click Run</source>
        <translation>Inativo: roda só quando você clica em Executar</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Mais ações</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renomear…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>“%1” excluído.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n workflows.</source>
        <translation>
            <numerusform>%n fluxo excluído.</numerusform>
            <numerusform>%n fluxos excluídos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Desfazer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
    <message>
        <source>My workflow</source>
        <translation>Meu fluxo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Rename workflow</source>
        <translation>Renomear fluxo</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renomear</translation>
    </message>
    <message>
        <source>Imported “%1”</source>
        <translation>“%1” importado</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Every node was imported.</source>
        <translation>Todos os nós foram importados.</translation>
    </message>
    <message numerus="yes">
        <source>Imported with %n warning(s). Unsupported nodes are kept, disabled, so nothing is lost:</source>
        <translation>
            <numerusform>Importado com %n aviso. Nós não suportados são mantidos, desativados, para que nada se perca:</numerusform>
            <numerusform>Importado com %n avisos. Nós não suportados são mantidos, desativados, para que nada se perca:</numerusform>
        </translation>
    </message>
    <message>
        <source>Import workflow</source>
        <translation>Importar fluxo</translation>
    </message>
    <message>
        <source>Workflow JSON (*.json)</source>
        <translation>JSON de fluxo (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Export workflow</source>
        <translation>Exportar fluxo</translation>
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
        <translation>Salvar</translation>
    </message>
    <message>
        <source>sales, daily</source>
        <translation>vendas, diário</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Tags, separadas por vírgulas</translation>
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
    <name>synapscale::CredentialListModel</name>
    <message>
        <source>Could not load your credentials: %1</source>
        <translation>Não foi possível carregar suas credenciais: %1</translation>
    </message>
    <message>
        <source>Credentials cannot be stored yet: set up the encryption key in Settings first.</source>
        <translation>Ainda não é possível guardar credenciais: configure primeiro a chave de criptografia em Configurações.</translation>
    </message>
    <message>
        <source>Could not store the credential: %1</source>
        <translation>Não foi possível guardar a credencial: %1</translation>
    </message>
    <message>
        <source>Could not delete the credential: %1</source>
        <translation>Não foi possível excluir a credencial: %1</translation>
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
<context>
    <name>synapscale::ExecutionListModel</name>
    <message>
        <source>(deleted workflow)</source>
        <translation>(fluxo excluído)</translation>
    </message>
    <message>
        <source>Could not retry: %1</source>
        <translation>Não foi possível tentar de novo: %1</translation>
    </message>
    <message>
        <source>Could not delete the execution: %1</source>
        <translation>Não foi possível excluir a execução: %1</translation>
    </message>
</context>
<context>
    <name>synapscale::ExpressionPreview</name>
    <message>
        <source>Stopped: the expression ran longer than %1 ms.</source>
        <translation>Interrompida: a expressão passou de %1 ms.</translation>
    </message>
</context>
<context>
    <name>synapscale::WorkflowDocument</name>
    <message>
        <source>This workflow was changed elsewhere since you opened it. Reload it to see the newer version, or overwrite it with yours.</source>
        <translation>Este fluxo foi alterado em outro lugar desde que você o abriu. Recarregue para ver a versão mais nova ou sobrescreva-a com a sua.</translation>
    </message>
    <message>
        <source>Not saved: some nodes need attention (marked in red).</source>
        <translation>Não salvo: alguns nós precisam de atenção (marcados em vermelho).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Não salvo: %1</translation>
    </message>
    <message>
        <source>This is a past run, shown read-only.</source>
        <translation>Esta é uma execução passada, mostrada somente para leitura.</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Adicionar %1</translation>
    </message>
    <message>
        <source>That node no longer exists.</source>
        <translation>Esse nó não existe mais.</translation>
    </message>
    <message>
        <source>A node cannot feed itself.</source>
        <translation>Um nó não pode alimentar a si mesmo.</translation>
    </message>
    <message>
        <source>%1 has no such output.</source>
        <translation>%1 não tem essa saída.</translation>
    </message>
    <message>
        <source>%1 is a trigger: it starts the workflow and takes no input.</source>
        <translation>%1 é um gatilho: ele inicia o fluxo e não recebe entrada.</translation>
    </message>
    <message>
        <source>%1 has no such input.</source>
        <translation>%1 não tem essa entrada.</translation>
    </message>
    <message>
        <source>These ports are already connected.</source>
        <translation>Estas portas já estão conectadas.</translation>
    </message>
    <message>
        <source>This link would make a cycle. Use Loop Over Items to repeat steps.</source>
        <translation>Esta ligação criaria um ciclo. Use Loop Over Items para repetir etapas.</translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation>Conectar %1 a %2</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Remover conexão</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Excluir %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n nodes</source>
        <translation>
            <numerusform>Excluir %n nó</numerusform>
            <numerusform>Excluir %n nós</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Excluir conexão</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Mover %1</translation>
    </message>
    <message numerus="yes">
        <source>Move %n nodes</source>
        <translation>
            <numerusform>Mover %n nó</numerusform>
            <numerusform>Mover %n nós</numerusform>
        </translation>
    </message>
    <message>
        <source>A node needs a name.</source>
        <translation>Um nó precisa de um nome.</translation>
    </message>
    <message>
        <source>Another node is already called “%1”.</source>
        <translation>Outro nó já se chama “%1”.</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>Renomear %1 para %2</translation>
    </message>
    <message numerus="yes">
        <source>Disable %n nodes</source>
        <translation>
            <numerusform>Desativar %n nó</numerusform>
            <numerusform>Desativar %n nós</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n nodes</source>
        <translation>
            <numerusform>Ativar %n nó</numerusform>
            <numerusform>Ativar %n nós</numerusform>
        </translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>Alterar %1 de %2</translation>
    </message>
    <message>
        <source>The clipboard holds no workflow nodes (it is not workflow JSON).</source>
        <translation>A área de transferência não tem nós de fluxo (não é JSON de fluxo).</translation>
    </message>
    <message>
        <source>These n8n nodes cannot be pasted: %1</source>
        <translation>Estes nós do n8n não podem ser colados: %1</translation>
    </message>
    <message>
        <source>The clipboard holds no workflow nodes.</source>
        <translation>A área de transferência não tem nós de fluxo.</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n nodes</source>
        <translation>
            <numerusform>Colar %n nó</numerusform>
            <numerusform>Colar %n nós</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>synapscale::WorkflowListModel</name>
    <message>
        <source>My workflow</source>
        <translation>Meu fluxo</translation>
    </message>
    <message>
        <source>When clicking Run</source>
        <translation>Ao clicar em Executar</translation>
    </message>
    <message>
        <source>Could not create the workflow: %1</source>
        <translation>Não foi possível criar o fluxo: %1</translation>
    </message>
    <message>
        <source>Could not rename the workflow: %1</source>
        <translation>Não foi possível renomear o fluxo: %1</translation>
    </message>
    <message>
        <source>Could not duplicate the workflow: %1</source>
        <translation>Não foi possível duplicar o fluxo: %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (cópia)</translation>
    </message>
    <message>
        <source>Could not delete “%1”: %2</source>
        <translation>Não foi possível excluir “%1”: %2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Não foi possível ler %1: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a workflow.</source>
        <translation>%1 é grande demais para ser um fluxo.</translation>
    </message>
    <message>
        <source>This file is not JSON: %1 (at character %2).</source>
        <translation>Este arquivo não é JSON: %1 (no caractere %2).</translation>
    </message>
    <message>
        <source>Could not import the workflow: %1</source>
        <translation>Não foi possível importar o fluxo: %1</translation>
    </message>
    <message>
        <source>Could not export the workflow: %1</source>
        <translation>Não foi possível exportar o fluxo: %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
    <message>
        <source>Could not change the tags: %1</source>
        <translation>Não foi possível alterar as tags: %1</translation>
    </message>
</context>
<context>
    <name>synapscale::WorkflowRunner</name>
    <message>
        <source>The input is not valid JSON: %1 (at character %2).</source>
        <translation>A entrada não é JSON válido: %1 (no caractere %2).</translation>
    </message>
    <message>
        <source>This is a past run, shown read-only. Open the workflow to run it again.</source>
        <translation>Esta é uma execução passada, somente leitura. Abra o fluxo para executá-lo de novo.</translation>
    </message>
    <message>
        <source>Resolve the save conflict first: reload or overwrite.</source>
        <translation>Resolva primeiro o conflito ao salvar: recarregue ou sobrescreva.</translation>
    </message>
    <message>
        <source>Not run, because the workflow could not be saved: %1</source>
        <translation>Não executado, porque o fluxo não pôde ser salvo: %1</translation>
    </message>
</context>
</TS>
