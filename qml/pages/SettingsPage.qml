import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// Appearance, language, AI providers, credential encryption and where the API is.
Page {
    id: page
    background: Rectangle { color: Theme.background }
    required property AiProviders providers // shared with the chat page (Main.qml)

    ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: availableWidth

    ColumnLayout {
        width: scroller.availableWidth - 64
        x: 32
        y: 32
        spacing: Theme.spacing

        Label {
            text: qsTr("Settings")
            font.pixelSize: 26
            font.bold: true
            color: Theme.text
        }

        Card {
            title: qsTr("Appearance")
            Layout.fillWidth: true
            Layout.maximumWidth: 640
            RowLayout {
                spacing: 24
                RadioButton {
                    objectName: "lightTheme"
                    text: qsTr("Light")
                    checked: !AppSettings.dark
                    onToggled: if (checked) AppSettings.theme = "light"
                }
                RadioButton {
                    objectName: "darkTheme"
                    text: qsTr("Dark")
                    checked: AppSettings.dark
                    onToggled: if (checked) AppSettings.theme = "dark"
                }
            }
        }

        Card {
            title: qsTr("Language")
            Layout.fillWidth: true
            Layout.maximumWidth: 640
            ComboBox {
                id: languageBox
                objectName: "languageBox"
                Layout.preferredWidth: 280
                model: AppSettings.languages
                textRole: "name"
                valueRole: "code"
                Component.onCompleted: currentIndex = indexOfValue(AppSettings.language)
                onActivated: AppSettings.language = currentValue
                // The language can also change from elsewhere (command palette, tests): follow it.
                Connections {
                    target: AppSettings
                    function onLanguageChanged() { languageBox.currentIndex = languageBox.indexOfValue(AppSettings.language) }
                }
                Accessible.name: qsTr("Language")
            }
        }

        Card {
            title: qsTr("API")
            Layout.fillWidth: true
            Layout.maximumWidth: 640
            InfoRow {
                label: qsTr("Address")
                value: ApiClient.baseUrl.toString().length > 0 ? ApiClient.baseUrl.toString() : "—"
            }
            Label {
                text: qsTr("The built-in server listens only on this computer (127.0.0.1).")
                color: Theme.mutedText
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Open API documentation")
                enabled: ApiClient.baseUrl.toString().length > 0
                onClicked: Qt.openUrlExternally(ApiClient.baseUrl.toString() + "/docs")
            }
        }
        EncryptionCard {
            objectName: "encryptionCard"
            Layout.fillWidth: true
            Layout.maximumWidth: 640
        }

        CredentialsCard {
            objectName: "credentialsCard"
            Layout.fillWidth: true
            Layout.maximumWidth: 640
        }

        ProvidersCard {
            objectName: "providersCard"
            providers: page.providers
            Layout.fillWidth: true
            Layout.maximumWidth: 640
        }
        Item { implicitHeight: 32 }
    }
    }
}
