"""Thread-stress tests of the built-in objects and the runtime (issue 5).

The same tests run in both builds.  In the GIL build they check that thread switches in the
middle of operations never break an object; in the free-threaded build threads really run at
once, so they also exercise the per-object critical sections, the lock-free reads, biased
reference counting, QSBR and the stop-the-world collector.  Assertions are about invariants
that hold after the threads are joined (sizes, sums, no lost or duplicated items for the
operations CPython documents as atomic) and about the absence of crashes and unexpected
exceptions; never about timing.

The test modules are the test_*.py files of this package; load_tests collects them, so that
`python -m test test_free_threading` runs them all.
"""

import os
import shutil
import sys
import tempfile
import threading
import unittest

# Threads per stress test: more than the cores of the CI machine, so that threads are also
# preempted in the middle of operations.
NTHREADS = 8

# Switch interval while the stress threads run: in the GIL build (and the free-threaded build
# with PYTHON_GIL=1) a short interval makes threads switch in the middle of the operations
# under test instead of each running its whole loop in one time slice.
SWITCH_INTERVAL = 1e-5

# True in the free-threaded build (configure --disable-gil): sys.abiflags carries a 't'.
FREE_THREADED = 't' in getattr(sys, 'abiflags', '')


def run_concurrently(worker, nthreads=NTHREADS, args=()):
    """Call worker(index, *args) in nthreads threads released together by a barrier.

    Return the list of the workers' results, in index order.  An exception raised by a worker
    is re-raised here (the first one, after every thread was joined), so that a failing
    assertion inside a thread fails the test."""
    barrier = threading.Barrier(nthreads)
    results = [None] * nthreads
    errors = []

    def run(index):
        try:
            barrier.wait()
            results[index] = worker(index, *args)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(nthreads)]
    old_interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(old_interval)
    if errors:
        raise errors[0]
    return results


def run_with_background(worker, background, nthreads=NTHREADS):
    """Run worker(index) in nthreads threads while background(stop) runs in one more thread
    until every worker has returned (stop is a threading.Event it must poll).

    Return the workers' results; re-raise the first exception of any thread."""
    stop = threading.Event()
    errors = []

    def run_background():
        try:
            background(stop)
        except BaseException as exc:
            errors.append(exc)

    helper = threading.Thread(target=run_background)
    helper.start()
    try:
        results = run_concurrently(worker, nthreads)
    finally:
        stop.set()
        helper.join()
    if errors:
        raise errors[0]
    return results


def mutate_while_reading(testcase, mutate, read, rounds=20000, nreaders=3):
    """This thread calls mutate(r) for r in range(rounds) while nreaders threads call read()
    until it is done; read() returns False when it saw something no mutation stored.  Under
    AddressSanitizer, a value freed while a reader still used it is reported."""
    done = []
    failures = []

    def reader():
        while not done:
            if not read():
                failures.append(True)

    threads = [threading.Thread(target=reader) for _ in range(nreaders)]
    for thread in threads:
        thread.start()
    try:
        for r in range(rounds):
            mutate(r)
    finally:
        done.append(True)
        for thread in threads:
            thread.join()
    testcase.assertEqual(failures, [])


def load_tests(loader, tests, pattern):
    """Collect the tests of every test_*.py module of this package."""
    here = os.path.dirname(os.path.abspath(__file__))
    suite = unittest.TestSuite()
    for entry in sorted(os.listdir(here)):
        if entry.startswith('test_') and entry.endswith('.py'):
            name = '%s.%s' % (__name__, entry[:-3])
            module = __import__(name, fromlist=['*'])
            suite.addTests(loader.loadTestsFromModule(module))
    return suite


class TemporaryModules:
    """Mixin: self.write_module(name, source) writes a module into a temporary directory at
    the front of sys.path; names start with 'braid_ft_', and tearDown forgets the modules
    imported under such names."""

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        sys.path.insert(0, self.dir)

    def tearDown(self):
        sys.path.remove(self.dir)
        for name in list(sys.modules):
            if name.startswith('braid_ft_'):
                del sys.modules[name]
        shutil.rmtree(self.dir)

    def write_module(self, name, source):
        with open(os.path.join(self.dir, name + '.py'), 'w') as f:
            f.write(source)
