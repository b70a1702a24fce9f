import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import SynapScale

// The infinite board of the editor: pan (drag on empty space, middle button, or Space + drag),
// zoom with the wheel or a pinch around the cursor, fit to view, a grid the nodes snap to, a
// minimap, rubber-band selection (Shift/Ctrl + drag), and links dragged from output ports.
// Keys act on the selection while the board has the focus.
FocusScope {
    id: board
    required property WorkflowDocument document
    property alias content: content
    property real zoom: 1
    property real panX: 0
    property real panY: 0
    readonly property real nodeWidth: document.nodes.nodeWidth
    readonly property real minZoom: 0.15
    readonly property real maxZoom: 2.5
    // A link being dragged from an output port.
    property bool linking: false
    property string linkFrom
    property int linkPort: 0
    property point linkStart
    property point linkEnd
    // The zoom the nodes' faces are painted at (see NodeFace): it follows `zoom` once a wheel or
    // pinch gesture rests, so a gesture repaints them once rather than at every step (in between
    // they are scaled); fitting the view takes it at once.
    property real faceZoom: 1
    property bool spaceHeld: false
    property point lastMouse: Qt.point(width / 2, height / 2)
    // The visible part of the canvas (its coordinates) with a margin: the node model marks the
    // nodes outside it as not drawn, so a 500-node workflow costs what is on screen.
    readonly property rect view: Qt.rect(-panX / zoom - 40, -panY / zoom - 40, width / zoom + 80, height / zoom + 80)
    onViewChanged: document.nodes.setView(view)
    onDocumentChanged: document.nodes.setView(view)

    // The user dropped a link on empty space: offer the palette to add a node there, linked.
    signal quickAddRequested(point at, string fromId, int fromPort)
    signal paletteRequested()
    signal message(string text)

    function showMessage(text) { board.message(text) }
    function toCanvas(vx, vy) { return Qt.point((vx - panX) / zoom, (vy - panY) / zoom) }
    function viewCentre() { return toCanvas(width / 2, height / 2) }
    function zoomAt(vx, vy, factor) {
        const z = Math.max(minZoom, Math.min(maxZoom, zoom * factor))
        const p = toCanvas(vx, vy)
        zoom = z
        panX = vx - p.x * z
        panY = vy - p.y * z
    }
    function fitToView() {
        const r = document.contentRect()
        if (r.width <= 0 || r.height <= 0) {
            zoom = faceZoom = 1
            panX = width / 2 - 100
            panY = height / 3
            return
        }
        const margin = Math.min(80, width * 0.08)
        zoom = Math.max(minZoom, Math.min(1.25, Math.min((width - 2 * margin) / r.width, (height - 2 * margin) / r.height)))
        panX = (width - r.width * zoom) / 2 - r.x * zoom
        panY = (height - r.height * zoom) / 2 - r.y * zoom
        faceZoom = zoom
    }
    onZoomChanged: faceZoomRest.restart()
    Timer {
        id: faceZoomRest
        interval: 150
        onTriggered: board.faceZoom = board.zoom
    }
    function centreOn(cx, cy) {
        panX = width / 2 - cx * zoom
        panY = height / 2 - cy * zoom
    }
    function canLinkTo(nodeId, port) {
        return document.connectionProblem(linkFrom, linkPort, nodeId, port) === ""
    }
    function beginLink(nodeId, port, p) {
        linkFrom = nodeId
        linkPort = port
        linkStart = p
        linkEnd = p
        linking = true
    }
    function moveLink(p) { if (linking) linkEnd = p }
    function endLink(p) {
        if (!linking)
            return
        linking = false
        const target = document.inputPortNear(p.x, p.y, 24)
        const under = document.nodeIdAt(p.x, p.y)
        if (target.nodeId === undefined && under.length > 0) {
            // Dropped on a node that takes no such link: say why.
            board.message(document.connectionProblem(linkFrom, linkPort, under, 0))
        } else if (target.nodeId !== undefined) {
            const problem = document.connectPorts(linkFrom, linkPort, target.nodeId, target.port)
            if (problem.length > 0)
                board.message(problem)
        } else if (Math.abs(p.x - linkStart.x) + Math.abs(p.y - linkStart.y) > 30) {
            board.quickAddRequested(p, linkFrom, linkPort) // the palette takes the keyboard
            return
        }
        board.forceActiveFocus()
    }

    clip: true
    activeFocusOnTab: true
    Accessible.name: qsTr("Workflow canvas")

    GridLines {
        objectName: "grid"
        anchors.fill: parent
        zoom: board.zoom
        panX: board.panX
        panY: board.panY
        step: 20
    }

    // Empty space: pan, rubber band, click to clear the selection, wheel to zoom.
    MouseArea {
        id: background
        anchors.fill: parent
        acceptedButtons: Qt.LeftButton | Qt.MiddleButton | Qt.RightButton
        hoverEnabled: true
        property point pressAt
        property real startPanX
        property real startPanY
        property bool panning: false
        property bool banding: false
        property bool dragged: false
        property bool overEdge: false
        cursorShape: panning ? Qt.ClosedHandCursor : board.spaceHeld ? Qt.OpenHandCursor
                   : overEdge ? Qt.PointingHandCursor : Qt.ArrowCursor
        function edgeUnder(mouse) {
            const p = board.toCanvas(mouse.x, mouse.y)
            // A little beyond the drawn circle, and never less than ~8 screen pixels.
            return board.document.edges.edgeAt(p.x, p.y, Math.max(10, 8 / board.zoom))
        }
        onPressed: mouse => {
            board.forceActiveFocus()
            if (mouse.button === Qt.RightButton) {
                spaceMenu.at = board.toCanvas(mouse.x, mouse.y)
                spaceMenu.popup(board, mouse.x, mouse.y)
                return
            }
            const edgeRow = mouse.button === Qt.LeftButton && !board.spaceHeld ? edgeUnder(mouse) : -1
            if (edgeRow >= 0) {
                const additive = mouse.modifiers & Qt.ShiftModifier
                if (board.document.edges.data(board.document.edges.index(edgeRow, 0), CanvasEdgeModel.SelectedRole) && !additive)
                    board.document.removeEdge(edgeRow)
                else
                    board.document.selectEdge(edgeRow, additive)
                mouse.accepted = false
                return
            }
            pressAt = Qt.point(mouse.x, mouse.y)
            startPanX = board.panX
            startPanY = board.panY
            dragged = false
            banding = mouse.button === Qt.LeftButton && !board.spaceHeld && (mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier))
            panning = !banding
            if (banding) {
                const p = board.toCanvas(mouse.x, mouse.y)
                band.x0 = p.x
                band.y0 = p.y
                band.x1 = p.x
                band.y1 = p.y
                band.visible = true
            }
        }
        onPositionChanged: mouse => {
            board.lastMouse = Qt.point(mouse.x, mouse.y)
            if (!pressed) {
                overEdge = edgeUnder(mouse) >= 0
                return
            }
            if (Math.abs(mouse.x - pressAt.x) + Math.abs(mouse.y - pressAt.y) > 3)
                dragged = true
            if (panning) {
                board.panX = startPanX + mouse.x - pressAt.x
                board.panY = startPanY + mouse.y - pressAt.y
            } else if (banding) {
                const p = board.toCanvas(mouse.x, mouse.y)
                band.x1 = p.x
                band.y1 = p.y
            }
        }
        onReleased: mouse => {
            if (mouse.button === Qt.RightButton)
                return
            if (banding) {
                board.document.selectRect(Math.min(band.x0, band.x1), Math.min(band.y0, band.y1),
                                           Math.abs(band.x1 - band.x0), Math.abs(band.y1 - band.y0), true)
                band.visible = false
            } else if (!dragged && mouse.button === Qt.LeftButton) {
                board.document.clearSelection()
            }
            panning = false
            banding = false
        }
        onWheel: wheel => {
            const steps = wheel.angleDelta.y / 120
            if (steps !== 0)
                board.zoomAt(wheel.x, wheel.y, Math.pow(1.15, steps))
        }
    }
    PinchHandler {
        target: null
        property real startZoom: 1
        onActiveChanged: if (active) startZoom = board.zoom
        onActiveScaleChanged: board.zoomAt(centroid.position.x, centroid.position.y, startZoom * activeScale / board.zoom)
    }

    Item {
        id: content
        objectName: "canvasContent"
        x: board.panX
        y: board.panY
        scale: board.zoom
        transformOrigin: Item.TopLeft

        Item {
            objectName: "edgeLayer"
            // All the lines in two paths and the handles in one field (one geometry each), not an
            // item per edge.
            // A handle, at an edge's middle, selects it; a selected one deletes it (see background).
            Shape {
                objectName: "edgeLines"
                vendorExtensionsEnabled: false
                ShapePath {
                    strokeColor: Theme.mutedText
                    strokeWidth: 2
                    fillColor: "transparent"
                    PathSvg { path: board.document.edges.path }
                }
                ShapePath {
                    strokeColor: Theme.accent
                    strokeWidth: 3
                    fillColor: "transparent"
                    PathSvg { path: board.document.edges.selectedPath }
                }
            }
            DiscField {
                objectName: "edgeHandles"
                points: board.document.edges.handlePoints
                radius: 7 // CanvasEdgeModel.kHandleRadius and half the 2-unit ring
                color: Theme.surface
                borderColor: Theme.mutedText
                borderWidth: 2
            }
            Repeater {
                model: board.document.edges.selectedHandles
                Rectangle {
                    objectName: "selectedEdgeHandle"
                    required property var modelData
                    width: 20
                    height: 20
                    radius: 10
                    x: modelData.x - 10
                    y: modelData.y - 10
                    color: Theme.accent
                    Text {
                        anchors.centerIn: parent
                        renderType: Text.QtRendering // scaled with the canvas
                        text: "×"
                        color: "white"
                        font.pixelSize: 14
                        font.bold: true
                    }
                }
            }
        }
        Item {
            objectName: "nodeLayer"
        Repeater {
            id: nodeRepeater
            model: board.document.nodes
            NodeItem { canvas: board }
        }
        }
        // The link being dragged.
        Shape {
            visible: board.linking
            ShapePath {
                strokeColor: Theme.accent
                strokeWidth: 2
                strokeStyle: ShapePath.DashLine
                fillColor: "transparent"
                startX: board.linkStart.x
                startY: board.linkStart.y
                PathCubic {
                    x: board.linkEnd.x
                    y: board.linkEnd.y
                    control1X: board.linkStart.x + Math.max(50, Math.abs(board.linkEnd.x - board.linkStart.x) / 2)
                    control1Y: board.linkStart.y
                    control2X: board.linkEnd.x - Math.max(50, Math.abs(board.linkEnd.x - board.linkStart.x) / 2)
                    control2Y: board.linkEnd.y
                }
            }
        }
        Rectangle {
            id: band
            property real x0
            property real y0
            property real x1
            property real y1
            visible: false
            x: Math.min(x0, x1)
            y: Math.min(y0, y1)
            width: Math.abs(x1 - x0)
            height: Math.abs(y1 - y0)
            color: Qt.rgba(1, 0.43, 0.23, 0.1)
            border.color: Theme.accent
        }
    }

    Label {
        anchors.centerIn: parent
        visible: board.document.nodes.count === 0 && !board.document.loading
        text: qsTr("Add a first node from the palette (Ctrl+K), or paste nodes (Ctrl+V).")
        color: Theme.mutedText
    }

    // Zoom controls and minimap.
    Row {
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: 12
        spacing: 4
        // Its own clip makes it its own batch root: the zoom label's text, new with every zoom
        // step, then re-batches this row instead of the whole canvas.
        clip: true
        ToolButton {
            objectName: "zoomOutButton"
            text: "−"
            onClicked: board.zoomAt(board.width / 2, board.height / 2, 1 / 1.25)
            ToolTip.text: qsTr("Zoom out (-)")
            ToolTip.visible: hovered
        }
        Label {
            anchors.verticalCenter: parent.verticalCenter
            text: Math.round(board.zoom * 100) + " %"
            color: Theme.mutedText
        }
        ToolButton {
            objectName: "zoomInButton"
            text: "+"
            onClicked: board.zoomAt(board.width / 2, board.height / 2, 1.25)
            ToolTip.text: qsTr("Zoom in (+)")
            ToolTip.visible: hovered
        }
        ToolButton {
            objectName: "fitButton"
            text: "⤢"
            onClicked: board.fitToView()
            ToolTip.text: qsTr("Fit to view (Shift+1)")
            ToolTip.visible: hovered
        }
    }
    Minimap {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 12
        canvas: board
        visible: board.document.nodes.count > 0 && board.width > 560 && board.height > 360
    }

    Keys.onPressed: event => {
        const ctrl = event.modifiers & Qt.ControlModifier
        const shift = event.modifiers & Qt.ShiftModifier
        const step = shift ? 5 : 1
        if (event.key === Qt.Key_Space && !event.isAutoRepeat) {
            board.spaceHeld = true
        } else if (event.key === Qt.Key_Delete || event.key === Qt.Key_Backspace) {
            document.removeSelection()
        } else if (ctrl && event.key === Qt.Key_A) {
            document.selectAll()
        } else if (ctrl && event.key === Qt.Key_C) {
            document.copySelection()
        } else if (ctrl && event.key === Qt.Key_X) {
            document.cutSelection()
        } else if (ctrl && event.key === Qt.Key_V) {
            const p = board.toCanvas(board.lastMouse.x, board.lastMouse.y)
            if (document.paste(p.x, p.y) < 0)
                board.message(document.error)
        } else if (ctrl && event.key === Qt.Key_D) {
            document.duplicateSelection()
        } else if (!ctrl && event.key === Qt.Key_D) {
            document.toggleDisabled()
        } else if (event.key === Qt.Key_F2) {
            const item = board.nodeItem(document.selectedNodeId)
            if (item)
                item.startRename()
        } else if (event.key === Qt.Key_Left) {
            document.nudgeSelection(-step, 0)
        } else if (event.key === Qt.Key_Right) {
            document.nudgeSelection(step, 0)
        } else if (event.key === Qt.Key_Up) {
            document.nudgeSelection(0, -step)
        } else if (event.key === Qt.Key_Down) {
            document.nudgeSelection(0, step)
        } else if (event.key === Qt.Key_Exclam || (shift && event.key === Qt.Key_1)) {
            board.fitToView()
        } else if (event.key === Qt.Key_Plus || event.key === Qt.Key_Equal) {
            board.zoomAt(board.width / 2, board.height / 2, 1.25)
        } else if (event.key === Qt.Key_Minus) {
            board.zoomAt(board.width / 2, board.height / 2, 1 / 1.25)
        } else if (event.key === Qt.Key_0 && !ctrl) {
            board.zoomAt(board.width / 2, board.height / 2, 1 / board.zoom)
        } else if (event.key === Qt.Key_Tab) {
            board.paletteRequested()
        } else if (event.key === Qt.Key_Escape) {
            document.clearSelection()
        } else {
            return
        }
        event.accepted = true
    }
    Keys.onReleased: event => {
        if (event.key === Qt.Key_Space && !event.isAutoRepeat)
            board.spaceHeld = false
    }

    // Right-click menus: one for nodes (acting on the selection), one for empty space.
    function openNodeMenu(item, at) {
        nodeMenu.target = item
        nodeMenu.popup(board, at.x, at.y)
    }
    Menu {
        id: nodeMenu
        objectName: "nodeMenu"
        property var target: null
        MenuItem {
            text: qsTr("Rename")
            enabled: board.document.selectionCount === 1 && !board.document.readOnly
            onTriggered: if (nodeMenu.target) nodeMenu.target.startRename()
        }
        MenuItem { text: qsTr("Copy"); onTriggered: board.document.copySelection() }
        MenuItem { text: qsTr("Duplicate"); enabled: !board.document.readOnly; onTriggered: board.document.duplicateSelection() }
        MenuItem {
            text: nodeMenu.target && nodeMenu.target.disabled ? qsTr("Enable") : qsTr("Disable")
            enabled: !board.document.readOnly
            onTriggered: board.document.toggleDisabled()
        }
        MenuSeparator {}
        MenuItem { text: qsTr("Delete"); enabled: !board.document.readOnly; onTriggered: board.document.removeSelection() }
    }
    Menu {
        id: spaceMenu
        objectName: "canvasMenu"
        property point at
        MenuItem {
            text: qsTr("Add a node here…")
            enabled: !board.document.readOnly
            onTriggered: board.quickAddRequested(spaceMenu.at, "", 0)
        }
        MenuItem {
            text: qsTr("Paste here")
            enabled: !board.document.readOnly
            onTriggered: if (board.document.paste(spaceMenu.at.x, spaceMenu.at.y) < 0) board.message(board.document.error)
        }
        MenuItem { text: qsTr("Select all"); onTriggered: board.document.selectAll() }
        MenuItem { text: qsTr("Fit to view"); onTriggered: board.fitToView() }
    }

    function nodeItem(nodeId) {
        for (let i = 0; i < nodeRepeater.count; ++i) {
            const item = nodeRepeater.itemAt(i)
            if (item && item.nodeId === nodeId)
                return item
        }
        return null
    }
}
