import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// Stores a new credential of one of `types`: its kind, a name and the kind's fields (secret ones
// hidden; Save waits for the required ones). Refusals stay in the dialog, in words; stored(id)
// follows a success. Used by the inspector's credential picker and by Settings.
Dialog {
    id: newDialog
    objectName: "newCredentialDialog"
    required property CredentialListModel credentials
    property var types: []
    signal stored(string id)

    function kindName(type) {
        switch (type) {
        case "http_basic": return qsTr("HTTP basic auth")
        case "http_bearer": return qsTr("HTTP bearer token")
        case "http_header": return qsTr("HTTP header")
        default: return newDialog.credentials.typeName(type)
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

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: 420
    modal: true
    title: qsTr("New credential")
    property bool saving: false
    property string failure
    property int edits: 0
    readonly property string type: typeBox.currentIndex >= 0 ? newDialog.types[typeBox.currentIndex] : ""
    readonly property var fields: newDialog.credentials.count >= 0 ? newDialog.credentials.fieldsOf(type) : []
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
        newDialog.credentials.create(nameField.text, type, values)
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
            visible: newDialog.types.length > 1
            Layout.fillWidth: true
            model: newDialog.types
            displayText: newDialog.kindName(currentText)
            delegate: ItemDelegate {
                required property int index
                required property string modelData
                width: typeBox.width
                text: newDialog.kindName(modelData)
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
                placeholderText: modelData.required ? newDialog.fieldName(modelData.name)
                                                    : qsTr("%1 (optional)").arg(newDialog.fieldName(modelData.name))
                echoMode: modelData.secret ? TextInput.Password : TextInput.Normal
                onTextChanged: newDialog.edits++
                Accessible.name: newDialog.fieldName(modelData.name)
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
        target: newDialog.credentials
        function onCreated(id) {
            newDialog.saving = false
            newDialog.close()
            newDialog.stored(id)
        }
        function onCreateFailed(message) {
            newDialog.saving = false
            newDialog.failure = message
        }
    }
}
