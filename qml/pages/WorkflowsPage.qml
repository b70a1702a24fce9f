import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import SynapScale

// The user's workflows: search, tag filter, active switch, last run; create, rename,
// duplicate, delete (with undo), import (file dialog or drag and drop, n8n JSON too), export.
Page {
    id: page
    property alias workflows: workflows
    property alias importDialog: importDialog
    signal openRequested(string workflowId)

    function notify(text) {
        toast.text = text
        toast.open()
    }
    function statusText(status) {
        switch (status) {
        case "succeeded": return qsTr("Succeeded")
        case "failed": return qsTr("Failed")
        case "running": return qsTr("Running")
        case "waiting": return qsTr("Waiting")
        case "queued": return qsTr("Queued")
        case "cancelled": return qsTr("Cancelled")
        default: return qsTr("Never run")
        }
    }

    background: Rectangle { color: Theme.background }

    WorkflowListModel {
        id: workflows
        onCreated: id => page.openRequested(id)
        onFailed: message => page.notify(message)
        onImported: (id, name, warnings) => {
            importResult.name = name
            importResult.workflowId = id
            importResult.warnings = warnings
            importResult.open()
        }
        onExported: path => page.notify(qsTr("Exported to %1").arg(path))
    }

    Shortcut { sequence: StandardKey.New; enabled: page.visible; onActivated: newDialog.open() }
    Shortcut { sequence: StandardKey.Find; enabled: page.visible; onActivated: search.forceActiveFocus() }
    Shortcut { sequence: "Ctrl+O"; enabled: page.visible; onActivated: importDialog.open() }

    DropArea {
        anchors.fill: parent
        keys: ["text/uri-list"]
        onDropped: drop => {
            for (const url of drop.urls)
                workflows.importFile(url)
            drop.accept()
        }
        Rectangle {
            anchors.fill: parent
            visible: parent.containsDrag
            color: Qt.rgba(1, 0.43, 0.23, 0.08)
            border.color: Theme.accent
            border.width: 2
            z: 10
            Label {
                anchors.centerIn: parent
                text: qsTr("Drop workflow files to import them")
                color: Theme.accent
                font.pixelSize: 18
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Workflows")
                font.pixelSize: 22
                font.bold: true
                color: Theme.text
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "importButton"
                text: qsTr("Import…")
                flat: true
                onClicked: importDialog.open()
                ToolTip.text: qsTr("Import a workflow file, native or n8n (Ctrl+O)")
                ToolTip.visible: hovered
            }
            Button {
                objectName: "newWorkflowButton"
                text: qsTr("New workflow")
                highlighted: true
                onClicked: newDialog.open()
                ToolTip.text: qsTr("New workflow (Ctrl+N)")
                ToolTip.visible: hovered
            }
        }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: search
                objectName: "workflowSearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Search workflows")
                onTextEdited: workflows.search = text
                Accessible.name: qsTr("Search workflows")
            }
            ComboBox {
                objectName: "tagFilter"
                visible: workflows.tags.length > 0
                model: [qsTr("All tags")].concat(workflows.tags)
                onActivated: index => workflows.tag = index === 0 ? "" : workflows.tags[index - 1]
                Accessible.name: qsTr("Tag")
            }
        }
        Label {
            visible: workflows.error.length > 0
            text: workflows.error
            color: Theme.danger
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        Label {
            visible: workflows.count === 0 && !workflows.loading && workflows.error.length === 0
            text: search.text.length > 0 ? qsTr("No workflow matches “%1”.").arg(search.text)
                                         : qsTr("No workflows yet. Create one, or import a file (drop it here).")
            color: Theme.mutedText
        }
        ListView {
            id: list
            objectName: "workflowList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: workflows
            delegate: Rectangle {
                id: row
                required property int index
                required property string workflowId
                required property string name
                required property string description
                required property var tags
                required property bool active
                required property date updatedAt
                required property string lastStatus
                required property date lastRunAt
                width: ListView.view.width
                height: 64
                radius: Theme.radius
                color: rowMouse.containsMouse ? Qt.lighter(Theme.surface, Theme.dark ? 1.2 : 0.98) : Theme.surface
                border.color: Theme.border
                MouseArea {
                    id: rowMouse
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    onClicked: page.openRequested(row.workflowId)
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 14
                    anchors.rightMargin: 8
                    spacing: 12
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            text: row.name
                            font.bold: true
                            color: Theme.text
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        RowLayout {
                            spacing: 6
                            Repeater {
                                model: row.tags
                                Rectangle {
                                    required property string modelData
                                    implicitWidth: tagText.implicitWidth + 12
                                    implicitHeight: 18
                                    radius: 9
                                    color: Theme.background
                                    border.color: Theme.border
                                    Label { id: tagText; anchors.centerIn: parent; text: parent.modelData; font.pixelSize: 11; color: Theme.mutedText }
                                }
                            }
                            Label {
                                text: qsTr("Edited %1").arg(row.updatedAt.toLocaleString(Qt.locale(), Locale.ShortFormat))
                                color: Theme.mutedText
                                font.pixelSize: 11
                            }
                        }
                    }
                    StatusBadge {
                        objectName: "lastStatus"
                        level: row.lastStatus === "succeeded" ? "ok" : row.lastStatus === "failed" ? "error" : "waiting"
                        label: row.lastStatus.length > 0 ? qsTr("%1 · %2").arg(page.statusText(row.lastStatus)).arg(row.lastRunAt.toLocaleString(Qt.locale(), Locale.ShortFormat))
                                                         : page.statusText("")
                        textColor: Theme.mutedText
                    }
                    Switch {
                        objectName: "activeSwitch"
                        checked: row.active
                        onToggled: workflows.setActive(row.workflowId, checked)
                        ToolTip.text: row.active ? qsTr("Active: its webhooks and schedules run") : qsTr("Inactive: runs only when you click Run")
                        ToolTip.visible: hovered
                        Accessible.name: qsTr("Active")
                    }
                    ToolButton {
                        objectName: "rowMenuButton"
                        text: "⋮"
                        onClicked: rowMenu.popup()
                        Accessible.name: qsTr("More actions")
                        Menu {
                            id: rowMenu
                            MenuItem { text: qsTr("Open"); onTriggered: page.openRequested(row.workflowId) }
                            MenuItem {
                                text: qsTr("Rename…")
                                onTriggered: {
                                    renameDialog.workflowId = row.workflowId
                                    renameField.text = row.name
                                    renameDialog.open()
                                }
                            }
                            MenuItem {
                                text: qsTr("Tags…")
                                onTriggered: {
                                    tagsDialog.workflowId = row.workflowId
                                    tagsField.text = row.tags.join(", ")
                                    tagsDialog.open()
                                }
                            }
                            MenuItem { text: qsTr("Duplicate"); onTriggered: workflows.duplicate(row.workflowId) }
                            MenuItem {
                                text: qsTr("Export…")
                                onTriggered: {
                                    exportDialog.workflowId = row.workflowId
                                    exportDialog.currentFile = "file:///" + row.name.replace(/[^A-Za-z0-9 _-]/g, "") + ".json"
                                    exportDialog.open()
                                }
                            }
                            MenuItem { objectName: "deleteItem"; text: qsTr("Delete"); onTriggered: workflows.remove(row.workflowId) }
                        }
                    }
                }
            }
        }
    }

    // Undo a delete for a few seconds.
    Rectangle {
        objectName: "undoBar"
        visible: workflows.pendingRemovals.length > 0
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 20
        width: undoRow.implicitWidth + 24
        height: 48
        radius: Theme.radius
        color: Theme.sidebar
        RowLayout {
            id: undoRow
            anchors.centerIn: parent
            Label {
                text: workflows.pendingRemovals.length === 1 ? qsTr("Deleted “%1”.").arg(workflows.pendingRemovals[0])
                                                               : qsTr("Deleted %n workflows.", "", workflows.pendingRemovals.length)
                color: Theme.sidebarText
            }
            Button {
                objectName: "undoDeleteButton"
                text: qsTr("Undo")
                flat: true
                onClicked: workflows.undoRemove()
            }
        }
    }

    Dialog {
        id: newDialog
        title: qsTr("New workflow")
        modal: true
        anchors.centerIn: parent
        width: 400
        onOpened: { newName.text = ""; newName.forceActiveFocus() }
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button { objectName: "createButton"; text: qsTr("Create"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        }
        TextField {
            id: newName
            objectName: "newWorkflowName"
            anchors.left: parent.left
            anchors.right: parent.right
            placeholderText: qsTr("My workflow")
            onAccepted: newDialog.accept()
            Accessible.name: qsTr("Name")
        }
        onAccepted: workflows.create(newName.text)
    }
    Dialog {
        id: renameDialog
        property string workflowId
        title: qsTr("Rename workflow")
        modal: true
        anchors.centerIn: parent
        width: 400
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button { text: qsTr("Rename"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        }
        TextField {
            id: renameField
            anchors.left: parent.left
            anchors.right: parent.right
            onAccepted: renameDialog.accept()
            Accessible.name: qsTr("Name")
        }
        onAccepted: workflows.rename(workflowId, renameField.text)
    }
    Dialog {
        id: tagsDialog
        property string workflowId
        title: qsTr("Tags")
        modal: true
        anchors.centerIn: parent
        width: 400
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button { text: qsTr("Save"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        }
        TextField {
            id: tagsField
            anchors.left: parent.left
            anchors.right: parent.right
            placeholderText: qsTr("sales, daily")
            onAccepted: tagsDialog.accept()
            Accessible.name: qsTr("Tags, separated by commas")
        }
        onAccepted: workflows.setTags(workflowId, tagsField.text)
    }
    Dialog {
        id: importResult
        property string name
        property string workflowId
        property var warnings: []
        objectName: "importResult"
        title: qsTr("Imported “%1”").arg(name)
        modal: true
        anchors.centerIn: parent
        width: 480
        footer: DialogButtonBox {
            Button { text: qsTr("Close"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button { text: qsTr("Open"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        }
        ColumnLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: importResult.warnings.length === 0 ? qsTr("Every node was imported.")
                      : qsTr("Imported with %n warning(s). Unsupported nodes are kept, disabled, so nothing is lost:", "", importResult.warnings.length)
            }
            Repeater {
                model: importResult.warnings
                Label {
                    required property string modelData
                    Layout.fillWidth: true
                    text: "• " + modelData
                    color: Theme.warning
                    wrapMode: Text.WordWrap
                }
            }
        }
        onAccepted: page.openRequested(workflowId)
    }
    FileDialog {
        id: importDialog
        title: qsTr("Import workflow")
        nameFilters: [qsTr("Workflow JSON (*.json)"), qsTr("All files (*)")]
        fileMode: FileDialog.OpenFiles
        onAccepted: {
            for (const url of selectedFiles)
                workflows.importFile(url)
        }
    }
    FileDialog {
        id: exportDialog
        property string workflowId
        title: qsTr("Export workflow")
        nameFilters: [qsTr("Workflow JSON (*.json)")]
        fileMode: FileDialog.SaveFile
        onAccepted: workflows.exportTo(workflowId, selectedFile)
    }
    ToolTip {
        id: toast
        x: (page.width - width) / 2
        y: page.height - height - 80
        timeout: 5000
    }
}
