"""Tests for the benchmark tooling in Tools/bench: the pyperf-compatible runner
(Tools/bench/pyperf), the JSON documents it writes (pyperf's format, version 1.0) and the
suite driver Tools/bench/run.py with its report and SVG charts.

Benchmark programs are written here in pyperformance's style and run in child processes
with sys.executable, as the suite runs them.  Everything runs in --quick mode or with fixed
loop counts, so that the whole module takes a few seconds."""

import json
import os
import re
import shutil
import sys
import tempfile
import unittest

try:
    import subprocess
except ImportError:
    subprocess = None

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "Tools", "bench")
HAVE_BENCH = os.path.isfile(os.path.join(BENCH, "pyperf", "__init__.py"))
HOST_PYTHON = "/usr/bin/python3"

requires_bench = unittest.skipUnless(HAVE_BENCH, "Tools/bench is not in this tree (%s)" % BENCH)
requires_subprocess = unittest.skipIf(subprocess is None, "needs the subprocess module")

# A benchmark program in pyperformance's usual layout: docstring, import pyperf, the
# workload, a time function that checks its own result, add_cmdline_args, and the main
# block with Runner(add_cmdline_args=...), metadata, argparser, parse_args and the bench_*
# calls.  --fail makes the self-check fail.
BENCHMARK_PROGRAM = '''\
"""Sums of squares: a tiny benchmark in pyperformance's layout (written for test_bench)."""

import pyperf


def sum_squares(n):
    return sum(i * i for i in range(n))


def expected_sum(n, fail):
    return (n - 1) * n * (2 * n - 1) // 6 + (1 if fail else 0)


def bench_sum_squares(loops, n, fail):
    range_it = range(loops)
    t0 = pyperf.perf_counter()
    for _ in range_it:
        first = sum_squares(n)
        second = sum_squares(n)
    elapsed = pyperf.perf_counter() - t0
    if first != expected_sum(n, fail) or second != first:
        raise AssertionError("sum_squares(%d) gave %r" % (n, first))
    return elapsed


def checked_sum(n, fail):
    result = sum_squares(n)
    if result != expected_sum(n, fail):
        raise AssertionError("sum_squares(%d) gave %r" % (n, result))


def add_cmdline_args(cmd, args):
    cmd.extend(("--size", str(args.size)))
    if args.fail:
        cmd.append("--fail")


if __name__ == "__main__":
    runner = pyperf.Runner(add_cmdline_args=add_cmdline_args)
    runner.metadata["description"] = "Sums of squares of a range"
    runner.argparser.add_argument("--size", type=int, default=50,
                                  help="length of the range")
    runner.argparser.add_argument("--fail", action="store_true",
                                  help="make the result check fail")
    args = runner.parse_args()
    runner.metadata["bench_size"] = str(args.size)
    runner.bench_time_func("sum_squares", bench_sum_squares, args.size, args.fail,
                           inner_loops=2)
    runner.bench_func("sum_squares_func", checked_sum, args.size, args.fail)
    runner.timeit("sorted_copy", stmt="sorted(data)", setup="data = list(source)",
                  duplicate=2, globals={"source": range(40, 0, -1)})
'''

OTHER_PROGRAM = '''\
"""A second benchmark file, for --append."""

import pyperf


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        total = sum(range(100))
    elapsed = pyperf.perf_counter() - t0
    if total != 4950:
        raise AssertionError(total)
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner(metadata={"origin": "OTHER_PROGRAM"})
    runner.metadata["description"] = "sum(range(100))"
    runner.bench_time_func("other_sum", bench)
'''

DUPLICATE_PROGRAM = '''\
import pyperf

if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.bench_func("same", len, "abc")
    runner.bench_func("same", len, "abcd")
'''

COMMAND_PROGRAM = '''\
import sys

import pyperf

if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.argparser.add_argument("--exit-status", default="0")
    args = runner.parse_args()
    runner.bench_command("python_exit", [sys.executable, "-c",
                                         "raise SystemExit(%s)" % args.exit_status])
'''

SLOW_PROGRAM = '''\
import time

import pyperf


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        time.sleep(60)
    return pyperf.perf_counter() - t0


if __name__ == "__main__":
    pyperf.Runner().bench_time_func("slow", bench)
'''

NAMES = ["sum_squares", "sum_squares_func", "sorted_copy"]
DATE_RE = re.compile(r"^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?$")
# pyperf's typing of metadata values (from its documentation of the format)
INT_METADATA = ("loops", "inner_loops", "mem_max_rss", "command_max_rss",
                "calibrate_loops", "recalibrate_loops")
NUMBER_METADATA = ("duration", "uptime", "load_avg_1min")
# pyperf refuses to put runs that differ in one of these into one benchmark
SHARED_RUN_METADATA = ("cpu_count", "cpu_model_name", "hostname", "inner_loops", "name",
                       "platform", "python_executable", "python_implementation",
                       "python_version", "unit")


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def load_pyperf_module():
    """Import Tools/bench/pyperf by path (never another pyperf that may be installed)."""
    import importlib.util
    path = os.path.join(BENCH, "pyperf", "__init__.py")
    spec = importlib.util.spec_from_file_location("_braid_bench_pyperf", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TagError(Exception):
    pass


def check_svg(text):
    """A small well-formedness check of an SVG document: tags balanced and properly
    nested, attributes quoted, entities valid, an <svg> root with numeric width/height.
    Return the root's attributes."""
    tag_re = re.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+=\"[^\"<]*\")*)\s*(/?)>")
    attr_re = re.compile(r"([\w:.-]+)=\"([^\"<]*)\"")
    body = re.sub(r"<\?xml[^>]*\?>", "", text.strip())
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    stack, root, pos = [], None, 0
    while True:
        start = body.find("<", pos)
        chunk = body[pos:] if start < 0 else body[pos:start]
        if ">" in chunk:
            raise TagError("stray '>' in character data: %r" % chunk[:40])
        for amp in re.finditer("&", chunk):
            if not re.match(r"&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);",
                            chunk[amp.start():]):
                raise TagError("bad entity in %r" % chunk[:40])
        if chunk.strip() and not stack:
            raise TagError("text outside the root element: %r" % chunk[:40])
        if start < 0:
            break
        match = tag_re.match(body, start)
        if not match:
            raise TagError("malformed tag at %d: %r" % (start, body[start:start + 40]))
        closing, name, attrs, empty = match.groups()
        if closing:
            if attrs.strip() or empty or not stack or stack.pop() != name:
                raise TagError("unbalanced </%s>" % name)
        else:
            if root is None:
                root = (name, dict(attr_re.findall(attrs)))
            elif not stack:
                raise TagError("second root element <%s>" % name)
            if not empty:
                stack.append(name)
        pos = match.end()
    if stack:
        raise TagError("unclosed tags: %s" % stack)
    if root is None or root[0] != "svg":
        raise TagError("the root element is not <svg>")
    for dimension in ("width", "height"):
        if not re.match(r"^\d+(\.\d+)?(px)?$", root[1].get(dimension, "")):
            raise TagError("<svg> has no numeric %s" % dimension)
    return root[1]


class SvgCheckerTests(unittest.TestCase):
    """The checker itself must reject broken documents (else the driver test proves
    nothing)."""

    def test_accepts_a_document(self):
        attrs = check_svg('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20">'
                          '<g><text x="1">a &amp; b</text><rect width="1"/></g></svg>\n')
        self.assertEqual(attrs["width"], "10")

    def test_rejects_broken_documents(self):
        for text in ('<svg width="1" height="1"><g></svg>',
                     '<svg width="1" height="1"><g></text></g></svg>',
                     '<svg width="1" height="1"><text>a & b</text></svg>',
                     '<svg width="1"></svg>',
                     '<svg width="1" height="1"></svg><svg width="1" height="1"></svg>',
                     '<html width="1" height="1"></html>',
                     '<svg width="1" height="1"><rect x=1/></svg>'):
            with self.subTest(text=text):
                with self.assertRaises(TagError):
                    check_svg(text)


@requires_bench
class RunnerApiTests(unittest.TestCase):
    """The Runner object itself, in this process."""

    @classmethod
    def setUpClass(cls):
        cls.pyperf = load_pyperf_module()

    def test_module_api(self):
        pyperf = self.pyperf
        for name in ("Runner", "perf_counter", "python_implementation", "python_has_jit"):
            self.assertTrue(hasattr(pyperf, name), name)
        self.assertIsInstance(pyperf.VERSION, tuple)
        self.assertEqual(pyperf.__version__, ".".join(map(str, pyperf.VERSION)))
        self.assertEqual(pyperf.python_implementation(), sys.implementation.name.lower())
        self.assertIsInstance(pyperf.perf_counter(), float)

    def test_parse_args(self):
        runner = self.pyperf.Runner(values=3, warmups=1, processes=20)
        self.assertIsNone(runner.args)
        runner.argparser.add_argument("--size", type=int, default=7)
        args = runner.parse_args(["--size", "9", "-l", "2^4", "-w", "2"])
        self.assertIs(runner.args, args)
        self.assertEqual((args.size, args.loops, args.warmups, args.values,
                          args.processes), (9, 16, 2, 3, 20))
        self.assertIsInstance(runner.metadata, dict)

    def test_fast_and_rigorous(self):
        # pyperf: --fast halves the processes and takes 2/3 of the values, --rigorous
        # doubles the processes.
        fast = self.pyperf.Runner(values=3, processes=20).parse_args(["--fast"])
        self.assertEqual((fast.processes, fast.values), (10, 2))
        rigorous = self.pyperf.Runner(values=3, processes=20).parse_args(["--rigorous"])
        self.assertEqual((rigorous.processes, rigorous.values), (40, 3))
        single = self.pyperf.Runner().parse_args(["--debug-single-value"])
        self.assertEqual((single.processes, single.values, single.warmups, single.loops),
                         (1, 1, 0, 1))

    def test_pyperformance_driver_options(self):
        # Options that pyperformance's driver passes to every benchmark program.
        args = self.pyperf.Runner().parse_args(
            ["--fast", "--verbose", "--inherit-environ=PATH,HOME", "--min-time", "0.05",
             "--timeout", "600", "--copy-env", "--no-locale", "--hook", "pystats", "-q"])
        self.assertEqual(args.inherit_environ, "PATH,HOME")
        self.assertEqual(args.min_time, 0.05)
        self.assertTrue(args.verbose)

    def test_fallback_argument_parser(self):
        # the parser used where argparse is missing understands the same command lines
        parser = self.pyperf._ArgumentParser()
        runner = self.pyperf.Runner(_argparser=parser)
        self.assertIs(runner.argparser, parser)
        parser.add_argument("--size", type=int, default=3)
        parser.add_argument("--flag", action="store_true")
        parser.add_argument("case", nargs="?", default="all")
        args = runner.parse_args(["--size=5", "-n", "2", "-l2^3", "--flag", "one",
                                  "--inherit-environ", "PATH"])
        self.assertEqual((args.size, args.values, args.loops, args.flag, args.case,
                          args.inherit_environ), (5, 2, 8, True, "one", "PATH"))
        with self.assertRaises(SystemExit):
            self.pyperf.Runner(_argparser=self.pyperf._ArgumentParser()).parse_args(
                ["--no-such-option"])

    def test_parse_args_with_args_only_once(self):
        runner = self.pyperf.Runner()
        runner.parse_args([])
        with self.assertRaises(RuntimeError):
            runner.parse_args(["-n", "2"])


@requires_bench
@requires_subprocess
class BenchmarkProgramTests(unittest.TestCase):
    """Benchmark programs run as the suite runs them; their JSON checked against pyperf's
    format."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="test_bench_")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.program = self.write("bm_sum.py", BENCHMARK_PROGRAM)

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def run_program(self, path, *options):
        env = dict(os.environ)
        env["PYTHONPATH"] = BENCH
        proc = subprocess.run([sys.executable, path] + list(options), cwd=self.tmp,
                              env=env, capture_output=True, text=True, timeout=300)
        return proc

    def run_ok(self, path, *options):
        proc = self.run_program(path, *options)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        return proc

    def load(self, name):
        with open(os.path.join(self.tmp, name)) as f:
            return json.load(f)

    def check_metadata_values(self, metadata):
        """pyperf's typing of metadata: numbers for the numeric keys, a known unit, a list
        of str for tags, else numbers or non-empty one-line strings."""
        for key, value in metadata.items():
            with self.subTest(key=key):
                self.assertIsInstance(key, str)
                self.assertTrue(key)
                if key in INT_METADATA:
                    self.assertIsInstance(value, int)
                    self.assertNotIsInstance(value, bool)
                    self.assertGreaterEqual(value, 1 if "loops" in key else 0)
                elif key in NUMBER_METADATA:
                    self.assertTrue(is_number(value))
                    self.assertGreaterEqual(value, 0)
                elif key == "tags":
                    self.assertTrue(all(isinstance(t, str) and t for t in value))
                elif key == "unit":
                    self.assertIn(value, ("second", "byte", "integer"))
                elif is_number(value):
                    pass
                else:
                    self.assertIsInstance(value, str)
                    self.assertTrue(value)
                    self.assertNotIn("\n", value)

    def check_document(self, document, names):
        """Check a document's structure; return {name: merged benchmark metadata}."""
        self.assertIsInstance(document, dict)
        # "metadata" (what all benchmarks share) is optional in pyperf's format
        self.assertTrue({"version", "benchmarks"} <= set(document)
                        <= {"version", "metadata", "benchmarks"}, set(document))
        self.assertEqual(document["version"], "1.0")
        self.check_metadata_values(document.get("metadata", {}))
        found = {}
        for bench in document["benchmarks"]:
            self.assertEqual(set(bench) - {"metadata"}, {"runs"})
            self.check_metadata_values(bench.get("metadata", {}))
            metadata = dict(document.get("metadata", {}))
            metadata.update(bench.get("metadata", {}))
            self.assertNotIn(metadata["name"], found, "benchmark names must be unique")
            found[metadata["name"]] = metadata
            self.assertEqual(metadata.get("unit", "second"), "second")
            self.assertTrue(bench["runs"])
            first_run = None
            for run in bench["runs"]:
                self.assertTrue(set(run) <= {"metadata", "warmups", "values"}, set(run))
                self.check_metadata_values(run["metadata"])
                run_metadata = dict(metadata)
                run_metadata.update(run["metadata"])
                if first_run is None:
                    first_run = run_metadata
                for key in SHARED_RUN_METADATA:
                    self.assertEqual(run_metadata.get(key), first_run.get(key), key)
                self.assertRegex(run_metadata["date"], DATE_RE)
                self.assertIn("duration", run_metadata)
                self.assertGreaterEqual(run_metadata["loops"], 1)
                self.assertTrue(run.get("values") or run.get("warmups"))
                for value in run.get("values", []):
                    self.assertTrue(is_number(value))
                    self.assertGreater(value, 0)
                for warmup in run.get("warmups", []):
                    self.assertEqual(len(warmup), 2)
                    loops, value = warmup
                    self.assertIsInstance(loops, int)
                    self.assertGreaterEqual(loops, 1)
                    self.assertTrue(is_number(value))
                    self.assertGreaterEqual(value, 0)
        self.assertEqual(sorted(found), sorted(names))
        return found

    def runs_of(self, document, name):
        for bench in document["benchmarks"]:
            merged = dict(document.get("metadata", {}))
            merged.update(bench.get("metadata", {}))
            if merged["name"] == name:
                return bench["runs"]
        self.fail("no benchmark %r" % name)

    def test_quick_json_document(self):
        proc = self.run_ok(self.program, "-o", "out.json", "--values", "1", "--quick",
                           "--size", "30")
        for name in NAMES:
            self.assertIn(name, proc.stdout)
        document = self.load("out.json")
        found = self.check_document(document, NAMES)
        for name, metadata in found.items():
            self.assertEqual(metadata["description"], "Sums of squares of a range")
            self.assertEqual(metadata["bench_size"], "30")
            self.assertEqual(metadata["python_implementation"], sys.implementation.name)
            self.assertEqual(len(self.runs_of(document, name)), 1)
            self.assertEqual(len(self.runs_of(document, name)[0]["values"]), 1)
        self.assertEqual(self.runs_of(document, "sum_squares")[0]["metadata"]["inner_loops"],
                         2)
        # timeit(duplicate=2) counts two inner loops per loop
        self.assertEqual(self.runs_of(document, "sorted_copy")[0]["metadata"]["inner_loops"],
                         2)
        self.assertNotIn("inner_loops",
                         self.runs_of(document, "sum_squares_func")[0]["metadata"])

    def test_values_warmups_loops(self):
        self.run_ok(self.program, "-o", "fixed.json", "--values", "3", "--warmups", "2",
                    "--loops", "2^2", "--size", "20", "--quiet")
        document = self.load("fixed.json")
        self.check_document(document, NAMES)
        for name in NAMES:
            (run,) = self.runs_of(document, name)
            self.assertEqual(run["metadata"]["loops"], 4)
            self.assertEqual(len(run["values"]), 3)
            self.assertEqual([loops for loops, _ in run["warmups"]], [4, 4])

    def test_output_file_must_not_exist(self):
        path = self.write("exists.json", "{}\n")
        proc = self.run_program(self.program, "-o", path, "--quick")
        self.assertNotEqual(proc.returncode, 0)
        with open(path) as f:
            self.assertEqual(f.read(), "{}\n")

    def test_append_keeps_earlier_benchmarks(self):
        other = self.write("bm_other.py", OTHER_PROGRAM)
        self.run_ok(other, "--append", "suite.json", "--quick")
        self.run_ok(self.program, "--append", "suite.json", "--quick", "--size", "10")
        found = self.check_document(self.load("suite.json"), ["other_sum"] + NAMES)
        self.assertEqual(found["other_sum"]["origin"], "OTHER_PROGRAM")
        self.assertEqual(found["other_sum"]["description"], "sum(range(100))")
        self.assertEqual(found["sum_squares"]["description"], "Sums of squares of a range")
        self.assertNotIn("origin", found["sum_squares"])
        # the same benchmarks again: their runs are added to the ones already there
        self.run_ok(self.program, "--append", "suite.json", "--quick", "--size", "10")
        document = self.load("suite.json")
        self.check_document(document, ["other_sum"] + NAMES)
        self.assertEqual(len(self.runs_of(document, "other_sum")), 1)
        for name in NAMES:
            self.assertEqual(len(self.runs_of(document, name)), 2)

    def test_wrong_result_fails(self):
        for mode in (["--quick"], ["--loops", "1", "--values", "1", "--warmups", "0"]):
            with self.subTest(mode=mode):
                proc = self.run_program(self.program, "-o", "fail-%d.json" % len(mode),
                                        "--fail", *mode)
                self.assertNotEqual(proc.returncode, 0)
                self.assertIn("AssertionError", proc.stderr)

    def test_duplicate_name_fails(self):
        program = self.write("bm_dup.py", DUPLICATE_PROGRAM)
        proc = self.run_program(program, "--quick")
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("same", proc.stderr)

    def test_worker_processes(self):
        # -p 2: two worker processes per benchmark; add_cmdline_args passes --size on
        # (the workers record it in the metadata).
        self.run_ok(self.program, "-o", "workers.json", "-p", "2", "--values", "1",
                    "--warmups", "0", "--loops", "2", "--size", "40", "--quiet")
        document = self.load("workers.json")
        found = self.check_document(document, NAMES)
        for name in NAMES:
            self.assertEqual(found[name]["bench_size"], "40")
            runs = self.runs_of(document, name)
            self.assertEqual(len(runs), 2)
            self.assertEqual([run["metadata"]["loops"] for run in runs], [2, 2])
        proc = self.run_program(self.program, "-o", "workers-fail.json", "-p", "2",
                                "--loops", "1", "--values", "1", "--fail")
        self.assertNotEqual(proc.returncode, 0)

    def test_debug_single_value_and_pyperformance_options(self):
        self.run_ok(self.program, "-o", "single.json", "--debug-single-value",
                    "--inherit-environ=PATH,HOME", "--verbose", "--size", "200")
        document = self.load("single.json")
        self.check_document(document, NAMES)
        for name in NAMES:
            (run,) = self.runs_of(document, name)
            self.assertEqual((run["metadata"]["loops"], len(run["values"]),
                              len(run.get("warmups", []))), (1, 1, 0))

    def test_same_loops(self):
        self.run_ok(self.program, "-o", "first.json", "--loops", "8", "--values", "1",
                    "--warmups", "0", "--quiet")
        self.run_ok(self.program, "-o", "second.json", "--same-loops", "first.json",
                    "--values", "1", "--warmups", "0", "--quiet")
        document = self.load("second.json")
        for name in NAMES:
            (run,) = self.runs_of(document, name)
            self.assertEqual(run["metadata"]["loops"], 8)
            self.assertEqual(run.get("warmups", []), [])     # no calibration either

    def test_timeout(self):
        try:
            import signal
        except ImportError:
            signal = None
        if not hasattr(signal, "setitimer"):
            self.skipTest("needs signal.setitimer")
        program = self.write("bm_slow.py", SLOW_PROGRAM)
        proc = self.run_program(program, "--timeout", "0.3", "--loops", "1", "-o", "t.json")
        self.assertEqual(proc.returncode, 124)           # pyperf's exit code for a timeout
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "t.json")))

    def test_pipe(self):
        # --pipe FD: one JSON document per line on a file descriptor (pyperf's workers)
        read_fd, write_fd = os.pipe()
        try:
            env = dict(os.environ, PYTHONPATH=BENCH)
            proc = subprocess.run([sys.executable, self.program, "--pipe", str(write_fd),
                                   "--loops", "2", "--values", "1", "--warmups", "0",
                                   "--quiet"],
                                  cwd=self.tmp, env=env, capture_output=True, text=True,
                                  pass_fds=(write_fd,), timeout=300)
            os.close(write_fd)
            write_fd = None
            self.assertEqual(proc.returncode, 0, proc.stderr)
            chunks = []
            while True:
                chunk = os.read(read_fd, 65536)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(read_fd)
            if write_fd is not None:
                os.close(write_fd)
        lines = b"".join(chunks).decode().splitlines()
        self.assertEqual(len(lines), len(NAMES))
        for line, name in zip(lines, NAMES):
            self.check_document(json.loads(line), [name])

    @unittest.skipUnless(os.path.exists("/proc/self/status"), "needs /proc (Linux)")
    def test_track_memory(self):
        self.run_ok(self.program, "-o", "memory.json", "--track-memory", "--loops", "1",
                    "--values", "1", "--warmups", "0", "--quiet")
        document = self.load("memory.json")
        for bench in document["benchmarks"]:
            merged = dict(document.get("metadata", {}))
            merged.update(bench.get("metadata", {}))
            self.assertEqual(merged["unit"], "byte")
            for run in bench["runs"]:
                self.assertTrue(all(isinstance(v, int) and v > 0 for v in run["values"]))

    def test_bench_command(self):
        program = self.write("bm_command.py", COMMAND_PROGRAM)
        self.run_ok(program, "-o", "command.json", "--loops", "1", "--values", "2",
                    "--warmups", "0", "--quiet")
        document = self.load("command.json")
        found = self.check_document(document, ["python_exit"])
        self.assertIn(sys.executable, found["python_exit"]["command"])
        self.assertEqual(len(self.runs_of(document, "python_exit")[0]["values"]), 2)
        proc = self.run_program(program, "-o", "command-fail.json", "--loops", "1",
                                "--values", "1", "--warmups", "0", "--exit-status", "3")
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("exit code 3", proc.stderr)

    def host_pyperf(self):
        if not os.access(HOST_PYTHON, os.X_OK):
            self.skipTest("%s is not there" % HOST_PYTHON)
        probe = subprocess.run([HOST_PYTHON, "-c", "import pyperf"], capture_output=True)
        if probe.returncode != 0:
            self.skipTest("pyperf is not installed for %s (not packaged by Debian): "
                          "format checked against pyperf's documentation only" % HOST_PYTHON)

    def test_real_pyperf_reads_the_documents(self):
        self.host_pyperf()
        self.run_ok(self.program, "-o", "a.json", "--quick", "--size", "10")
        self.run_ok(self.program, "-o", "b.json", "--values", "2", "--loops", "2",
                    "--warmups", "1", "--size", "10", "--quiet")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        for command in (["show", "a.json"], ["compare_to", "a.json", "b.json"],
                        ["check", "b.json"]):
            with self.subTest(command=command):
                proc = subprocess.run([HOST_PYTHON, "-m", "pyperf"] + command, cwd=self.tmp,
                                      env=env, capture_output=True, text=True, timeout=120)
                self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
                if command[0] == "compare_to":
                    for name in NAMES:
                        self.assertIn(name, proc.stdout)


TINY_BENCHMARK = '''\
"""A tiny benchmark for the driver test."""

import pyperf


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        words = sorted("the quick brown fox jumps over the lazy dog".split())
    elapsed = pyperf.perf_counter() - t0
    if words[0] != "brown" or len(words) != 9:
        raise AssertionError(words)
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "sort nine words"
    runner.bench_time_func("tiny", bench)
'''

WRONG_BENCHMARK = TINY_BENCHMARK.replace('!= "brown"', '!= "dog"').replace(
    '"tiny"', '"wrong"')


@requires_bench
@requires_subprocess
class DriverTests(unittest.TestCase):
    """Tools/bench/run.py on a one-benchmark selection, in --quick mode."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="test_bench_driver_")
        cls.benchmarks = os.path.join(cls.tmp, "benchmarks")
        for name, text in (("tiny", TINY_BENCHMARK), ("wrong", WRONG_BENCHMARK)):
            os.makedirs(os.path.join(cls.benchmarks, "bm_" + name))
            with open(os.path.join(cls.benchmarks, "bm_" + name, "run_benchmark.py"),
                      "w") as f:
                f.write(text)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, True)

    def run_driver(self, results, *options):
        argv = [sys.executable, os.path.join(BENCH, "run.py"), "--quick",
                "--benchmark-dir", self.benchmarks, "--results", results,
                "--python", "first=" + sys.executable, "--python", "second=" + sys.executable]
        return subprocess.run(argv + list(options), cwd=self.tmp, capture_output=True,
                              text=True, timeout=300)

    def test_report(self):
        results = os.path.join(self.tmp, "good")
        proc = self.run_driver(results, "--benchmarks", "tiny", "--workloads", "countdown",
                               "--threads", "1,2")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("[1/2", proc.stderr)          # the progress display
        for name in ("report.md", "raw.json", "ratios.svg", "scaling.svg"):
            self.assertTrue(os.path.exists(os.path.join(results, name)), name)
        with open(os.path.join(results, "report.md")) as f:
            report = f.read()
        for text in ("- machine: ", " cores", "- kernel: ", "- commit: ", "- first: ",
                     "- second: ", "quick", "| tiny ", "countdown", "x2 / countdown"):
            self.assertIn(text, report)
        self.assertNotIn("FAILED", report)
        with open(os.path.join(results, "raw.json")) as f:
            raw = json.load(f)
        self.assertEqual(raw["machine"]["cores"], os.cpu_count())
        for py in ("first", "second"):
            build = raw["builds"][py]
            self.assertEqual(build["path"], sys.executable)
            self.assertEqual(build["python"], " ".join(sys.version.split()))
            self.assertEqual(len(raw["single_thread"]["tiny"][py]["times"]), 1)
            self.assertEqual(sorted(raw["scaling"]["countdown"][py]), ["1", "2"])
        self.assertEqual(raw["failures"], [])
        self.assertIsNotNone(raw["summary"]["ratios"]["tiny"])
        for name in ("ratios.svg", "scaling.svg"):
            with self.subTest(svg=name):
                with open(os.path.join(results, name)) as f:
                    check_svg(f.read())

    def test_scaling_relative_to_the_control(self):
        # Each workload's speed-up at each thread count above the first, divided by
        # countdown's on the same interpreter; no such columns without countdown.
        import importlib.util
        spec = importlib.util.spec_from_file_location("bench_run", os.path.join(BENCH, "run.py"))
        run = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(run)
        settings = run.Settings()
        settings.pythons = [("ft", sys.executable)]
        scaling = {"countdown": {"ft": {1: [1.0, 1.2, 1.0], 2: [0.625, 0.7, 0.6],
                                        4: [0.5]}},
                   "globals_dict": {"ft": {1: [2.0], 2: [1.25], 4: [1.0]}}}
        header, rows, curves = run.summarise_scaling(settings, scaling, [1, 2, 4])
        self.assertEqual(header[-2:], ["x2 / countdown", "x4 / countdown"])
        self.assertEqual(rows[0], ["countdown", "ft", "1.00 (100%)", "1.60 (80%)",
                                   "2.00 (50%)", "1.00", "1.00"])
        self.assertEqual(rows[1], ["globals_dict", "ft", "1.00 (100%)", "1.60 (80%)",
                                   "2.00 (50%)", "1.00", "1.00"])
        scaling["globals_dict"]["ft"][2] = [1.6]
        header, rows, curves = run.summarise_scaling(settings, scaling, [1, 2, 4])
        self.assertEqual(rows[1][-4:], ["1.25 (62%)", "2.00 (50%)", "0.78", "1.00"])
        self.assertEqual(curves["globals_dict"]["ft"], [(1, 1.0), (2, 1.25), (4, 2.0)])
        del scaling["countdown"]
        header, rows, curves = run.summarise_scaling(settings, scaling, [1, 2])
        self.assertEqual(header, ["workload", "python", "x1 speed-up (eff.)",
                                  "x2 speed-up (eff.)"])
        self.assertEqual(rows, [["globals_dict", "ft", "1.00 (100%)", "1.25 (62%)"]])

    def test_wrong_answer_fails_the_run(self):
        results = os.path.join(self.tmp, "bad")
        proc = self.run_driver(results, "--benchmarks", "wrong", "--workloads", "none")
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("FAILED", proc.stdout)
        with open(os.path.join(results, "raw.json")) as f:
            raw = json.load(f)
        self.assertEqual(len(raw["failures"]), 2)
        self.assertIn("AssertionError", raw["failures"][0])

    def test_unknown_benchmark(self):
        proc = self.run_driver(os.path.join(self.tmp, "none"), "--benchmarks", "missing",
                               "--workloads", "none")
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("missing", proc.stderr)


if __name__ == "__main__":
    unittest.main()
