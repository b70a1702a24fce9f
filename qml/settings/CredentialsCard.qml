import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// The credentials nodes sign HTTP requests with (AI provider keys are in their own card): their
// names and kinds — never their values — with New… and Delete (asked first).
Card {
    id: root
    title: qsTr("Credentials")
    readonly property var kinds: ["http_basic", "http_bearer", "http_header"]
    property string failure

    CredentialListModel {
        id: credentialModel
        types: root.kinds
    }

    Label {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        color: Theme.mutedText
        text: qsTr("HTTP Request nodes sign their calls with these. Values are stored encrypted and never shown again; to change one, store a new credential and choose it on the node.")
    }
    Label {
        visible: credentialModel.ready && credentialModel.count === 0
        Layout.fillWidth: true
        text: qsTr("No credentials stored yet.")
        color: Theme.mutedText
    }
    Repeater {
        model: credentialModel
        RowLayout {
            required property string credentialId
            required property string name
            required property string type
            objectName: "credentialRow:" + name
            Layout.fillWidth: true
            Label {
                text: name
                color: Theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: newDialog.kindName(type)
                color: Theme.mutedText
            }
            ToolButton {
                objectName: "deleteCredential"
                text: qsTr("Delete")
                onClicked: {
                    confirm.credentialId = credentialId
                    confirm.credentialName = name
                    confirm.open()
                }
            }
        }
    }
    Label {
        objectName: "credentialsError"
        visible: text.length > 0
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        color: Theme.danger
        text: root.failure.length > 0 ? root.failure : credentialModel.error
    }
    Button {
        objectName: "newCredentialInSettings"
        text: qsTr("New credential…")
        onClicked: newDialog.open()
    }

    NewCredentialDialog {
        id: newDialog
        credentials: credentialModel
        types: root.kinds
    }
    Dialog {
        id: confirm
        objectName: "confirmDeleteCredential"
        property string credentialId
        property string credentialName
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: 420
        modal: true
        title: qsTr("Delete “%1”?").arg(credentialName)
        standardButtons: Dialog.Ok | Dialog.Cancel
        Label {
            width: confirm.availableWidth
            wrapMode: Text.WordWrap
            text: qsTr("Nodes that use it will fail until another credential is chosen. This cannot be undone.")
        }
        onAccepted: {
            root.failure = ""
            credentialModel.remove(credentialId)
        }
    }
    Connections {
        target: credentialModel
        function onRemoveFailed(message) { root.failure = message }
    }
}
