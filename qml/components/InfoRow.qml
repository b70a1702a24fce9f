import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// "Label: value" on one line of a card.
RowLayout {
    id: root
    property string label
    property string value

    Layout.fillWidth: true
    spacing: 12
    Label {
        text: root.label
        color: Theme.mutedText
        Layout.preferredWidth: 190
        Layout.maximumWidth: 190
        elide: Text.ElideRight
    }
    Label {
        text: root.value
        color: Theme.text
        Layout.fillWidth: true
        elide: Text.ElideRight
    }
}
