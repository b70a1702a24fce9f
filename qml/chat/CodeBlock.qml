import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// A fenced code block of a reply: monospace, its language, and a button that copies it.
Rectangle {
    id: root
    property string code
    property string language
    signal copyRequested(string text)

    implicitHeight: column.implicitHeight + 16
    radius: 6
    color: Theme.dark ? "#0f1115" : "#f0f2f5"
    border.color: Theme.border

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 8
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: root.language.length > 0 ? root.language : qsTr("code")
                color: Theme.mutedText
                font.pixelSize: 12
                Layout.fillWidth: true
            }
            ToolButton {
                id: copyButton
                objectName: "copyCodeButton"
                property bool copied: false
                text: copied ? qsTr("Copied") : qsTr("Copy")
                font.pixelSize: 12
                implicitHeight: 28
                onClicked: {
                    root.copyRequested(root.code)
                    copied = true
                    copiedTimer.restart()
                }
                Timer {
                    id: copiedTimer
                    interval: 1500
                    onTriggered: copyButton.copied = false
                }
                Accessible.name: qsTr("Copy code")
            }
        }
        TextEdit {
            Layout.fillWidth: true
            text: root.code
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            font.family: "monospace"
            font.pixelSize: 13
            color: Theme.text
            selectionColor: Theme.accent
        }
    }
}
