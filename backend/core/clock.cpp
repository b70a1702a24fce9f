#include "clock.h"

#include <QDateTime>
#include <QUuid>

namespace synapscale {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString toIso(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString nowIso()
{
    return toIso(QDateTime::currentMSecsSinceEpoch());
}

} // namespace synapscale
