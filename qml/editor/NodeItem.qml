import QtQuick
import QtQuick.Controls
import SynapScale

// One node on the canvas: a badge with the type's mark, the name and the type, the status of the
// last run (and its item counts), a red edge when the server or the run found a problem, and
// its ports — several outputs for IF/Switch, several inputs for Merge — with their names.
// Its few other texts are distance-field rendered (Text.QtRendering): they scale with the
// canvas's zoom, where the app's native text would blur.
Item {
    id: node
    required property int index
    required property string nodeId
    required property string name
    required property string typeName
    required property string category
    required property string glyph
    required property real nodeHeight
    required property real posX
    required property real posY
    required property bool disabled
    required property bool selected
    required property var inputs
    required property var outputs
    required property string runStatus
    required property int itemsIn
    required property int itemsOut
    required property string runError
    required property string problem
    required property bool inView
    property var canvas
    property bool renaming: false

    objectName: "node:" + name
    visible: inView
    width: canvas.nodeWidth
    x: posX
    y: posY
    height: nodeHeight
    opacity: disabled ? 0.55 : 1

    function startRename() {
        node.renaming = true
    }

    // Body: select, drag (the whole selection), double-click to rename.
    MouseArea {
        id: body
        anchors.fill: parent
        acceptedButtons: Qt.LeftButton | Qt.RightButton
        cursorShape: pressed ? Qt.ClosedHandCursor : Qt.OpenHandCursor
        property point start
        property bool moved: false
        onPressed: mouse => {
            node.canvas.forceActiveFocus()
            if (mouse.button === Qt.RightButton) {
                if (!node.selected)
                    node.canvas.document.select(node.nodeId, false)
                node.canvas.openNodeMenu(node, mapToItem(node.canvas, mouse.x, mouse.y))
                return
            }
            const additive = mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier)
            if (additive)
                node.canvas.document.select(node.nodeId, true)
            else if (!node.selected)
                node.canvas.document.select(node.nodeId, false)
            start = mapToItem(node.canvas.content, mouse.x, mouse.y)
            moved = false
            node.canvas.document.beginMove()
        }
        onPositionChanged: mouse => {
            if (!(pressedButtons & Qt.LeftButton))
                return
            const p = mapToItem(node.canvas.content, mouse.x, mouse.y)
            if (!moved && Math.abs(p.x - start.x) + Math.abs(p.y - start.y) < 3)
                return
            moved = true
            node.canvas.document.moveSelectionBy(p.x - start.x, p.y - start.y)
        }
        onReleased: mouse => {
            if (mouse.button === Qt.RightButton)
                return
            node.canvas.document.endMove()
            if (!moved && !(mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier)))
                node.canvas.document.select(node.nodeId, false)
        }
        onDoubleClicked: node.startRename()
    }

    // The card with its border, badge, name and type: one image (see NodeFace), painted again at
    // the canvas's zoom when it rests, instead of a rounded Rectangle and ~25 glyphs a node.
    NodeFace {
        id: face
        objectName: "face"
        anchors.fill: parent
        contentRect: Qt.rect(10, 10, width - 10 - (node.outputs.length > 1 ? 44 : 12), 36)
        background: Theme.background
        cardColor: Theme.surface
        cardRadius: Theme.radius
        cardBorderWidth: node.selected || node.problem.length > 0 || node.runStatus === "failed" ? 2 : 1
        cardBorderColor: node.problem.length > 0 || node.runStatus === "failed" ? Theme.danger
                       : node.selected ? Theme.accent
                       : node.runStatus === "succeeded" ? Theme.success
                       : node.runStatus === "running" || node.runStatus === "waiting" ? Theme.warning
                       : Theme.border
        glyph: node.glyph
        badgeColor: Theme.categoryColor(node.category)
        title: node.renaming ? "" : node.name
        titleColor: Theme.text
        titleStruckOut: node.disabled
        subtitle: node.renaming ? "" : node.disabled ? qsTr("%1 (disabled)").arg(node.typeName) : node.typeName
        subtitleColor: Theme.mutedText
        renderScale: node.canvas.faceZoom
    }
    // In-place rename (double-click or F2): made only while renaming, so 500 nodes do not
    // carry 500 text fields.
    Loader {
        id: renameLoader
        active: node.renaming
        visible: active
        x: face.contentRect.x + face.badgeSize + 8
        y: face.contentRect.y - 2
        width: face.contentRect.width - face.badgeSize - 8
        sourceComponent: TextField {
            objectName: "renameField"
            renderType: Text.QtRendering
            font.pixelSize: 13
            padding: 2
            Component.onCompleted: {
                text = node.name
                forceActiveFocus()
                selectAll()
            }
            onAccepted: {
                const problem = node.canvas.document.rename(node.nodeId, text)
                if (problem.length > 0)
                    node.canvas.showMessage(problem)
                node.renaming = false
                node.canvas.forceActiveFocus()
            }
            Keys.onEscapePressed: {
                node.renaming = false
                node.canvas.forceActiveFocus()
            }
            onActiveFocusChanged: if (!activeFocus) node.renaming = false
        }
    }
    // The last run's outcome, as a badge on the node's top-right corner.
    Disc {
        id: statusMark
        objectName: "status"
        readonly property string mark: node.problem.length > 0 ? "!" : node.runStatus === "succeeded" ? "✓" : node.runStatus === "failed" ? "✕"
                                       : node.runStatus === "running" ? "…" : node.runStatus === "waiting" ? "⏸" : ""
        visible: mark.length > 0
        x: node.width - width + 6
        y: -6
        width: 22
        height: 22
        color: node.problem.length > 0 || node.runStatus === "failed" ? Theme.danger
               : node.runStatus === "succeeded" ? Theme.success : Theme.warning
        Text {
            renderType: Text.QtRendering
            anchors.centerIn: parent
            text: statusMark.mark
            color: "white"
            font.pixelSize: 13
            font.bold: true
        }
        ToolTip.visible: statusHover.containsMouse && ToolTip.text.length > 0
        ToolTip.text: node.problem.length > 0 ? node.problem : node.runError
        MouseArea {
            id: statusHover
            anchors.fill: parent
            hoverEnabled: true
            acceptedButtons: Qt.NoButton
        }
    }
    Text {
        renderType: Text.QtRendering
        objectName: "itemCount"
        anchors.right: parent.right
        anchors.rightMargin: 14
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 4
        visible: node.itemsOut >= 0
        text: qsTr("%n item(s)", "", node.itemsOut)
        color: Theme.success
        font.pixelSize: 11
    }

    // Input ports (left edge). While a link is dragged, the ones that accept it light up.
    Repeater {
        model: node.inputs
        Item {
            id: inPort
            required property int index
            required property string modelData
            readonly property bool target: node.canvas.linking && node.canvas.canLinkTo(node.nodeId, index)
            x: -7
            y: node.nodeHeight * (index + 1) / (node.inputs.length + 1) - 7
            width: 14
            height: 14
            Disc {
                anchors.fill: parent
                color: inPort.target ? Theme.success : Theme.surface
                borderColor: inPort.target ? Theme.success : Theme.mutedText
                borderWidth: 2
                scale: inPort.target ? 1.3 : 1
            }
            // Port names only where there are several ports (made only then: 500 nodes).
            Loader {
                active: node.inputs.length > 1
                x: 16
                anchors.verticalCenter: parent.verticalCenter
                sourceComponent: Text {
                    renderType: Text.QtRendering
                    text: inPort.modelData
                    color: Theme.mutedText
                    font.pixelSize: 10
                }
            }
        }
    }
    // Output ports (right edge): drag from here to connect.
    Repeater {
        model: node.outputs
        Item {
            id: outPort
            required property int index
            required property string modelData
            objectName: "output:" + index
            x: node.width - 7
            y: node.nodeHeight * (index + 1) / (node.outputs.length + 1) - 7
            width: 14
            height: 14
            Disc {
                anchors.fill: parent
                color: portMouse.containsMouse ? Theme.accent : Theme.mutedText
            }
            Loader {
                active: node.outputs.length > 1
                anchors.right: parent.left
                anchors.rightMargin: 2
                anchors.verticalCenter: parent.verticalCenter
                sourceComponent: Text {
                    renderType: Text.QtRendering
                    text: outPort.modelData
                    color: Theme.mutedText
                    font.pixelSize: 10
                }
            }
            MouseArea {
                id: portMouse
                anchors.fill: parent
                anchors.margins: -5
                hoverEnabled: true
                cursorShape: Qt.CrossCursor
                preventStealing: true
                onPressed: mouse => node.canvas.beginLink(node.nodeId, outPort.index, mapToItem(node.canvas.content, mouse.x, mouse.y))
                onPositionChanged: mouse => node.canvas.moveLink(mapToItem(node.canvas.content, mouse.x, mouse.y))
                onReleased: mouse => node.canvas.endLink(mapToItem(node.canvas.content, mouse.x, mouse.y))
            }
        }
    }
}
