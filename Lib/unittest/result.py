"""TestResult: collects the outcome of every test."""

import sys

__unittest = True


def failfast(method):
    def inner(self, *args, **kw):
        if getattr(self, 'failfast', False):
            self.stop()
        return method(self, *args, **kw)
    inner.__name__ = method.__name__
    inner.__doc__ = method.__doc__
    return inner


def _format_exception(exc_type, exc_value, tb):
    """Format an exception with its traceback, hiding unittest's own frames."""
    while tb is not None and '__unittest' in tb.tb_frame.f_globals:
        tb = tb.tb_next
    # Keep the frames up to the first one inside unittest (assertion helpers).
    limit = 0
    walk = tb
    while walk is not None and '__unittest' not in walk.tb_frame.f_globals:
        limit += 1
        walk = walk.tb_next
    try:
        import traceback
    except ImportError:
        traceback = None
    if traceback is not None:
        return ''.join(traceback.format_exception(exc_type, exc_value, tb, limit=limit))
    lines = ['Traceback (most recent call last):\n']
    while tb is not None and limit > 0:
        limit -= 1
        code = tb.tb_frame.f_code
        lines.append('  File "%s", line %s, in %s\n' % (code.co_filename, tb.tb_lineno,
                                                        code.co_name))
        tb = tb.tb_next
    message = str(exc_value)
    name = exc_type.__qualname__
    if exc_type.__module__ not in ('builtins', '__main__'):
        name = exc_type.__module__ + '.' + name
    lines.append('%s: %s\n' % (name, message) if message else name + '\n')
    return ''.join(lines)


class TestResult:
    """Holds the results of a run.

    failures and errors are lists of (test, formatted traceback) pairs; skipped holds
    (test, reason); expectedFailures holds (test, formatted traceback); unexpectedSuccesses
    holds tests."""

    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failfast = False
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.collectedDurations = []
        self.shouldStop = False
        self.buffer = False
        self.tb_locals = False

    def printErrors(self):
        "Called by TestRunner after the tests have run."

    def startTest(self, test):
        "Called when the given test is about to be run."
        self.testsRun += 1

    def startTestRun(self):
        "Called once before any tests are executed."

    def stopTest(self, test):
        "Called when the given test has been run."

    def stopTestRun(self):
        "Called once after all tests are executed."

    @failfast
    def addError(self, test, err):
        """An error (an exception other than failureException) happened in the test."""
        self.errors.append((test, self._exc_info_to_string(err, test)))

    @failfast
    def addFailure(self, test, err):
        """The test failed (raised failureException)."""
        self.failures.append((test, self._exc_info_to_string(err, test)))

    def addSubTest(self, test, subtest, err):
        """A subtest finished; err is None on success."""
        if err is not None:
            if getattr(self, 'failfast', False):
                self.stop()
            if issubclass(err[0], test.failureException):
                errors = self.failures
            else:
                errors = self.errors
            errors.append((subtest, self._exc_info_to_string(err, test)))

    def addSuccess(self, test):
        "The test passed."

    def addSkip(self, test, reason):
        """The test was skipped."""
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        """The test failed, as it was expected to."""
        self.expectedFailures.append((test, self._exc_info_to_string(err, test)))

    @failfast
    def addUnexpectedSuccess(self, test):
        """The test was expected to fail but passed."""
        self.unexpectedSuccesses.append(test)

    def addDuration(self, test, elapsed):
        self.collectedDurations.append((str(test), elapsed))

    def wasSuccessful(self):
        """True if no test failed, erred or unexpectedly succeeded."""
        return ((len(self.failures) == len(self.errors) == 0) and
                (not hasattr(self, 'unexpectedSuccesses') or
                 len(self.unexpectedSuccesses) == 0))

    def stop(self):
        """Ask the run to stop after the current test."""
        self.shouldStop = True

    def _exc_info_to_string(self, err, test):
        exctype, value, tb = err
        return _format_exception(exctype, value, tb)

    def __repr__(self):
        return ("<%s.%s run=%i errors=%i failures=%i>" %
                (type(self).__module__, type(self).__qualname__, self.testsRun,
                 len(self.errors), len(self.failures)))
