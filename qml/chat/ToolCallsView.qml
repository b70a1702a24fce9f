import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// An agent's tool calls of one turn, folded to one line; unfolded, each call's arguments and result.
Rectangle {
    id: root
    property var tools: []
    property bool expanded: false

    implicitHeight: column.implicitHeight + 12
    radius: 6
    color: "transparent"
    border.color: Theme.border

    function names() {
        let list = []
        for (let i = 0; i < tools.length; ++i)
            list.push(tools[i].name)
        return list.join(", ")
    }
    function pending() {
        for (let i = 0; i < tools.length; ++i)
            if (!tools[i].done)
                return true
        return false
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 6
        spacing: 6
        ItemDelegate {
            objectName: "toolCallsToggle"
            Layout.fillWidth: true
            implicitHeight: 30
            text: (root.expanded ? "▾ " : "▸ ")
                  + (root.pending() ? qsTr("Using %1…").arg(root.names())
                                    : qsTr("Used %n tool(s): %1", "", root.tools.length).arg(root.names()))
            font.pixelSize: 13
            onClicked: root.expanded = !root.expanded
            Accessible.name: qsTr("Tool calls")
        }
        Repeater {
            model: root.expanded ? root.tools : []
            delegate: ColumnLayout {
                required property var modelData
                Layout.fillWidth: true
                Layout.leftMargin: 12
                spacing: 2
                Label {
                    text: qsTr("%1 with").arg(modelData.name)
                    color: Theme.mutedText
                    font.pixelSize: 12
                }
                TextEdit {
                    Layout.fillWidth: true
                    text: modelData.arguments
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.WrapAnywhere
                    font.family: "monospace"
                    font.pixelSize: 12
                    color: Theme.text
                }
                Label {
                    text: !modelData.done ? qsTr("waiting for the result…")
                                          : modelData.is_error ? qsTr("failed:") : qsTr("returned:")
                    color: modelData.is_error ? Theme.danger : Theme.mutedText
                    font.pixelSize: 12
                }
                TextEdit {
                    visible: modelData.done
                    Layout.fillWidth: true
                    text: modelData.result
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.WrapAnywhere
                    font.family: "monospace"
                    font.pixelSize: 12
                    color: Theme.text
                }
            }
        }
    }
}
