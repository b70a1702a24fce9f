#include "threadpolicy.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sched.h>
#endif

namespace synapscale {

void becomeBatchThread()
{
#ifdef Q_OS_LINUX
    sched_param param{};
    sched_setscheduler(0, SCHED_BATCH, &param);
#endif
}

} // namespace synapscale
