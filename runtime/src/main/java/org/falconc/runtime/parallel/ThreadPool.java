package org.falconc.runtime.parallel;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed set of daemon worker threads running parallel loops with dynamic scheduling.
 *
 * <p>{@code threads} is the total parallelism: the calling thread always participates, so a pool
 * of n threads starts n-1 workers, and {@code threads == 1} runs every loop inline without any
 * synchronisation. Tasks are handed out one index at a time from an atomic counter to whichever
 * participant is free (never a static split with barriers: a static split stalls the whole loop
 * whenever one core is taken by the JIT, the GC or another process).
 *
 * <p>Any number of threads may call {@link #parallelFor} at once (several inferences sharing one
 * pool): each call is a separate job, workers help whichever job they pick up, and every caller
 * finishes its own job itself if no worker is free. Nested loops are therefore deadlock-free.
 */
public final class ThreadPool {

    /** System property overriding the default number of threads. */
    public static final String THREADS_PROPERTY = "falconc.threads";

    private static volatile ThreadPool defaultPool;

    private final int threads;
    private final LinkedBlockingQueue<Job> tickets = new LinkedBlockingQueue<>();

    private ThreadPool(int threads) {
        this.threads = threads;
        for (int i = 1; i < threads; i++) {
            Thread worker = new Thread(this::workLoop, "falconc-worker-" + i);
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** A new pool with {@code threads} total parallelism (caller included). */
    public static ThreadPool of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return new ThreadPool(threads);
    }

    /** Threads from system property {@value #THREADS_PROPERTY}, else the available processors. */
    public static int defaultThreads() {
        String value = System.getProperty(THREADS_PROPERTY);
        if (value != null && !value.isBlank()) {
            try {
                return Math.max(1, Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        THREADS_PROPERTY + " must be an integer, got '" + value + "'", e);
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** A process-wide pool of {@link #defaultThreads()} threads, created on first use. */
    public static ThreadPool shared() {
        ThreadPool pool = defaultPool;
        if (pool == null) {
            synchronized (ThreadPool.class) {
                pool = defaultPool;
                if (pool == null) {
                    pool = of(defaultThreads());
                    defaultPool = pool;
                }
            }
        }
        return pool;
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code body.accept(t)} for every t in [0, tasks), in parallel, and returns when all ran. */
    public void parallelFor(int tasks, IntConsumer body) {
        parallelFor(tasks, (task, lane) -> body.accept(task));
    }

    /**
     * Runs {@code body.run(t, lane)} for every t in [0, tasks) and returns when all ran. The first
     * exception thrown by a task is rethrown here (remaining tasks are skipped).
     */
    public void parallelFor(int tasks, LaneBody body) {
        if (tasks <= 0) {
            return;
        }
        if (threads == 1 || tasks == 1) {
            for (int t = 0; t < tasks; t++) {
                body.run(t, 0);
            }
            return;
        }
        Job job = new Job(tasks, body, Thread.currentThread());
        int helpers = Math.min(tasks, threads) - 1;
        for (int i = 0; i < helpers; i++) {
            tickets.add(job);
        }
        job.work(0);
        job.awaitDone();
        // Tickets that no worker took yet are harmless: a worker finds the job exhausted.
        Throwable failure = job.failure.get();
        if (failure != null) {
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            throw new RuntimeException(failure);
        }
    }

    /**
     * Splits [0, n) into contiguous ranges of at least {@code minChunk} elements (about four per
     * thread, so dynamic scheduling can balance) and runs {@code body.run(start, end)} on each.
     */
    public void parallelRange(int n, int minChunk, RangeBody body) {
        if (n <= 0) {
            return;
        }
        int chunk = Math.max(Math.max(1, minChunk), ceilDiv(n, threads * 4));
        int tasks = ceilDiv(n, chunk);
        parallelFor(tasks, (task, lane) -> {
            int start = task * chunk;
            body.run(start, Math.min(n, start + chunk), lane);
        });
    }

    /** Body of {@link #parallelRange}: elements [start, end), lane as in {@link LaneBody}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end, int lane);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /**
     * How long an idle worker polls for the next job before it parks. A model's layers come back to
     * back, each a parallel loop: a parked worker takes a futex wake-up (tens of microseconds, more when
     * the core went idle) to join the next one, often after the caller did most of it alone. Polling
     * this long covers the gap between layers and costs nothing measurable once inference ends.
     */
    static final long IDLE_SPIN_NANOS = 100_000;

    private void workLoop() {
        while (true) {
            Job job = tickets.poll();
            if (job == null) {
                long until = System.nanoTime() + IDLE_SPIN_NANOS;
                while ((job = tickets.poll()) == null && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            if (job == null) {
                try {
                    job = tickets.take();
                } catch (InterruptedException e) {
                    continue; // daemon threads live as long as the process
                }
            }
            int lane = job.joinLane();
            if (lane > 0) {
                job.work(lane);
            }
        }
    }

    /** One parallelFor call: a task counter shared by its caller and the workers that help. */
    private static final class Job {
        final int tasks;
        final LaneBody body;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger lanes = new AtomicInteger(1); // lane 0 is the caller
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(int tasks, LaneBody body, Thread caller) {
            this.tasks = tasks;
            this.body = body;
            this.caller = caller;
        }

        /** A lane for a helping worker, or 0 when every task is already taken. */
        int joinLane() {
            if (next.get() >= tasks) {
                return 0;
            }
            return lanes.getAndIncrement();
        }

        void work(int lane) {
            int finished = 0;
            int t;
            while ((t = next.getAndIncrement()) < tasks) {
                if (failure.get() == null) {
                    try {
                        body.run(t, lane);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
                finished++;
            }
            if (finished > 0 && done.addAndGet(finished) == tasks && lane != 0) {
                LockSupport.unpark(caller);
            }
        }

        void awaitDone() {
            // Spin (the last task of another lane is usually about to finish: a park and unpark would
            // cost tens of microseconds per layer), then park.
            long until = System.nanoTime() + IDLE_SPIN_NANOS;
            while (done.get() < tasks && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            while (done.get() < tasks) {
                LockSupport.park(this);
            }
        }
    }
}
