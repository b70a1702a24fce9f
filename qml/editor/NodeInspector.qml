import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale
import "schema.js" as Schema

// The selected node: its name, its parameters (built from the type's parameter schema), and
// what it took in and put out in the last run, with its error.
Rectangle {
    id: inspector
    required property WorkflowDocument document
    required property NodeCatalog catalog
    required property WorkflowRunner runner
    required property ExpressionPreview previewer
    property string nodeId: document.selectedNodeId
    readonly property var descriptor: nodeId.length > 0 ? catalog.descriptor(document.nodeJson(nodeId).type || "") : ({})
    readonly property var schema: descriptor.parameters && descriptor.parameters.properties ? descriptor.parameters.properties : ({})
    // The descriptor's order ("x-order"; JSON objects sort their keys), then any others.
    readonly property var keys: descriptor.parameters ? Schema.keysOf(descriptor.parameters) : []
    // Re-read on every edit and every run update.
    readonly property var node: { document.revision; return nodeId.length > 0 ? document.nodeJson(nodeId) : ({}) }
    readonly property var runData: { runner.dataRevision; return nodeId.length > 0 ? runner.nodeData(nodeId) : ({}) }
    property int outputPort: 0

    function previewFor(text) {
        if (!runData.input && !runData.output)
            return null
        const nodes = {}
        const all = document.nodes
        for (let i = 0; i < all.count; ++i) {
            const id = all.data(all.index(i, 0), CanvasNodeModel.NodeIdRole)
            const d = runner.nodeData(id)
            if (d.output && d.output.length > 0 && d.output[0].length > 0)
                nodes[all.data(all.index(i, 0), CanvasNodeModel.NameRole)] = d.output[0][0].json
        }
        return previewer.evaluate(text, runData.input || [], nodes)
    }

    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8
        visible: inspector.nodeId.length > 0

        TextField {
            id: nameField
            objectName: "inspectorName"
            Layout.fillWidth: true
            text: inspector.node.name || ""
            readOnly: inspector.document.readOnly
            font.bold: true
            onEditingFinished: {
                if (text === inspector.node.name)
                    return
                const problem = inspector.document.rename(inspector.nodeId, text)
                if (problem.length > 0) {
                    nameProblem.text = problem
                    text = inspector.node.name
                } else {
                    nameProblem.text = ""
                }
            }
            Accessible.name: qsTr("Node name")
        }
        Label {
            id: nameProblem
            visible: text.length > 0
            color: Theme.danger
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        Label {
            Layout.fillWidth: true
            text: (inspector.descriptor.display_name || inspector.node.type || "") + (inspector.descriptor.description ? " — " + inspector.descriptor.description : "")
            color: Theme.mutedText
            font.pixelSize: 11
            wrapMode: Text.WordWrap
        }
        Label {
            visible: (inspector.document.nodes.count, problemText.length > 0)
            readonly property string problemText: {
                inspector.document.revision
                const row = inspector.document.nodes.indexOf(inspector.nodeId)
                return row < 0 ? "" : inspector.document.nodes.data(inspector.document.nodes.index(row, 0), CanvasNodeModel.ProblemRole)
            }
            text: problemText
            color: Theme.danger
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        TabBar {
            id: tabs
            Layout.fillWidth: true
            TabButton { text: qsTr("Parameters"); objectName: "parametersTab"; font.capitalization: Font.MixedCase }
            TabButton { text: qsTr("Input"); objectName: "inputTab"; font.capitalization: Font.MixedCase }
            TabButton { text: qsTr("Output"); objectName: "outputTab"; font.capitalization: Font.MixedCase }
        }
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            // A Flickable with a fixed content width: a ScrollView whose width follows its
            // scroll bar made the wrapped descriptions re-layout in a loop.
            Flickable {
                id: paramScroll
                objectName: "parameterScroll"
                clip: true
                contentWidth: width
                contentHeight: paramColumn.implicitHeight
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                ColumnLayout {
                    id: paramColumn
                    width: paramScroll.width - 14
                    spacing: 12
                    enabled: !inspector.document.readOnly
                    Label {
                        visible: inspector.keys.length === 0
                        text: qsTr("This node has no parameters.")
                        color: Theme.mutedText
                    }
                    Repeater {
                        model: inspector.keys
                        ParameterField {
                            required property string modelData
                            Layout.fillWidth: true
                            key: modelData
                            // keys and schema follow a newly selected node one after the other
                            schema: inspector.schema[modelData] || ({})
                            value: inspector.node.parameters ? inspector.node.parameters[modelData] : undefined
                            preview: inspector.previewFor
                            // Typing merges into one undo step; each choice is a step of its own.
                            onEdited: v => inspector.document.setParameter(inspector.nodeId, modelData, v,
                                                                           kind !== "options" && kind !== "boolean" && kind !== "credential")
                        }
                    }
                }
            }
            ColumnLayout {
                Label {
                    visible: !inspector.runData.status
                    text: qsTr("Run the workflow to see the items this node receives.")
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                ItemDataView {
                    visible: !!inspector.runData.status
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    runner: inspector.runner
                    items: inspector.runData.input || []
                }
            }
            ColumnLayout {
                Label {
                    visible: !inspector.runData.status
                    text: qsTr("Run the workflow to see what this node puts out.")
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "nodeError"
                    visible: (inspector.runData.error || "").length > 0
                    text: qsTr("Error: %1").arg(inspector.runData.error || "")
                    color: Theme.danger
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                ComboBox {
                    readonly property var ports: inspector.descriptor.outputs || []
                    visible: ports.length > 1 && !!inspector.runData.status
                    model: ports.map(p => p.name)
                    currentIndex: inspector.outputPort
                    onActivated: index => inspector.outputPort = index
                    Accessible.name: qsTr("Output")
                }
                ItemDataView {
                    visible: !!inspector.runData.status
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    runner: inspector.runner
                    items: inspector.runData.output && inspector.runData.output.length > inspector.outputPort ? inspector.runData.output[inspector.outputPort] : []
                }
            }
        }
    }
    Label {
        anchors.centerIn: parent
        width: parent.width - 32
        visible: inspector.nodeId.length === 0
        text: inspector.document.selectionCount > 1 ? qsTr("%n selected", "", inspector.document.selectionCount)
                                                    : qsTr("Select a node to edit its parameters.")
        color: Theme.mutedText
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
    }
}
