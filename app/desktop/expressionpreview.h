#pragma once

#include <QObject>
#include <QQmlEngine>

#include <memory>

class QJSEngine;

namespace synapscale {

// Shows in the inspector what a parameter's `{{ … }}` expressions give against the last run's
// data: `$json` is the node's first input item, `$input.all()/first()/item` its input, and
// `$node["Name"].json` another node's first output item. It evaluates on the GUI thread with a
// short time limit (an endless loop is interrupted), and never changes anything.
class ExpressionPreview : public QObject {
    Q_OBJECT
    QML_ELEMENT
public:
    explicit ExpressionPreview(QObject *parent = nullptr);
    ~ExpressionPreview() override;

    Q_INVOKABLE static bool hasExpression(const QString &text);
    // {ok, text}: the value (JSON for objects and lists), or why it failed.
    // `input`: the node's input items; `nodes`: {name: first output item json}.
    Q_INVOKABLE QVariantMap evaluate(const QString &text, const QVariantList &input, const QVariantMap &nodes);
    int timeLimitMs() const { return m_limitMs; }
    void setTimeLimitMs(int ms) { m_limitMs = ms; }

private:
    std::unique_ptr<QJSEngine> m_engine;
    int m_limitMs = 250;
};

} // namespace synapscale
