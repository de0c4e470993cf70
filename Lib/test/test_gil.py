"""The GIL: switch interval, fairness between CPU-bound threads, and the GIL trace
(-X giltrace / PYTHONGILTRACE) with Tools/giltrace's analysis.  No timing assertions: the
tests check orderings and counts that any correct GIL produces."""

import importlib.util
import os
import subprocess
import sys
import tempfile
import threading
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.join(HERE, "..", "..", "Tools", "giltrace", "giltrace.py")
IS_BRAID = sys.implementation.name == "braid"

TWO_SPINNERS = """
import threading
def spin(n):
    while n:
        n -= 1
threads = [threading.Thread(target=spin, args=(2000000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
"""


def load_tool():
    spec = importlib.util.spec_from_file_location("giltrace_tool", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class SwitchIntervalTests(unittest.TestCase):
    def test_default_and_set(self):
        old = sys.getswitchinterval()
        try:
            self.assertEqual(old, 0.005)
            sys.setswitchinterval(0.001)
            self.assertEqual(sys.getswitchinterval(), 0.001)
            with self.assertRaises(ValueError):
                sys.setswitchinterval(0)
        finally:
            sys.setswitchinterval(old)

    def test_gil_enabled(self):
        if hasattr(sys, "_is_gil_enabled"):
            self.assertIsInstance(sys._is_gil_enabled(), bool)

    def test_cpu_bound_thread_cannot_starve_another(self):
        done = threading.Event()
        progress = []

        def worker():
            for i in range(1000):
                progress.append(i)
            done.set()

        t = threading.Thread(target=worker)
        t.start()
        spins = 0
        # The main thread keeps the CPU busy without blocking; the worker must still finish
        # because the GIL is handed over at the switch interval.
        while not done.is_set() and spins < 500_000_000:
            spins += 1
        t.join()
        self.assertEqual(len(progress), 1000)
        self.assertTrue(done.is_set())


class BlockingCallsReleaseTheGILTests(unittest.TestCase):
    """A thread blocked in I/O or sleep must not hold the GIL: the main thread keeps running
    Python code meanwhile (if it could not, these tests would deadlock or never finish)."""

    def test_pipe_read(self):
        r, w = os.pipe()
        got = []
        t = threading.Thread(target=lambda: got.append(os.read(r, 10)))
        t.start()
        total = sum(range(200000))          # runs while the reader is blocked
        os.write(w, b"ping")
        t.join()
        os.close(r)
        os.close(w)
        self.assertEqual(got, [b"ping"])
        self.assertEqual(total, 19999900000)

    def test_sleep_and_lock_wait(self):
        lock = threading.Lock()
        lock.acquire()
        events = []

        def sleeper():
            import time
            time.sleep(0.05)
            events.append("slept")

        def waiter():
            with lock:
                events.append("locked")

        threads = [threading.Thread(target=sleeper), threading.Thread(target=waiter)]
        for t in threads:
            t.start()
        events.append(sum(range(100000)))     # main thread runs meanwhile
        lock.release()
        for t in threads:
            t.join()
        self.assertEqual(sorted(map(str, events)), sorted(["slept", "locked", "4999950000"]))

    @unittest.skipUnless(hasattr(os, "kill"), "needs os.kill")
    def test_sigint_interrupts_lock_wait_and_join(self):
        code = (
            "import os, threading, time\n"
            "lock = threading.Lock(); lock.acquire()\n"
            "def later():\n"
            "    time.sleep(0.2)\n"
            "    os.kill(os.getpid(), 2)\n"
            "threading.Thread(target=later, daemon=True).start()\n"
            "try:\n"
            "    lock.acquire()\n"
            "except KeyboardInterrupt:\n"
            "    print('lock interrupted')\n"
            "ev = threading.Event()\n"
            "threading.Thread(target=later, daemon=True).start()\n"
            "t = threading.Thread(target=ev.wait, daemon=True); t.start()\n"
            "try:\n"
            "    t.join()\n"
            "except KeyboardInterrupt:\n"
            "    print('join interrupted')\n"
            "ev.set()\n")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             timeout=60)
        self.assertEqual(out.stdout.split("\n")[:2], ["lock interrupted", "join interrupted"])
        self.assertEqual(out.returncode, 0)

    @unittest.skipUnless(hasattr(os, "kill"), "needs os.kill")
    def test_sigint_caught_in_empty_loop(self):
        # The interrupt is checked at the loop's backward jump, which is inside the try.
        code = ("import os, threading, time\n"
                "def later():\n"
                "    time.sleep(0.2)\n"
                "    os.kill(os.getpid(), 2)\n"
                "threading.Thread(target=later, daemon=True).start()\n"
                "try:\n"
                "    while True: pass\n"
                "except KeyboardInterrupt:\n"
                "    print('caught')\n")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             timeout=60)
        self.assertEqual((out.stdout, out.returncode), ("caught\n", 0))


@unittest.skipUnless(IS_BRAID, "the GIL trace is Braid's (-X giltrace)")
@unittest.skipUnless(os.path.exists(TOOL), "Tools/giltrace is not next to Lib/")
class GILTraceTests(unittest.TestCase):
    def run_traced(self, code, use_env=False):
        fd, path = tempfile.mkstemp(suffix=".giltrace")
        os.close(fd)
        self.addCleanup(os.unlink, path)
        env = dict(os.environ)
        env.pop("PYTHONGILTRACE", None)
        # The free-threaded build runs without a GIL unless asked: trace its runtime GIL.
        env["PYTHON_GIL"] = "1"
        if use_env:
            env["PYTHONGILTRACE"] = path
            args = [sys.executable, "-c", code]
        else:
            args = [sys.executable, "-X", "giltrace=" + path, "-c", code]
        subprocess.run(args, check=True, env=env)
        return path

    def test_two_cpu_bound_threads(self):
        tool = load_tool()
        events = tool.parse(self.run_traced(TWO_SPINNERS))
        threads, switches, overlaps = tool.analyse(events)
        self.assertEqual(overlaps, 0)                    # never two holders
        busy = [st for st in threads.values() if len(st.holds) >= 2]
        self.assertGreaterEqual(len(busy), 2)            # both workers held it repeatedly
        self.assertGreaterEqual(switches, 2)
        self.assertTrue(any(st.drop_requests for st in threads.values()))
        kinds = {kind for _, _, kind in events}
        self.assertEqual(kinds, {"request", "acquire", "release", "drop_request"})
        times = [t for t, _, _ in events]
        self.assertEqual(times, sorted(times))
        text = tool.summary_text(events)
        self.assertIn("switches:", text)
        svg = tool.timeline_svg(events)
        self.assertTrue(svg.startswith("<svg") and svg.rstrip().endswith("</svg>"))
        holds = sum(len(st.holds) for st in threads.values())
        self.assertEqual(svg.count("<rect") - 1, holds)  # one bar per hold (+ background)

    def test_environment_variable(self):
        tool = load_tool()
        events = tool.parse(self.run_traced("pass", use_env=True))
        self.assertTrue(events)
        self.assertEqual(events[0][2], "request")

    def test_off_by_default(self):
        fd, path = tempfile.mkstemp(suffix=".giltrace")
        os.close(fd)
        os.unlink(path)
        env = dict(os.environ)
        env.pop("PYTHONGILTRACE", None)
        subprocess.run([sys.executable, "-c", TWO_SPINNERS], check=True, env=env)
        self.assertFalse(os.path.exists(path))

    def test_forked_child_does_not_overwrite(self):
        tool = load_tool()
        code = ("import os, sys\npid = os.fork()\nif pid == 0:\n    sys.exit(0)\n"
                "os.waitpid(pid, 0)\n" + TWO_SPINNERS)
        events = tool.parse(self.run_traced(code))
        threads, _, overlaps = tool.analyse(events)
        self.assertEqual(overlaps, 0)
        self.assertGreaterEqual(len(threads), 3)


if __name__ == "__main__":
    unittest.main()
