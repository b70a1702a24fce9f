import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// One entry of the sidebar.
ItemDelegate {
    id: root
    property string glyph
    property bool active: false

    Layout.fillWidth: true
    height: 44
    highlighted: active
    contentItem: RowLayout {
        spacing: 12
        Label {
            text: root.glyph
            color: Theme.sidebarText
            font.pixelSize: 16
            Layout.preferredWidth: 20
            horizontalAlignment: Text.AlignHCenter
        }
        Label {
            text: root.text
            color: Theme.sidebarText
            font.pixelSize: 14
            font.bold: root.active
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
    }
    background: Rectangle {
        color: root.active ? Theme.sidebarActive : (root.hovered ? Qt.darker(Theme.sidebar, 0.85) : "transparent")
        radius: Theme.radius
    }
    Accessible.name: text
}
