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

    // Re-read when the list changes (count is notified with every load).
    readonly property int chosenRow: credentialModel.count >= 0 ? credentialModel.indexOf(picker.chosen) : -1

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
                text: qsTr("%1 — %2").arg(name).arg(newDialog.kindName(type))
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
    NewCredentialDialog {
        id: newDialog
        credentials: credentialModel
        types: picker.types
        onStored: id => picker.picked(id)
    }
}
