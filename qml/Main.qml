import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import SynapScale

ApplicationWindow {
    id: window
    width: 1100
    height: 720
    minimumWidth: 760
    minimumHeight: 480
    visible: true
    title: qsTr("SynapScale")
    color: Theme.background

    Material.theme: AppSettings.dark ? Material.Dark : Material.Light
    Material.accent: Theme.accent
    Material.primary: Theme.sidebar

    property int currentPage: 0

    AiProviders { id: aiProviders }
    NodeCatalog { id: nodeCatalog }

    // Pages by index (kept stable: tests and shortcuts use them).
    readonly property int homePage: 0
    readonly property int chatPage: 1
    readonly property int settingsPage: 2
    readonly property int workflowsPage: 3
    readonly property int executionsPage: 4
    readonly property int editorPage: 5

    function openWorkflow(workflowId) {
        editor.openWorkflow(workflowId)
        if (currentPage !== editorPage)
            editorReturnsTo = workflowsPage
        currentPage = editorPage
    }
    function openExecution(executionId) {
        editor.openExecution(executionId)
        editorReturnsTo = executionsPage
        currentPage = editorPage
    }
    // Where the editor's back button goes: the list it was opened from.
    property int editorReturnsTo: workflowsPage

    Shortcut {
        sequence: "Ctrl+1"
        onActivated: window.currentPage = 0
    }
    Shortcut {
        sequence: "Ctrl+2"
        onActivated: window.currentPage = 1
    }
    Shortcut {
        sequence: "Ctrl+3"
        onActivated: window.currentPage = window.workflowsPage
    }
    Shortcut {
        sequence: "Ctrl+4"
        onActivated: window.currentPage = window.executionsPage
    }
    Shortcut {
        sequence: StandardKey.Preferences
        onActivated: window.currentPage = 2
    }
    Shortcut {
        sequence: "Ctrl+,"
        onActivated: window.currentPage = 2
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.sidebarWidth
            color: Theme.sidebar

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 12
                spacing: 4

                Label {
                    text: "SynapScale"
                    color: Theme.sidebarText
                    font.pixelSize: 20
                    font.bold: true
                    Layout.bottomMargin: 16
                    Layout.leftMargin: 8
                    Layout.topMargin: 8
                }
                NavButton {
                    objectName: "navHome"
                    text: qsTr("Home")
                    glyph: "⌂"
                    active: window.currentPage === 0
                    onClicked: window.currentPage = 0
                }
                NavButton {
                    objectName: "navWorkflows"
                    text: qsTr("Workflows")
                    glyph: "☰"
                    active: window.currentPage === window.workflowsPage || window.currentPage === window.editorPage
                    onClicked: window.currentPage = window.workflowsPage
                }
                NavButton {
                    objectName: "navExecutions"
                    text: qsTr("Executions")
                    glyph: "▶"
                    active: window.currentPage === window.executionsPage
                    onClicked: window.currentPage = window.executionsPage
                }
                NavButton {
                    objectName: "navChat"
                    text: qsTr("Chat")
                    glyph: "✉"
                    active: window.currentPage === 1
                    onClicked: window.currentPage = 1
                }
                NavButton {
                    objectName: "navSettings"
                    text: qsTr("Settings")
                    glyph: "⚙"
                    active: window.currentPage === 2
                    onClicked: window.currentPage = 2
                }
                Item { Layout.fillHeight: true }
                StatusBadge {
                    Layout.leftMargin: 8
                    Layout.bottomMargin: 8
                    level: ApiClient.live ? "ok" : (ApiClient.connectionError.length > 0 ? "error" : "waiting")
                    label: ApiClient.live ? qsTr("Connected") : qsTr("Connecting…")
                    textColor: Theme.sidebarText
                    opacity: 0.9
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            Rectangle {
                objectName: "connectionBanner"
                visible: ApiClient.connectionError.length > 0
                Layout.fillWidth: true
                implicitHeight: bannerText.implicitHeight + 24
                color: Theme.danger
                Label {
                    id: bannerText
                    anchors.fill: parent
                    anchors.margins: 12
                    text: ApiClient.connectionError
                    color: "white"
                    wrapMode: Text.WordWrap
                }
            }
            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: window.currentPage
                HomePage {}
                ChatPage {
                    objectName: "chatPage"
                    providers: aiProviders
                    onOpenSettingsRequested: window.currentPage = 2
                }
                SettingsPage {
                    objectName: "settingsPage"
                    providers: aiProviders
                }
                WorkflowsPage {
                    id: workflowsList
                    objectName: "workflowsPage"
                    onOpenRequested: id => window.openWorkflow(id)
                }
                ExecutionsPage {
                    objectName: "executionsPage"
                    onOpenRequested: id => window.openExecution(id)
                }
                EditorPage {
                    id: editor
                    objectName: "editorPage"
                    catalog: nodeCatalog
                    backText: window.editorReturnsTo === window.executionsPage ? qsTr("Executions") : qsTr("Workflows")
                    onBackRequested: {
                        workflowsList.workflows.refresh()
                        window.currentPage = window.editorReturnsTo
                    }
                }
            }
        }
    }
}
