import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// The credential a node signs with: the user's stored credentials of the kinds the node takes,
// and "New…" to store one without leaving the editor. The node keeps only the credential's id;
// its values stay encrypted on the server and are never shown again.
ColumnLayout {
    id: picker
    property string chosen
    property var types: []
    signal picked(string id)
    spacing: 4

    readonly property alias credentials: credentialModel
    // Re-read when the list changes (count is notified with every load).
    readonly property int chosenRow: credentialModel.count >= 0 ? credentialModel.indexOf(picker.chosen) : -1

    function kindName(type) {
        switch (type) {
        case "http_basic": return qsTr("HTTP basic auth")
        case "http_bearer": return qsTr("HTTP bearer token")
        case "http_header": return qsTr("HTTP header")
        default: return credentialModel.typeName(type)
        }
    }
    function fieldName(name) {
        switch (name) {
        case "username": return qsTr("User name")
        case "password": return qsTr("Password")
        case "token": return qsTr("Token")
        case "name": return qsTr("Header name")
        case "value": return qsTr("Header value")
        case "api_key": return qsTr("API key")
        case "base_url": return qsTr("Base URL")
        case "default_model": return qsTr("Default model")
        default: return name
        }
    }

    CredentialListModel {
        id: credentialModel
        types: picker.types
    }

    RowLayout {
        Layout.fillWidth: true
        ComboBox {
            id: combo
            objectName: "credentialCombo"
            Layout.fillWidth: true
            model: credentialModel
            textRole: "name"
            currentIndex: picker.chosenRow
            displayText: currentIndex >= 0 ? currentText
                         : !credentialModel.ready ? qsTr("Loading credentials…")
                         : count === 0 ? qsTr("No credentials yet")
                         : qsTr("Choose a credential")
            delegate: ItemDelegate {
                required property int index
                required property string name
                required property string type
                width: combo.width
                text: qsTr("%1 — %2").arg(name).arg(picker.kindName(type))
                highlighted: combo.highlightedIndex === index
            }
            onActivated: index => picker.picked(credentialModel.data(credentialModel.index(index, 0), CredentialListModel.IdRole))
            Accessible.name: qsTr("Credential")
        }
        Button {
            objectName: "newCredential"
            text: qsTr("New…")
            onClicked: newDialog.open()
            ToolTip.text: qsTr("Store a new credential")
            ToolTip.visible: hovered
        }
    }
    Label {
        objectName: "credentialMissing"
        visible: picker.chosen.length > 0 && credentialModel.ready && picker.chosenRow < 0
        Layout.fillWidth: true
        text: qsTr("The chosen credential no longer exists (deleted, or it belongs to another user). Choose another one.")
        color: Theme.danger
        font.pixelSize: 11
        wrapMode: Text.WordWrap
    }
    Label {
        visible: credentialModel.error.length > 0
        Layout.fillWidth: true
        text: credentialModel.error
        color: Theme.danger
        font.pixelSize: 11
        wrapMode: Text.WordWrap
    }

    Dialog {
        id: newDialog
        objectName: "newCredentialDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: 420
        modal: true
        title: qsTr("New credential")
        property bool saving: false
        property string failure
        property int edits: 0
        readonly property string type: typeBox.currentIndex >= 0 ? picker.types[typeBox.currentIndex] : ""
        readonly property var fields: credentialModel.count >= 0 ? credentialModel.fieldsOf(type) : []
        readonly property bool valid: {
            edits
            if (nameField.text.trim().length === 0 || fieldRepeater.count !== fields.length)
                return false
            for (let i = 0; i < fields.length; ++i)
                if (fields[i].required && fieldRepeater.itemAt(i).text.length === 0)
                    return false
            return true
        }
        function save() {
            const values = {}
            for (let i = 0; i < fields.length; ++i)
                values[fields[i].name] = fieldRepeater.itemAt(i).text
            failure = ""
            saving = true
            credentialModel.create(nameField.text, type, values)
        }
        onAboutToShow: {
            failure = ""
            saving = false
            nameField.text = ""
            for (let i = 0; i < fieldRepeater.count; ++i)
                fieldRepeater.itemAt(i).text = ""
            nameField.forceActiveFocus()
        }

        // Not anchored: the dialog takes its height from this column's implicit height.
        ColumnLayout {
            width: newDialog.availableWidth
            spacing: 8
            ComboBox {
                id: typeBox
                objectName: "credentialType"
                visible: picker.types.length > 1
                Layout.fillWidth: true
                model: picker.types
                displayText: picker.kindName(currentText)
                delegate: ItemDelegate {
                    required property int index
                    required property string modelData
                    width: typeBox.width
                    text: picker.kindName(modelData)
                    highlighted: typeBox.highlightedIndex === index
                }
                Accessible.name: qsTr("Kind of credential")
            }
            TextField {
                id: nameField
                objectName: "credentialName"
                Layout.fillWidth: true
                placeholderText: qsTr("Name, e.g. “CRM API”")
                onTextChanged: newDialog.edits++
                Accessible.name: qsTr("Credential name")
            }
            Repeater {
                id: fieldRepeater
                model: newDialog.fields
                TextField {
                    required property var modelData
                    objectName: "credentialField:" + modelData.name
                    Layout.fillWidth: true
                    placeholderText: modelData.required ? picker.fieldName(modelData.name)
                                                        : qsTr("%1 (optional)").arg(picker.fieldName(modelData.name))
                    echoMode: modelData.secret ? TextInput.Password : TextInput.Normal
                    onTextChanged: newDialog.edits++
                    Accessible.name: picker.fieldName(modelData.name)
                }
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Stored encrypted; it cannot be read back here, only replaced.")
                color: Theme.mutedText
                font.pixelSize: 11
                wrapMode: Text.WordWrap
            }
            Label {
                objectName: "credentialFailure"
                visible: newDialog.failure.length > 0
                Layout.fillWidth: true
                text: newDialog.failure
                color: Theme.danger
                wrapMode: Text.WordWrap
            }
        }
        footer: DialogButtonBox {
            Button {
                objectName: "saveCredential"
                text: newDialog.saving ? qsTr("Saving…") : qsTr("Save")
                enabled: newDialog.valid && !newDialog.saving
                DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
                onClicked: newDialog.save()
            }
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        Connections {
            target: credentialModel
            function onCreated(id) {
                newDialog.saving = false
                newDialog.close()
                picker.picked(id)
            }
            function onCreateFailed(message) {
                newDialog.saving = false
                newDialog.failure = message
            }
        }
    }
}
