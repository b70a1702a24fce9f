#pragma once

namespace synapscale {

// Marks the calling thread as a batch thread to the scheduler (Linux SCHED_BATCH; a no-op
// elsewhere): it keeps its fair share of the CPU, but waking it does not preempt the thread
// that woke it. The HTTP thread wakes a worker for each webhook and the workers wake the
// writer; on 2 cores, each of those preemptions put the HTTP thread's other answers behind.
void becomeBatchThread();

} // namespace synapscale
