"""Multicore scaling workloads.

Usage: python workloads.py WORKLOAD THREADS [--quick]

Each workload does the same total amount of work however many threads share it, so the
speed-up over one thread is time(1) / time(N) and the parallel efficiency is
speed-up / N.  The process runs the workload twice with the same threads and times the second
run (the first is a warm-up).  The process prints one JSON line:
    {"workload": ..., "threads": N, "seconds": ..., "ok": true}
and exits non-zero if the work's result is wrong (each workload checks its own result).
"""

import json
import os
import queue
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

SCALE = 1.0     # the --quick flag divides the work by 20


def units(n):
    return max(1, int(n * SCALE))


def run_threads(count, target, share):
    """Run target(share) in `count` threads; return their results in thread order."""
    results = [None] * count
    barrier = threading.Barrier(count + 1)

    def body(index):
        barrier.wait()
        results[index] = target(share)

    threads = [threading.Thread(target=body, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    barrier.wait()
    for thread in threads:
        thread.join()
    return results


def split(total, count):
    return max(1, total // count)


# -- CPU-bound workloads (each returns (work_function, total_units, checker)) -------------
def countdown(n):
    while n > 0:
        n -= 1
    return n


def shared_function_target(n):
    total = 0
    for i in range(n):
        total += _shared_helper(i)
    return total


def _shared_helper(x):
    return x & 7


class Counter:
    def __init__(self):
        self.total = 0

    def bump(self, value):
        self.total += value
        return self.total


SHARED_INSTANCE_CLASS = Counter


def shared_method_target(n):
    counter = SHARED_INSTANCE_CLASS()      # one class shared by all threads
    for i in range(n):
        counter.bump(1)
    return counter.total


@dataclass
class Record:
    key: int
    value: float


def object_creation_target(n):
    made = 0
    for i in range(n):
        record = Record(i, 1.5)
        pair = (i, record)
        mapping = {"k": pair}
        closure = (lambda: mapping)
        made += len(closure()) + (record.key == i)
    return made


GLOBAL_A = 3
GLOBAL_B = 4
READ_MOSTLY = {"key%d" % i: i for i in range(64)}


def globals_dict_target(n):
    total = 0
    keys = list(READ_MOSTLY)
    for i in range(n):
        total += GLOBAL_A + GLOBAL_B + READ_MOSTLY.get(keys[i & 63], 0)
    return total


LOCAL = threading.local()


def thread_local_target(n):
    LOCAL.value = 2
    total = 0
    for _ in range(n):
        total += LOCAL.value
    return total


def private_lock_target(n):
    lock = threading.Lock()
    count = 0
    for _ in range(n):
        with lock:
            count += 1
    return count


SHARED_LOCK = threading.Lock()
SHARED_COUNT = [0]


def contended_lock_target(n):
    for _ in range(n):
        with SHARED_LOCK:
            SHARED_COUNT[0] += 1
    return n


def generator_target(n):
    def numbers(limit):
        for i in range(limit):
            yield i & 3
    return sum(numbers(n))


def io_target(n):
    """Block in pipe reads: a helper thread per worker writes after short sleeps."""
    read_end, write_end = os.pipe()
    got = 0

    def writer():
        for _ in range(n):
            time.sleep(0.002)
            os.write(write_end, b"x")

    helper = threading.Thread(target=writer)
    helper.start()
    while got < n:
        got += len(os.read(read_end, 1))
    helper.join()
    os.close(read_end)
    os.close(write_end)
    return got


# Total units are chosen so that one thread runs for 0.1-0.3 s on the free-threaded build: with
# shorter runs (20-40 ms at two threads) scheduling noise of a 2-core machine dominated the
# two-thread times (up to 1.5x from one process to the next).
CPU_WORKLOADS = {
    # name: (function of per-thread units, total units, per-thread expected result)
    "countdown": (countdown, 4_000_000, lambda share: 0),
    "shared_function": (shared_function_target, 3_000_000,
                        lambda share: sum(i & 7 for i in range(share))),
    "shared_method": (shared_method_target, 2_000_000, lambda share: share),
    "object_creation": (object_creation_target, 600_000, lambda share: 2 * share),
    "globals_dict": (globals_dict_target, 1_000_000,
                     lambda share: 7 * share + sum(i & 63 for i in range(share))),
    "thread_local": (thread_local_target, 2_000_000, lambda share: 2 * share),
    "private_lock": (private_lock_target, 2_000_000, lambda share: share),
    "contended_lock": (contended_lock_target, 500_000, lambda share: share),
    "generators": (generator_target, 4_000_000,
                   lambda share: sum(i & 3 for i in range(share))),
    "io_pipe": (io_target, 200, lambda share: share),
}
OTHER_WORKLOADS = ("queue", "pool_map")
ALL_WORKLOADS = tuple(CPU_WORKLOADS) + OTHER_WORKLOADS


def run_cpu(name, threads):
    function, total, expected = CPU_WORKLOADS[name]
    share = split(units(total), threads)
    SHARED_COUNT[0] = 0
    t0 = time.perf_counter()
    results = run_threads(threads, function, share)
    elapsed = time.perf_counter() - t0
    ok = all(result == expected(share) for result in results)
    if name == "contended_lock":
        ok = ok and SHARED_COUNT[0] == share * threads
    return elapsed, ok


def run_queue(threads):
    """Producers put numbered items on one queue.Queue, consumers sum them."""
    total = units(200_000)
    producers = max(1, threads // 2)
    consumers = max(1, threads - producers)
    per_producer = total // producers
    q = queue.Queue(maxsize=1000)
    sums = [0] * consumers
    done = object()

    def produce(_):
        for i in range(per_producer):
            q.put(i)

    def consume(index):
        subtotal = 0
        while True:
            item = q.get()
            if item is done:
                break
            subtotal += item
        sums[index] = subtotal

    t0 = time.perf_counter()
    workers = [threading.Thread(target=consume, args=(i,)) for i in range(consumers)]
    workers += [threading.Thread(target=produce, args=(i,)) for i in range(producers)]
    for worker in workers:
        worker.start()
    for worker in workers[consumers:]:
        worker.join()
    for _ in range(consumers):
        q.put(done)
    for worker in workers[:consumers]:
        worker.join()
    elapsed = time.perf_counter() - t0
    expected = producers * (per_producer * (per_producer - 1) // 2)
    return elapsed, sum(sums) == expected


def _pool_task(n):
    total = 0
    for i in range(n):
        total += i % 3
    return total


def run_pool(threads):
    tasks = 200
    per_task = units(5_000_000) // tasks
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        results = list(pool.map(_pool_task, [per_task] * tasks))
    elapsed = time.perf_counter() - t0
    return elapsed, results == [_pool_task(per_task)] * tasks


def main(argv):
    global SCALE
    if "--quick" in argv:
        SCALE = 0.05
        argv = [a for a in argv if a != "--quick"]
    if len(argv) != 2 or argv[0] not in ALL_WORKLOADS:
        print("usage: workloads.py {%s} THREADS [--quick]" % ",".join(ALL_WORKLOADS),
              file=sys.stderr)
        return 2
    name, threads = argv[0], int(argv[1])
    if name == "queue":
        run = run_queue
    elif name == "pool_map":
        run = run_pool
    else:
        def run(threads):
            return run_cpu(name, threads)
    # A warm-up run with the same threads, untimed: the timed run then measures steady-state
    # throughput, without the one-time costs of a fresh process (first-touch memory of new
    # threads' heaps, the free-threaded build's one-time switch out of single-thread mode).
    _, warm_ok = run(threads)
    elapsed, ok = run(threads)
    ok = ok and warm_ok
    print(json.dumps({"workload": name, "threads": threads, "seconds": elapsed, "ok": ok}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
