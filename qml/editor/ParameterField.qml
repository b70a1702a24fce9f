import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale
import "schema.js" as Schema

// One parameter of a node, drawn from its JSON Schema: options → a combo box, boolean → a
// switch, number → a number field, json/javascript/multiline → a code editor, password → a
// hidden field, credential → the user's stored credentials of its kinds, a list of objects → rows with add/remove, an object → its fields. Text with
// `{{ }}` is an expression: it is marked and its value against the last run is previewed.
// Nested fields (lists, objects) are this same component, loaded by URL.
ColumnLayout {
    id: field
    property string key
    property var schema: ({})
    property var value
    property int depth: 0
    // preview(text) -> {ok, text}, or null when there is no run data to preview against.
    property var preview: null
    signal edited(var newValue)

    readonly property string type: schema.type || ""
    readonly property string format: schema.format || ""
    readonly property var current: value === undefined ? schema["default"] : value
    readonly property string label: schema.title || key
    readonly property string kind: format === "credential" ? "credential"
                                   : schema["enum"] ? "options"
                                   : type === "boolean" ? "boolean"
                                   : type === "number" || type === "integer" ? "number"
                                   : type === "array" && schema.items && schema.items.properties ? "list"
                                   : type === "object" && schema.properties ? "object"
                                   : format === "json" || format === "javascript" || format === "multiline" ? "code"
                                   : "text"
    function copy(v) { return v === undefined ? undefined : JSON.parse(JSON.stringify(v)) }
    function text(v) {
        if (v === undefined || v === null)
            return ""
        return typeof v === "object" ? JSON.stringify(v) : String(v)
    }
    function hasExpression(t) { return /\{\{[\s\S]*?\}\}/.test(t) }

    objectName: "param:" + key
    spacing: 4
    Layout.fillWidth: true

    Label {
        visible: field.kind !== "boolean"
        text: field.label
        color: Theme.text
        font.pixelSize: 12
        font.bold: field.depth === 0
        Layout.fillWidth: true
        elide: Text.ElideRight
    }

    // options
    ComboBox {
        visible: field.kind === "options"
        Layout.fillWidth: true
        model: field.kind === "options" ? field.schema["enum"] : []
        currentIndex: field.kind === "options" ? Math.max(0, field.schema["enum"].indexOf(field.current)) : -1
        onActivated: index => field.edited(field.schema["enum"][index])
        Accessible.name: field.label
    }
    // boolean
    Switch {
        visible: field.kind === "boolean"
        Layout.fillWidth: true
        text: field.label
        checked: field.kind === "boolean" && field.current === true
        onToggled: field.edited(checked)
    }
    // number and text (expressions allowed in both)
    TextField {
        id: line
        visible: field.kind === "number" || field.kind === "text"
        Layout.fillWidth: true
        text: field.text(field.current)
        echoMode: field.format === "password" ? TextInput.Password : TextInput.Normal
        placeholderText: field.kind === "number" ? qsTr("A number or {{ expression }}") : ""
        color: field.hasExpression(text) ? Theme.accent : Theme.text
        font.family: field.hasExpression(text) ? "monospace" : font.family
        onTextEdited: {
            if (field.kind === "number" && !field.hasExpression(text) && text.trim().length > 0 && !isNaN(Number(text)))
                field.edited(Number(text))
            else
                field.edited(text)
        }
        Accessible.name: field.label
    }
    // a stored credential, chosen by id (made only for such a field)
    Loader {
        active: field.kind === "credential"
        visible: active
        Layout.fillWidth: true
        sourceComponent: CredentialPicker {
            chosen: typeof field.current === "string" ? field.current : ""
            types: field.schema["x-credential-types"] || []
            onPicked: id => field.edited(id)
        }
    }
    // code
    ScrollView {
        visible: field.kind === "code"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(220, Math.max(80, code.implicitHeight))
        TextArea {
            id: code
            text: field.kind === "code" ? field.text(field.current) : ""
            font.family: "monospace"
            font.pixelSize: 12
            wrapMode: TextEdit.NoWrap
            selectByMouse: true
            onTextChanged: if (activeFocus) field.edited(text)
            background: Rectangle { color: Theme.background; border.color: Theme.border; radius: 4 }
            Accessible.name: field.label
        }
    }
    // The expression's value against the last run.
    Label {
        readonly property var result: visible && field.preview ? field.preview(line.visible ? line.text : code.text) : null
        visible: (field.kind === "text" || field.kind === "number" || field.kind === "code")
                 && field.hasExpression(line.visible ? line.text : code.text)
        objectName: "expressionPreview"
        Layout.fillWidth: true
        text: result === null ? qsTr("Run the workflow to preview this expression.")
              : result.ok ? qsTr("= %1").arg(result.text) : qsTr("Error: %1").arg(result.text)
        color: result !== null && !result.ok ? Theme.danger : Theme.mutedText
        font.pixelSize: 11
        font.family: "monospace"
        wrapMode: Text.WrapAnywhere
        maximumLineCount: 4
        elide: Text.ElideRight
    }
    // a list of objects
    Repeater {
        model: field.kind === "list" && Array.isArray(field.current) ? field.current.length : 0
        Rectangle {
            id: entry
            required property int index
            Layout.fillWidth: true
            implicitHeight: entryColumn.implicitHeight + 16
            radius: 6
            color: "transparent"
            border.color: Theme.border
            ColumnLayout {
                id: entryColumn
                anchors.left: parent.left
                anchors.right: removeEntry.left
                anchors.top: parent.top
                anchors.margins: 8
                Repeater {
                    model: Schema.keysOf(field.schema.items)
                    Loader {
                        required property string modelData
                        Layout.fillWidth: true
                        source: Qt.resolvedUrl("ParameterField.qml")
                        onLoaded: {
                            item.key = modelData
                            item.schema = field.schema.items.properties[modelData]
                            item.depth = field.depth + 1
                            item.preview = field.preview
                            item.value = Qt.binding(() => field.current[entry.index] ? field.current[entry.index][modelData] : undefined)
                            item.edited.connect(v => {
                                const list = field.copy(field.current)
                                list[entry.index][modelData] = v
                                field.edited(list)
                            })
                        }
                    }
                }
            }
            ToolButton {
                id: removeEntry
                anchors.right: parent.right
                anchors.top: parent.top
                text: "×"
                onClicked: {
                    const list = field.copy(field.current)
                    list.splice(entry.index, 1)
                    field.edited(list)
                }
                ToolTip.text: qsTr("Remove")
                ToolTip.visible: hovered
            }
        }
    }
    Button {
        visible: field.kind === "list"
        objectName: "addEntry"
        text: qsTr("Add %1").arg(field.label.toLowerCase())
        flat: true
        onClicked: {
            const list = Array.isArray(field.current) ? field.copy(field.current) : []
            const item = {}
            const props = field.schema.items.properties
            for (const k in props)
                if (props[k]["default"] !== undefined)
                    item[k] = field.copy(props[k]["default"])
            list.push(item)
            field.edited(list)
        }
    }
    // an object: its fields, indented
    Repeater {
        model: field.kind === "object" ? Schema.keysOf(field.schema) : []
        Loader {
            required property string modelData
            Layout.fillWidth: true
            Layout.leftMargin: 12
            source: Qt.resolvedUrl("ParameterField.qml")
            onLoaded: {
                item.key = modelData
                item.schema = field.schema.properties[modelData]
                item.depth = field.depth + 1
                item.preview = field.preview
                item.value = Qt.binding(() => field.current ? field.current[modelData] : undefined)
                item.edited.connect(v => {
                    const obj = field.current && typeof field.current === "object" ? field.copy(field.current) : {}
                    obj[modelData] = v
                    field.edited(obj)
                })
            }
        }
    }
    Label {
        visible: (field.schema.description || "").length > 0 && field.depth === 0
        Layout.fillWidth: true
        text: field.schema.description || ""
        color: Theme.mutedText
        font.pixelSize: 11
        wrapMode: Text.WordWrap
    }
}
