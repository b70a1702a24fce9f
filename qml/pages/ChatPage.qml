import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// Chat with agents and models: conversations on the left (searchable), the open one on the right
// with replies streaming in, and a composer that sends with Enter.
Page {
    id: page
    signal openSettingsRequested()
    property alias session: session
    property alias conversations: conversations
    // Shared with Settings (Main.qml), so the providers are loaded once.
    required property AiProviders providers
    property alias newChatDialog: newChat
    property alias deleteDialog: deleteDialog

    // Asks before deleting: a conversation cannot be brought back.
    function confirmDelete(conversationId) {
        deleteDialog.conversationId = conversationId
        deleteDialog.open()
    }

    background: Rectangle { color: Theme.background }

    ConversationListModel { id: conversations }
    ChatSession { id: session }

    Connections {
        target: conversations
        function onCreated(id) {
            session.conversationId = id
            composer.forceActiveFocus()
        }
        function onRemoved(id) {
            if (session.conversationId === id)
                session.conversationId = ""
        }
    }

    function providerName(id) {
        const row = providers.count > 0 ? providers.indexOf(id) : -1
        return row < 0 ? id : providers.data(providers.index(row, 0), AiProviders.NameRole)
    }

    function send() {
        if (composer.text.trim().length === 0 || session.replying || session.conversationId.length === 0)
            return
        session.send(composer.text)
        composer.text = ""
    }

    Shortcut {
        sequence: "Ctrl+N"
        enabled: page.visible
        onActivated: newChat.open()
    }
    Shortcut {
        sequence: "Esc"
        enabled: page.visible && session.replying
        onActivated: session.stop()
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // Conversations
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 280
            color: Theme.surface
            border.color: Theme.border

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 12
                spacing: 8
                Button {
                    objectName: "newChatButton"
                    text: qsTr("New chat")
                    highlighted: true
                    Layout.fillWidth: true
                    onClicked: newChat.open()
                    ToolTip.text: qsTr("New chat (Ctrl+N)")
                    ToolTip.visible: hovered
                    ToolTip.delay: 800
                }
                TextField {
                    objectName: "conversationSearch"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Search conversations")
                    text: conversations.search
                    onTextEdited: conversations.search = text
                    Accessible.name: qsTr("Search conversations")
                }
                ListView {
                    id: conversationList
                    objectName: "conversationList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: conversations
                    delegate: ItemDelegate {
                        id: entry
                        required property string conversationId
                        required property string title
                        required property string updatedAt
                        width: ListView.view.width
                        highlighted: session.conversationId === conversationId
                        onClicked: session.conversationId = conversationId
                        contentItem: RowLayout {
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                Label {
                                    Layout.fillWidth: true
                                    text: entry.title.length > 0 ? entry.title : qsTr("New chat")
                                    elide: Text.ElideRight
                                    color: Theme.text
                                }
                                Label {
                                    text: entry.updatedAt.length > 0 ? new Date(entry.updatedAt).toLocaleString(Qt.locale(), Locale.ShortFormat) : ""
                                    color: Theme.mutedText
                                    font.pixelSize: 11
                                }
                            }
                            ToolButton {
                                text: "⋯"
                                onClicked: entryMenu.open()
                                Accessible.name: qsTr("Conversation actions")
                                Menu {
                                    id: entryMenu
                                    MenuItem {
                                        text: qsTr("Rename")
                                        onTriggered: {
                                            renameDialog.conversationId = entry.conversationId
                                            renameField.text = entry.title
                                            renameDialog.open()
                                        }
                                    }
                                    MenuItem {
                                        text: qsTr("Delete")
                                        onTriggered: page.confirmDelete(entry.conversationId)
                                    }
                                }
                            }
                        }
                    }
                    Label {
                        anchors.centerIn: parent
                        visible: conversationList.count === 0 && !conversations.loading
                        width: parent.width - 24
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                        text: conversations.search.length > 0 ? qsTr("No conversation matches “%1”.").arg(conversations.search)
                                                              : qsTr("No conversations yet.")
                        color: Theme.mutedText
                    }
                }
            }
        }

        // The open conversation
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            Rectangle {
                objectName: "noProviderBanner"
                visible: !providers.loading && providers.count > 0 && !providers.anyConfigured
                Layout.fillWidth: true
                implicitHeight: noProviderRow.implicitHeight + 20
                color: Theme.dark ? "#3a3020" : "#fff4dc"
                RowLayout {
                    id: noProviderRow
                    anchors.fill: parent
                    anchors.margins: 10
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        color: Theme.text
                        text: qsTr("No AI provider is configured. Add an API key in Settings, or start Ollama on this computer.")
                    }
                    Button {
                        objectName: "openSettingsButton"
                        text: qsTr("Open Settings")
                        onClicked: page.openSettingsRequested()
                    }
                }
            }

            // Header
            Rectangle {
                visible: session.conversationId.length > 0
                Layout.fillWidth: true
                implicitHeight: 52
                color: Theme.surface
                border.color: Theme.border
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 16
                    anchors.rightMargin: 16
                    Label {
                        objectName: "chatTitle"
                        text: session.title.length > 0 ? session.title : qsTr("New chat")
                        font.pixelSize: 16
                        font.bold: true
                        color: Theme.text
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: session.agentId.length > 0 ? qsTr("Agent")
                                                         : session.workflowId.length > 0 ? qsTr("Workflow")
                                                                                         : [page.providerName(session.provider), session.model].filter(s => s.length > 0).join(" · ")
                        color: Theme.mutedText
                    }
                }
            }

            // Nothing open yet
            ColumnLayout {
                visible: session.conversationId.length === 0
                Layout.fillWidth: true
                Layout.fillHeight: true
                Item { Layout.fillHeight: true }
                Label {
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Chat with your agents and models")
                    font.pixelSize: 22
                    font.bold: true
                    color: Theme.text
                }
                Label {
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Pick a conversation on the left, or start a new one.")
                    color: Theme.mutedText
                }
                Button {
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("New chat")
                    onClicked: newChat.open()
                }
                Item { Layout.fillHeight: true }
            }

            ListView {
                id: messageList
                objectName: "messageList"
                visible: session.conversationId.length > 0
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 2
                model: session.messages
                // Follows the newest text while the view is at the bottom; scrolling up stops it.
                property bool follow: true
                onMovementEnded: follow = atYEnd
                onCountChanged: if (follow) Qt.callLater(positionViewAtEnd)
                onContentHeightChanged: if (follow) Qt.callLater(positionViewAtEnd)
                header: Item {
                    width: messageList.width
                    height: session.hasMore ? 44 : 8
                    Button {
                        visible: session.hasMore
                        anchors.centerIn: parent
                        text: session.loading ? qsTr("Loading…") : qsTr("Load older messages")
                        enabled: !session.loading
                        flat: true
                        onClicked: {
                            messageList.follow = false
                            session.loadOlder()
                        }
                    }
                }
                delegate: MessageView {
                    isLastReply: index === messageList.count - 1
                    replying: session.replying
                    onCopyRequested: text => session.copyText(text)
                    onRegenerateRequested: {
                        messageList.follow = true
                        session.regenerate()
                    }
                    onEditRequested: (messageId, text) => {
                        messageList.follow = true
                        session.editAndResend(messageId, text)
                    }
                }
                ScrollBar.vertical: ScrollBar {}
                Label {
                    anchors.centerIn: parent
                    visible: messageList.count === 0 && !session.loading
                    text: qsTr("Say something to start.")
                    color: Theme.mutedText
                }
            }

            Rectangle {
                objectName: "chatError"
                visible: session.error.length > 0
                Layout.fillWidth: true
                implicitHeight: errorRow.implicitHeight + 16
                color: Theme.danger
                RowLayout {
                    id: errorRow
                    anchors.fill: parent
                    anchors.margins: 8
                    Label {
                        Layout.fillWidth: true
                        text: session.error
                        color: "white"
                        wrapMode: Text.WordWrap
                    }
                    ToolButton {
                        text: "✕"
                        onClicked: session.dismissError()
                        Accessible.name: qsTr("Dismiss")
                    }
                }
            }

            // Composer
            Rectangle {
                visible: session.conversationId.length > 0
                Layout.fillWidth: true
                implicitHeight: composerRow.implicitHeight + 20
                color: Theme.surface
                border.color: Theme.border
                RowLayout {
                    id: composerRow
                    anchors.fill: parent
                    anchors.margins: 10
                    ScrollView {
                        Layout.fillWidth: true
                        Layout.preferredHeight: Math.min(160, Math.max(44, composer.implicitHeight))
                        TextArea {
                            id: composer
                            objectName: "composer"
                            placeholderText: qsTr("Message (Enter sends, Shift+Enter for a new line)")
                            wrapMode: TextEdit.Wrap
                            Keys.onReturnPressed: event => {
                                if (event.modifiers & Qt.ShiftModifier) {
                                    event.accepted = false
                                } else {
                                    page.send()
                                }
                            }
                            Keys.onEnterPressed: event => page.send()
                            Accessible.name: qsTr("Message")
                        }
                    }
                    Button {
                        objectName: session.replying ? "stopButton" : "sendButton"
                        text: session.replying ? qsTr("Stop") : qsTr("Send")
                        highlighted: !session.replying
                        enabled: session.replying || composer.text.trim().length > 0
                        onClicked: session.replying ? session.stop() : page.send()
                        ToolTip.text: session.replying ? qsTr("Stop the reply (Esc)") : qsTr("Send (Enter)")
                        ToolTip.visible: hovered
                        ToolTip.delay: 800
                    }
                }
            }
        }
    }

    NewChatPopup {
        id: newChat
        providers: page.providers
        anchors.centerIn: parent
        onChosen: (agentId, provider, model, workflowId) => conversations.create(agentId, provider, model, workflowId)
    }

    Dialog {
        id: renameDialog
        property string conversationId
        title: qsTr("Rename conversation")
        modal: true
        anchors.centerIn: parent
        width: 400
        footer: DialogButtonBox {
            Button {
                text: qsTr("Cancel")
                flat: true
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            Button {
                text: qsTr("Rename")
                flat: true
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        TextField {
            id: renameField
            anchors.left: parent.left
            anchors.right: parent.right
            Accessible.name: qsTr("Title")
        }
        onAccepted: conversations.rename(conversationId, renameField.text)
    }

    Dialog {
        id: deleteDialog
        property string conversationId
        title: qsTr("Delete conversation?")
        modal: true
        anchors.centerIn: parent
        width: 400
        footer: DialogButtonBox {
            Button {
                text: qsTr("Cancel")
                flat: true
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            Button {
                objectName: "confirmDeleteButton"
                text: qsTr("Delete")
                flat: true
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        Label {
            text: qsTr("The conversation and all its messages are deleted. This cannot be undone.")
            wrapMode: Text.WordWrap
            anchors.left: parent.left
            anchors.right: parent.right
        }
        onAccepted: conversations.remove(conversationId)
    }
}
