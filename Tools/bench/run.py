"""Braid's benchmark driver: runs the suite on several interpreters and writes the report.

    python Tools/bench/run.py [--quick] [--benchmarks a,b|none] [--workloads a,b|none]
                              [--threads 1,2,4] [--repetitions N] [--values N]
                              [--python NAME=PATH ...] [--results DIR]
                              [--benchmark-dir DIR]

By default it compares build-gil/python ("gil"), build-ft/python ("ft") and, when present,
/usr/bin/python3 ("host"); --python NAME=PATH (repeated) compares any interpreters instead.
--benchmark-dir takes the bm_<name>/run_benchmark.py programs from another directory (default:
Tools/bench/benchmarks); "none" skips the single-thread benchmarks or the scaling workloads.

Each interpreter runs each benchmark in a fresh process; the processes are interleaved
(gil ft host, ft host gil, ...) so that the machine's drift is spread over all interpreters.
The driver runs on any of them (it needs only os, sys, json, math and time), and exits
non-zero if any benchmark failed or gave a wrong answer.

Output: a progress line and the report on the terminal, and DIR/report.md, DIR/raw.json,
DIR/ratios.svg and DIR/scaling.svg (drawn by Tools/bench/svg.py).  The report records the
machine (CPU model, cores, kernel, OS), the commit, and for each interpreter its version as
it reports itself; for a build directory also the configure line, the compiler with its
version (`CC --version`) and the optimisation flags.
"""

import json
import math
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import svg  # noqa: E402  (Tools/bench/svg.py)


# -- command line --------------------------------------------------------------------------
class Settings:
    def __init__(self):
        self.quick = False
        self.benchmarks = None
        self.workloads = None
        self.threads = None
        self.repetitions = 3
        self.values = 3
        self.pythons = []
        self.results = None
        self.benchmark_dir = os.path.join(HERE, "benchmarks")


USAGE = __doc__.split("\n\n")[1]


def parse_command_line(argv):
    settings = Settings()
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg in ("-h", "--help"):
            print(__doc__)
            sys.exit(0)
        if arg == "--quick":
            settings.quick = True
            continue
        if not args:
            sys.exit("run.py: %s needs a value\n%s" % (arg, USAGE))
        value = args.pop(0)
        if arg == "--benchmarks":
            settings.benchmarks = [] if value == "none" else value.split(",")
        elif arg == "--workloads":
            settings.workloads = [] if value == "none" else value.split(",")
        elif arg == "--benchmark-dir":
            settings.benchmark_dir = os.path.abspath(value)
        elif arg == "--threads":
            settings.threads = [int(n) for n in value.split(",")]
        elif arg == "--repetitions":
            settings.repetitions = int(value)
        elif arg == "--values":
            settings.values = int(value)
        elif arg == "--python":
            name, _, path = value.partition("=")
            if not path:
                sys.exit("run.py: --python wants NAME=PATH")
            settings.pythons.append((name, path))
        elif arg == "--results":
            settings.results = value
        else:
            sys.exit("run.py: unknown option %s\n%s" % (arg, USAGE))
    if settings.quick:
        settings.repetitions = 1
        settings.values = 1
    if not settings.pythons:
        for name, path in (("gil", os.path.join(TOP, "build-gil", "python")),
                           ("ft", os.path.join(TOP, "build-ft", "python")),
                           ("host", "/usr/bin/python3")):
            if os.access(path, os.X_OK):
                settings.pythons.append((name, path))
    if not settings.pythons:
        sys.exit("run.py: no interpreter found (build both variants first, or use --python)")
    return settings


# -- child processes -----------------------------------------------------------------------
def run_child(argv, output_path):
    """Run argv with stdout and stderr sent to output_path; return the exit status.
    (fork/exec by hand: the driver must not need subprocess.)"""
    env_path = HERE + (os.pathsep + os.environ["PYTHONPATH"]
                       if os.environ.get("PYTHONPATH") else "")
    pid = os.fork()
    if pid == 0:
        try:
            fd = os.open(output_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            os.putenv("PYTHONPATH", env_path)
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def read_text(path):
    with open(path) as f:
        return f.read()


class Progress:
    """One status line on stderr: which step, of how many."""

    def __init__(self, total):
        self.total = total
        self.done = 0
        self.started = time.time()

    def step(self, text):
        self.done += 1
        elapsed = time.time() - self.started
        sys.stderr.write("\r[%d/%d %4.0fs] %-60s" % (self.done, self.total, elapsed, text[:60]))
        sys.stderr.flush()

    def finish(self):
        sys.stderr.write("\n")


# -- statistics ----------------------------------------------------------------------------
def median(values):
    ordered = sorted(values)
    n = len(ordered)
    middle = n // 2
    return ordered[middle] if n % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def spread(values):
    """Half the range relative to the median, as a percentage (0 for one value)."""
    if len(values) < 2:
        return 0.0
    return 50.0 * (max(values) - min(values)) / median(values)


def geometric_mean(ratios):
    ratios = [r for r in ratios if r and r > 0]
    if not ratios:
        return None
    return math.exp(sum(math.log(r) for r in ratios) / len(ratios))


# -- the two phases --------------------------------------------------------------------------
def list_benchmarks(settings):
    root = settings.benchmark_dir
    if not os.path.isdir(root):
        sys.exit("run.py: no benchmark directory %s" % root)
    names = sorted(entry[3:] for entry in os.listdir(root) if entry.startswith("bm_")
                   and os.path.exists(os.path.join(root, entry, "run_benchmark.py")))
    if settings.benchmarks is not None:
        unknown = set(settings.benchmarks) - set(names)
        if unknown:
            sys.exit("run.py: unknown benchmarks: %s" % ", ".join(sorted(unknown)))
        names = [n for n in names if n in settings.benchmarks]
    return names


def rotated(items, shift):
    shift %= len(items)
    return items[shift:] + items[:shift]


def run_single_thread(settings, names, scratch, failures):
    """results[bench][python] = {"times": [median per process], "rss": [bytes]}."""
    results = {name: {py: {"times": [], "rss": []} for py, _ in settings.pythons}
               for name in names}
    progress = Progress(len(names) * len(settings.pythons) * settings.repetitions)
    for rep in range(settings.repetitions):
        for index, name in enumerate(names):
            script = os.path.join(settings.benchmark_dir, "bm_" + name, "run_benchmark.py")
            for py, path in rotated(settings.pythons, rep + index):
                progress.step("%s on %s (round %d)" % (name, py, rep + 1))
                json_path = os.path.join(scratch, "%s-%s.json" % (name, py))
                log_path = os.path.join(scratch, "%s-%s.log" % (name, py))
                if os.path.exists(json_path):
                    os.remove(json_path)
                argv = [path, script, "-o", json_path, "--values", str(settings.values)]
                if settings.quick:
                    argv.append("--quick")
                status = run_child(argv, log_path)
                if status != 0 or not os.path.exists(json_path):
                    failures.append("%s on %s: exit %d\n%s" % (name, py, status,
                                                              read_text(log_path)[-2000:]))
                    continue
                with open(json_path) as f:
                    document = json.load(f)
                for bench in document["benchmarks"]:
                    for run in bench["runs"]:
                        if run.get("values"):
                            results[name][py]["times"].append(median(run["values"]))
                        if "mem_max_rss" in run.get("metadata", {}):
                            results[name][py]["rss"].append(run["metadata"]["mem_max_rss"])
    progress.finish()
    return results


def run_scaling(settings, workloads, thread_counts, scratch, failures):
    """results[workload][python][threads] = [seconds per process]."""
    script = os.path.join(HERE, "scaling", "workloads.py")
    results = {w: {py: {n: [] for n in thread_counts} for py, _ in settings.pythons}
               for w in workloads}
    steps = len(workloads) * len(thread_counts) * len(settings.pythons) * settings.repetitions
    progress = Progress(steps)
    for rep in range(settings.repetitions):
        for index, workload in enumerate(workloads):
            for threads in thread_counts:
                for py, path in rotated(settings.pythons, rep + index + threads):
                    progress.step("%s x%d on %s" % (workload, threads, py))
                    log_path = os.path.join(scratch, "scaling-%s-%d-%s.log" % (workload,
                                                                              threads, py))
                    argv = [path, script, workload, str(threads)]
                    if settings.quick:
                        argv.append("--quick")
                    status = run_child(argv, log_path)
                    output = read_text(log_path)
                    line = output.strip().splitlines()[-1:] or [""]
                    try:
                        record = json.loads(line[0])
                    except ValueError:
                        record = None
                    if status != 0 or not record or not record.get("ok"):
                        failures.append("scaling %s x%d on %s: exit %d\n%s" % (
                            workload, threads, py, status, output[-2000:]))
                        continue
                    results[workload][py][threads].append(record["seconds"])
    progress.finish()
    return results


# -- the report ----------------------------------------------------------------------------
def machine_description():
    """CPU model, core count, kernel and OS of this machine."""
    cpu = "unknown CPU"
    try:
        for line in read_text("/proc/cpuinfo").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info = {"cpu": cpu, "cores": os.cpu_count()}
    if hasattr(os, "uname"):
        uname = os.uname()
        info["kernel"] = "%s %s %s (%s)" % (uname.sysname, uname.release, uname.version,
                                            uname.machine)
    try:
        for line in read_text("/etc/os-release").splitlines():
            if line.startswith("PRETTY_NAME="):
                info["os"] = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return info


def git_commit():
    try:
        head = read_text(os.path.join(TOP, ".git", "HEAD")).strip()
        if head.startswith("ref: "):
            ref = head[5:]
            ref_path = os.path.join(TOP, ".git", ref)
            if os.path.exists(ref_path):
                return read_text(ref_path).strip()
            for line in read_text(os.path.join(TOP, ".git", "packed-refs")).splitlines():
                if line.endswith(" " + ref):
                    return line.split()[0]
        return head
    except OSError:
        return "unknown"


def which(program):
    """The path of program (searched in PATH when it has no directory), or None."""
    if os.sep in program:
        return program if os.access(program, os.X_OK) else None
    for directory in os.environ.get("PATH", os.defpath).split(os.pathsep):
        candidate = os.path.join(directory or ".", program)
        if os.access(candidate, os.X_OK) and not os.path.isdir(candidate):
            return candidate
    return None


def command_output(argv, scratch):
    """(exit status, stdout+stderr text) of argv, or (None, "") if it cannot run."""
    if not argv or not argv[0]:
        return None, ""
    path = os.path.join(scratch, "probe-%d.out" % os.getpid())
    try:
        status = run_child(argv, path)
        text = read_text(path)
    except OSError:
        return None, ""
    finally:
        if os.path.exists(path):
            os.remove(path)
    return status, text


def compiler_version(cc_line, scratch):
    """First line of `CC --version` for the Makefile's CC (skipping ccache-like wrappers)."""
    words = cc_line.split()
    while words and os.path.basename(words[0]) in ("ccache", "sccache", "distcc"):
        words = words[1:]
    if not words:
        return None
    status, text = command_output([which(words[0]) or words[0], "--version"], scratch)
    lines = text.strip().splitlines()
    return lines[0].strip() if status == 0 and lines else None


PROBE = """\
import json, sys
info = {"version": " ".join(sys.version.split()), "implementation": sys.implementation.name,
        "executable": sys.executable}
try:
    import sysconfig
    info["cc"] = sysconfig.get_config_var("CC")
    info["config_args"] = sysconfig.get_config_var("CONFIG_ARGS")
except Exception:
    pass
gil = getattr(sys, "_is_gil_enabled", None)
if gil is not None:
    info["gil"] = "enabled" if gil() else "disabled"
print(json.dumps(info))
"""


def build_description(path, scratch):
    """What an interpreter is: its version (as it reports it), and for a Braid build
    directory the configure line, the compiler with its version, and the flags."""
    build_dir = os.path.dirname(os.path.abspath(path))
    info = {"path": path}
    status, text = command_output([path, "-c", PROBE], scratch)
    lines = text.strip().splitlines()
    if status == 0 and lines:
        try:
            probe = json.loads(lines[-1])
        except ValueError:
            probe = {}
        info["python"] = probe.get("version")
        info["implementation"] = probe.get("implementation")
        if probe.get("gil"):
            info["gil"] = probe["gil"]
        version = probe.get("version") or ""
        if "[" in version and version.endswith("]"):
            info["compiler"] = version[version.rindex("[") + 1:-1]
        if probe.get("config_args"):
            info["configure_args"] = probe["config_args"]
        if probe.get("cc"):
            info["cc"] = probe["cc"]
    try:
        for line in read_text(os.path.join(build_dir, "config.log")).splitlines():
            if line.startswith("  $ "):
                info["configure"] = line[4:].strip()
                break
        makefile = {}
        for line in read_text(os.path.join(build_dir, "Makefile")).splitlines():
            name, sep, value = line.partition("=")
            name = name.strip()
            if sep and name in ("CC", "CFLAGS", "OPT") and name not in makefile:
                makefile[name] = value.strip()
        if "CC" in makefile:
            info["cc"] = makefile["CC"]
            info["cflags"] = " ".join(v for v in (makefile.get("OPT"), makefile.get("CFLAGS"))
                                      if v)
            version = compiler_version(makefile["CC"], scratch)
            if version:
                info["compiler"] = version
    except OSError:
        pass
    return info


def describe_build(info):
    parts = ["`%s`" % info["path"]]
    if info.get("python"):
        parts.append("Python %s" % info["python"])
    if "gil" in info:
        parts.append("GIL %s" % info["gil"])
    if "configure" in info:
        parts.append("configure: `%s`" % info["configure"])
    if info.get("compiler"):
        parts.append("compiler: `%s`" % info["compiler"])
    if info.get("cflags"):
        parts.append("CC=`%s` flags: `%s`" % (info.get("cc", "?"), info["cflags"]))
    return "; ".join(parts)


def fmt_time(seconds):
    if seconds is None:
        return "-"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("us", 1e-6)):
        if seconds >= scale:
            return "%.3g %s" % (seconds / scale, unit)
    return "%.3g ns" % (seconds / 1e-9)


def fmt_ratio(ratio):
    return "-" if ratio is None else "%.2fx" % ratio


def table(header, rows):
    widths = [max(len(str(row[i])) for row in [header] + rows) for i in range(len(header))]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(header, widths))]
    lines.append("-|-".join("-" * w for w in widths))
    lines += [" | ".join(str(c).ljust(w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join("| " + line + " |" for line in lines)


def summarise_single(settings, single):
    pys = [py for py, _ in settings.pythons]
    base = "gil" if "gil" in pys else pys[0]
    other = "ft" if "ft" in pys else (pys[1] if len(pys) > 1 else None)
    host = "host" if "host" in pys else None
    rows, ratios, host_ratios, mem_ratios = [], [], {py: [] for py in pys}, []
    for name, per_py in single.items():
        med = {py: median(per_py[py]["times"]) if per_py[py]["times"] else None for py in pys}
        row = [name]
        for py in pys:
            if med[py] is None:
                row.append("FAILED")
            else:
                row.append("%s ±%.1f%%" % (fmt_time(med[py]), spread(per_py[py]["times"])))
        ratio = med[other] / med[base] if other and med[other] and med[base] else None
        row.append(fmt_ratio(ratio))
        if ratio:
            ratios.append(ratio)
        if host:
            for py in pys:
                if py != host and med[py] and med[host]:
                    host_ratios[py].append(med[py] / med[host])
        rss = {py: max(per_py[py]["rss"]) if per_py[py]["rss"] else None for py in pys}
        row.append(" / ".join("%.1f" % (rss[py] / 2 ** 20) if rss[py] else "-" for py in pys))
        if other and rss[other] and rss[base]:
            mem_ratios.append(rss[other] / rss[base])
        rows.append(row)
    header = (["benchmark"] + ["%s (median ±spread)" % py for py in pys]
              + ["%s/%s" % (other, base) if other else "ratio",
                 "peak RSS MiB (%s)" % " / ".join(pys)])
    summary = {"base": base, "other": other, "host": host,
               "geomean": geometric_mean(ratios), "memory_geomean": geometric_mean(mem_ratios),
               "vs_host": {py: geometric_mean(r) for py, r in host_ratios.items() if r},
               "ratios": {name: None for name in single}}
    for name, per_py in single.items():
        if other and per_py[other]["times"] and per_py[base]["times"]:
            summary["ratios"][name] = (median(per_py[other]["times"])
                                       / median(per_py[base]["times"]))
    return header, rows, summary


CONTROL_WORKLOAD = "countdown"    # shares nothing: what the machine gives N threads


def summarise_scaling(settings, scaling, thread_counts):
    """The table rows, and the curves for the plot.  When the control workload ran, one more
    column per thread count above the first divides each workload's speed-up by the
    control's, same interpreter and run: a virtual machine does not always give the extra
    cores in full (seen: the control at 1.0-2.0 with two threads from one run to the next),
    and this ratio separates what the workload itself loses by sharing from what the machine
    gave."""
    pys = [py for py, _ in settings.pythons]
    header = ["workload", "python"] + ["x%d speed-up (eff.)" % n for n in thread_counts]
    speedups = {}
    curves = {}
    for workload, per_py in scaling.items():
        for py in pys:
            times = {n: median(per_py[py][n]) if per_py[py][n] else None
                     for n in thread_counts}
            one = times.get(thread_counts[0])
            curve = []
            for n in thread_counts:
                if one and times[n]:
                    curve.append((n, one / times[n] * thread_counts[0]))
                    speedups[workload, py, n] = curve[-1][1]
            curves.setdefault(workload, {})[py] = curve
    relative_to = thread_counts[1:] if CONTROL_WORKLOAD in scaling else []
    header += ["x%d / %s" % (n, CONTROL_WORKLOAD) for n in relative_to]
    rows = []
    for workload in scaling:
        for py in pys:
            row = [workload, py]
            for n in thread_counts:
                speedup = speedups.get((workload, py, n))
                row.append("%.2f (%.0f%%)" % (speedup, 100.0 * speedup / n)
                           if speedup is not None else "FAILED")
            for n in relative_to:
                mine = speedups.get((workload, py, n))
                base = speedups.get((CONTROL_WORKLOAD, py, n))
                row.append("%.2f" % (mine / base) if mine and base else "-")
            rows.append(row)
    return header, rows, curves


def main(argv):
    settings = parse_command_line(argv)
    names = list_benchmarks(settings)
    sys.path.insert(0, os.path.join(HERE, "scaling"))
    import workloads as workload_module
    workloads = (list(workload_module.ALL_WORKLOADS) if settings.workloads is None
                 else settings.workloads)
    unknown = set(workloads) - set(workload_module.ALL_WORKLOADS)
    if unknown:
        sys.exit("run.py: unknown workloads: %s" % ", ".join(sorted(unknown)))
    cores = os.cpu_count() or 1
    thread_counts = settings.threads or sorted({1, 2, cores, 2 * cores})
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out_dir = settings.results or os.path.join(TOP, "bench-results", stamp)
    scratch = os.path.join(out_dir, "runs")
    os.makedirs(scratch, exist_ok=True)
    failures = []

    print("Braid benchmark suite: %d benchmarks, %d scaling workloads, threads %s, on %s"
          % (len(names), len(workloads), thread_counts,
             ", ".join("%s=%s" % pair for pair in settings.pythons)), flush=True)
    single = run_single_thread(settings, names, scratch, failures)
    scaling = run_scaling(settings, workloads, thread_counts, scratch, failures)

    s_header, s_rows, summary = summarise_single(settings, single)
    c_header, c_rows, curves = summarise_scaling(settings, scaling, thread_counts)
    machine = machine_description()
    builds = {py: build_description(path, scratch) for py, path in settings.pythons}

    lines = ["# Braid benchmark report", ""]
    lines.append("- date: %s" % time.strftime("%Y-%m-%d %H:%M:%S"))
    lines.append("- machine: %s, %s cores" % (machine["cpu"], machine["cores"]))
    if "kernel" in machine:
        lines.append("- kernel: %s%s" % (machine["kernel"], ", %s" % machine["os"]
                                         if "os" in machine else ""))
    lines.append("- commit: %s" % git_commit())
    for py, info in builds.items():
        lines.append("- %s: %s" % (py, describe_build(info)))
    lines.append("- mode: %s, %d process(es) per benchmark and interpreter, %d value(s) each"
                 % ("quick (smoke test: numbers are not meaningful)" if settings.quick
                    else "full", settings.repetitions, settings.values))
    lines += ["", "## Single-thread time", "",
              "Median over processes of each process's median time per iteration; ±spread is "
              "half the range over processes relative to the median.", "",
              table(s_header, s_rows) if s_rows else "Not run (--benchmarks none).", ""]
    if summary["geomean"]:
        lines.append("Geometric mean %s/%s: **%.3f** (above 1 means %s is slower)."
                     % (summary["other"], summary["base"], summary["geomean"],
                        summary["other"]))
    for py, value in summary["vs_host"].items():
        if value:
            lines.append("Geometric mean %s/host CPython: **%.3f**." % (py, value))
    if summary["memory_geomean"]:
        lines.append("Geometric mean peak-RSS ratio %s/%s: **%.3f**."
                     % (summary["other"], summary["base"], summary["memory_geomean"]))
    lines += ["", "![ratios](ratios.svg)", "", "## Multicore scaling", "",
              "Same total work at every thread count; speed-up = time(1 thread) / time(N), "
              "efficiency = speed-up / N.  Each process runs the workload once untimed "
              "(warm-up) and times a second run with the same threads; the median over "
              "processes is shown.  The last columns divide a workload's speed-up by that "
              "of `%s` (which shares nothing) at the same thread count on the same "
              "interpreter: the part of the loss that is the workload's own, whatever the "
              "machine gave the extra threads." % CONTROL_WORKLOAD, "",
              table(c_header, c_rows) if c_rows else "Not run (--workloads none).", "",
              "![scaling](scaling.svg)", ""]
    if failures:
        lines += ["## Failures", ""] + ["```\n%s\n```" % f for f in failures]
    report = "\n".join(lines) + "\n"

    with open(os.path.join(out_dir, "report.md"), "w") as f:
        f.write(report)
    with open(os.path.join(out_dir, "raw.json"), "w") as f:
        json.dump({"machine": machine, "commit": git_commit(), "builds": builds,
                   "quick": settings.quick, "single_thread": single,
                   "scaling": {w: {py: {str(n): v for n, v in per.items()}
                                   for py, per in d.items()} for w, d in scaling.items()},
                   "summary": summary, "failures": failures}, f, indent=1, sort_keys=True)
    with open(os.path.join(out_dir, "ratios.svg"), "w") as f:
        f.write(svg.bar_chart("%s / %s time per benchmark" % (summary["other"],
                                                              summary["base"]),
                              [(n, r) for n, r in summary["ratios"].items() if r]))
    with open(os.path.join(out_dir, "scaling.svg"), "w") as f:
        f.write(svg.scaling_curves("Speed-up over one thread", curves, thread_counts))

    print(report)
    print("report directory: %s" % out_dir)
    if failures:
        print("%d benchmark run(s) FAILED (see the report)" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
