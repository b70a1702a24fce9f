import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import SynapScale

// The workflow editor: palette, canvas and inspector; saves by itself, runs with live status on
// the nodes, shows past runs read-only.
Page {
    id: page
    required property NodeCatalog catalog
    property alias document: document
    property alias runner: runner
    property alias canvas: canvas
    property alias nodePalette: nodePalette
    signal backRequested()
    // The name of the page the back button returns to.
    property string backText: qsTr("Workflows")

    function openWorkflow(workflowId) {
        runner.clear()
        document.readOnly = false
        document.load(workflowId)
    }
    function openExecution(executionId) {
        runner.openExecution(executionId)
    }
    // Adds a node: where it was dropped; after the selected node (linked to it, as in n8n); or
    // at the view's centre, moved down until it covers no other node.
    function addNode(type, at) {
        const trigger = page.catalog.descriptor(type).trigger === true
        if (pendingLink.active) {
            // A spot chosen on the canvas (a dropped link, or "Add a node here…").
            if (pendingLink.fromId.length > 0)
                document.addNodeAfter(type, pendingLink.at.x, pendingLink.at.y - 32, pendingLink.fromId, pendingLink.fromPort)
            else
                document.addNode(type, pendingLink.at.x - canvas.nodeWidth / 2, pendingLink.at.y - 32)
            pendingLink.active = false
        } else if (at) {
            document.addNode(type, at.x - canvas.nodeWidth / 2, at.y - 32)
        } else if (document.selectedNodeId.length > 0 && !trigger) {
            const from = document.nodeJson(document.selectedNodeId)
            let y = from.position[1]
            while (document.nodeIdAt(from.position[0] + 300, y + 10).length > 0)
                y += 120
            document.addNodeAfter(type, from.position[0] + 300, y, document.selectedNodeId, 0)
        } else {
            const c = canvas.viewCentre()
            let y = c.y - 32
            while (document.nodeIdAt(c.x, y + 10).length > 0)
                y += 120
            document.addNode(type, c.x - canvas.nodeWidth / 2, y)
        }
        canvas.forceActiveFocus()
    }
    function notify(text) {
        toast.text = text
        toast.open()
    }

    // No background of its own: the window's colour is the same, and with software GL a covered
    // full-window layer still costs ~1.7 ms a frame.
    background: null

    WorkflowDocument {
        id: document
        catalog: page.catalog
        onLoadedChanged: Qt.callLater(canvas.fitToView)
    }
    WorkflowRunner {
        id: runner
        document: document
        onFinished: status => {
            if (status === "failed")
                page.notify(runner.error.length > 0 ? qsTr("The run failed: %1").arg(runner.error) : qsTr("The run failed."))
        }
    }
    ExpressionPreview { id: previewer }
    QtObject {
        id: pendingLink
        property bool active: false
        property string fromId
        property int fromPort
        property point at
    }

    Shortcut { sequences: [StandardKey.Undo]; enabled: page.visible; onActivated: document.undo() }
    Shortcut { sequences: ["Ctrl+Shift+Z", "Ctrl+Y"]; enabled: page.visible; onActivated: document.redo(); onActivatedAmbiguously: document.redo() }
    Shortcut { sequences: [StandardKey.Save]; enabled: page.visible; onActivated: document.save() }
    Shortcut { sequence: "Ctrl+K"; enabled: page.visible; onActivated: nodePalette.focusSearch() }
    Shortcut { sequences: ["Ctrl+Return", "Ctrl+Enter"]; enabled: page.visible && !runner.running; onActivated: runner.run(inputField.text) }
    Shortcut { sequence: "Ctrl+."; enabled: page.visible && runner.running; onActivated: runner.stop() }

    header: ToolBar {
        Material.background: Theme.surface
        // A line instead of Material's shadow: the shadow is three blur shaders and a texture
        // over the toolbar's width, redrawn with every frame of the canvas below it.
        Material.elevation: 0
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.border
        }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 8
            spacing: 8
            ToolButton {
                objectName: "backToWorkflows"
                text: "‹ " + page.backText
                onClicked: { document.save(); page.backRequested() }
            }
            TextField {
                id: nameField
                objectName: "workflowName"
                Layout.preferredWidth: 260
                text: document.name
                readOnly: document.readOnly
                onEditingFinished: document.name = text
                Accessible.name: qsTr("Workflow name")
            }
            Label {
                objectName: "saveState"
                color: document.conflict || document.error.length > 0 ? Theme.danger : Theme.mutedText
                text: document.readOnly ? qsTr("Past run — read-only")
                      : document.loading ? qsTr("Loading…")
                      : document.saving ? qsTr("Saving…")
                      : document.conflict ? qsTr("Not saved: conflict")
                      : document.dirty ? qsTr("● Unsaved changes") : qsTr("Saved")
            }
            Button {
                objectName: "editWorkflowButton"
                visible: document.readOnly && document.workflowId.length > 0
                text: qsTr("Edit the workflow")
                flat: true
                onClicked: page.openWorkflow(document.workflowId)
            }
            Item { Layout.fillWidth: true }
            ToolButton {
                objectName: "undoButton"
                text: "↶"
                enabled: document.canUndo && !document.readOnly
                onClicked: document.undo()
                ToolTip.text: qsTr("Undo %1 (Ctrl+Z)").arg(document.undoText)
                ToolTip.visible: hovered
            }
            ToolButton {
                objectName: "redoButton"
                text: "↷"
                enabled: document.canRedo && !document.readOnly
                onClicked: document.redo()
                ToolTip.text: qsTr("Redo %1 (Ctrl+Shift+Z)").arg(document.redoText)
                ToolTip.visible: hovered
            }
            Switch {
                objectName: "activeSwitch"
                visible: document.activatable
                text: document.active ? qsTr("Active") : qsTr("Inactive")
                checked: document.active
                enabled: !document.readOnly
                onToggled: document.setActive(checked)
            }
            TextField {
                id: inputField
                objectName: "runInput"
                Layout.preferredWidth: 180
                placeholderText: qsTr("Input JSON (optional)")
                font.family: text.length > 0 ? "monospace" : font.family
                enabled: !document.readOnly
                Accessible.name: qsTr("Run input")
            }
            Button {
                objectName: runner.running ? "stopButton" : "runButton"
                text: runner.running ? qsTr("Stop") : qsTr("Run")
                highlighted: !runner.running
                // Flat, like the toolbar: Material's raised shadow is a blur effect redrawn with
                // every frame of the canvas.
                Material.elevation: 0
                enabled: !document.readOnly && document.workflowId.length > 0
                onClicked: runner.running ? runner.stop() : runner.run(inputField.text)
                ToolTip.text: runner.running ? qsTr("Stop the run (Ctrl+.)") : qsTr("Run the workflow (Ctrl+Enter)")
                ToolTip.visible: hovered
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Conflict: the server has a newer version.
        Rectangle {
            objectName: "conflictBanner"
            visible: document.conflict
            Layout.fillWidth: true
            implicitHeight: conflictRow.implicitHeight + 16
            color: Theme.warning
            RowLayout {
                id: conflictRow
                anchors.fill: parent
                anchors.margins: 8
                Label {
                    Layout.fillWidth: true
                    text: document.error
                    color: "white"
                    wrapMode: Text.WordWrap
                }
                Button { objectName: "reloadButton"; text: qsTr("Reload"); flat: true; onClicked: document.reload() }
                Button { objectName: "overwriteButton"; text: qsTr("Overwrite"); flat: true; onClicked: document.overwrite() }
            }
        }
        Rectangle {
            objectName: "errorBanner"
            visible: !document.conflict && (document.error.length > 0 || runner.error.length > 0)
            Layout.fillWidth: true
            implicitHeight: errorText.implicitHeight + 16
            color: Theme.danger
            Label {
                id: errorText
                anchors.fill: parent
                anchors.margins: 8
                text: document.error.length > 0 ? document.error : runner.error
                color: "white"
                wrapMode: Text.WordWrap
            }
        }
        Rectangle {
            objectName: "webhookRow"
            visible: document.webhooks.length > 0
            Layout.fillWidth: true
            implicitHeight: hookColumn.implicitHeight + 12
            color: Theme.surface
            border.color: Theme.border
            ColumnLayout {
                id: hookColumn
                anchors.fill: parent
                anchors.margins: 6
                Repeater {
                    model: document.webhooks
                    RowLayout {
                        required property int index
                        required property var modelData
                        Label {
                            text: qsTr("%1 %2").arg(modelData.method).arg(document.active ? modelData.url : modelData.testUrl)
                            font.family: "monospace"
                            color: Theme.text
                            Layout.fillWidth: true
                            elide: Text.ElideMiddle
                        }
                        Label {
                            text: document.active ? qsTr("(production)") : qsTr("(test — activate for the production URL)")
                            color: Theme.mutedText
                            font.pixelSize: 11
                        }
                        Button {
                            text: qsTr("Copy URL")
                            flat: true
                            onClicked: {
                                document.copyWebhookUrl(index)
                                page.notify(qsTr("Webhook URL copied."))
                            }
                        }
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            NodePalette {
                id: nodePalette
                objectName: "palette"
                Layout.fillHeight: true
                Layout.preferredWidth: 250
                catalog: page.catalog
                visible: !document.readOnly
                onChosen: (type, at) => page.addNode(type, at)
                onDragMoved: (scenePos, type) => {
                    const p = page.mapFromItem(null, scenePos.x, scenePos.y)
                    ghost.x = p.x - ghost.width / 2
                    ghost.y = p.y - 20
                    ghost.label = page.catalog.descriptor(type).display_name
                    ghost.visible = true
                }
                onDragEnded: (scenePos, type) => {
                    ghost.visible = false
                    const local = canvas.mapFromItem(null, scenePos.x, scenePos.y)
                    if (local.x >= 0 && local.y >= 0 && local.x <= canvas.width && local.y <= canvas.height) {
                        pendingLink.active = false
                        page.addNode(type, canvas.toCanvas(local.x, local.y))
                    }
                }
            }
            WorkflowCanvas {
                id: canvas
                objectName: "canvas"
                Layout.fillWidth: true
                Layout.fillHeight: true
                document: document
                focus: true
                onMessage: text => page.notify(text)
                onPaletteRequested: nodePalette.focusSearch()
                onQuickAddRequested: (at, fromId, fromPort) => {
                    pendingLink.fromId = fromId
                    pendingLink.fromPort = fromPort
                    pendingLink.at = at
                    pendingLink.active = true
                    nodePalette.focusSearch()
                    page.notify(qsTr("Choose the node to add there."))
                }
            }
            NodeInspector {
                objectName: "inspector"
                // Only while one node is selected: the canvas gets the room otherwise.
                visible: document.selectedNodeId.length > 0
                Layout.fillHeight: true
                Layout.preferredWidth: 340
                document: document
                catalog: page.catalog
                runner: runner
                previewer: previewer
            }
        }
    }

    Rectangle {
        id: ghost
        property string label
        visible: false
        width: 180
        height: 40
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.accent
        opacity: 0.85
        Label { anchors.centerIn: parent; text: ghost.label; color: Theme.text }
    }

    ToolTip {
        id: toast
        objectName: "toast"
        x: (page.width - width) / 2
        y: page.height - height - 24
        timeout: 4000
    }

    BusyIndicator {
        anchors.centerIn: parent
        running: document.loading
        visible: running
    }
}
