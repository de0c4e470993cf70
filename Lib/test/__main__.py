"""The test runner: `python -m test [-v] [--list] [--single] [name ...]`.

Without names it runs every test_* module and package in this directory, in alphabetical
order, and prints one line per module and a final `N passed, N failed, N skipped` line.
Expected failures are counted with the skipped tests (they do not pass); a test with failing
subtests counts once as failed.  The exit status is 0 only if nothing failed.

--single NAME runs one module and ends with a machine-readable line
`RESULT NAME passed failed skipped xfail`; Tools/build/run-tests.sh uses it to run each module
in its own process, so that a crash of one module cannot hide the others' results.
"""

import sys
import unittest


class CountingResult(unittest.TextTestResult):
    """Records the outcome of each test once: passed, failed, skipped or expected failure."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.failed_ids = set()
        self.passed = 0
        self.xfailed = 0

    def _fail(self, test):
        owner = getattr(test, 'test_case', test)
        ident = getattr(owner, 'id', None)
        # Fixture errors may report objects without an id(): count each of them once.
        self.failed_ids.add(ident() if callable(ident) else repr(owner))

    def addError(self, test, err):
        super().addError(test, err)
        self._fail(test)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._fail(test)

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self._fail(test)

    def addSuccess(self, test):
        super().addSuccess(test)
        if test.id() not in self.failed_ids:
            self.passed += 1

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._fail(test)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self.xfailed += 1


def test_names():
    """Names of the test modules and packages in this directory."""
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    names = []
    for entry in os.listdir(here):
        if not entry.startswith('test_'):
            continue
        path = os.path.join(here, entry)
        if entry.endswith('.py'):
            names.append(entry[:-3])
        elif os.path.isdir(path) and os.path.exists(os.path.join(path, '__init__.py')):
            names.append(entry)
    return sorted(names)


def run_module(name, verbosity):
    """Run the tests of test.<name>; return (passed, failed, skipped, xfailed)."""
    loader = unittest.TestLoader()
    try:
        module = __import__('test.' + name, fromlist=['*'])
    except unittest.SkipTest as exc:
        print('%s skipped: %s' % (name, exc))
        return 0, 0, 1, 0
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        print('%s failed to import: %s: %s' % (name, type(exc).__name__, exc))
        return 0, 1, 0, 0
    suite = loader.loadTestsFromModule(module)
    runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=verbosity,
                                     resultclass=CountingResult)
    result = runner.run(suite)
    failed = len(result.failed_ids)
    skipped = len(result.skipped)
    return result.passed, failed, skipped, result.xfailed


def main(argv):
    verbosity = 1
    single = False
    names = []
    for arg in argv:
        if arg in ('-v', '--verbose'):
            verbosity = 2
        elif arg in ('-q', '--quiet'):
            verbosity = 0
        elif arg == '--single':
            single = True
        elif arg == '--list':
            print('\n'.join(test_names()))
            return 0
        elif arg.startswith('-'):
            print('unknown option: %s' % arg, file=sys.stderr)
            return 2
        else:
            names.append(arg[5:] if arg.startswith('test.') else arg)
    if not names:
        names = test_names()
    totals = [0, 0, 0, 0]
    for name in names:
        print('== %s' % name)
        sys.stdout.flush()
        counts = run_module(name, verbosity)
        for i, n in enumerate(counts):
            totals[i] += n
        print('%s: %d passed, %d failed, %d skipped, %d expected failures'
              % ((name,) + tuple(counts)))
        if single:
            print('RESULT %s %d %d %d %d' % ((name,) + tuple(counts)))
        sys.stdout.flush()
    passed, failed, skipped, xfailed = totals
    if xfailed:
        print('(%d expected failures are counted as skipped)' % xfailed)
    print('%d passed, %d failed, %d skipped' % (passed, failed, skipped + xfailed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
