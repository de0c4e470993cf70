"""Threads that start and exit continually, threading.local under threads, and the runtime
GIL switch: sys._is_gil_enabled(), sys.flags.gil, PYTHON_GIL and -X gil."""

import gc
import os
import subprocess
import sys
import threading
import unittest
import weakref

from test.test_free_threading import FREE_THREADED, NTHREADS, run_concurrently

N = 1000


class Token:
    pass


class ThreadChurnTests(unittest.TestCase):

    def test_thousands_of_short_threads(self):
        # Each thread's state, frames and (in the free-threaded build) its biased reference
        # counts and per-thread heap are handed over when it exits; thousands of exits must
        # leave every object it touched intact.
        shared = []
        survivors = {}
        total = 0
        for batch in range(300):
            threads = []
            for i in range(NTHREADS):
                key = (batch, i)

                def body(key=key):
                    obj = Token()
                    obj.key = key
                    survivors[key] = obj      # outlives its creating thread
                    shared.append(key)
                threads.append(threading.Thread(target=body))
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            total += NTHREADS
        self.assertEqual(len(shared), total)
        self.assertEqual(sorted(shared), sorted(survivors))
        for key, obj in survivors.items():
            self.assertEqual(obj.key, key)
        self.assertEqual(threading.active_count(), 1)

    def test_objects_created_by_exited_threads_are_freed(self):
        # Reference counts of objects owned by dead threads are still exact: dropping the last
        # reference from the main thread frees them (the weakrefs die).
        refs = []
        keep = []

        def body():
            for i in range(100):
                obj = Token()
                refs.append(weakref.ref(obj))
                keep.append(obj)

        for round in range(20):
            threads = [threading.Thread(target=body) for _ in range(NTHREADS)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        self.assertTrue(all(r() is not None for r in refs))
        keep.clear()
        gc.collect()
        self.assertTrue(all(r() is None for r in refs))

    def test_threads_start_threads(self):
        done = []
        lock = threading.Lock()

        def spawn(depth):
            if depth == 0:
                with lock:
                    done.append(1)
                return
            children = [threading.Thread(target=spawn, args=(depth - 1,)) for _ in range(2)]
            for c in children:
                c.start()
            for c in children:
                c.join()

        run_concurrently(lambda index: spawn(4))
        self.assertEqual(len(done), NTHREADS * 2 ** 4)

    def test_idents_and_names_are_distinct_while_alive(self):
        def worker(index):
            me = threading.current_thread()
            return (threading.get_ident(), me.ident, me.name)

        results = run_concurrently(worker)
        idents = [r[0] for r in results]
        self.assertEqual(len(set(idents)), NTHREADS)
        self.assertTrue(all(r[0] == r[1] for r in results))
        self.assertEqual(len(set(r[2] for r in results)), NTHREADS)


class ThreadLocalTests(unittest.TestCase):

    def test_values_are_per_thread(self):
        local = threading.local()
        local.value = 'main'

        def worker(index):
            self.assertFalse(hasattr(local, 'value'))
            for i in range(N):
                local.value = (index, i)
                self.assertEqual(local.value, (index, i))
            local.items = [index] * 3
            return local.items

        results = run_concurrently(worker)
        self.assertEqual(results, [[t] * 3 for t in range(NTHREADS)])
        self.assertEqual(local.value, 'main')
        self.assertFalse(hasattr(local, 'items'))

    def test_subclass_init_runs_in_each_thread(self):
        inits = []

        class Counter(threading.local):
            def __init__(self, start):
                inits.append(threading.get_ident())
                self.count = start

            def bump(self):
                self.count += 1
                return self.count

        counter = Counter(10)

        def worker(index):
            for i in range(N):
                counter.bump()
            return counter.count

        results = run_concurrently(worker)
        self.assertEqual(results, [10 + N] * NTHREADS)
        self.assertEqual(counter.count, 10)
        self.assertEqual(len(set(inits)), NTHREADS + 1)

    def test_thread_values_die_with_the_thread(self):
        local = threading.local()
        refs = []

        def worker(index):
            obj = Token()
            local.obj = obj
            refs.append(weakref.ref(obj))

        run_concurrently(worker)
        gc.collect()
        self.assertEqual(len(refs), NTHREADS)
        self.assertTrue(all(r() is None for r in refs))

    def test_many_locals_shared_by_threads(self):
        locals_ = [threading.local() for _ in range(20)]

        def worker(index):
            for i in range(N // 10):
                for j, loc in enumerate(locals_):
                    loc.x = index * 1000 + j
                for j, loc in enumerate(locals_):
                    self.assertEqual(loc.x, index * 1000 + j)
            return True

        self.assertEqual(run_concurrently(worker), [True] * NTHREADS)


def run_python(code, env=None, args=()):
    environ = dict(os.environ)
    environ.pop('PYTHON_GIL', None)
    if env:
        environ.update(env)
    proc = subprocess.run([sys.executable, *args, '-c', code], env=environ,
                          capture_output=True, text=True)
    return proc.returncode, proc.stdout.strip(), proc.stderr


class RuntimeGILTests(unittest.TestCase):

    def test_build_flags_agree(self):
        # sys.abiflags carries 't' exactly in the free-threaded build, whose sys.version says
        # so as well.
        self.assertEqual('free-threading build' in sys.version, FREE_THREADED)

    def test_is_gil_enabled(self):
        # The GIL build always has a GIL; the free-threaded build has one only when asked
        # (-X gil=1 wins over PYTHON_GIL=1).
        if FREE_THREADED:
            option = getattr(sys, '_xoptions', {}).get('gil')
            if option is None:
                option = os.environ.get('PYTHON_GIL')
            expected = option == '1'
        else:
            expected = True
        self.assertIs(sys._is_gil_enabled(), expected)

    def test_default_in_a_new_process(self):
        # A fresh interpreter without PYTHON_GIL / -X gil: no GIL exactly in the free-threaded
        # build.
        rc, out, err = run_python('import sys; print(sys._is_gil_enabled())')
        self.assertEqual((rc, out), (0, 'False' if FREE_THREADED else 'True'), err)

    def test_x_gil_1(self):
        rc, out, err = run_python('import sys; print(sys._is_gil_enabled())',
                                  args=('-X', 'gil=1'))
        self.assertEqual((rc, out), (0, 'True'), err)

    def test_python_gil_env_1(self):
        rc, out, err = run_python('import sys; print(sys._is_gil_enabled())',
                                  env={'PYTHON_GIL': '1'})
        self.assertEqual((rc, out), (0, 'True'), err)

    def test_x_gil_0(self):
        # The free-threaded build accepts -X gil=0 (which wins over PYTHON_GIL=1); the GIL
        # build refuses to start with it.
        code = 'import sys; print(sys._is_gil_enabled())'
        for env in ({}, {'PYTHON_GIL': '1'}):
            with self.subTest(env=env):
                rc, out, err = run_python(code, env=env, args=('-X', 'gil=0'))
                if FREE_THREADED:
                    self.assertEqual((rc, out), (0, 'False'), err)
                else:
                    self.assertNotEqual(rc, 0)
                    self.assertIn('Disabling the GIL is not supported by this build', err)

    def test_invalid_gil_value(self):
        rc, out, err = run_python('pass', args=('-X', 'gil=2'))
        self.assertNotEqual(rc, 0)
        self.assertIn('-X gil must be "0" or "1"', err)

    def test_flags_gil(self):
        # sys.flags.gil: None when not set in the free-threaded build; always 1 in the GIL
        # build (CPython 3.13.1 accepts -X gil=1 / PYTHON_GIL=1 there too).
        code = 'import sys; print(sys.flags.gil)'
        cases = [({'PYTHON_GIL': '1'}, (), '1'), ({}, ('-X', 'gil=1'), '1')]
        if FREE_THREADED:
            cases += [({}, (), 'None'), ({'PYTHON_GIL': '0'}, (), '0'),
                      ({'PYTHON_GIL': '1'}, ('-X', 'gil=0'), '0')]
        else:
            cases += [({}, (), '1')]
        for env, args, expected in cases:
            with self.subTest(env=env, args=args):
                rc, out, err = run_python(code, env=env, args=args)
                self.assertEqual((rc, out), (0, expected), err)

    def test_threads_share_objects_with_gil_forced_on(self):
        # The free-threaded build with PYTHON_GIL=1 still runs threads correctly.
        code = ('import threading\n'
                'shared = []\n'
                'def work():\n'
                '    for i in range(1000):\n'
                '        shared.append(i)\n'
                'ts = [threading.Thread(target=work) for _ in range(8)]\n'
                'for t in ts: t.start()\n'
                'for t in ts: t.join()\n'
                'print(len(shared), sum(shared))\n')
        rc, out, err = run_python(code, env={'PYTHON_GIL': '1'})
        self.assertEqual((rc, out), (0, '8000 %d' % (8 * 999 * 1000 // 2)), err)


class StandardStreamTests(unittest.TestCase):
    """Threads writing to (and reading from) the standard streams at once: every write
    arrives whole, none is lost (print() writes its pieces separately, in CPython too, so
    the test writes whole lines)."""

    def test_print_from_many_threads(self):
        code = (
            "import sys, threading\n"
            "def work(i):\n"
            "    for j in range(2000):\n"
            "        sys.stdout.write('line %d %d %s\\n' % (i, j, 'x' * (j % 50)))\n"
            "        if j % 97 == 0:\n"
            "            sys.stdout.flush()\n"
            "ts = [threading.Thread(target=work, args=(i,)) for i in range(8)]\n"
            "for t in ts: t.start()\n"
            "for t in ts: t.join()\n")
        rc, out, err = run_python(code)
        self.assertEqual(rc, 0, err)
        lines = out.splitlines()
        self.assertEqual(len(lines), 8 * 2000)
        seen = set()
        for line in lines:
            parts = line.split(' ')
            self.assertEqual(parts[0], 'line', line)
            i, j = int(parts[1]), int(parts[2])
            self.assertEqual(parts[3], 'x' * (j % 50), line)
            seen.add((i, j))
        self.assertEqual(len(seen), 8 * 2000)

    def test_readline_from_many_threads(self):
        code = (
            "import sys, threading\n"
            "got = []\n"
            "def work():\n"
            "    while True:\n"
            "        line = sys.stdin.readline()\n"
            "        if not line: break\n"
            "        got.append(line)\n"
            "ts = [threading.Thread(target=work) for i in range(4)]\n"
            "for t in ts: t.start()\n"
            "for t in ts: t.join()\n"
            "print(len(got), sorted(int(l) for l in got) == list(range(20000)))\n")
        environ = dict(os.environ)
        environ.pop('PYTHON_GIL', None)
        data = ''.join('%d\n' % n for n in range(20000))
        proc = subprocess.run([sys.executable, '-c', code], env=environ, input=data,
                              capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout.strip(), '20000 True')


class FirstUseImportTests(unittest.TestCase):
    """Threads that all make their first open() call at once: the first imports io, the
    others must wait for it instead of seeing a half-initialised module."""

    def test_concurrent_first_open(self):
        code = (
            "import threading\n"
            "errors = []\n"
            "def work():\n"
            "    try:\n"
            "        for i in range(10):\n"
            "            with open(__file__ if '__file__' in globals() else '/dev/null', 'rb') as f:\n"
            "                f.read(1)\n"
            "    except Exception as e:\n"
            "        errors.append(repr(e))\n"
            "ts = [threading.Thread(target=work) for n in range(4)]\n"
            "for t in ts: t.start()\n"
            "for t in ts: t.join()\n"
            "print(errors)\n")
        for attempt in range(6):
            rc, out, err = run_python(code)
            self.assertEqual((rc, out), (0, '[]'), err)


if __name__ == '__main__':
    unittest.main()
