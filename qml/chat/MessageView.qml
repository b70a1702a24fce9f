import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// One row of a conversation: the user's message (editable and resendable), a reply rendered as
// Markdown with copyable code blocks, its status and token usage, or an agent's folded tool calls.
Item {
    id: root
    required property int index
    required property string messageId
    required property string kind
    required property string content
    required property var segments
    required property string status
    required property string error
    required property var tools
    required property var usage
    property bool isLastReply: false
    property bool replying: false
    property bool editing: false

    signal copyRequested(string text)
    signal regenerateRequested()
    signal editRequested(string messageId, string text)

    implicitHeight: bubble.implicitHeight + 12
    width: ListView.view ? ListView.view.width : 600

    function usageText() {
        if (!usage || usage.input_tokens === undefined)
            return ""
        let text = qsTr("%1 in · %2 out").arg(usage.input_tokens).arg(usage.output_tokens)
        if (usage.cost_usd > 0)
            text += " · $" + Number(usage.cost_usd).toFixed(usage.cost_usd < 0.01 ? 4 : 2)
        return text
    }

    Rectangle {
        id: bubble
        objectName: "messageBubble"
        readonly property bool mine: root.kind === "user"
        anchors.top: parent.top
        anchors.topMargin: 6
        x: mine ? parent.width - width - 12 : 12
        width: root.kind === "tools" ? parent.width - 24 : Math.min(parent.width - 24, mine ? Math.max(body.implicitWidth + 24, 120) : 820)
        implicitHeight: body.implicitHeight + 20
        radius: Theme.radius
        color: root.kind === "tools" ? "transparent" : mine ? (Theme.dark ? "#2d3343" : "#e8ecf6") : Theme.surface
        border.color: root.kind === "tools" ? "transparent" : Theme.border

        ColumnLayout {
            id: body
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: 10
            spacing: 6

            // The user's message, or its editor.
            TextEdit {
                objectName: "userText"
                visible: root.kind === "user" && !root.editing
                Layout.fillWidth: true
                Layout.maximumWidth: 700
                text: root.content
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.Wrap
                color: Theme.text
                font.pixelSize: 14
            }
            ColumnLayout {
                visible: root.editing
                Layout.fillWidth: true
                Layout.preferredWidth: 600
                TextArea {
                    id: editor
                    objectName: "editMessageField"
                    Layout.fillWidth: true
                    wrapMode: TextEdit.Wrap
                    Accessible.name: qsTr("Edit message")
                }
                RowLayout {
                    Item { Layout.fillWidth: true }
                    Button {
                        text: qsTr("Cancel")
                        flat: true
                        onClicked: root.editing = false
                    }
                    Button {
                        objectName: "resendButton"
                        text: qsTr("Save and resend")
                        highlighted: true
                        enabled: editor.text.trim().length > 0 && !root.replying
                        onClicked: {
                            root.editing = false
                            root.editRequested(root.messageId, editor.text)
                        }
                    }
                }
            }

            // A reply: prose as Markdown, code as blocks.
            Repeater {
                model: root.kind === "assistant" ? root.segments : []
                delegate: Loader {
                    required property var modelData
                    Layout.fillWidth: true
                    sourceComponent: modelData.kind === "code" ? codeComponent : textComponent
                    Component {
                        id: textComponent
                        TextEdit {
                            objectName: "replyText"
                            text: modelData.text
                            textFormat: TextEdit.MarkdownText
                            readOnly: true
                            selectByMouse: true
                            wrapMode: TextEdit.Wrap
                            color: Theme.text
                            font.pixelSize: 14
                            onLinkActivated: link => Qt.openUrlExternally(link)
                        }
                    }
                    Component {
                        id: codeComponent
                        CodeBlock {
                            code: modelData.text
                            language: modelData.language
                            onCopyRequested: text => root.copyRequested(text)
                        }
                    }
                }
            }
            Label {
                visible: root.kind === "assistant" && root.status === "streaming" && root.content.length === 0
                text: qsTr("Thinking…")
                color: Theme.mutedText
                font.italic: true
            }

            ToolCallsView {
                visible: root.kind === "tools"
                Layout.fillWidth: true
                tools: root.tools
            }

            // What became of the reply.
            Label {
                objectName: "replyProblem"
                visible: root.kind === "assistant" && (root.status === "incomplete" || root.status === "error")
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: root.status === "error" ? Theme.danger : Theme.warning
                text: root.status === "error" ? qsTr("The reply failed: %1").arg(root.error)
                                              : root.error.length > 0 ? qsTr("The reply is incomplete: %1").arg(root.error)
                                                                      : qsTr("The reply is incomplete.")
            }

            RowLayout {
                visible: (root.kind === "assistant" && root.status !== "streaming") || (root.kind === "user" && !root.editing)
                Layout.fillWidth: true
                spacing: 4
                Label {
                    objectName: "usageLabel"
                    visible: root.kind === "assistant"
                    text: root.usageText()
                    color: Theme.mutedText
                    font.pixelSize: 12
                    Layout.fillWidth: true
                }
                Item { visible: root.kind === "user"; Layout.fillWidth: true }
                ToolButton {
                    visible: root.kind === "assistant" && root.content.length > 0
                    text: qsTr("Copy")
                    font.pixelSize: 12
                    implicitHeight: 28
                    onClicked: root.copyRequested(root.content)
                    Accessible.name: qsTr("Copy reply")
                }
                ToolButton {
                    objectName: "regenerateButton"
                    visible: root.kind === "assistant" && root.isLastReply && !root.replying
                    text: qsTr("Regenerate")
                    font.pixelSize: 12
                    implicitHeight: 28
                    onClicked: root.regenerateRequested()
                }
                ToolButton {
                    objectName: "editButton"
                    visible: root.kind === "user" && !root.replying
                    text: qsTr("Edit")
                    font.pixelSize: 12
                    implicitHeight: 28
                    onClicked: {
                        editor.text = root.content
                        root.editing = true
                        editor.forceActiveFocus()
                    }
                }
            }
        }
    }
}
