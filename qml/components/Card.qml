import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// A titled panel on a page.
Pane {
    id: root
    property string title
    default property alias content: body.data

    padding: Theme.spacing
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.border
    }
    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 12
        Label {
            visible: root.title.length > 0
            text: root.title
            font.pixelSize: 16
            font.bold: true
            color: Theme.text
        }
        ColumnLayout {
            id: body
            Layout.fillWidth: true
            spacing: 8
        }
    }
}
