import QtQuick
import SynapScale

// An overview of the whole workflow with the visible part framed; click or drag to go there.
Rectangle {
    id: map
    property var canvas
    readonly property rect bounds: {
        canvas.document.revision // re-read the nodes' box after every edit
        const r = canvas.document.contentRect()
        const v = Qt.rect(-canvas.panX / canvas.zoom, -canvas.panY / canvas.zoom, canvas.width / canvas.zoom, canvas.height / canvas.zoom)
        const x0 = Math.min(r.x, v.x), y0 = Math.min(r.y, v.y)
        const x1 = Math.max(r.x + r.width, v.x + v.width), y1 = Math.max(r.y + r.height, v.y + v.height)
        return Qt.rect(x0 - 40, y0 - 40, x1 - x0 + 80, y1 - y0 + 80)
    }
    readonly property real ratio: Math.min(width / bounds.width, height / bounds.height)

    objectName: "minimap"
    width: 200
    height: 130
    radius: 6
    color: Theme.surface
    border.color: Theme.border
    opacity: 0.92
    clip: true

    Repeater {
        model: map.canvas.document.nodes
        Rectangle {
            required property real posX
            required property real posY
            required property real nodeHeight
            required property bool selected
            x: (posX - map.bounds.x) * map.ratio
            y: (posY - map.bounds.y) * map.ratio
            width: Math.max(2, map.canvas.nodeWidth * map.ratio)
            height: Math.max(2, nodeHeight * map.ratio)
            color: selected ? Theme.accent : Theme.mutedText
            radius: 1
        }
    }
    Rectangle {
        x: (-map.canvas.panX / map.canvas.zoom - map.bounds.x) * map.ratio
        y: (-map.canvas.panY / map.canvas.zoom - map.bounds.y) * map.ratio
        width: map.canvas.width / map.canvas.zoom * map.ratio
        height: map.canvas.height / map.canvas.zoom * map.ratio
        color: "transparent"
        border.color: Theme.accent
        border.width: 1
    }
    MouseArea {
        anchors.fill: parent
        function go(mouse) {
            map.canvas.centreOn(map.bounds.x + mouse.x / map.ratio, map.bounds.y + mouse.y / map.ratio)
        }
        onPressed: mouse => go(mouse)
        onPositionChanged: mouse => { if (pressed) go(mouse) }
    }
}
