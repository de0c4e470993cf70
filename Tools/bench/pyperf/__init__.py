"""A pyperf-compatible benchmark runner for Braid's benchmark suite.

Benchmark files written for pyperformance import ``pyperf`` and use ``Runner`` (bench_func,
bench_time_func, timeit, metadata, argparser, parse_args) and ``perf_counter``.  This module
gives that API without pyperf's worker processes: one process runs the warm-ups and the timed
values of each benchmark, and the suite's driver (Tools/bench/run.py) starts that process many
times, interleaving the interpreters it compares.  Results are written in pyperf's JSON
format (version 1.0), so ``python -m pyperf compare_to`` can read them.

Timing model (as pyperf's): a *value* is the time of one call of the benchmark body divided
by the number of loops and inner loops, i.e. seconds per iteration.  The loop count is
calibrated so that one value takes at least ``min_time`` seconds.
"""

import json
import os
import sys
import time

__all__ = ["Runner", "perf_counter", "python_implementation", "python_has_jit"]
VERSION = (2, 7, 0)          # the pyperf API level these benchmarks expect
__version__ = "2.7.0"

perf_counter = time.perf_counter


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
    except OSError:
        pass
    return None


class _Options:
    """The parsed command line (attribute access, like argparse.Namespace)."""

    def __init__(self, **values):
        self.__dict__.update(values)


class _ArgumentParser:
    """The subset of argparse.ArgumentParser that benchmark files use, for interpreters
    that do not have argparse: long and short options with store/store_true/store_false/
    append, type=, default=, dest=, choices= and positional arguments."""

    def __init__(self, description=None):
        self.description = description
        self._options = []       # (names, settings)
        self._positionals = []

    def add_argument(self, *names, action="store", default=None, type=None, dest=None,
                     choices=None, help=None, nargs=None, metavar=None, const=None):
        if not names[0].startswith("-"):
            self._positionals.append((names[0], type, nargs, default))
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

    def _find(self, name):
        for names, settings in self._options:
            if name in names:
                return settings
        raise SystemExit("error: unrecognized argument %s" % name)

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
            value = None
            if "=" in arg and arg.startswith("--"):
                arg, value = arg.split("=", 1)
            settings = self._find(arg)
            action = settings["action"]
            if action in ("store_true", "store_false", "store_const"):
                values[settings["dest"]] = {"store_true": True, "store_false": False,
                                            "store_const": settings["const"]}[action]
                continue
            if value is None:
                if index >= len(args):
                    raise SystemExit("error: argument %s expects a value" % arg)
                value = args[index]
                index += 1
            if settings["type"] is not None:
                value = settings["type"](value)
            if settings["choices"] is not None and value not in settings["choices"]:
                raise SystemExit("error: argument %s: invalid choice %r" % (arg, value))
            if action == "append":
                values[settings["dest"]] = (values[settings["dest"]] or []) + [value]
            else:
                values[settings["dest"]] = value
        for name, type_, nargs, default in self._positionals:
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


def _format_seconds(seconds):
    for unit, scale in (("sec", 1.0), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)):
        if seconds >= scale:
            return "%.2f %s" % (seconds / scale, unit)
    return "%.2f ns" % (seconds / 1e-9)


class Runner:
    """Runs benchmarks in this process and records them in pyperf's JSON format."""

    def __init__(self, values=None, processes=None, loops=0, min_time=0.1, metadata=None,
                 show_name=True, program_args=None, add_cmdline_args=None, warmups=None,
                 **unused):
        self.metadata = dict(metadata or {})
        self.argparser = _make_argparser("Braid benchmark runner (pyperf API)")
        parser = self.argparser
        parser.add_argument("-o", "--output", default=None)
        parser.add_argument("--append", default=None)
        parser.add_argument("-q", "--quiet", action="store_true")
        parser.add_argument("-v", "--verbose", action="store_true")
        parser.add_argument("--quick", "--fast", dest="quick", action="store_true")
        parser.add_argument("--rigorous", action="store_true")
        parser.add_argument("--debug-single-value", dest="debug_single_value",
                            action="store_true")
        parser.add_argument("-n", "--values", dest="values", type=int,
                            default=values if values is not None else 5)
        parser.add_argument("-w", "--warmups", dest="warmups", type=int,
                            default=warmups if warmups is not None else 1)
        parser.add_argument("-l", "--loops", dest="loops", type=int, default=loops)
        parser.add_argument("--min-time", dest="min_time", type=float, default=min_time)
        parser.add_argument("-p", "--processes", dest="processes", type=int,
                            default=processes or 1)
        parser.add_argument("--inherit-environ", dest="inherit_environ", default=None)
        parser.add_argument("--worker", action="store_true")
        parser.add_argument("--pipe", type=int, default=None)
        parser.add_argument("--track-memory", dest="track_memory", action="store_true")
        parser.add_argument("--tracemalloc", action="store_true")
        self.args = None
        self._show_name = show_name
        self._benchmarks = []
        self._names = set()

    def parse_args(self, args=None):
        if self.args is None:
            self.args = self.argparser.parse_args(args)
            if self.args.quick or self.args.debug_single_value:
                self.args.values = 1
                self.args.warmups = 0 if self.args.debug_single_value else 1
                if not self.args.loops:
                    self.args.loops = 1
        return self.args

    # -- timing -------------------------------------------------------------------------
    def _calibrate(self, time_loops):
        """Double the loop count until one value takes at least min_time seconds."""
        loops = 1
        while True:
            elapsed = time_loops(loops)
            if elapsed >= self.args.min_time or loops >= 2 ** 32:
                return loops, elapsed
            loops *= 2

    def _run(self, name, time_loops, inner_loops, metadata):
        args = self.parse_args()
        if name in self._names:
            raise ValueError("duplicated benchmark name: %r" % name)
        self._names.add(name)
        inner = inner_loops or 1
        warmups = []
        if args.loops:
            loops = args.loops
        else:
            loops, elapsed = self._calibrate(time_loops)
            warmups.append([loops, elapsed / (loops * inner)])
        for _ in range(args.warmups):
            warmups.append([loops, time_loops(loops) / (loops * inner)])
        values = [time_loops(loops) / (loops * inner) for _ in range(args.values)]
        run_metadata = {"date": time.strftime("%Y-%m-%d %H:%M:%S"), "loops": loops}
        if inner_loops:
            run_metadata["inner_loops"] = inner_loops
        rss = _peak_rss_bytes()
        if rss is not None:
            run_metadata["mem_max_rss"] = rss
        bench_metadata = dict(self.metadata)
        bench_metadata.update(metadata or {})
        bench_metadata["name"] = name
        bench_metadata.setdefault("unit", "second")
        bench = {"metadata": bench_metadata,
                 "runs": [{"metadata": run_metadata, "warmups": warmups, "values": values}]}
        self._benchmarks.append(bench)
        if not args.quiet:
            self._show(name, values)
        self._write()
        return bench

    def _show(self, name, values):
        mean = sum(values) / len(values)
        if len(values) > 1:
            var = sum((v - mean) ** 2 for v in values) / (len(values) - 1)
            text = "Mean +- std dev: %s +- %s" % (_format_seconds(mean),
                                                 _format_seconds(var ** 0.5))
        else:
            text = _format_seconds(mean)
        print("%s: %s" % (name, text) if self._show_name else text, flush=True)

    def _write(self):
        target = self.args.output or self.args.append
        if not target:
            return
        document = {"version": "1.0", "metadata": _common_metadata(),
                    "benchmarks": self._benchmarks}
        if self.args.append and os.path.exists(self.args.append):
            with open(self.args.append) as previous:
                old = json.load(previous)
            old_names = {b["metadata"]["name"] for b in self._benchmarks}
            kept = [b for b in old.get("benchmarks", [])
                    if b["metadata"]["name"] not in old_names]
            document["benchmarks"] = kept + self._benchmarks
        with open(target, "w") as out:
            json.dump(document, out, indent=1, sort_keys=True)
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

    def bench_async_func(self, name, func, *args, inner_loops=None, metadata=None):
        import asyncio

        def time_loops(loops):
            async def many():
                t0 = perf_counter()
                for _ in range(loops):
                    await func(*args)
                return perf_counter() - t0
            return asyncio.run(many())
        return self._run(name, time_loops, inner_loops, metadata)

    def timeit(self, name, stmt=None, setup="pass", teardown="pass", inner_loops=None,
               duplicate=None, metadata=None, globals=None):
        """Time a statement, as the timeit module does (setup runs once per value)."""
        namespace = dict(globals or {})
        body = "".join("        " + line + "\n" for line in str(stmt).splitlines())
        body = body or "        pass\n"
        prelude = "\n".join("    " + line for line in str(setup).splitlines())
        ending = "\n".join("    " + line for line in str(teardown).splitlines())
        source = ("def _braid_timer(_loops, _clock):\n%s\n    _t0 = _clock()\n"
                  "    for _ in range(_loops):\n%s    _elapsed = _clock() - _t0\n%s\n"
                  "    return _elapsed\n" % (prelude, body * (duplicate or 1), ending))
        exec(compile(source, "<timeit-%s>" % name, "exec"), namespace)
        timer = namespace["_braid_timer"]
        return self._run(name, lambda loops: timer(loops, perf_counter),
                         (inner_loops or 1) * (duplicate or 1), metadata)


def _common_metadata():
    impl = sys.implementation
    data = {
        "python_implementation": impl.name,
        "python_version": "%d.%d.%d" % sys.version_info[:3],
        "python_executable": sys.executable,
        "perf_version": __version__,
        "platform": sys.platform,
        "cpu_count": os.cpu_count(),
    }
    gil_check = getattr(sys, "_is_gil_enabled", None)
    if gil_check is not None:
        data["python_gil"] = "enabled" if gil_check() else "disabled"
    return data
