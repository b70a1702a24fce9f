import QtQuick
import SynapScale

// An overview of the whole workflow with the visible part framed; click or drag to go there.
Rectangle {
    id: map
    property var canvas
    // The workflow's box (not the view's): panning moves only the frame, not 500 rectangles.
    readonly property rect bounds: {
        canvas.document.revision // re-read the nodes' box after every edit
        const r = canvas.document.contentRect()
        return Qt.rect(r.x - 40, r.y - 40, r.width + 80, r.height + 80)
    }
    readonly property real ratio: Math.min(width / bounds.width, height / bounds.height)
    // The workflow centred in the map.
    readonly property real offsetX: (width - bounds.width * ratio) / 2
    readonly property real offsetY: (height - bounds.height * ratio) / 2

    objectName: "minimap"
    width: 200
    height: 130
    radius: 6
    color: Theme.surface
    border.color: Theme.border
    clip: true

    Repeater {
        model: map.canvas.document.nodes
        Rectangle {
            required property real posX
            required property real posY
            required property real nodeHeight
            required property bool selected
            x: map.offsetX + (posX - map.bounds.x) * map.ratio
            y: map.offsetY + (posY - map.bounds.y) * map.ratio
            width: Math.max(2, map.canvas.nodeWidth * map.ratio)
            height: Math.max(2, nodeHeight * map.ratio)
            color: selected ? Theme.accent : Theme.mutedText
            antialiasing: false
        }
    }
    Rectangle {
        x: map.offsetX + (-map.canvas.panX / map.canvas.zoom - map.bounds.x) * map.ratio
        y: map.offsetY + (-map.canvas.panY / map.canvas.zoom - map.bounds.y) * map.ratio
        width: map.canvas.width / map.canvas.zoom * map.ratio
        height: map.canvas.height / map.canvas.zoom * map.ratio
        color: "transparent"
        border.color: Theme.accent
        border.width: 1
    }
    MouseArea {
        anchors.fill: parent
        function go(mouse) {
            map.canvas.centreOn(map.bounds.x + (mouse.x - map.offsetX) / map.ratio, map.bounds.y + (mouse.y - map.offsetY) / map.ratio)
        }
        onPressed: mouse => go(mouse)
        onPositionChanged: mouse => { if (pressed) go(mouse) }
    }
}
