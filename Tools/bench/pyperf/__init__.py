"""A pyperf-compatible benchmark runner for Braid's benchmark suite.

Benchmark files written for pyperformance import ``pyperf`` and use ``Runner`` (bench_func,
bench_time_func, bench_async_func, timeit, bench_command, metadata, argparser, parse_args,
args) and ``perf_counter``.  This module gives that API.  By default (``--processes 1``) one
process runs the warm-ups and the timed values of each benchmark: the suite's driver
(Tools/bench/run.py) starts that process many times itself, interleaving the interpreters it
compares.  With ``-p N`` (N > 1) the runner acts as pyperf's manager: it starts N worker
processes per benchmark (``--worker --worker-task=I``, plus what the script's
``add_cmdline_args(cmd, args)`` callback adds) and gathers their runs.

Results are written in pyperf's JSON format (file version "1.0": a suite object with
"version", "metadata" and "benchmarks"; each benchmark has "metadata" and "runs"; each run
has "metadata", "warmups" as [loops, value] pairs and "values"), so ``python -m pyperf
compare_to`` can read them.  Benchmarks are identified by their "name" metadata.

Timing model (as pyperf's): a *value* is the time of one call of the benchmark body divided
by the number of loops and inner loops, i.e. seconds per iteration.  The loop count is
calibrated so that one raw value takes at least ``--min-time`` seconds.
"""

import json
import os
import sys
import time

__all__ = ["Runner", "Benchmark", "perf_counter", "python_implementation",
           "python_has_jit", "add_runs", "VERSION", "__version__"]
VERSION = (2, 7, 0)          # the pyperf API level these benchmarks expect
__version__ = "2.7.0"
FORMAT_VERSION = "1.0"       # pyperf's JSON file format

perf_counter = time.perf_counter

# Environment variables that workers inherit without --inherit-environ (as pyperf).
_BASE_ENVIRON = ("PATH", "PYTHONPATH", "HOME", "TEMP", "COMSPEC", "SystemRoot",
                 "SystemDrive")
_LOCALE_ENVIRON = ("LANG", "LC_ADDRESS", "LC_ALL", "LC_COLLATE", "LC_CTYPE",
                   "LC_IDENTIFICATION", "LC_MEASUREMENT", "LC_MESSAGES", "LC_MONETARY",
                   "LC_NAME", "LC_NUMERIC", "LC_PAPER", "LC_TELEPHONE", "LC_TIME")
# Metadata with a numeric type in pyperf's format; "unit" is one of _UNITS, "tags" a list of
# str, and every other value an int, a float or a non-empty str without newlines.
_INT_METADATA = ("loops", "inner_loops", "mem_max_rss", "command_max_rss",
                 "mem_peak_pagefile_usage", "calibrate_loops", "recalibrate_loops",
                 "calibrate_warmups", "recalibrate_warmups")
_NUMBER_METADATA = ("duration", "uptime", "load_avg_1min")
_UNITS = ("second", "byte", "integer")
# Metadata that every run of one benchmark must share (pyperf refuses to mix runs that
# differ in these).
_CHECKED_METADATA = ("aslr", "cpu_count", "cpu_model_name", "hostname", "inner_loops",
                     "name", "platform", "python_executable", "python_implementation",
                     "python_unicode", "python_version", "unit")


def python_implementation():
    return sys.implementation.name.lower()


def python_has_jit():
    return False


def _peak_rss_bytes():
    """Peak resident set size of this process (VmHWM), or None where /proc is absent."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return None


def _iso_date(seconds):
    """Local time as pyperf writes it: 'YYYY-MM-DD HH:MM:SS.ffffff'."""
    micro = int((seconds - int(seconds)) * 1e6)
    return "%s.%06d" % (time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(seconds)), micro)


def _clean_metadata(metadata):
    """Make metadata valid for pyperf's loader: drop empty values, turn values of unknown
    keys into one-line strings."""
    clean = {}
    for key, value in metadata.items():
        key = str(key)
        if value is None or value == "":
            continue
        if key in _INT_METADATA:
            if isinstance(value, bool) or not isinstance(value, int):
                value = int(value)
        elif key in _NUMBER_METADATA:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                value = float(value)
        elif key == "tags":
            value = [str(tag) for tag in value if str(tag) not in ("", "all")]
        elif key == "unit":
            if value not in _UNITS:
                raise ValueError("unit must be one of %s, not %r" % (", ".join(_UNITS), value))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            pass
        else:
            value = " ".join(str(value).splitlines()).strip()
            if not value:
                continue
        clean[key] = value
    return clean


def _parse_loops(text):
    """--loops accepts N or X^Y (e.g. 2^8 = 256)."""
    if "^" in text:
        base, _, power = text.partition("^")
        return int(base) ** int(power)
    return int(text)


def _parse_cpu_list(text):
    """'0-2,5' -> {0, 1, 2, 5}."""
    cpus = set()
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            first, _, last = part.partition("-")
            cpus.update(range(int(first), int(last) + 1))
        else:
            cpus.add(int(part))
    return cpus


def _format_seconds(seconds):
    for unit, scale in (("sec", 1.0), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)):
        if seconds >= scale:
            return "%.2f %s" % (seconds / scale, unit)
    return "%.2f ns" % (seconds / 1e-9)


def _format_value(value, unit):
    if unit == "second":
        return _format_seconds(value)
    if unit == "byte":
        for name, scale in (("GiB", 2 ** 30), ("MiB", 2 ** 20), ("KiB", 2 ** 10)):
            if value >= scale:
                return "%.1f %s" % (value / scale, name)
        return "%d bytes" % value
    return "%g" % value


def _median(values):
    ordered = sorted(values)
    n = len(ordered)
    if not n:
        raise ValueError("no values")
    middle = n // 2
    return ordered[middle] if n % 2 else (ordered[middle - 1] + ordered[middle]) / 2


# -- the JSON document ---------------------------------------------------------------------
class Benchmark:
    """One benchmark of a pyperf JSON document: {"metadata": {...}, "runs": [...]}; the
    metadata given here is complete (the suite's common metadata merged in)."""

    def __init__(self, data):
        self._data = data

    def get_name(self):
        return self._data["metadata"]["name"]

    def get_metadata(self):
        return dict(self._data["metadata"])

    def get_runs(self):
        return list(self._data["runs"])

    def get_nrun(self):
        return len(self._data["runs"])

    def get_values(self):
        return tuple(v for run in self._data["runs"] for v in run.get("values", ()))

    def get_nvalue(self):
        return len(self.get_values())

    def get_unit(self):
        return self._data["metadata"].get("unit", "second")

    def _loops(self, key):
        counts = [run.get("metadata", {}).get(key, self._data["metadata"].get(key, 1))
                  for run in self._data["runs"]]
        if counts and all(c == counts[0] for c in counts):
            return counts[0]
        return sum(counts) / len(counts) if counts else 1

    def get_loops(self):
        return self._loops("loops")

    def get_inner_loops(self):
        return self._loops("inner_loops")

    def get_total_loops(self):
        totals = [run.get("metadata", {}).get("loops", 1)
                  * run.get("metadata", {}).get("inner_loops", 1)
                  for run in self._data["runs"]]
        return totals[0] if totals and all(t == totals[0] for t in totals) else (
            sum(totals) / len(totals) if totals else 1)

    def mean(self):
        values = self.get_values()
        return sum(values) / len(values)

    def median(self):
        return _median(self.get_values())

    def stdev(self):
        values = self.get_values()
        if len(values) < 2:
            raise ValueError("stdev requires at least two values")
        mean = sum(values) / len(values)
        return (sum((v - mean) ** 2 for v in values) / (len(values) - 1)) ** 0.5

    def format_value(self, value):
        return _format_value(value, self.get_unit())

    def __str__(self):
        values = self.get_values()
        if len(values) > 1:
            return "Mean +- std dev: %s +- %s" % (self.format_value(self.mean()),
                                                  self.format_value(self.stdev()))
        return self.format_value(values[0]) if values else "<no values>"

    def __repr__(self):
        return "<Benchmark %r with %d runs>" % (self.get_name(), self.get_nrun())


def _load_benchmarks(document):
    """The benchmarks of a pyperf JSON document, each with complete metadata (suite and
    benchmark metadata merged; run metadata stays in the runs)."""
    if not isinstance(document, dict) or document.get("version") != FORMAT_VERSION:
        raise ValueError("not a pyperf JSON document (file format version %r)"
                         % (document.get("version") if isinstance(document, dict) else None))
    common = document.get("metadata", {})
    benchmarks = []
    for bench in document["benchmarks"]:
        metadata = dict(common)
        metadata.update(bench.get("metadata", {}))
        runs = [dict(run, metadata=dict(run.get("metadata", {}))) for run in bench["runs"]]
        benchmarks.append({"metadata": metadata, "runs": runs})
    return benchmarks


def _run_metadata(bench, run):
    metadata = dict(bench["metadata"])
    metadata.update(run.get("metadata", {}))
    return metadata


def _merge_benchmark(target, source):
    """Add the runs of source to target (two benchmarks of the same name).  Metadata on
    which they disagree moves down into their runs, as pyperf keeps it per run."""
    reference = _run_metadata(target, target["runs"][0])
    for run in source["runs"]:
        metadata = _run_metadata(source, run)
        for key in _CHECKED_METADATA:
            if reference.get(key) != metadata.get(key):
                raise ValueError("cannot add runs to benchmark %r: metadata %s is "
                                 "different (%r != %r)" % (reference.get("name"), key,
                                                           reference.get(key),
                                                           metadata.get(key)))
    keys = set(target["metadata"]) | set(source["metadata"])
    differ = {k for k in keys
              if target["metadata"].get(k, None) != source["metadata"].get(k, None)}
    for bench in (target, source):
        for run in bench["runs"]:
            for key in differ:
                if key in bench["metadata"]:
                    run["metadata"].setdefault(key, bench["metadata"][key])
    for key in differ:
        target["metadata"].pop(key, None)
    target["runs"].extend(source["runs"])


def _dump_document(benchmarks):
    """A pyperf JSON document for complete benchmarks: the metadata that all benchmarks
    share (except their name) goes to the suite level."""
    common = None
    for bench in benchmarks:
        items = {k: v for k, v in bench["metadata"].items() if k != "name"}
        if common is None:
            common = items
        else:
            common = {k: v for k, v in common.items() if k in items and items[k] == v}
    common = common or {}
    out = []
    for bench in benchmarks:
        metadata = {k: v for k, v in bench["metadata"].items() if k not in common}
        out.append({"metadata": metadata, "runs": bench["runs"]})
    return {"version": FORMAT_VERSION, "metadata": common, "benchmarks": out}


def add_runs(filename, result):
    """Append the runs of result (a Benchmark, or a list of them) to the pyperf JSON file
    filename, creating it if needed; runs of a benchmark already there are added to it."""
    new = result if isinstance(result, (list, tuple)) else [result]
    new = [{"metadata": b.get_metadata(), "runs": b.get_runs()} for b in new]
    benchmarks = []
    if os.path.exists(filename):
        with open(filename) as f:
            benchmarks = _load_benchmarks(json.load(f))
    _merge_into(benchmarks, new)
    with open(filename, "w") as f:
        json.dump(_dump_document(benchmarks), f, sort_keys=True)
        f.write("\n")


def _merge_into(benchmarks, new):
    by_name = {b["metadata"]["name"]: b for b in benchmarks}
    for bench in new:
        name = bench["metadata"]["name"]
        if name in by_name:
            _merge_benchmark(by_name[name], bench)
        else:
            bench = {"metadata": dict(bench["metadata"]),
                     "runs": [dict(r, metadata=dict(r.get("metadata", {})))
                              for r in bench["runs"]]}
            benchmarks.append(bench)
            by_name[name] = bench


def _cpu_model_name():
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


_process_metadata = []       # computed once per process (immutable afterwards)


def _common_metadata():
    """Metadata of this process and machine (pyperf's names); a new dict."""
    if not _process_metadata:
        _process_metadata.append(_collect_metadata())
    return dict(_process_metadata[0])


def _collect_metadata():
    impl = sys.implementation
    data = {
        "python_implementation": impl.name,
        "python_version": "%d.%d.%d (%d-bit)" % (sys.version_info[:3]
                                                 + (64 if sys.maxsize > 2 ** 32 else 32,)),
        "python_executable": sys.executable,
        "perf_version": __version__,
        "cpu_count": os.cpu_count(),
        "cpu_model_name": _cpu_model_name(),
        "hostname": os.uname().nodename if hasattr(os, "uname") else None,
        "python_hash_seed": os.environ.get("PYTHONHASHSEED"),
        "runner": "braid-bench",
    }
    version_line = sys.version.replace("\n", " ")
    if "[" in version_line and version_line.endswith("]"):
        data["python_compiler"] = version_line[version_line.rindex("[") + 1:-1]
    try:
        import platform
        data["platform"] = platform.platform()
    except Exception:
        data["platform"] = sys.platform
    try:
        import sysconfig
        data["python_cflags"] = sysconfig.get_config_var("CFLAGS")
    except Exception:
        pass
    gil_check = getattr(sys, "_is_gil_enabled", None)
    if gil_check is not None:
        data["python_gil"] = "enabled" if gil_check() else "disabled"
    return data


# -- the command line -------------------------------------------------------------------------
class _Options:
    """The parsed command line (attribute access, like argparse.Namespace)."""

    def __init__(self, **values):
        self.__dict__.update(values)


class _ArgumentParser:
    """The subset of argparse.ArgumentParser that benchmark files use, for interpreters
    that do not have argparse: long and short options with store/store_true/store_false/
    store_const/append/count, type=, default=, dest=, choices= and positional arguments."""

    def __init__(self, description=None):
        self.description = description
        self._options = []       # (names, settings)
        self._positionals = []

    def add_argument(self, *names, action="store", default=None, type=None, dest=None,
                     choices=None, help=None, nargs=None, metavar=None, const=None,
                     required=False):
        if not names[0].startswith("-"):
            self._positionals.append((dest or names[0], type, nargs, default, choices))
            return
        if dest is None:
            long_names = [n for n in names if n.startswith("--")]
            dest = (long_names[0] if long_names else names[0]).lstrip("-").replace("-", "_")
        if action == "store_true" and default is None:
            default = False
        elif action == "store_false" and default is None:
            default = True
        self._options.append((names, dict(action=action, default=default, type=type,
                                          dest=dest, choices=choices, const=const)))

    def error(self, message):
        raise SystemExit("error: %s" % message)

    def _find(self, name):
        for names, settings in self._options:
            if name in names:
                return settings
        raise SystemExit("error: unrecognized arguments: %s" % name)

    def parse_args(self, args=None):
        if args is None:
            args = sys.argv[1:]
        values = {settings["dest"]: settings["default"] for _, settings in self._options}
        positional = []
        index = 0
        while index < len(args):
            arg = args[index]
            index += 1
            if not arg.startswith("-") or arg == "-":
                positional.append(arg)
                continue
            if arg == "--":
                positional.extend(args[index:])
                break
            value = None
            if "=" in arg and arg.startswith("--"):
                arg, value = arg.split("=", 1)
            elif not arg.startswith("--") and len(arg) > 2:
                arg, value = arg[:2], arg[2:]
            settings = self._find(arg)
            action = settings["action"]
            dest = settings["dest"]
            if action in ("store_true", "store_false", "store_const"):
                values[dest] = {"store_true": True, "store_false": False,
                                "store_const": settings["const"]}[action]
                continue
            if action == "count":
                values[dest] = (values[dest] or 0) + 1
                continue
            if value is None:
                if index >= len(args):
                    raise SystemExit("error: argument %s: expected one argument" % arg)
                value = args[index]
                index += 1
            if settings["type"] is not None:
                value = settings["type"](value)
            if settings["choices"] is not None and value not in settings["choices"]:
                raise SystemExit("error: argument %s: invalid choice: %r" % (arg, value))
            if action == "append":
                values[dest] = list(values[dest] or []) + [value]
            else:
                values[dest] = value
        for name, type_, nargs, default, choices in self._positionals:
            if nargs in ("*", "+"):
                values[name] = [type_(v) if type_ else v for v in positional]
                positional = []
            elif positional:
                value = positional.pop(0)
                values[name] = type_(value) if type_ else value
            else:
                values[name] = default
        if positional:
            raise SystemExit("error: unrecognized arguments: %s" % " ".join(positional))
        return _Options(**values)


def _make_argparser(description):
    try:
        import argparse
    except ImportError:
        return _ArgumentParser(description)
    return argparse.ArgumentParser(description=description)


def _add_runner_options(parser):
    """pyperf's Runner command line (pyperf's option names and meanings), plus --quick."""
    add = parser.add_argument
    # Loop iterations.  Defaults are resolved in Runner.parse_args (None = not given).
    add("--rigorous", action="store_true",
        help="spend longer: twice the processes")
    add("--fast", action="store_true",
        help="rough answers quickly: half the processes, 2/3 of the values")
    add("--quick", action="store_true",
        help="smoke test (Braid extension): one value, no warm-up, short calibration")
    add("-p", "--processes", type=int, default=None,
        help="worker processes (default: 1 = run in this process)")
    add("-n", "--values", type=int, default=None, help="values per process (default: 3)")
    add("-l", "--loops", type=_parse_loops, default=None,
        help="loops per value, N or X^Y (default: calibrated)")
    add("-w", "--warmups", type=int, default=None, help="warm-up values (default: 1)")
    add("--min-time", type=float, default=None,
        help="minimum seconds of one raw value (default: 0.1)")
    # Output.
    add("-d", "--dump", action="store_true", help="show the runs")
    add("-m", "--metadata", dest="show_metadata", action="store_true",
        help="show the metadata")
    add("-g", "--hist", action="store_true", help="show a histogram of the values")
    add("-t", "--stats", action="store_true", help="show statistics")
    add("-v", "--verbose", action="store_true")
    add("-q", "--quiet", action="store_true")
    # JSON output.
    add("-o", "--output", default=None, help="write the results as JSON into this file")
    add("--append", default=None, help="add the runs to this JSON file (created if needed)")
    add("--pipe", type=int, default=None, help="write the JSON results into this fd")
    # Misc.
    add("--python", default=None, help="Python executable of the worker processes")
    add("--compare-to", default=None, help="not supported here: use Tools/bench/run.py")
    add("--python-names", default=None)
    add("--affinity", default=None, help="CPU list for the benchmark processes")
    add("--inherit-environ", default=None,
        help="comma-separated environment variables that workers inherit")
    add("--copy-env", action="store_true", help="workers inherit the whole environment")
    add("--no-locale", action="store_true", help="workers do not inherit locale variables")
    add("--timeout", type=float, default=None,
        help="seconds after which the benchmark is stopped (exit code 124)")
    add("--track-memory", action="store_true",
        help="values are the peak memory in bytes instead of times")
    add("--tracemalloc", action="store_true", help="record tracemalloc_peak metadata")
    add("--same-loops", default=None,
        help="take the loop counts from this JSON file")
    add("--hook", action="append", default=None, help="accepted, not supported here")
    # Internal (pyperf's manager/worker protocol).
    add("--worker", action="store_true")
    add("--worker-task", type=int, default=None)
    add("--calibrate-loops", action="store_true")
    add("--recalibrate-loops", action="store_true")
    add("--calibrate-warmups", action="store_true")
    add("--recalibrate-warmups", action="store_true")
    add("--debug-single-value", action="store_true")


# -- the runner ----------------------------------------------------------------------------
class Runner:
    """Runs benchmarks and records them in pyperf's JSON format."""

    def __init__(self, values=None, processes=None, loops=0, min_time=0.1, metadata=None,
                 show_name=True, program_args=None, add_cmdline_args=None, warmups=None,
                 _argparser=None, **unused):
        self.metadata = dict(metadata or {})
        self.argparser = _argparser or _make_argparser("Benchmark runner (pyperf API)")
        _add_runner_options(self.argparser)
        self.args = None
        self.program_args = (tuple(program_args) if program_args is not None
                             else (sys.argv[0],))
        self.add_cmdline_args = add_cmdline_args
        self._show_name = show_name
        self._defaults = {"values": values, "processes": processes, "loops": loops,
                          "min_time": min_time, "warmups": warmups}
        self._benchmarks = []        # complete benchmarks of this process
        self._names = set()
        self._task = 0               # index of the next bench_* call (--worker-task)
        self._baseline = None        # benchmarks already in the --append file
        self._same_loops = None

    # -- command line -------------------------------------------------------------------
    def parse_args(self, args=None):
        if self.args is not None:
            if args is not None:
                raise RuntimeError("parse_args(args) must only be called once")
            return self.args
        a = self.argparser.parse_args(args)
        defaults = self._defaults
        if a.values is None:
            a.values = defaults["values"] if defaults["values"] is not None else 3
        if a.warmups is None:
            a.warmups = defaults["warmups"] if defaults["warmups"] is not None else 1
        if a.processes is None:
            a.processes = defaults["processes"] if defaults["processes"] is not None else 1
        if a.loops is None:
            a.loops = defaults["loops"] or 0
        if a.min_time is None:
            a.min_time = 0.001 if a.quick else defaults["min_time"]
        if a.rigorous:
            a.processes *= 2
        elif a.fast:
            a.processes = max(1, a.processes // 2)
            a.values = max(1, a.values * 2 // 3)
        if a.quick:
            a.values, a.warmups, a.processes = 1, 0, 1
        if a.debug_single_value:
            a.values, a.warmups, a.processes, a.loops = 1, 0, 1, 1
        if a.worker:
            a.processes = 1
        for name in ("values", "processes"):
            if getattr(a, name) < 1:
                self.argparser.error("--%s must be >= 1" % name)
        if a.warmups < 0 or a.loops < 0:
            self.argparser.error("--warmups and --loops must be >= 0")
        if a.compare_to:
            self.argparser.error("--compare-to is not supported by this runner: "
                                 "compare interpreters with Tools/bench/run.py")
        if a.output and a.append:
            self.argparser.error("--output and --append are mutually exclusive")
        if a.output and os.path.exists(a.output):
            print("ERROR: The JSON file %r already exists" % a.output, file=sys.stderr)
            sys.exit(1)
        if a.hook and not a.quiet:
            print("WARNING: --hook is not supported by this runner: ignored",
                  file=sys.stderr)
        if a.affinity:
            setter = getattr(os, "sched_setaffinity", None)
            if setter is not None:
                setter(0, _parse_cpu_list(a.affinity))
        if a.same_loops:
            with open(a.same_loops) as f:
                self._same_loops = {b["metadata"]["name"]: b
                                    for b in _load_benchmarks(json.load(f))}
        self.args = a
        return a

    @staticmethod
    def _arm_timeout(seconds):
        """Exit with status 124 if the benchmark runs longer than seconds (0 disarms)."""
        try:
            import signal
        except ImportError:
            return
        if not hasattr(signal, "setitimer"):
            return

        def expired(signum, frame):
            sys.stderr.write("ERROR: benchmark timed out after %s seconds\n" % seconds)
            sys.stderr.flush()
            os._exit(124)
        if seconds:
            signal.signal(signal.SIGALRM, expired)
        signal.setitimer(signal.ITIMER_REAL, seconds)

    # -- timing -------------------------------------------------------------------------
    def _loops_for(self, name):
        if self._same_loops and name in self._same_loops:
            return Benchmark(self._same_loops[name]).get_loops()
        return self.args.loops

    def _calibrate(self, time_loops, inner):
        """Double the loop count until one raw value takes at least min_time seconds;
        return the loops and the calibration warm-ups."""
        loops = 1
        warmups = []
        while True:
            elapsed = time_loops(loops)
            warmups.append([loops, elapsed / (loops * inner)])
            if elapsed >= self.args.min_time or loops >= 2 ** 32:
                return loops, warmups
            loops *= 2

    def _measure(self, name, time_loops, inner_loops, metadata):
        """Run one benchmark in this process; return the complete benchmark dict."""
        args = self.args
        inner = inner_loops or 1
        started = time.time()
        t0 = perf_counter()
        loops = self._loops_for(name)
        warmups = []
        if not loops:
            loops, warmups = self._calibrate(time_loops, inner)
        for _ in range(args.warmups):
            warmups.append([loops, time_loops(loops) / (loops * inner)])
        values = []
        for _ in range(args.values):
            value = time_loops(loops) / (loops * inner)
            if args.track_memory:
                value = _peak_rss_bytes() or 0
            if value <= 0:
                raise ValueError("benchmark %r: a value is zero; use more loops "
                                 "(--loops or --min-time)" % name)
            values.append(value)
        run_metadata = {"date": _iso_date(started), "duration": perf_counter() - t0,
                        "loops": loops}
        if inner_loops:
            run_metadata["inner_loops"] = inner_loops
        rss = _peak_rss_bytes()
        if rss is not None:
            run_metadata["mem_max_rss"] = rss
        if hasattr(os, "getloadavg"):
            run_metadata["load_avg_1min"] = os.getloadavg()[0]
        if args.tracemalloc:
            try:
                import tracemalloc
                run_metadata["tracemalloc_peak"] = tracemalloc.get_traced_memory()[1]
            except (ImportError, AttributeError):
                pass
        bench_metadata = dict(_common_metadata())
        bench_metadata.update(self.metadata)
        bench_metadata.update(metadata or {})
        bench_metadata["name"] = name
        bench_metadata["unit"] = "byte" if args.track_memory else bench_metadata.get(
            "unit", "second")
        return {"metadata": _clean_metadata(bench_metadata),
                "runs": [{"metadata": _clean_metadata(run_metadata), "warmups": warmups,
                          "values": values}]}

    def _run(self, name, time_loops, inner_loops, metadata):
        args = self.args if self.args is not None else self.parse_args()
        # --timeout bounds each benchmark run in this process; the timer is disarmed after
        # it, so that a program that goes on (or a test) is not killed later.
        timed = bool(args.timeout) and args.processes == 1
        if timed:
            self._arm_timeout(args.timeout)
        try:
            return self._run_timed(name, time_loops, inner_loops, metadata, args)
        finally:
            if timed:
                self._arm_timeout(0)

    def _run_timed(self, name, time_loops, inner_loops, metadata, args):
        if not isinstance(name, str) or not name:
            raise ValueError("a benchmark name must be a non-empty str")
        if name in self._names:
            raise ValueError("duplicated benchmark name: %r" % name)
        self._names.add(name)
        task = self._task
        self._task += 1
        if args.worker_task is not None and task != args.worker_task:
            return None
        if args.tracemalloc:
            try:
                import tracemalloc
                tracemalloc.start()
            except ImportError:
                pass
        if args.processes > 1 and not args.worker:
            bench = self._spawn_workers(name, task)
        else:
            bench = self._measure(name, time_loops, inner_loops, metadata)
        self._benchmarks.append(bench)
        result = Benchmark(bench)
        self._show(result)
        self._write(bench)
        return result

    # -- worker processes -----------------------------------------------------------------
    def _worker_environ(self):
        args = self.args
        if args.copy_env:
            return dict(os.environ)
        names = list(_BASE_ENVIRON)
        if not args.no_locale:
            names += _LOCALE_ENVIRON
        if args.inherit_environ:
            names += [n.strip() for n in args.inherit_environ.split(",") if n.strip()]
        return {n: os.environ[n] for n in names if n in os.environ}

    def _worker_command(self, task, output, loops):
        args = self.args
        cmd = [args.python or sys.executable]
        cmd.extend(self.program_args)
        cmd += ["--worker", "--worker-task=%d" % task, "--output", output,
                "--values", str(args.values), "--warmups", str(args.warmups),
                "--min-time", repr(args.min_time), "--loops", str(loops)]
        cmd.append("--verbose" if args.verbose else "--quiet")
        for flag in ("track_memory", "tracemalloc"):
            if getattr(args, flag):
                cmd.append("--" + flag.replace("_", "-"))
        if args.affinity:
            cmd.append("--affinity=%s" % args.affinity)
        if args.timeout:
            cmd.append("--timeout=%s" % args.timeout)
        if self.add_cmdline_args is not None:
            self.add_cmdline_args(cmd, args)
        return cmd

    def _spawn_workers(self, name, task):
        import subprocess
        import tempfile
        args = self.args
        bench = None
        loops = self._loops_for(name)
        env = self._worker_environ()
        scratch = tempfile.mkdtemp(prefix="pyperf-")
        try:
            for index in range(args.processes):
                output = os.path.join(scratch, "worker-%d.json" % index)
                cmd = self._worker_command(task, output, loops)
                if args.verbose:
                    print("Run worker %d/%d: %s" % (index + 1, args.processes,
                                                    " ".join(cmd)), flush=True)
                try:
                    status = subprocess.call(cmd, env=env, timeout=args.timeout)
                except subprocess.TimeoutExpired:
                    print("ERROR: worker timed out after %s seconds" % args.timeout,
                          file=sys.stderr)
                    sys.exit(124)
                if status != 0:
                    raise RuntimeError("benchmark %r: worker %d failed with exit code %d"
                                       % (name, index + 1, status))
                with open(output) as f:
                    found = [b for b in _load_benchmarks(json.load(f))
                             if b["metadata"].get("name") == name]
                os.remove(output)
                if len(found) != 1:
                    raise RuntimeError("benchmark %r: worker %d wrote no result"
                                       % (name, index + 1))
                if bench is None:
                    bench = found[0]
                    loops = Benchmark(bench).get_loops()   # later workers: same loops
                else:
                    _merge_benchmark(bench, found[0])
                if not args.quiet and not args.verbose:
                    sys.stdout.write(".")
                    sys.stdout.flush()
            if not args.quiet and not args.verbose:
                sys.stdout.write("\n")
        finally:
            for leftover in os.listdir(scratch):
                os.remove(os.path.join(scratch, leftover))
            os.rmdir(scratch)
        return bench

    # -- output -------------------------------------------------------------------------
    def _show(self, result):
        args = self.args
        if args.quiet:
            return
        if args.show_metadata:
            print("Metadata:")
            for key, value in sorted(result.get_metadata().items()):
                print("- %s: %s" % (key, value))
            print()
        if args.dump or args.verbose:
            for index, run in enumerate(result.get_runs(), 1):
                warm = ", ".join(result.format_value(v) for _, v in run.get("warmups", ()))
                vals = ", ".join(result.format_value(v) for v in run.get("values", ()))
                print("Run %d: %d warmups (%s); values (%s): %s"
                      % (index, len(run.get("warmups", ())), warm,
                         len(run.get("values", ())), vals))
        if args.stats or args.hist:
            values = sorted(result.get_values())
            print("Total values: %d; minimum %s, median %s, maximum %s"
                  % (len(values), result.format_value(values[0]),
                     result.format_value(result.median()),
                     result.format_value(values[-1])))
        text = str(result)
        print("%s: %s" % (result.get_name(), text) if self._show_name else text,
              flush=True)

    def _write(self, bench):
        args = self.args
        if args.pipe is not None:
            with os.fdopen(os.dup(args.pipe), "w") as pipe:
                pipe.write(json.dumps(_dump_document([bench]), sort_keys=True) + "\n")
        target = args.output or args.append
        if not target:
            return
        if self._baseline is None:
            self._baseline = []
            if args.append and os.path.exists(args.append):
                with open(args.append) as previous:
                    self._baseline = _load_benchmarks(json.load(previous))
        benchmarks = [{"metadata": dict(b["metadata"]),
                       "runs": [dict(r, metadata=dict(r["metadata"])) for r in b["runs"]]}
                      for b in self._baseline]
        try:
            _merge_into(benchmarks, self._benchmarks)
        except ValueError as exc:
            sys.exit("ERROR: %s: %s" % (target, exc))
        with open(target, "w") as out:
            json.dump(_dump_document(benchmarks), out, indent=1, sort_keys=True)
            out.write("\n")

    # -- the pyperf API -----------------------------------------------------------------
    def bench_time_func(self, name, time_func, *args, inner_loops=None, metadata=None):
        """time_func(loops, *args) runs the body `loops` times and returns the seconds."""
        return self._run(name, lambda loops: time_func(loops, *args), inner_loops, metadata)

    def bench_func(self, name, func, *args, inner_loops=None, metadata=None):
        """Time calls of func(*args)."""
        def time_loops(loops):
            t0 = perf_counter()
            for _ in range(loops):
                func(*args)
            return perf_counter() - t0
        return self._run(name, time_loops, inner_loops, metadata)

    def bench_async_func(self, name, func, *args, inner_loops=None, metadata=None,
                         loop_factory=None):
        """Time `await func(*args)` in an asyncio event loop."""
        def time_loops(loops):
            import asyncio

            async def many():
                t0 = perf_counter()
                for _ in range(loops):
                    await func(*args)
                return perf_counter() - t0
            if loop_factory is None:
                return asyncio.run(many())
            loop = loop_factory()
            try:
                return loop.run_until_complete(many())
            finally:
                loop.close()
        return self._run(name, time_loops, inner_loops, metadata)

    def timeit(self, name, stmt=None, setup="pass", teardown="pass", inner_loops=None,
               duplicate=None, metadata=None, globals=None):
        """Time a statement as timeit.Timer does: setup and teardown run once per value,
        in a function whose globals are `globals` (a new dict by default)."""
        if stmt is None:
            stmt = name

        def as_text(code):
            if isinstance(code, (list, tuple)):
                code = "\n".join(code)
            return str(code)

        def indented(code, depth):
            lines = as_text(code).splitlines() or ["pass"]
            return "".join(" " * depth + line + "\n" for line in lines)

        repeat = duplicate or 1
        source = ("def _pyperf_timer(_loops, _clock):\n" + indented(setup, 4)
                  + "    _t0 = _clock()\n    for _ in range(_loops):\n"
                  + indented(stmt, 8) * repeat
                  + "    _elapsed = _clock() - _t0\n" + indented(teardown, 4)
                  + "    return _elapsed\n")
        namespace = globals if globals is not None else {}
        local = {}
        exec(compile(source, "<timeit-src>", "exec"), namespace, local)
        timer = local["_pyperf_timer"]
        extra = {"timeit_setup": repr(as_text(setup)), "timeit_stmt": repr(as_text(stmt))}
        extra.update(metadata or {})
        return self._run(name, lambda loops: timer(loops, perf_counter),
                         (inner_loops or 1) * repeat if (inner_loops or duplicate) else None,
                         extra)

    def bench_command(self, name, command):
        """Time the execution of a command (wall time of running it to completion)."""
        import subprocess
        command = [str(c) for c in command]
        if not command:
            raise ValueError("bench_command needs a non-empty command")

        def time_loops(loops):
            devnull = os.open(os.devnull, os.O_RDWR)
            try:
                t0 = perf_counter()
                for _ in range(loops):
                    status = subprocess.call(command, stdin=devnull, stdout=devnull,
                                             stderr=devnull)
                    if status != 0:
                        raise RuntimeError("command %r failed with exit code %d"
                                           % (command, status))
                return perf_counter() - t0
            finally:
                os.close(devnull)
        return self._run(name, time_loops, None, {"command": " ".join(command)})
