import QtQuick
import QtQuick.Shapes
import SynapScale

// One connection drawn as a bezier from an output port to an input port. A handle at its middle
// selects it (and, selected, deletes it); IF/Switch outputs show their port name at the start.
Item {
    id: edge
    required property int index
    required property real x1
    required property real y1
    required property real x2
    required property real y2
    required property bool selected
    required property string label
    property var canvas
    readonly property real bend: Math.max(50, Math.abs(x2 - x1) / 2)
    visible: Math.max(x1, x2) + bend > canvas.viewLeft && Math.min(x1, x2) - bend < canvas.viewRight
             && Math.max(y1, y2) > canvas.viewTop && Math.min(y1, y2) < canvas.viewBottom
    readonly property color lineColor: selected ? Theme.accent : Theme.mutedText

    Shape {
        vendorExtensionsEnabled: false
        ShapePath {
            strokeColor: edge.lineColor
            strokeWidth: edge.selected ? 3 : 2
            fillColor: "transparent"
            startX: edge.x1
            startY: edge.y1
            PathCubic {
                x: edge.x2
                y: edge.y2
                control1X: edge.x1 + edge.bend
                control1Y: edge.y1
                control2X: edge.x2 - edge.bend
                control2Y: edge.y2
            }
        }
    }
    Loader {
        active: edge.label.length > 0
        x: edge.x1 + 8
        y: edge.y1 - height - 2
        sourceComponent: Text {
            text: edge.label
            color: Theme.mutedText
            font.pixelSize: 11
        }
    }
    Rectangle {
        objectName: "edgeHandle"
        width: edge.selected ? 20 : 12
        height: width
        radius: width / 2
        x: (edge.x1 + edge.x2) / 2 - width / 2
        y: (edge.y1 + edge.y2) / 2 - height / 2
        color: edge.selected ? Theme.accent : Theme.surface
        border.color: edge.lineColor
        border.width: 2
        Text {
            anchors.centerIn: parent
            visible: edge.selected
            text: "×"
            color: "white"
            font.pixelSize: 14
            font.bold: true
        }
        MouseArea {
            anchors.fill: parent
            anchors.margins: -4
            cursorShape: Qt.PointingHandCursor
            onClicked: mouse => {
                if (edge.selected && !(mouse.modifiers & Qt.ShiftModifier))
                    edge.canvas.document.removeEdge(edge.index)
                else
                    edge.canvas.document.selectEdge(edge.index, mouse.modifiers & Qt.ShiftModifier)
                edge.canvas.forceActiveFocus()
            }
        }
    }
}
