import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// A node's items as a table (one column per field) or as JSON.
ColumnLayout {
    id: view
    property var items: []
    property bool asJson: false
    property WorkflowRunner runner
    readonly property var table: runner ? runner.table(items) : ({columns: [], rows: []})
    spacing: 6

    RowLayout {
        Layout.fillWidth: true
        Label {
            text: qsTr("%n item(s)", "", view.items.length)
            color: Theme.mutedText
            Layout.fillWidth: true
        }
        TabBar {
            id: modeBar
            currentIndex: view.asJson ? 1 : 0
            TabButton { text: qsTr("Table"); width: implicitWidth; onClicked: view.asJson = false }
            TabButton { text: qsTr("JSON"); width: implicitWidth; onClicked: view.asJson = true }
        }
    }
    ScrollView {
        visible: !view.asJson
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        Column {
            Row {
                Repeater {
                    model: view.table.columns
                    Label {
                        required property string modelData
                        width: 120
                        padding: 4
                        text: modelData
                        font.bold: true
                        elide: Text.ElideRight
                        color: Theme.text
                        background: Rectangle { color: Theme.background; border.color: Theme.border }
                    }
                }
            }
            Repeater {
                model: view.table.rows
                Row {
                    required property var modelData
                    Repeater {
                        model: parent.modelData
                        Label {
                            required property string modelData
                            width: 120
                            padding: 4
                            text: modelData
                            elide: Text.ElideRight
                            color: Theme.text
                            background: Rectangle { color: "transparent"; border.color: Theme.border }
                        }
                    }
                }
            }
        }
    }
    ScrollView {
        visible: view.asJson
        Layout.fillWidth: true
        Layout.fillHeight: true
        TextArea {
            objectName: "itemsJson"
            readOnly: true
            selectByMouse: true
            font.family: "monospace"
            font.pixelSize: 12
            text: view.asJson && view.runner ? view.runner.toJson(view.items) : ""
        }
    }
}
