import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// A coloured dot with a short label: ok, failing, or waiting.
RowLayout {
    id: root
    property string level: "waiting" // "ok" | "error" | "waiting"
    property string label
    property color textColor: Theme.text

    spacing: 8
    Rectangle {
        width: 10
        height: 10
        radius: 5
        color: root.level === "ok" ? Theme.success : root.level === "error" ? Theme.danger : Theme.warning
    }
    Label {
        text: root.label
        color: root.textColor
        font.pixelSize: 14
    }
}
