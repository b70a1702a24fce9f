import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// AI providers: an API key (stored encrypted), base URL and default model per provider, with a
// connection test that asks the provider for its models.
Card {
    id: root
    title: qsTr("AI providers")
    property AiProviders providers

    Label {
        visible: root.providers.error.length > 0
        text: root.providers.error
        color: Theme.danger
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Label {
        visible: root.providers.count === 0 && root.providers.loading
        text: qsTr("Loading providers…")
        color: Theme.mutedText
    }

    Repeater {
        model: root.providers
        delegate: ColumnLayout {
            id: provider
            required property int index
            required property string providerId
            required property string name
            required property bool configured
            required property string keySource
            required property string baseUrl
            required property string defaultModel
            required property var models
            required property string modelsError
            required property bool editable
            required property bool hasStoredKey
            required property bool busy
            required property string message
            required property bool messageOk
            objectName: "provider_" + providerId
            Layout.fillWidth: true
            spacing: 6

            function keyText() {
                switch (keySource) {
                case "environment": return qsTr("key from the environment")
                case "credential": return qsTr("key stored")
                case "detected": return qsTr("running on this computer")
                default: return providerId === "ollama" ? qsTr("not detected") : qsTr("no key")
                }
            }

            MenuSeparator { Layout.fillWidth: true; visible: provider.index > 0 }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: provider.name
                    font.bold: true
                    color: Theme.text
                }
                StatusBadge {
                    level: provider.configured ? "ok" : "waiting"
                    label: provider.keyText()
                }
                Item { Layout.fillWidth: true }
                BusyIndicator {
                    running: provider.busy
                    visible: running
                    implicitWidth: 28
                    implicitHeight: 28
                }
            }
            GridLayout {
                visible: provider.editable
                columns: 2
                columnSpacing: 12
                Layout.fillWidth: true
                Label { text: qsTr("API key"); color: Theme.text }
                TextField {
                    id: keyField
                    objectName: "apiKeyField"
                    Layout.fillWidth: true
                    echoMode: TextInput.Password
                    placeholderText: provider.hasStoredKey ? qsTr("•••••••• (stored; type to replace)")
                                                           : provider.providerId === "ollama" ? qsTr("Not needed for a local Ollama")
                                                                                              : qsTr("Paste the API key")
                    Accessible.name: qsTr("API key for %1").arg(provider.name)
                }
                Label { text: qsTr("Base URL"); color: Theme.text }
                TextField {
                    id: urlField
                    objectName: "baseUrlField"
                    Layout.fillWidth: true
                    text: provider.baseUrl
                    placeholderText: qsTr("Default endpoint")
                    Accessible.name: qsTr("Base URL for %1").arg(provider.name)
                }
                Label { text: qsTr("Default model"); color: Theme.text }
                ComboBox {
                    id: modelField
                    objectName: "defaultModelField"
                    Layout.fillWidth: true
                    editable: true
                    model: provider.models
                    Component.onCompleted: editText = provider.defaultModel
                    Accessible.name: qsTr("Default model for %1").arg(provider.name)
                }
            }
            Label {
                visible: provider.modelsError.length > 0 && provider.message.length === 0
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: provider.modelsError
                color: Theme.warning
            }
            Label {
                objectName: "providerMessage"
                visible: provider.message.length > 0
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: provider.message
                color: provider.messageOk ? Theme.success : Theme.danger
            }
            RowLayout {
                visible: provider.editable
                Button {
                    objectName: "saveProviderButton"
                    text: qsTr("Save")
                    highlighted: true
                    enabled: !provider.busy
                    onClicked: {
                        root.providers.save(provider.providerId, keyField.text, urlField.text, modelField.editText)
                        keyField.text = ""
                    }
                }
                Button {
                    objectName: "testProviderButton"
                    text: qsTr("Test connection")
                    enabled: !provider.busy
                    onClicked: root.providers.test(provider.providerId)
                }
                Button {
                    visible: provider.hasStoredKey
                    text: qsTr("Remove stored key")
                    flat: true
                    enabled: !provider.busy
                    onClicked: root.providers.forgetKey(provider.providerId)
                }
            }
        }
    }
}
