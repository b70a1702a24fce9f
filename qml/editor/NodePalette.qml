import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SynapScale

// The node types by category, searched as you type. Enter adds the highlighted type at the
// view's centre (Up/Down move the highlight); a type can also be dragged onto the canvas.
Rectangle {
    id: paletteRoot
    required property NodeCatalog catalog
    // Called with the type to add, and where it was dropped (canvas coordinates) or null.
    signal chosen(string type, var dropAt)
    signal dragMoved(point scenePos, string type)
    signal dragEnded(point scenePos, string type)
    property alias searchField: search

    function focusSearch() {
        search.forceActiveFocus()
        search.selectAll()
    }
    function add(row) {
        const type = catalog.typeAt(row)
        if (type.length > 0)
            paletteRoot.chosen(type, null)
    }

    color: Theme.surface
    border.color: Theme.border

    // The controls' own text size, for the entries' names.
    Label {
        id: labelMetrics
        visible: false
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 6
        TextField {
            id: search
            objectName: "paletteSearch"
            Layout.fillWidth: true
            placeholderText: qsTr("Search nodes (Ctrl+K)")
            text: paletteRoot.catalog.search
            onTextEdited: {
                paletteRoot.catalog.search = text
                list.currentIndex = 0
            }
            Keys.onDownPressed: list.currentIndex = Math.min(list.count - 1, list.currentIndex + 1)
            Keys.onUpPressed: list.currentIndex = Math.max(0, list.currentIndex - 1)
            Keys.onReturnPressed: paletteRoot.add(list.currentIndex)
            Keys.onEnterPressed: paletteRoot.add(list.currentIndex)
            Accessible.name: qsTr("Search nodes")
        }
        Label {
            visible: paletteRoot.catalog.error.length > 0
            Layout.fillWidth: true
            text: paletteRoot.catalog.error
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
        Label {
            visible: list.count === 0 && paletteRoot.catalog.ready
            text: qsTr("No node matches “%1”.").arg(search.text)
            color: Theme.mutedText
        }
        ListView {
            id: list
            objectName: "paletteList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: paletteRoot.catalog
            currentIndex: 0
            highlightMoveDuration: 0
            section.property: "category"
            section.delegate: Label {
                required property string section
                text: section
                color: Theme.mutedText
                font.pixelSize: 11
                font.bold: true
                font.capitalization: Font.AllUppercase
                topPadding: 10
                bottomPadding: 4
            }
            delegate: Rectangle {
                id: entry
                required property int index
                required property string type
                required property string displayName
                required property string description
                required property string glyph
                required property string category
                width: ListView.view.width
                height: 46
                radius: 6
                color: ListView.isCurrentItem ? Qt.rgba(1, 0.43, 0.23, 0.14) : hover.containsMouse ? Theme.background : "transparent"
                // Badge, name and description as one image (see NodeFace), over the row's colour.
                NodeFace {
                    anchors.fill: parent
                    anchors.margins: 6
                    glyph: entry.glyph
                    badgeColor: Theme.categoryColor(entry.category)
                    badgeSize: 28
                    badgeRadius: 6
                    glyphPixelSize: 11
                    title: entry.displayName
                    titleColor: Theme.text
                    titlePixelSize: labelMetrics.font.pixelSize
                    titleBold: false
                    subtitle: entry.description
                    subtitleColor: Theme.mutedText
                    lineSpacing: 0
                    background: Qt.tint(paletteRoot.color, entry.color)
                }
                MouseArea {
                    id: hover
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    // A drag onto the canvas, not a flick of the list.
                    preventStealing: true
                    property bool dragging: false
                    property point pressAt
                    onPressed: mouse => {
                        pressAt = Qt.point(mouse.x, mouse.y)
                        dragging = false
                        list.currentIndex = entry.index
                    }
                    onPositionChanged: mouse => {
                        if (!pressed)
                            return
                        if (!dragging && Math.abs(mouse.x - pressAt.x) + Math.abs(mouse.y - pressAt.y) > 8)
                            dragging = true
                        if (dragging)
                            paletteRoot.dragMoved(mapToItem(null, mouse.x, mouse.y), entry.type)
                    }
                    onReleased: mouse => {
                        if (dragging)
                            paletteRoot.dragEnded(mapToItem(null, mouse.x, mouse.y), entry.type)
                        dragging = false
                    }
                    onClicked: if (!dragging) paletteRoot.chosen(entry.type, null)
                    ToolTip.text: entry.description
                    ToolTip.visible: containsMouse && !pressed
                    ToolTip.delay: 900
                }
            }
        }
    }
}
