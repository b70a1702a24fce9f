import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// First page: is the server healthy, which version, which database.
Page {
    id: page
    background: Rectangle { color: Theme.background }

    HealthStatus {
        id: health
    }

    function formatUptime(seconds) {
        const s = Math.floor(seconds)
        if (s < 60)
            return qsTr("%n second(s)", "", s)
        if (s < 3600)
            return qsTr("%n minute(s)", "", Math.floor(s / 60))
        return qsTr("%n hour(s)", "", Math.floor(s / 3600))
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 32
        spacing: Theme.spacing

        Label {
            text: qsTr("Welcome to SynapScale")
            font.pixelSize: 26
            font.bold: true
            color: Theme.text
        }
        Label {
            text: qsTr("Build and run automations with AI on your own machine.")
            color: Theme.mutedText
            font.pixelSize: 15
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }

        Card {
            title: qsTr("Server")
            Layout.fillWidth: true
            Layout.maximumWidth: 640

            RowLayout {
                Layout.fillWidth: true
                StatusBadge {
                    objectName: "healthBadge"
                    level: health.loading || (!health.healthy && health.error.length === 0) ? "waiting"
                                                                                            : (health.healthy ? "ok" : "error")
                    label: health.loading ? qsTr("Checking…")
                                          : health.healthy ? qsTr("Healthy")
                                                           : health.error.length > 0 ? qsTr("Unavailable") : qsTr("Starting…")
                }
                Item { Layout.fillWidth: true }
                BusyIndicator {
                    running: health.loading
                    visible: running
                    implicitWidth: 28
                    implicitHeight: 28
                }
                Button {
                    text: qsTr("Check now")
                    flat: true
                    enabled: !health.loading
                    onClicked: health.refresh()
                }
            }
            Label {
                objectName: "healthError"
                visible: health.error.length > 0
                text: health.error
                color: Theme.danger
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            InfoRow {
                label: qsTr("Version")
                value: health.version.length > 0 ? health.version : "—"
            }
            InfoRow {
                objectName: "databaseRow"
                label: qsTr("Database")
                value: health.database === "sqlite" ? qsTr("SQLite (embedded)")
                     : health.database === "postgresql" ? qsTr("PostgreSQL") : "—"
            }
            InfoRow {
                label: qsTr("Database status")
                value: health.version.length === 0 ? "—" : (health.databaseOk ? qsTr("Reachable") : qsTr("Unreachable"))
            }
            InfoRow {
                label: qsTr("Uptime")
                value: health.version.length > 0 ? page.formatUptime(health.uptimeSeconds) : "—"
            }
            InfoRow {
                label: qsTr("Live updates")
                value: ApiClient.live ? qsTr("Connected") : qsTr("Reconnecting…")
            }
            InfoRow {
                label: qsTr("Last checked")
                value: isNaN(health.checkedAt) ? "—" : Qt.formatTime(health.checkedAt, Locale.ShortFormat)
            }
        }
        Item { Layout.fillHeight: true }
    }
}
