import QtQuick
import QtTest
import SynapScale

// The chat view, driven as a person would: new chat from the picker, typing and Enter, replies
// streaming in as Markdown with code blocks to copy, stop, regenerate, edit and resend, folded
// tool calls, a provider failing mid-reply, and the conversation search.
Item {
    id: root
    width: 1100
    height: 760

TestCase {
    id: testCase
    name: "ChatView"
    when: windowShown

    Component {
        id: pageComponent
        ChatPage {
            width: root.width
            height: root.height
            providers: AiProviders {}
        }
    }

    property var page: null

    function messageList() { return findChild(page, "messageList") }
    function row(i) { return messageList().itemAtIndex(i) }
    function lastRow() { return row(messageList().count - 1) }
    // For predicates polled while delegates are still being created (itemAtIndex gives null).
    function prop(r, name) { return r ? r[name] : undefined }
    function rowData(i) { return row(i) }
    function click(item) {
        verify(item !== null, "item exists")
        tryVerify(() => item.visible && item.enabled && item.width > 0, 5000,
                  item.objectName + " visible " + item.visible + " enabled " + item.enabled + " width " + item.width)
        mouseClick(item)
    }
    function typeAndSend(text) {
        const composer = findChild(page, "composer")
        composer.forceActiveFocus()
        composer.text = text
        keyClick(Qt.Key_Return)
    }
    function startChatWith(agentLabel) {
        click(findChild(page, "newChatButton"))
        const dialog = page.newChatDialog
        tryVerify(() => dialog.opened, 5000)
        const whom = findChild(dialog.contentItem, "chatWithBox")
        tryVerify(() => whom.count > 0, 5000)
        if (agentLabel) {
            for (let i = 0; i < whom.count; ++i)
                if (whom.model[i].label.indexOf(agentLabel) >= 0)
                    whom.currentIndex = i
            whom.activated(whom.currentIndex)
        }
        const before = page.session.conversationId
        click(findChild(dialog.contentItem, "startChatButton"))
        tryVerify(() => page.session.conversationId.length > 0 && page.session.conversationId !== before, 5000)
        // A modal dialog takes input until its closing transition ends.
        tryVerify(() => !dialog.visible, 5000)
    }

    function initTestCase() {
        page = pageComponent.createObject(root) // kept across the test functions
        verify(page)
        tryVerify(() => ApiClient.live, 10000)
        tryVerify(() => page.providers.count > 0 && !page.providers.loading, 10000)
    }

    function test_1_streamedReplyWithCode() {
        verify(!findChild(page, "noProviderBanner").visible, "OpenAI is configured: no banner")
        startChatWith("")
        tryCompare(page.session, "provider", "openai", 5000)
        compare(page.session.model, "gpt-test")
        fake.replyWith(["Here is ", "some code:\n\n```python\nprint(", "'olá')\n```\n\nDone ✓"], 80)
        typeAndSend("Show me Python code")
        tryVerify(() => messageList().count === 2, 5000)
        tryVerify(() => page.session.replying, 5000)
        verify(findChild(page, "stopButton"), "Send turns into Stop while replying")
        // Tokens arrive before the reply completes.
        tryVerify(() => lastRow() && prop(lastRow(), "content").length > 0 && page.session.replying, 5000)
        tryVerify(() => !page.session.replying, 10000)
        const reply = lastRow()
        compare(reply.kind, "assistant")
        compare(reply.status, "complete")
        compare(reply.content, "Here is some code:\n\n```python\nprint('olá')\n```\n\nDone ✓")
        compare(reply.segments.length, 3)
        compare(reply.segments[1].kind, "code")
        compare(reply.segments[1].language, "python")
        compare(reply.segments[1].text, "print('olá')")
        click(findChild(reply, "copyCodeButton"))
        compare(fake.clipboardText(), "print('olá')")
        verify(findChild(reply, "usageLabel").text.indexOf("12 in") === 0, findChild(reply, "usageLabel").text)
        // The conversation got its title from the first message.
        tryCompare(page.session, "title", "Show me Python code", 5000)
        compare(row(0).content, "Show me Python code")
    }

    function test_2_stopKeepsThePartialReply() {
        let deltas = []
        for (let i = 0; i < 40; ++i)
            deltas.push("word" + i + " ")
        fake.replyWith(deltas, 150)
        typeAndSend("Tell me a long story")
        tryVerify(() => page.session.replying && (prop(lastRow(), "content") || "").indexOf("word1 ") >= 0, 10000)
        click(findChild(page, "stopButton"))
        tryVerify(() => !page.session.replying, 10000)
        const reply = lastRow()
        compare(reply.status, "incomplete")
        verify(reply.content.indexOf("word0") === 0)
        verify(reply.content.indexOf("word39") < 0, "stopped before the end")
        verify(findChild(reply, "replyProblem").visible)
    }

    function test_3_regenerateReplacesTheLastReply() {
        const count = messageList().count
        fake.replyWith(["Second ", "try"], 0)
        click(findChild(lastRow(), "regenerateButton"))
        tryVerify(() => !page.session.replying && prop(lastRow(), "content") === "Second try", 10000)
        compare(messageList().count, count)
        compare(lastRow().status, "complete")
    }

    function test_4_editAndResend() {
        fake.replyWith(["Edited ", "answer"], 0)
        const first = row(0)
        click(findChild(first, "editButton"))
        const field = findChild(first, "editMessageField")
        tryVerify(() => field.visible, 5000)
        field.text = "Show me Rust code instead"
        click(findChild(first, "resendButton"))
        tryVerify(() => !page.session.replying && messageList().count === 2 && prop(lastRow(), "content") === "Edited answer", 10000)
        compare(row(0).content, "Show me Rust code instead")
        verify(fake.lastPrompt().indexOf("user: Show me Rust code instead") >= 0, fake.lastPrompt())
        verify(fake.lastPrompt().indexOf("long story") < 0, "later messages were dropped")
    }

    function test_5_providerFailingMidReply() {
        fake.replyThenDrop(["Partial ", "answer"])
        typeAndSend("This one breaks")
        tryVerify(() => messageList().count === 4 && !page.session.replying && prop(lastRow(), "status") !== "streaming", 10000)
        const reply = lastRow()
        compare(row(2).content, "This one breaks")
        compare(reply.status, "incomplete")
        compare(reply.content, "Partial answer")
        verify(findChild(reply, "replyProblem").visible)
        verify(reply.error.length > 0)
    }

    function test_6_toolCallsAreFolded() {
        const agentId = fake.createCalculatorAgent()
        verify(agentId.length > 0)
        page.providers.refresh()
        tryVerify(() => page.providers.agents.length === 1, 5000)
        startChatWith("Calculator agent")
        tryCompare(page.session, "agentId", agentId, 5000)
        fake.callCalculator("2+3*4")
        fake.replyWith(["The answer ", "is 14."], 0)
        typeAndSend("What is 2+3*4?")
        tryVerify(() => !page.session.replying && messageList().count === 3 && prop(lastRow(), "content") === "The answer is 14.", 10000)
        const tools = row(1)
        compare(tools.kind, "tools")
        compare(tools.tools.length, 1)
        compare(tools.tools[0].name, "calculator")
        compare(tools.tools[0].result, "14")
        const toggle = findChild(tools, "toolCallsToggle")
        verify(toggle.text.indexOf("calculator") >= 0, toggle.text)
        const folded = tools.height
        click(toggle)
        tryVerify(() => tools.height > folded + 20, 5000)
        verify(toggle.text.indexOf("▾") === 0)
        // Reopened later, the stored turns fold the same way.
        page.session.reload()
        tryVerify(() => messageList().count === 3 && prop(row(1), "kind") === "tools" && (prop(row(1), "tools") || [{}])[0].result === "14", 5000)
    }

    function test_9_deleteAsksFirst() {
        const list = findChild(page, "conversationList")
        const count = list.count
        const id = page.session.conversationId
        verify(id.length > 0)
        page.confirmDelete(id)
        const dialog = page.deleteDialog
        tryVerify(() => dialog.opened, 5000)
        compare(list.count, count, "nothing is deleted before confirming")
        click(findChild(dialog.footer, "confirmDeleteButton"))
        tryVerify(() => list.count === count - 1 && page.session.conversationId === "", 5000)
        tryVerify(() => !dialog.visible, 5000)
    }

    function test_8_aWorkflowAnswers() {
        const workflowId = fake.createEchoWorkflow()
        verify(workflowId.length > 0)
        page.providers.refresh()
        tryVerify(() => page.providers.chatWorkflows.length === 1 && !page.providers.loading, 5000)
        const requests = fake.requestCount()
        startChatWith("Workflow: Echo")
        tryCompare(page.session, "workflowId", workflowId, 5000)
        typeAndSend("ping")
        tryVerify(() => !page.session.replying && messageList().count === 2 && prop(lastRow(), "content") === "Echo: ping", 10000)
        compare(lastRow().status, "complete")
        compare(fake.requestCount(), requests, "no provider was asked")
    }

    function test_7_searchConversations() {
        const list = findChild(page, "conversationList")
        tryVerify(() => list.count === 2, 5000)
        const search = findChild(page, "conversationSearch")
        search.forceActiveFocus()
        search.text = ""
        // "Rust" is only in the edited message: the search looks into what was said.
        keyClick("R"); keyClick("u"); keyClick("s"); keyClick("t")
        tryVerify(() => list.count === 1 && !page.conversations.loading, 5000)
        compare(list.itemAtIndex(0).title, "Show me Python code")
        search.selectAll()
        keyClick("z"); keyClick("z"); keyClick("q")
        tryVerify(() => list.count === 0 && !page.conversations.loading, 5000)
        search.selectAll()
        keyClick(Qt.Key_Backspace)
        tryVerify(() => list.count === 2, 5000)
    }
}
}
