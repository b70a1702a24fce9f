import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// How stored credentials are protected, and the passphrase prompt when no keychain is available.
Card {
    id: root
    title: qsTr("Credential encryption")
    readonly property string state: EncryptionKeyStore.state
    readonly property bool asking: state === "choose_passphrase" || state === "enter_passphrase"

    Label {
        objectName: "encryptionStatus"
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        color: EncryptionKeyStore.ready ? Theme.text : Theme.warning
        text: {
            switch (root.state) {
            case "environment": return qsTr("Credentials are encrypted with the key set in ENCRYPTION_KEY.")
            case "keychain": return qsTr("Credentials are encrypted with a key kept in the system keychain.")
            case "passphrase": return qsTr("Credentials are encrypted with a key derived from your passphrase.")
            case "checking": return qsTr("Asking the system keychain for the encryption key…")
            case "deriving": return qsTr("Deriving the key from the passphrase…")
            case "enter_passphrase": return qsTr("Enter your passphrase to use the credentials you stored.")
            default: return qsTr("Credentials cannot be stored until they can be encrypted.")
            }
        }
    }
    Label {
        objectName: "encryptionMessage"
        visible: EncryptionKeyStore.message.length > 0
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        color: Theme.mutedText
        text: EncryptionKeyStore.message
    }
    RowLayout {
        visible: root.asking || root.state === "deriving"
        Layout.fillWidth: true
        TextField {
            id: passphrase
            objectName: "passphraseField"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            enabled: root.asking
            placeholderText: root.state === "choose_passphrase" ? qsTr("Choose a passphrase (at least 8 characters)") : qsTr("Passphrase")
            onAccepted: unlockButton.clicked()
            Accessible.name: qsTr("Passphrase")
        }
        TextField {
            id: confirmation
            objectName: "passphraseConfirmation"
            visible: root.state === "choose_passphrase"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("Repeat it")
            onAccepted: unlockButton.clicked()
            Accessible.name: qsTr("Repeat the passphrase")
        }
        Button {
            id: unlockButton
            objectName: "unlockButton"
            text: root.state === "choose_passphrase" ? qsTr("Protect credentials") : qsTr("Unlock")
            enabled: root.asking && passphrase.text.length > 0
            onClicked: {
                if (root.state === "choose_passphrase" && passphrase.text !== confirmation.text) {
                    mismatch.visible = true
                    return
                }
                mismatch.visible = false
                EncryptionKeyStore.unlock(passphrase.text)
                passphrase.text = ""
                confirmation.text = ""
            }
        }
        BusyIndicator {
            running: root.state === "deriving"
            visible: running
            implicitWidth: 32
            implicitHeight: 32
        }
    }
    Label {
        id: mismatch
        visible: false
        text: qsTr("The two passphrases differ.")
        color: Theme.danger
    }
}
