import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// Whom to talk to in a new chat: one of your agents, a workflow with a Chat Trigger, or a
// provider and one of its models.
Dialog {
    id: root
    property AiProviders providers
    signal chosen(string agentId, string provider, string model, string workflowId)

    title: qsTr("New chat")
    modal: true
    width: 460
    // Our own buttons: Qt's standard ones would need Qt's translation catalogues.
    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    // [{label, agentId, provider, workflowId}] — agents, chat workflows, then configured providers.
    function choices() {
        let list = []
        const agents = providers ? providers.agents : []
        for (let i = 0; i < agents.length; ++i)
            list.push({ label: qsTr("Agent: %1").arg(agents[i].name), agentId: agents[i].id, provider: "", workflowId: "" })
        const workflows = providers ? providers.chatWorkflows : []
        for (let j = 0; j < workflows.length; ++j)
            list.push({ label: qsTr("Workflow: %1").arg(workflows[j].name), agentId: "", provider: "", workflowId: workflows[j].id })
        if (providers) {
            for (let row = 0; row < providers.count; ++row) {
                const index = providers.index(row, 0)
                if (providers.data(index, AiProviders.ConfiguredRole))
                    list.push({ label: providers.data(index, AiProviders.NameRole), agentId: "", workflowId: "",
                                provider: providers.data(index, AiProviders.IdRole) })
            }
        }
        return list
    }

    onOpened: whom.forceActiveFocus()
    // Enter starts the chat, so a new chat needs no mouse: Ctrl+N, Enter, type.
    Shortcut {
        sequences: ["Return", "Enter"]
        enabled: root.opened
        onActivated: startButton.clicked()
    }

    onAboutToShow: {
        whom.model = choices()
        whom.currentIndex = whom.count > 0 ? 0 : -1
        whom.pickModels()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12
        Label {
            visible: whom.count === 0
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("No AI provider is configured yet. Add an API key in Settings → AI providers, or start Ollama on this computer.")
            color: Theme.warning
        }
        Label { text: qsTr("Talk to"); visible: whom.count > 0; color: Theme.text }
        ComboBox {
            id: whom
            objectName: "chatWithBox"
            visible: count > 0
            Layout.fillWidth: true
            textRole: "label"
            onActivated: pickModels()
            function pickModels() {
                const choice = currentIndex >= 0 ? model[currentIndex] : null
                if (!choice || choice.provider.length === 0) {
                    modelBox.model = []
                    modelBox.editText = ""
                    return
                }
                const models = root.providers.modelsOf(choice.provider)
                modelBox.model = models
                const row = root.providers.indexOf(choice.provider)
                const preferred = root.providers.data(root.providers.index(row, 0), AiProviders.DefaultModelRole)
                modelBox.currentIndex = preferred ? models.indexOf(preferred) : (models.length > 0 ? 0 : -1)
                modelBox.editText = preferred ? preferred : (models.length > 0 ? models[0] : "")
            }
            Accessible.name: qsTr("Talk to")
        }
        Label {
            text: qsTr("Model")
            visible: modelBox.visible
            color: Theme.text
        }
        ComboBox {
            id: modelBox
            objectName: "chatModelBox"
            visible: whom.currentIndex >= 0 && whom.model[whom.currentIndex].provider.length > 0
            Layout.fillWidth: true
            editable: true
            Accessible.name: qsTr("Model")
        }
        Button {
            id: startButton
            objectName: "startChatButton"
            text: qsTr("Start chat")
            highlighted: true
            enabled: whom.currentIndex >= 0
            Layout.alignment: Qt.AlignRight
            onClicked: {
                const choice = whom.model[whom.currentIndex]
                root.chosen(choice.agentId, choice.provider, choice.provider.length > 0 ? modelBox.editText.trim() : "", choice.workflowId)
                root.close()
            }
        }
    }
}
