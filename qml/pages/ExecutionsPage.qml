import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// Every run, newest first, filtered by workflow and status; open one in the editor (read-only,
// with its data), retry it, or delete it.
Page {
    id: page
    property alias executions: executions
    signal openRequested(string executionId)

    background: Rectangle { color: Theme.background }

    ExecutionListModel {
        id: executions
        onFailed: message => { toast.text = message; toast.open() }
    }
    WorkflowListModel { id: workflowChoices }

    readonly property var statuses: ["", "succeeded", "failed", "running", "waiting", "queued", "cancelled"]
    function statusText(status) {
        switch (status) {
        case "succeeded": return qsTr("Succeeded")
        case "failed": return qsTr("Failed")
        case "running": return qsTr("Running")
        case "waiting": return qsTr("Waiting")
        case "queued": return qsTr("Queued")
        case "cancelled": return qsTr("Cancelled")
        default: return qsTr("Any status")
        }
    }
    function modeText(mode) {
        switch (mode) {
        case "manual": return qsTr("Manual")
        case "webhook": return qsTr("Webhook")
        case "schedule": return qsTr("Schedule")
        case "chat": return qsTr("Chat")
        case "retry": return qsTr("Retry")
        default: return mode
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 12
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Executions")
                font.pixelSize: 22
                font.bold: true
                color: Theme.text
                Layout.fillWidth: true
            }
            ComboBox {
                id: workflowFilter
                objectName: "workflowFilter"
                Layout.preferredWidth: 240
                textRole: "name"
                valueRole: "workflowId"
                model: workflowChoices
                displayText: currentIndex < 0 ? qsTr("All workflows") : currentText
                currentIndex: -1
                onActivated: index => executions.workflowId = workflowChoices.idAt(index)
                Accessible.name: qsTr("Workflow")
            }
            ToolButton {
                visible: workflowFilter.currentIndex >= 0
                text: "×"
                onClicked: { workflowFilter.currentIndex = -1; executions.workflowId = "" }
                ToolTip.text: qsTr("All workflows")
                ToolTip.visible: hovered
            }
            ComboBox {
                objectName: "statusFilter"
                Layout.preferredWidth: 180
                model: page.statuses.map(s => page.statusText(s))
                onActivated: index => executions.status = page.statuses[index]
                Accessible.name: qsTr("Status")
            }
        }
        Label {
            visible: executions.error.length > 0
            text: executions.error
            color: Theme.danger
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        Label {
            visible: executions.count === 0 && !executions.loading
            text: qsTr("No executions yet. Run a workflow from the editor.")
            color: Theme.mutedText
        }
        ListView {
            objectName: "executionList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: executions
            delegate: Rectangle {
                id: row
                required property string executionId
                required property string workflowName
                required property string status
                required property string mode
                required property date startedAt
                required property int durationMs
                required property string error
                width: ListView.view.width
                height: 56
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                MouseArea {
                    anchors.fill: parent
                    cursorShape: Qt.PointingHandCursor
                    onClicked: page.openRequested(row.executionId)
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 14
                    anchors.rightMargin: 8
                    spacing: 12
                    Item {
                        Layout.preferredWidth: 120
                        Layout.fillHeight: true
                        StatusBadge {
                            anchors.verticalCenter: parent.verticalCenter
                            level: row.status === "succeeded" ? "ok" : row.status === "failed" ? "error" : "waiting"
                            label: page.statusText(row.status)
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label { text: row.workflowName; font.bold: true; color: Theme.text; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label {
                            Layout.fillWidth: true
                            text: row.error.length > 0 ? row.error : page.modeText(row.mode)
                            color: row.error.length > 0 ? Theme.danger : Theme.mutedText
                            font.pixelSize: 11
                            elide: Text.ElideRight
                        }
                    }
                    Label {
                        text: isNaN(row.startedAt.getTime()) ? "" : row.startedAt.toLocaleString(Qt.locale(), Locale.ShortFormat)
                        color: Theme.mutedText
                    }
                    Label {
                        Layout.preferredWidth: 80
                        horizontalAlignment: Text.AlignRight
                        text: row.durationMs < 0 ? "" : row.durationMs < 1000 ? qsTr("%1 ms").arg(row.durationMs) : qsTr("%1 s").arg((row.durationMs / 1000).toFixed(1))
                        color: Theme.mutedText
                    }
                    ToolButton {
                        objectName: "retryButton"
                        text: "↻"
                        enabled: row.status === "failed" || row.status === "cancelled"
                        onClicked: executions.retry(row.executionId)
                        ToolTip.text: qsTr("Retry from the start")
                        ToolTip.visible: hovered
                    }
                    ToolButton {
                        objectName: "deleteExecutionButton"
                        text: qsTr("Delete")
                        onClicked: executions.remove(row.executionId)
                        ToolTip.text: qsTr("Delete this execution")
                        ToolTip.visible: hovered
                    }
                }
            }
        }
    }
    ToolTip {
        id: toast
        x: (page.width - width) / 2
        y: page.height - height - 40
        timeout: 5000
    }
}
