// fake-provider: the tests' fake AI provider as a program, for end-to-end runs of the desktop
// app. It speaks the OpenAI wire protocol on 127.0.0.1 (models list, streamed chat replies) and
// answers every chat with the same Markdown reply, a few words at a time, so a screenshot can
// catch a reply mid-stream. Usage: fake-provider PORT_FILE [GAP_MS]; it writes its port there.
#include "support/fakeprovider.h"

#include <QCoreApplication>
#include <QFile>

using namespace synapscale::test;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: fake-provider PORT_FILE [GAP_MS]\n");
        return 2;
    }
    FakeProvider fake;
    fake.always("/v1/models", FakeReply::json(200, {{"object", "list"}, {"data", {{{"id", "gpt-e2e"}}, {{"id", "gpt-e2e-mini"}}}}}));
    const QString reply = QStringLiteral(
        "Here is a small **Python** function that adds two numbers:\n\n"
        "```python\ndef add(a: float, b: float) -> float:\n    \"\"\"Return the sum of a and b.\"\"\"\n    return a + b\n```\n\n"
        "Call it as `add(2, 3)` and it returns `5`. It works for integers and floats alike; "
        "for very large integers Python's arbitrary precision keeps the result exact.");
    QStringList deltas;
    for (const QString &word : reply.split(QLatin1Char(' ')))
        deltas << word + QLatin1Char(' ');
    deltas.last().chop(1);
    FakeReply stream;
    stream.pieces = {FakeProvider::openAiText(deltas, 42, int(deltas.size()))};
    stream.splitByEvent();
    stream.gapMs = args.size() > 2 ? args.at(2).toInt() : 60;
    fake.always("/v1/chat/completions", stream);

    QFile portFile(args.at(1));
    if (!portFile.open(QIODevice::WriteOnly) || portFile.write(QByteArray::number(fake.port())) <= 0)
        return 1;
    portFile.close();
    return QCoreApplication::exec();
}
