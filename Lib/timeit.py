"""Measure how long small pieces of Python code take to run.

Library use:

    t = Timer(stmt="pass", setup="pass", timer=default_timer, globals=None)
    t.timeit(number)        # seconds taken by `number` runs of stmt
    t.repeat(repeat, number)
    t.autorange(callback)   # (number, seconds) with seconds >= 0.2

    timeit(stmt, setup, timer, number, globals)
    repeat(stmt, setup, timer, repeat, number, globals)

stmt and setup are source strings (several lines allowed; leading
indentation is not) or zero-argument callables.  setup runs once per
timeit() call, before the timed loop.  Unless `globals` is given, the code
runs in this module's namespace.

Command line:

    python -m timeit [-n N] [-r N] [-u U] [-s S] [-p] [-v] [-h] [stmt ...]

Options:
  -n/--number N: how many times to execute 'statement' per measurement
                 (default: the smallest power-of-ten multiple of 1, 2 or 5
                 that takes at least 0.2 seconds)
  -r/--repeat N: how many measurements to take (default 5)
  -s/--setup S: statement run once before each measurement (default 'pass');
                may be given several times, one line each
  -p/--process: measure process time (time.process_time) instead of wall
                clock time (time.perf_counter)
  -u/--unit U: unit of the printed times: nsec, usec, msec or sec
  -v/--verbose: print the raw timings; repeat for more digits
  -h/--help: print this text and exit
  statement: the statement to time (default 'pass'); several arguments are
             joined as separate lines

The result printed is the best (smallest) time per loop over the
measurements: the others are usually slower because of other activity on
the machine, not because of variation in Python's speed.
"""

import gc
import itertools
import sys
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_module_globals = globals

# The timed function.  `_it` yields `number` items; the loop body is the
# statement indented by 8 spaces, the setup sits at 4 spaces.  Callables are
# bound as default arguments so that calling them costs a local lookup.
_TEMPLATE = """
def inner(_it, _timer{bindings}):
    {setup}
    _t0 = _timer()
    for _i in _it:
        {stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
"""


def reindent(src, indent):
    """Indent every line of src after the first by `indent` spaces."""
    return src.replace("\n", "\n" + " " * indent)


class Timer:
    """Time the repeated execution of a statement.

    stmt and setup are source strings or callables without arguments;
    timer is a function returning the current time in seconds as a float;
    globals is the namespace the code runs in (by default this module's).
    """

    def __init__(self, stmt="pass", setup="pass", timer=default_timer,
                 globals=None):
        """Compile the timing function for stmt and setup."""
        self.timer = timer
        namespace = {}
        if globals is None:
            globals = _module_globals()
        bindings = ""
        if isinstance(setup, str):
            # Compile alone first so that a syntax error names the setup
            # and a `return` or `yield` outside a function is rejected.
            compile(setup, dummy_src_name, "exec")
            prefix = setup + "\n"
            setup = reindent(setup, 4)
        elif callable(setup):
            namespace["_setup"] = setup
            bindings += ", _setup=_setup"
            prefix = ""
            setup = "_setup()"
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            compile(prefix + stmt, dummy_src_name, "exec")
            stmt = reindent(stmt, 8)
        elif callable(stmt):
            namespace["_stmt"] = stmt
            bindings += ", _stmt=_stmt"
            stmt = "_stmt()"
        else:
            raise ValueError("stmt is neither a string nor callable")
        self.src = _TEMPLATE.format(bindings=bindings, setup=setup, stmt=stmt)
        code = compile(self.src, dummy_src_name, "exec")
        exec(code, globals, namespace)
        self.inner = namespace["inner"]

    def print_exc(self, file=None):
        """Print the current exception's traceback, showing timed source lines.

        Use it inside an `except` block around timeit() or repeat():
        the traceback then shows the lines of the generated source.
        """
        import linecache
        import traceback
        if self.src is not None:
            lines = self.src.split("\n")
            linecache.cache[dummy_src_name] = (len(self.src), None, lines,
                                               dummy_src_name)
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """Run setup once and stmt `number` times; return the seconds taken.

        The garbage collector is off during the measurement.
        """
        iterations = itertools.repeat(None, number)
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self.inner(iterations, self.timer)
        finally:
            if gc_was_enabled:
                gc.enable()

    def repeat(self, repeat=default_repeat, number=default_number):
        """Call timeit(number) `repeat` times; return the list of results.

        The minimum is the figure to look at: higher values come from
        other processes and caches, not from the code being timed.
        """
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """Find a loop count taking at least 0.2 seconds.

        Try 1, 2, 5, 10, 20, 50, ... loops until one takes 0.2 seconds or
        more; return (number, time_taken) for it.  callback, when given, is
        called as callback(number, time_taken) after each try.
        """
        scale = 1
        while True:
            for factor in (1, 2, 5):
                number = scale * factor
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            scale *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer,
           number=default_number, globals=None):
    """Time stmt `number` times with a new Timer; return the seconds."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer,
           repeat=default_repeat, number=default_number, globals=None):
    """Call timeit(number) `repeat` times on a new Timer; return the list."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


_UNITS = {"nsec": 1e-9, "usec": 1e-6, "msec": 1e-3, "sec": 1.0}


def _format_time(seconds, unit, precision):
    """seconds as text in `unit`, or in the largest unit not above it."""
    if unit is None:
        unit = "nsec"
        for name, scale in sorted(_UNITS.items(), key=lambda item: -item[1]):
            unit = name
            if seconds >= scale:
                break
    return "%.*g %s" % (precision, seconds / _UNITS[unit], unit)


def main(args=None, *, _wrap_timer=None):
    """The command line interface; args defaults to sys.argv[1:].

    Return None on success, 0 after --help, 1 when the code raised and 2
    for a usage error.  _wrap_timer, if given, is called with the timer
    and returns the one to use (tests pass a fake timer this way).
    """
    import getopt
    if args is None:
        args = sys.argv[1:]
    try:
        opts, args = getopt.getopt(args, "n:u:s:r:pvh",
                                   ["number=", "setup=", "repeat=", "process",
                                    "verbose", "unit=", "help"])
    except getopt.error as err:
        print(err)
        print("use -h/--help for command line help")
        return 2

    timer = default_timer
    stmt = "\n".join(args) or "pass"
    number = 0          # 0: choose with autorange()
    setup_lines = []
    repeat_count = default_repeat
    verbose = 0
    unit = None
    precision = 3
    for opt, value in opts:
        if opt in ("-n", "--number"):
            number = int(value)
        elif opt in ("-s", "--setup"):
            setup_lines.append(value)
        elif opt in ("-u", "--unit"):
            if value not in _UNITS:
                print("Unrecognized unit. Please select nsec, usec, msec, or sec.",
                      file=sys.stderr)
                return 2
            unit = value
        elif opt in ("-r", "--repeat"):
            repeat_count = max(int(value), 1)
        elif opt in ("-p", "--process"):
            timer = time.process_time
        elif opt in ("-v", "--verbose"):
            if verbose:
                precision += 1
            verbose += 1
        elif opt in ("-h", "--help"):
            print(__doc__, end=" ")
            return 0
    setup = "\n".join(setup_lines) or "pass"

    # Let the timed code import modules from the current directory.
    import os
    sys.path.insert(0, os.curdir)
    if _wrap_timer is not None:
        timer = _wrap_timer(timer)

    t = Timer(stmt, setup, timer)
    if number == 0:
        callback = None
        if verbose:
            def callback(number, time_taken):
                print("%d loop%s -> %.*g secs"
                      % (number, "s" if number != 1 else "", precision,
                         time_taken))
        try:
            number, _ = t.autorange(callback)
        except:
            t.print_exc()
            return 1
        if verbose:
            print()

    try:
        raw_timings = t.repeat(repeat_count, number)
    except:
        t.print_exc()
        return 1

    if verbose:
        print("raw times: %s"
              % ", ".join(_format_time(dt, unit, precision) for dt in raw_timings))
        print()
    per_loop = [dt / number for dt in raw_timings]
    best = min(per_loop)
    worst = max(per_loop)
    print("%d loop%s, best of %d: %s per loop"
          % (number, "s" if number != 1 else "", repeat_count,
             _format_time(best, unit, precision)))
    if worst >= best * 4:
        import warnings
        warnings.warn_explicit(
            "The test results are likely unreliable. The worst time (%s) was "
            "more than four times slower than the best time (%s)."
            % (_format_time(worst, unit, precision),
               _format_time(best, unit, precision)),
            UserWarning, "", 0)
    return None


if __name__ == "__main__":
    sys.exit(main())
