"""Tests of the timeit module; expected values are CPython 3.13's.

Nothing here depends on real time: the measurements use ScriptedTimer,
whose readings are chosen by the test.
"""

import gc
import io
import os
import re
import subprocess
import sys
import time
import timeit
import unittest
import warnings


class ScriptedTimer:
    """A timer whose measurements (pairs of calls) last the given durations.

    Timer.timeit() reads the timer once before and once after the loop, so
    measurement k takes durations[k] seconds (the last one repeats).
    """

    def __init__(self, *durations):
        self.durations = list(durations) or [1.0]
        self.calls = 0

    def __call__(self):
        # The start of a measurement reads 0.0 so that differences are exact.
        now = 0.0
        if self.calls % 2 == 1:
            now = self.durations[min(self.calls // 2, len(self.durations) - 1)]
        self.calls += 1
        return now


class Counter:
    def __init__(self):
        self.count = 0

    def __call__(self):
        self.count += 1


def run_main(args, timer=None):
    """Run timeit.main(args); return (result, stdout, stderr, warnings)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr, list(sys.path)
    sys.stdout, sys.stderr = out, err
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            wrap = None if timer is None else (lambda default: timer)
            result = timeit.main(args, _wrap_timer=wrap)
    finally:
        sys.stdout, sys.stderr = saved[0], saved[1]
        sys.path[:] = saved[2]
    return result, out.getvalue(), err.getvalue(), [str(w.message) for w in caught]


class TimerTests(unittest.TestCase):
    def test_module_constants(self):
        self.assertIs(timeit.default_timer, time.perf_counter)
        self.assertEqual(timeit.default_number, 1000000)
        self.assertEqual(timeit.default_repeat, 5)
        self.assertEqual(timeit.dummy_src_name, "<timeit-src>")
        self.assertEqual(sorted(timeit.__all__),
                         ["Timer", "default_timer", "repeat", "timeit"])

    def test_string_statements_run_number_times(self):
        ns = {"log": []}
        t = timeit.Timer("log.append('s')", "log.append('setup')",
                         timer=ScriptedTimer(0.5), globals=ns)
        self.assertEqual(t.timeit(3), 0.5)
        self.assertEqual(ns["log"], ["setup", "s", "s", "s"])
        self.assertEqual(t.timeit(0), 0.5)
        self.assertEqual(ns["log"], ["setup", "s", "s", "s", "setup"])

    def test_multiline_statements(self):
        ns = {"total": 0}
        t = timeit.Timer("for i in range(3):\n    total += i\nx = y",
                         "global total\ny = 7\nif y:\n    total += 100",
                         timer=ScriptedTimer(), globals=ns)
        t.timeit(2)
        self.assertEqual(ns["total"], 106)

    def test_setup_names_visible_in_stmt(self):
        ns = {}
        t = timeit.Timer("seen.append(a + b)", "a = 1; b = 2; seen = out",
                         timer=ScriptedTimer(), globals={"out": ns.setdefault("o", [])})
        t.timeit(2)
        self.assertEqual(ns["o"], [3, 3])

    def test_callables(self):
        stmt, setup = Counter(), Counter()
        t = timeit.Timer(stmt, setup, timer=ScriptedTimer(2.0))
        self.assertEqual(t.timeit(5), 2.0)
        self.assertEqual((stmt.count, setup.count), (5, 1))
        ns = {"log": []}
        t = timeit.Timer(stmt, "log.append(1)", timer=ScriptedTimer(), globals=ns)
        t.timeit(2)
        self.assertEqual((stmt.count, ns["log"]), (7, [1]))

    def test_invalid_arguments(self):
        with self.assertRaises(ValueError) as cm:
            timeit.Timer(stmt=None)
        self.assertEqual(str(cm.exception), "stmt is neither a string nor callable")
        with self.assertRaises(ValueError) as cm:
            timeit.Timer(setup=42)
        self.assertEqual(str(cm.exception), "setup is neither a string nor callable")

    def test_syntax_errors(self):
        for stmt, setup in [("1 +", "pass"), ("pass", "1 +"), ("return", "pass"),
                            ("pass", "return"), ("yield 1", "pass"), ("break", "pass"),
                            ("pass", "while False:\n    pass\n  pass")]:
            with self.subTest(stmt=stmt, setup=setup):
                self.assertRaises(SyntaxError, timeit.Timer, stmt, setup)

    def test_default_globals_are_the_module(self):
        t = timeit.Timer("name_not_in_timeit_xyz", timer=ScriptedTimer())
        self.assertRaises(NameError, t.timeit, 1)
        t = timeit.Timer("default_repeat + 1", timer=ScriptedTimer())
        t.timeit(1)

    def test_globals_argument(self):
        t = timeit.Timer("x.count += 1", timer=ScriptedTimer(), globals={"x": Counter()})
        t.timeit(4)
        ns = {"c": Counter()}
        timeit.timeit("c()", globals=ns, timer=ScriptedTimer(), number=3)
        self.assertEqual(ns["c"].count, 3)

    def test_gc_disabled_while_timing(self):
        ns = {"gc": gc, "states": []}
        was_enabled = gc.isenabled()
        try:
            gc.enable()
            timeit.timeit("states.append(gc.isenabled())", globals=ns, number=2,
                          timer=ScriptedTimer())
            self.assertTrue(gc.isenabled())
            gc.disable()
            timeit.timeit("pass", number=1, timer=ScriptedTimer())
            self.assertFalse(gc.isenabled())
            gc.enable()
            self.assertRaises(ZeroDivisionError, timeit.timeit, "1/0", number=1)
            self.assertTrue(gc.isenabled())
        finally:
            if was_enabled:
                gc.enable()
            else:
                gc.disable()
        self.assertEqual(ns["states"], [False, False])

    def test_repeat(self):
        t = timeit.Timer(timer=ScriptedTimer(1.0, 2.0, 3.0))
        self.assertEqual(t.repeat(3, 10), [1.0, 2.0, 3.0])
        self.assertEqual(t.repeat(0, 10), [])
        c = Counter()
        result = timeit.repeat(c, repeat=4, number=2, timer=ScriptedTimer(0.25))
        self.assertEqual(result, [0.25] * 4)
        self.assertEqual(c.count, 8)

    def test_module_functions_defaults(self):
        c = Counter()
        self.assertEqual(timeit.timeit(c, timer=ScriptedTimer(0.5)), 0.5)
        self.assertEqual(c.count, timeit.default_number)

    def test_autorange(self):
        calls = []
        t = timeit.Timer(timer=ScriptedTimer(0.001, 0.01, 0.1, 0.15, 0.199, 0.2, 5.0))
        result = t.autorange(lambda n, dt: calls.append((n, dt)))
        self.assertEqual(result, (50, 0.2))
        self.assertEqual(calls, [(1, 0.001), (2, 0.01), (5, 0.1), (10, 0.15),
                                 (20, 0.199), (50, 0.2)])

    def test_autorange_sequence(self):
        calls = []
        t = timeit.Timer(timer=ScriptedTimer(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.25))
        self.assertEqual(t.autorange(lambda n, dt: calls.append(n)), (500, 0.25))
        self.assertEqual(calls, [1, 2, 5, 10, 20, 50, 100, 200, 500])
        t = timeit.Timer(timer=ScriptedTimer(0.3))
        self.assertEqual(t.autorange(), (1, 0.3))

    def test_print_exc_shows_source_line(self):
        t = timeit.Timer("x = 1\n1/0", timer=ScriptedTimer())
        out = io.StringIO()
        try:
            t.timeit(1)
        except ZeroDivisionError:
            t.print_exc(out)
        text = out.getvalue()
        self.assertIn('File "<timeit-src>", line 7, in inner', text)
        self.assertIn("    1/0\n", text)
        self.assertTrue(text.endswith("ZeroDivisionError: division by zero\n"))


class MainTests(unittest.TestCase):
    def test_fixed_number(self):
        timer = ScriptedTimer(0.5, 0.25, 0.75)
        result, out, err, caught = run_main(["-n", "100", "-r", "3", "x = 1"], timer)
        self.assertIsNone(result)
        self.assertEqual(out, "100 loops, best of 3: 2.5 msec per loop\n")
        self.assertEqual((err, caught), ("", []))

    def test_autorange_number(self):
        timer = ScriptedTimer(0.01, 0.05, 0.1, 0.3, 0.2)
        result, out, err, caught = run_main([], timer)
        self.assertEqual(out, "10 loops, best of 5: 20 msec per loop\n")
        self.assertEqual(timer.calls, 2 * (4 + 5))

    def test_one_loop_and_units(self):
        cases = [("sec", "1 loop, best of 1: 2 sec per loop\n"),
                 ("msec", "1 loop, best of 1: 2e+03 msec per loop\n"),
                 ("usec", "1 loop, best of 1: 2e+06 usec per loop\n"),
                 ("nsec", "1 loop, best of 1: 2e+09 nsec per loop\n")]
        for unit, expected in cases:
            with self.subTest(unit=unit):
                result, out, err, caught = run_main(["-n1", "-r1", "-u", unit],
                                                    ScriptedTimer(2.0))
                self.assertEqual(out, expected)

    def test_automatic_units(self):
        for seconds, text in [(3.0, "3 sec"), (0.0123456, "12.3 msec"),
                              (4.5e-6, "4.5 usec"), (7e-9, "7 nsec"),
                              (2.5e-11, "0.025 nsec"), (0.0, "0 nsec")]:
            with self.subTest(seconds=seconds):
                result, out, err, caught = run_main(["--number=1", "--repeat=1"],
                                                    ScriptedTimer(seconds))
                self.assertEqual(out, "1 loop, best of 1: %s per loop\n" % text)

    def test_verbose(self):
        timer = ScriptedTimer(0.01, 0.1, 0.5, 0.5, 0.5, 0.25, 0.5, 0.5)
        result, out, err, caught = run_main(["-v", "-r", "5"], timer)
        self.assertEqual(out, "1 loop -> 0.01 secs\n"
                              "2 loops -> 0.1 secs\n"
                              "5 loops -> 0.5 secs\n"
                              "\n"
                              "raw times: 500 msec, 500 msec, 250 msec, 500 msec, 500 msec\n"
                              "\n"
                              "5 loops, best of 5: 50 msec per loop\n")

    def test_verbose_twice_adds_precision(self):
        timer = ScriptedTimer(0.123456)
        result, out, err, caught = run_main(["-vv", "-n", "1", "-r", "2"], timer)
        self.assertEqual(out, "raw times: 123.5 msec, 123.5 msec\n\n"
                              "1 loop, best of 2: 123.5 msec per loop\n")

    def test_unreliable_warning(self):
        timer = ScriptedTimer(0.001, 0.004, 0.0039)
        result, out, err, caught = run_main(["-n", "10", "-r", "3"], timer)
        self.assertEqual(out, "10 loops, best of 3: 100 usec per loop\n")
        self.assertEqual(caught, ["The test results are likely unreliable. The worst "
                                  "time (400 usec) was more than four times slower "
                                  "than the best time (100 usec)."])
        result, out, err, caught = run_main(["-n", "10", "-r", "2"], ScriptedTimer(0.001, 0.0039))
        self.assertEqual(caught, [])

    def test_setup_options_are_joined(self):
        ns_check = ScriptedTimer(1.0)
        result, out, err, caught = run_main(
            ["-s", "import sys", "--setup", "x = sys.maxsize", "-n", "1", "-r", "1",
             "assert x == sys.maxsize", "y = x"], ns_check)
        self.assertIsNone(result)
        self.assertEqual(err, "")

    def test_repeat_at_least_one(self):
        result, out, err, caught = run_main(["-n", "2", "-r", "0"], ScriptedTimer(1.0))
        self.assertEqual(out, "2 loops, best of 1: 500 msec per loop\n")

    def test_process_time_option(self):
        seen = []

        def wrap(timer):
            seen.append(timer)
            return ScriptedTimer(1.0)
        out = io.StringIO()
        saved = sys.stdout, list(sys.path)
        sys.stdout = out
        try:
            timeit.main(["-p", "-n", "1", "-r", "1"], _wrap_timer=wrap)
            timeit.main(["-n", "1", "-r", "1"], _wrap_timer=wrap)
        finally:
            sys.stdout = saved[0]
            sys.path[:] = saved[1]
        self.assertEqual(seen, [time.process_time, time.perf_counter])

    def test_exception_in_statement(self):
        result, out, err, caught = run_main(["-n", "1", "1/0"], ScriptedTimer())
        self.assertEqual(result, 1)
        self.assertEqual(out, "")
        self.assertIn("ZeroDivisionError: division by zero", err)
        self.assertIn("    1/0\n", err)
        result, out, err, caught = run_main(["-s", "import nonexistent_module_xyz"],
                                            ScriptedTimer())
        self.assertEqual(result, 1)
        self.assertIn("ModuleNotFoundError", err)

    def test_usage_errors(self):
        result, out, err, caught = run_main(["-x"])
        self.assertEqual(result, 2)
        self.assertEqual(out, "option -x not recognized\n"
                              "use -h/--help for command line help\n")
        result, out, err, caught = run_main(["-u", "years"])
        self.assertEqual(result, 2)
        self.assertEqual(err, "Unrecognized unit. Please select nsec, usec, msec, or sec.\n")

    def test_help(self):
        result, out, err, caught = run_main(["-h"])
        self.assertEqual(result, 0)
        self.assertEqual(out, timeit.__doc__ + " ")
        self.assertIn("-n", out)

    def test_current_directory_on_path(self):
        seen = []

        def wrap(timer):
            seen.append(sys.path[0])
            return ScriptedTimer()
        saved = sys.stdout, list(sys.path)
        sys.stdout = io.StringIO()
        try:
            timeit.main(["-n1", "-r1"], _wrap_timer=wrap)
        finally:
            sys.stdout = saved[0]
            sys.path[:] = saved[1]
        self.assertEqual(seen, [os.curdir])

    def test_run_as_script(self):
        done = subprocess.run([sys.executable, "-m", "timeit", "-n", "3", "-r", "2",
                               "-s", "x = [1, 2]", "len(x)"],
                              capture_output=True, text=True)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertRegex(done.stdout,
                         r"^3 loops, best of 2: [0-9.e+-]+ (nsec|usec|msec|sec) per loop\n$")
        done = subprocess.run([sys.executable, "-m", "timeit", "-n", "1", "1/0"],
                              capture_output=True, text=True)
        self.assertEqual(done.returncode, 1)
        self.assertIn("ZeroDivisionError", done.stderr)


if __name__ == "__main__":
    unittest.main()
