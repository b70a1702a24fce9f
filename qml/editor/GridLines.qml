import QtQuick
import SynapScale

// The canvas grid: thin lines every `step` canvas units, following pan and zoom. When the lines
// would come closer than 16 pixels (zoomed out), every fifth one is drawn instead: denser lines
// read as a grey wash, and each is a full-length primitive for a software rasterizer.
Item {
    id: grid
    property real zoom: 1
    property real panX: 0
    property real panY: 0
    property real step: 20
    readonly property real spacing: {
        let s = step * zoom
        while (s < 16)
            s *= 5
        return s
    }
    clip: true
    // The border colour at 60 % over the canvas's background, mixed here so that the lines are
    // opaque: drawn in the renderer's opaque pass, without blending.
    readonly property color lineColor: Qt.rgba(Theme.background.r + (Theme.border.r - Theme.background.r) * 0.6,
                                               Theme.background.g + (Theme.border.g - Theme.background.g) * 0.6,
                                               Theme.background.b + (Theme.border.b - Theme.background.b) * 0.6, 1)

    // A fixed number of lines (enough for the closest spacing), the unused ones beyond the edge,
    // cut by the clip: zooming then moves lines instead of making, destroying or hiding them
    // (showing or hiding one rebuilds the scene graph's batches: it did on nearly every zoom step).
    Repeater {
        model: Math.ceil(grid.width / 16) + 2
        Rectangle {
            required property int index
            x: ((grid.panX % grid.spacing) + grid.spacing) % grid.spacing + index * grid.spacing
            width: 1
            height: grid.height
            color: grid.lineColor
        }
    }
    Repeater {
        model: Math.ceil(grid.height / 16) + 2
        Rectangle {
            required property int index
            y: ((grid.panY % grid.spacing) + grid.spacing) % grid.spacing + index * grid.spacing
            height: 1
            width: grid.width
            color: grid.lineColor
        }
    }
}
