#pragma once

#include <QObject>

class QSocketNotifier;

namespace synapscale {

// Turns SIGTERM/SIGINT into a Qt signal on the thread that created the watcher, using the
// self-pipe pattern (the only safe thing a signal handler may do is write a byte).
class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace synapscale
