import QtQuick
import QtTest
import SynapScale

// The workflow editor, driven as a person would: palette search and Enter, dragging links
// between ports (an invalid one is refused and said why), moving a node, Delete, Ctrl+Z and
// Ctrl+Shift+Z, Ctrl+C / Ctrl+V, rubber band selection, and a run lighting the nodes up.
Item {
    id: root
    width: 1300
    height: 800

    NodeCatalog { id: nodeCatalog }

TestCase {
    id: testCase
    name: "EditorView"
    when: windowShown

    Component {
        id: pageComponent
        EditorPage {
            width: root.width
            height: root.height
            catalog: nodeCatalog
        }
    }

    property var page: null
    readonly property var manualSet: ({
        nodes: [{id: "m", type: "trigger.manual", name: "Manual", position: [0, 0]},
                {id: "s", type: "core.set", name: "Set", position: [300, 0],
                 parameters: {fields: [{name: "n", type: "number", value: "{{ 7 }}"}]}}],
        edges: [{from: "m", to: "s"}]
    })

    function doc() { return page.document }
    function nodeCount() { return doc().nodes.count }
    function edgeCount() { return doc().edges.count }
    function nodeRow(id) { return doc().nodes.indexOf(id) }
    function nodeData(id, role) { return doc().nodes.data(doc().nodes.index(nodeRow(id), 0), role) }
    // Where a point of the canvas (its own coordinates) is on the page.
    function onPage(x, y) { return page.canvas.content.mapToItem(page, x, y) }
    function outputPort(id, port) {
        const x = nodeData(id, CanvasNodeModel.XRole), y = nodeData(id, CanvasNodeModel.YRole)
        const h = nodeData(id, CanvasNodeModel.HeightRole), n = nodeData(id, CanvasNodeModel.OutputsRole).length
        return onPage(x + page.canvas.nodeWidth, y + h * (port + 1) / (n + 1))
    }
    function inputPort(id, port) {
        const x = nodeData(id, CanvasNodeModel.XRole), y = nodeData(id, CanvasNodeModel.YRole)
        const h = nodeData(id, CanvasNodeModel.HeightRole), n = nodeData(id, CanvasNodeModel.InputsRole).length
        return onPage(x, y + h * (port + 1) / (n + 1))
    }
    function nodeCentre(id) {
        return onPage(nodeData(id, CanvasNodeModel.XRole) + 100, nodeData(id, CanvasNodeModel.YRole) + 20)
    }
    function drag(from, to) {
        mousePress(page, from.x, from.y)
        const steps = 8
        for (let i = 1; i <= steps; ++i)
            mouseMove(page, from.x + (to.x - from.x) * i / steps, from.y + (to.y - from.y) * i / steps)
        mouseRelease(page, to.x, to.y)
    }
    function initTestCase() {
        tryVerify(() => nodeCatalog.ready, 10000)
    }
    function openFresh(definition) {
        nodeCatalog.search = ""
        page = createTemporaryObject(pageComponent, root)
        const id = server.createWorkflow("Editor view test", definition)
        verify(id.length > 0)
        page.openWorkflow(id)
        tryVerify(() => doc().workflowId === id && !doc().loading && nodeCount() === definition.nodes.length, 5000)
        page.document.autosaveDelay = 200
        // The page fits the view to a loaded workflow in a Qt.callLater: let it run first, or it
        // may land after the fixed view below and scale every drag (it did, in half the runs).
        wait(50)
        // Fixed view: 100 % zoom, the nodes at known places.
        page.canvas.zoom = 1
        page.canvas.panX = 80
        page.canvas.panY = 200
        wait(50)
        compare(page.canvas.zoom, 1)
        compare(page.canvas.panX, 80)
        return id
    }
    function typeKeys(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function test_addFromPaletteConnectsAfterSelection() {
        const id = openFresh(manualSet)
        mouseClick(page, nodeCentre("s").x, nodeCentre("s").y)
        compare(doc().selectedNodeId, "s")
        keyClick(Qt.Key_K, Qt.ControlModifier)
        tryVerify(() => page.nodePalette.searchField.activeFocus)
        typeKeys("if")
        keyClick(Qt.Key_Return)
        compare(nodeCount(), 3)
        compare(edgeCount(), 2)
        const ifId = doc().selectedNodeId
        compare(doc().nodeJson(ifId).type, "core.if")
        compare(doc().edges.data(doc().edges.index(1, 0), CanvasEdgeModel.FromRole), "s")
        // It lands to the right of Set, on the grid.
        compare(doc().nodeJson(ifId).position[0], 600)
        tryVerify(() => !doc().dirty, 5000)
        compare(server.workflow(id).definition.nodes.length, 3)
    }

    function test_dragLinksAndRefusesInvalidOnes() {
        openFresh({nodes: manualSet.nodes, edges: []})
        compare(edgeCount(), 0)
        // While dragging from Manual's output, Set's input is a valid target.
        const from = outputPort("m", 0), to = inputPort("s", 0)
        mousePress(page, from.x, from.y)
        mouseMove(page, from.x + 40, from.y + 10)
        verify(page.canvas.linking)
        verify(page.canvas.canLinkTo("s", 0))
        verify(!page.canvas.canLinkTo("m", 0))
        mouseMove(page, to.x, to.y)
        mouseRelease(page, to.x, to.y)
        compare(edgeCount(), 1)
        // Set -> Manual: a trigger takes no input; refused, with the reason shown.
        drag(outputPort("s", 0), nodeCentre("m"))
        compare(edgeCount(), 1)
        const toast = findChild(page, "toast")
        tryVerify(() => toast.visible && toast.text.indexOf("trigger") >= 0, 3000)
        // The same link twice: refused.
        drag(outputPort("m", 0), inputPort("s", 0))
        compare(edgeCount(), 1)
        // Undo removes the link, redo brings it back.
        page.canvas.forceActiveFocus()
        keyClick(Qt.Key_Z, Qt.ControlModifier)
        compare(edgeCount(), 0)
        keyClick(Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
        compare(edgeCount(), 1)
    }

    // An edge is selected by clicking its handle (the circle at its middle) and deleted by
    // clicking it again; the lines follow the nodes; a click beside a handle pans instead.
    function test_selectAndDeleteEdgeByItsHandle() {
        const id = openFresh(manualSet)
        const edges = doc().edges
        const handle = () => {
            const i = edges.index(0, 0)
            return onPage((edges.data(i, CanvasEdgeModel.X1Role) + edges.data(i, CanvasEdgeModel.X2Role)) / 2,
                          (edges.data(i, CanvasEdgeModel.Y1Role) + edges.data(i, CanvasEdgeModel.Y2Role)) / 2)
        }
        const handles = findChild(page.canvas, "edgeHandles")
        tryVerify(() => edges.path.indexOf("M") === 0 && handles.count === 1)
        compare(edges.selectedPath, "")
        // 30 px off the handle: an empty-space click, nothing selected.
        let h = handle()
        mouseClick(page, h.x, h.y - 30)
        verify(!edges.data(edges.index(0, 0), CanvasEdgeModel.SelectedRole))
        mouseClick(page, h.x + 3, h.y + 2)
        verify(edges.data(edges.index(0, 0), CanvasEdgeModel.SelectedRole))
        // Selected, it moves from the plain paths to the selected ones, with a delete mark.
        tryVerify(() => edges.path === "" && edges.selectedPath.indexOf("M") === 0 && handles.count === 0)
        tryVerify(() => findChild(page.canvas, "selectedEdgeHandle") !== null)
        compare(edgeCount(), 1)
        mouseClick(page, h.x, h.y)
        compare(edgeCount(), 0)
        tryVerify(() => edges.selectedPath === "" && findChild(page.canvas, "selectedEdgeHandle") === null)
        tryVerify(() => !doc().dirty, 5000)
        compare(server.workflow(id).definition.edges.length, 0)
        page.canvas.forceActiveFocus()
        keyClick(Qt.Key_Z, Qt.ControlModifier)
        compare(edgeCount(), 1)
        // The line follows a moved node: its path ends at Set's new input.
        const before = edges.path
        const start = nodeCentre("s")
        drag(start, Qt.point(start.x + 100, start.y + 100))
        tryVerify(() => edges.path !== before && edges.path.indexOf(" 400.0 " + (100 + doc().nodes.data(doc().nodes.index(1, 0), CanvasNodeModel.HeightRole) / 2).toFixed(1)) > 0)
    }

    function test_moveDeleteUndo() {
        const id = openFresh(manualSet)
        const start = nodeCentre("s")
        drag(start, Qt.point(start.x + 123, start.y + 61))
        // Snapped to the grid: 300 + 123 -> 420, 0 + 61 -> 60.
        compare(doc().nodeJson("s").position[0], 420)
        compare(doc().nodeJson("s").position[1], 60)
        // The edge followed the node.
        compare(doc().edges.data(doc().edges.index(0, 0), CanvasEdgeModel.X2Role), 420)
        keyClick(Qt.Key_Delete)
        compare(nodeCount(), 1)
        compare(edgeCount(), 0)
        keyClick(Qt.Key_Z, Qt.ControlModifier)
        compare(nodeCount(), 2)
        compare(edgeCount(), 1)
        keyClick(Qt.Key_Z, Qt.ControlModifier)
        compare(doc().nodeJson("s").position[0], 300)
        tryVerify(() => !doc().dirty, 5000)
        compare(server.workflow(id).definition.nodes[1].position[0], 300)
    }

    function test_copyPasteAndRubberBand() {
        openFresh(manualSet)
        // Shift + drag on empty space: a rubber band around both nodes.
        const a = onPage(-40, -40), b = onPage(560, 120)
        mousePress(page, a.x, a.y, Qt.LeftButton, Qt.ShiftModifier)
        for (let i = 1; i <= 6; ++i)
            mouseMove(page, a.x + (b.x - a.x) * i / 6, a.y + (b.y - a.y) * i / 6, -1, Qt.LeftButton, Qt.ShiftModifier)
        mouseRelease(page, b.x, b.y, Qt.LeftButton, Qt.ShiftModifier)
        compare(doc().selectionCount, 2)
        keyClick(Qt.Key_C, Qt.ControlModifier)
        mouseMove(page, onPage(0, 300).x, onPage(0, 300).y)
        keyClick(Qt.Key_V, Qt.ControlModifier)
        compare(nodeCount(), 4)
        compare(edgeCount(), 2)
        verify(doc().nodes.indexOf("m") >= 0)
        compare(doc().nodeJson(doc().selectedNodeId).name === undefined, true) // two pasted nodes are selected
        compare(doc().selectionCount, 2)
        // Plain drag on empty space pans the view.
        const panBefore = page.canvas.panX
        drag(onPage(300, 420), onPage(450, 440))
        verify(Math.abs(page.canvas.panX - panBefore - 150) < 2, "pan moved " + (page.canvas.panX - panBefore) + " pasted at " + JSON.stringify(doc().nodeJson(doc().nodes.data(doc().nodes.index(2, 0), CanvasNodeModel.NodeIdRole)).position))
        compare(doc().selectionCount, 2)
        // A click on empty space clears the selection.
        mouseClick(page, onPage(300, 200).x, onPage(300, 200).y)
        compare(doc().selectionCount, 0)
    }

    function test_runLightsNodesUp() {
        openFresh(manualSet)
        const run = findChild(page, "runButton")
        verify(run)
        mouseClick(run)
        tryVerify(() => nodeData("s", CanvasNodeModel.RunStatusRole) === "succeeded", 10000)
        compare(nodeData("m", CanvasNodeModel.RunStatusRole), "succeeded")
        compare(nodeData("s", CanvasNodeModel.ItemsOutRole), 1)
        tryVerify(() => !page.runner.running, 5000)
        // The inspector shows Set's output item.
        mouseClick(page, nodeCentre("s").x, nodeCentre("s").y)
        compare(page.runner.nodeData("s").output[0][0].json.n, 7)
    }

    function test_inspectorEditsParameters() {
        const id = openFresh(manualSet)
        mouseClick(page, nodeCentre("s").x, nodeCentre("s").y)
        const include = findChild(page, "param:includeOtherFields")
        verify(include)
        // The schema's default (true) shows until the parameter is set.
        tryVerify(() => include.current === true)
        include.edited(false)
        compare(doc().parameter("s", "includeOtherFields"), false)
        const mode = findChild(page, "param:mode")
        compare(mode.kind, "options")
        const fields = findChild(page, "param:fields")
        compare(fields.kind, "list")
        tryVerify(() => !doc().dirty, 5000)
        compare(server.workflow(id).definition.nodes[1].parameters.includeOtherFields, false)
        keyClick(Qt.Key_Z, Qt.ControlModifier)
        verify(doc().parameter("s", "includeOtherFields") === undefined)
    }

    // HTTP Request's credential: the picker offers "New…", the dialog asks for the kind's fields
    // (the secret one hidden), Save stores it and the node keeps only its id; a chosen id that no
    // longer exists is said so.
    function test_credentialPickerCreatesAndChooses() {
        // Repeater-made fields are visual children of the dialog's column, not QObject children.
        const dialogField = (dialog, name) => {
            const column = findChild(dialog, "credentialName").parent
            for (let i = 0; i < column.children.length; ++i)
                if (column.children[i].objectName === "credentialField:" + name)
                    return column.children[i]
            return null
        }
        const id = openFresh({nodes: [manualSet.nodes[0],
                                      {id: "h", type: "core.http_request", name: "Call", position: [300, 0],
                                       parameters: {url: "http://127.0.0.1:9/x", authentication: "credential"}}],
                              edges: [{from: "m", to: "h"}]})
        mouseClick(page, nodeCentre("h").x, nodeCentre("h").y)
        const field = findChild(page, "param:credential")
        verify(field)
        compare(field.kind, "credential")
        // Scrolled to, as a person would.
        const scroll = findChild(page, "parameterScroll")
        tryVerify(() => {
            scroll.contentY = Math.max(0, Math.min(field.mapToItem(scroll.contentItem, 0, 0).y, scroll.contentHeight - scroll.height))
            const y = field.mapToItem(scroll, 0, 0).y
            return y >= 0 && y + 60 < scroll.height
        })
        const combo = findChild(field, "credentialCombo")
        tryVerify(() => combo && combo.displayText === "No credentials yet", 5000)
        mouseClick(findChild(field, "newCredential"))
        const dialog = findChild(field, "newCredentialDialog")
        tryVerify(() => dialog.opened)
        const save = findChild(dialog, "saveCredential")
        verify(!save.enabled)
        findChild(dialog, "credentialName").text = "API login"
        // The first kind is basic auth: user name, and the password hidden.
        const user = dialogField(dialog, "username")
        const password = dialogField(dialog, "password")
        verify(user && password)
        compare(password.echoMode, TextInput.Password)
        user.text = "ana"
        verify(!save.enabled) // the password is required
        password.text = "s3cret"
        verify(save.enabled)
        mouseClick(save)
        tryVerify(() => !dialog.visible, 5000)
        const chosen = doc().parameter("h", "credential")
        verify(typeof chosen === "string" && chosen.length > 0)
        tryVerify(() => combo.displayText === "API login")
        tryVerify(() => !doc().dirty, 5000)
        compare(server.workflow(id).definition.nodes[1].parameters.credential, chosen)
        // A name already taken: the dialog stays open and says why.
        mouseClick(findChild(field, "newCredential"))
        tryVerify(() => dialog.opened)
        findChild(dialog, "credentialName").text = "API login"
        dialogField(dialog, "username").text = "bo"
        dialogField(dialog, "password").text = "x"
        mouseClick(save)
        const failure = findChild(dialog, "credentialFailure")
        tryVerify(() => failure.visible && failure.text.length > 0, 5000)
        verify(dialog.visible)
        dialog.close()
        tryVerify(() => !dialog.visible)
        compare(doc().parameter("h", "credential"), chosen)
        // An id that is not (or no longer) one of the user's credentials.
        doc().setParameter("h", "credential", "0190aaaa-0000-7000-8000-000000000000", false)
        tryVerify(() => findChild(field, "credentialMissing").visible)
        page.canvas.forceActiveFocus()
        keyClick(Qt.Key_Z, Qt.ControlModifier)
        tryVerify(() => !findChild(field, "credentialMissing").visible && combo.displayText === "API login")
    }

    Component {
        id: credentialsCardComponent
        CredentialsCard { width: 600 }
    }

    // Settings → Credentials: New… stores one (it is listed by name and kind, never its value);
    // Delete asks first, then removes it.
    function test_settingsCredentialsCard() {
        const card = createTemporaryObject(credentialsCardComponent, root)
        const dialog = findChild(card, "newCredentialDialog")
        mouseClick(findChild(card, "newCredentialInSettings"))
        tryVerify(() => dialog.opened)
        // The second kind: a bearer token, one hidden field.
        const kind = findChild(dialog, "credentialType")
        kind.currentIndex = 1
        findChild(dialog, "credentialName").text = "Card token"
        const column = findChild(dialog, "credentialName").parent
        let token = null
        tryVerify(() => {
            for (let i = 0; i < column.children.length; ++i)
                if (column.children[i].objectName === "credentialField:token")
                    token = column.children[i]
            return token !== null
        })
        compare(token.echoMode, TextInput.Password)
        token.text = "tok-from-settings"
        mouseClick(findChild(dialog, "saveCredential"))
        tryVerify(() => !dialog.visible, 5000)
        // Rows are Repeater-made visual children of the card's column (beside its New… button).
        const rowNamed = name => {
            const column = findChild(card, "newCredentialInSettings").parent
            for (let i = 0; i < column.children.length; ++i)
                if (column.children[i].objectName === "credentialRow:" + name)
                    return column.children[i]
            return null
        }
        tryVerify(() => rowNamed("Card token") !== null, 5000)
        const row = rowNamed("Card token")
        mouseClick(findChild(row, "deleteCredential"))
        const confirm = findChild(card, "confirmDeleteCredential")
        tryVerify(() => confirm.opened)
        confirm.accept()
        tryVerify(() => rowNamed("Card token") === null, 5000)
    }

    function test_quickAddFromADroppedLink() {
        openFresh(manualSet)
        // A link dropped on empty space: the palette opens there; Enter adds the node, linked.
        const from = outputPort("s", 0)
        drag(from, Qt.point(from.x + 200, from.y + 150))
        tryVerify(() => page.nodePalette.searchField.activeFocus, 3000)
        typeKeys("no op")
        keyClick(Qt.Key_Return)
        compare(nodeCount(), 3)
        const added = doc().selectedNodeId
        compare(doc().nodeJson(added).type, "core.noop")
        compare(doc().edges.data(doc().edges.index(1, 0), CanvasEdgeModel.FromRole), "s")
        compare(doc().edges.data(doc().edges.index(1, 0), CanvasEdgeModel.ToRole), added)
    }

    function test_dragFromThePalette() {
        openFresh(manualSet)
        page.nodePalette.searchField.forceActiveFocus()
        typeKeys("merge")
        const list = findChild(page.nodePalette, "paletteList")
        tryVerify(() => list.count >= 1)
        const entry = list.itemAtIndex(0)
        verify(entry)
        const start = entry.mapToItem(page, entry.width / 2, entry.height / 2)
        const target = onPage(700, 300)
        drag(start, target)
        compare(nodeCount(), 3)
        const added = doc().nodes.data(doc().nodes.index(2, 0), CanvasNodeModel.NodeIdRole)
        compare(doc().nodeJson(added).type, "core.merge")
        // Dropped where the mouse let go (centred on it, on the grid).
        verify(Math.abs(doc().nodeJson(added).position[0] - 600) <= 20)
        verify(Math.abs(doc().nodeJson(added).position[1] - 260) <= 20)
    }

    // A node's badge, name and type are one painted image (NodeFace): it shows what the node
    // is, follows renames and disabling, survives leaving the view and coming back, and is
    // painted again at a new zoom once the zoom rests.
    function test_nodeFacesPaintAndFollowTheView() {
        openFresh(manualSet)
        const face = findChild(findChild(page.canvas, "node:Set"), "face")
        verify(face !== null)
        const green = Qt.color("#2f9e44") // the Data category's badge
        function near(c, expected) {
            return Math.abs(c.r - expected.r) < 0.03 && Math.abs(c.g - expected.g) < 0.03 && Math.abs(c.b - expected.b) < 0.03
        }
        function at(x, y) {
            const p = face.mapToItem(page, x, y)
            return grabImage(page).pixel(Math.round(p.x), Math.round(p.y))
        }
        const box = face.contentRect
        const badge = () => at(box.x + 4, box.y + box.height / 2) // the badge's left side, clear of its glyph
        // The badge has the category's colour; past the text, the card's; its border is the node's.
        tryVerify(() => near(badge(), green), 3000)
        verify(near(at(box.x + box.width - 2, box.y + box.height / 2), Qt.color(Theme.surface)))
        verify(near(at(face.width / 2, 0), Qt.color(Theme.border)))
        // Selected, the border takes the accent colour.
        doc().select("s", false)
        tryVerify(() => near(at(face.width / 2, 0), Qt.color(Theme.accent)), 3000)
        // A rename changes the picture; a very long name is cut short of the face's edge.
        const before = grabImage(page)
        doc().rename("s", "Renamed node")
        tryVerify(() => !grabImage(page).equals(before), 3000)
        doc().rename("s", "A name far too long to fit on the node at all, so it ends in an ellipsis")
        wait(50)
        verify(near(at(box.x + box.width - 2, box.y + 6), Qt.color(Theme.surface)))
        // Out of the view (the node is not drawn and its texture goes) and back: painted again —
        // also when it leaves and returns before the next frame.
        page.canvas.panX = -20000
        page.canvas.panX = 80
        wait(50)
        verify(near(badge(), green))
        page.canvas.panX = -20000
        tryVerify(() => !findChild(page.canvas, "node:" + doc().nodeJson("s").name).visible, 3000)
        wait(50)
        page.canvas.panX = 80
        tryVerify(() => findChild(page.canvas, "node:" + doc().nodeJson("s").name).visible, 3000)
        tryVerify(() => near(badge(), green), 3000)
        // A new zoom: the face is painted at it once the zoom has rested.
        page.canvas.zoom = 2
        compare(face.renderScale, 1)
        tryCompare(face, "renderScale", 2, 3000)
        tryVerify(() => near(badge(), green), 3000)
        // Zoomed far out the text is left out (a few pixels high): the badge is all colour.
        page.canvas.zoom = 0.15
        tryCompare(face, "renderScale", 0.15, 3000)
        tryVerify(() => near(at(box.x + face.badgeSize / 2, box.y + box.height / 2), green), 3000)
    }

    function test_renameInPlace() {
        openFresh(manualSet)
        const p = nodeCentre("s")
        mouseDoubleClickSequence(page, p.x, p.y)
        const field = findChild(page, "renameField")
        tryVerify(() => field !== null && findChild(page, "renameField").activeFocus, 3000)
        keyClick(Qt.Key_A, Qt.ControlModifier)
        typeKeys("Greeting")
        keyClick(Qt.Key_Return)
        compare(doc().nodeJson("s").name, "Greeting")
        // Taken names are refused, and said why.
        mouseDoubleClickSequence(page, p.x, p.y)
        tryVerify(() => findChild(page, "renameField") !== null && findChild(page, "renameField").activeFocus, 3000)
        keyClick(Qt.Key_A, Qt.ControlModifier)
        typeKeys("Manual")
        keyClick(Qt.Key_Return)
        compare(doc().nodeJson("s").name, "Greeting")
        const toast = findChild(page, "toast")
        tryVerify(() => toast.visible && toast.text.indexOf("already") >= 0, 3000)
    }

    function test_conflictBannerOverwrite() {
        const id = openFresh(manualSet)
        page.document.autosaveDelay = 60000
        const theirs = JSON.parse(JSON.stringify(manualSet))
        theirs.nodes[1].name = "Their Set"
        verify(server.updateWorkflow(id, theirs, 1))
        page.canvas.forceActiveFocus()
        mouseClick(page, nodeCentre("s").x, nodeCentre("s").y)
        keyClick(Qt.Key_Right)
        tryVerify(() => doc().dirty && doc().nodeJson("s").position[0] === 320, 3000)
        keyClick(Qt.Key_S, Qt.ControlModifier)
        const banner = findChild(page, "conflictBanner")
        tryVerify(() => banner.visible, 10000, "save state: " + findChild(page, "saveState").text + ", error: " + doc().error)
        compare(findChild(page, "saveState").text, "Not saved: conflict")
        // The banner's row is laid out at the next frame; until then its button sits at the left.
        waitForRendering(page)
        mouseClick(findChild(page, "overwriteButton"))
        tryVerify(() => !banner.visible && !doc().dirty, 5000)
        compare(server.workflow(id).version, 3)
        compare(server.workflow(id).definition.nodes[1].position[0], 320)
        compare(server.workflow(id).definition.nodes[1].name, "Set")
    }

    function test_contextMenus() {
        openFresh(manualSet)
        // Right-click a node: its menu acts on it (Disable, then Delete).
        const p = nodeCentre("s")
        mouseClick(page, p.x, p.y, Qt.RightButton)
        const menu = findChild(page, "nodeMenu")
        tryVerify(() => menu.opened, 3000)
        compare(doc().selectedNodeId, "s")
        menu.itemAt(3).triggered()
        tryVerify(() => !menu.visible, 3000)
        verify(doc().nodeJson("s").disabled === true)
        // Right-click empty space: add a node right there through the palette.
        const spot = onPage(300, 300)
        mouseClick(page, spot.x, spot.y, Qt.RightButton)
        const space = findChild(page, "canvasMenu")
        tryVerify(() => space.opened, 3000)
        space.itemAt(0).triggered()
        tryVerify(() => !space.visible && page.nodePalette.searchField.activeFocus, 3000)
        typeKeys("no op")
        keyClick(Qt.Key_Return)
        compare(nodeCount(), 3)
        const added = doc().selectedNodeId
        compare(doc().nodeJson(added).type, "core.noop")
        compare(doc().nodeJson(added).position[0], 200)
        compare(doc().nodeJson(added).position[1], 260)
        compare(edgeCount(), 1) // not linked to anything
    }
}
}
