"""TestSuite: a collection of tests run in order, with class and module fixtures."""

import sys

from . import case

__unittest = True


def _is_single_test(test):
    try:
        iter(test)
    except TypeError:
        return True
    return False


class TestSuite:
    """An ordered collection of test cases and suites.

    Running it calls setUpClass/tearDownClass and setUpModule/tearDownModule around the tests
    of each class and module, as unittest does."""

    def __init__(self, tests=()):
        self._tests = []
        self._removed_tests = 0
        self.addTests(tests)

    def __repr__(self):
        return "<%s.%s tests=%s>" % (type(self).__module__, type(self).__qualname__,
                                     list(self))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return list(self) == list(other)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        cases = self._removed_tests
        for test in self:
            if test:
                cases += test.countTestCases()
        return cases

    def addTest(self, test):
        if not callable(test):
            raise TypeError("{} is not callable".format(repr(test)))
        if isinstance(test, type) and issubclass(test, (case.TestCase, TestSuite)):
            raise TypeError("TestCases and TestSuites must be instantiated "
                            "before passing them to addTest()")
        self._tests.append(test)

    def addTests(self, tests):
        if isinstance(tests, str):
            raise TypeError("tests must be an iterable of tests, not a string")
        for test in tests:
            self.addTest(test)

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def run(self, result, debug=False):
        topLevel = False
        if getattr(result, '_testRunEntered', False) is False:
            result._testRunEntered = topLevel = True
        for test in self:
            if result.shouldStop:
                break
            if _is_single_test(test):
                self._leave_class(test, result)
                self._enter_module(test, result)
                self._enter_class(test, result)
                result._previousTestClass = test.__class__
                if (getattr(test.__class__, '_classSetupFailed', False) or
                        getattr(result, '_moduleSetUpFailed', False)):
                    continue
            if not debug:
                test(result)
            else:
                test.debug()
        if topLevel:
            self._leave_class(None, result)
            self._leave_module(result)
            result._testRunEntered = False
        return result

    def debug(self):
        """Run the tests without collecting errors in a TestResult."""
        from .result import TestResult
        debug = TestResult()
        self.run(debug, True)

    def _enter_class(self, test, result):
        previousClass = getattr(result, '_previousTestClass', None)
        currentClass = test.__class__
        if currentClass == previousClass:
            return
        if result._moduleSetUpFailed:
            return
        if getattr(currentClass, "__unittest_skip__", False):
            return
        failed = False
        try:
            currentClass._classSetupFailed = False
        except TypeError:
            pass
        setUpClass = getattr(currentClass, 'setUpClass', None)
        doClassCleanups = getattr(currentClass, 'doClassCleanups', None)
        if setUpClass is not None:
            try:
                setUpClass()
            except Exception as e:
                failed = True
                try:
                    currentClass._classSetupFailed = True
                except TypeError:
                    pass
                className = case._strclass(currentClass)
                self._fixture_error(result, e, 'setUpClass', className)
            if failed and doClassCleanups is not None:
                doClassCleanups()
                for exc_info in currentClass.tearDown_exceptions:
                    self._fixture_error(
                        result, exc_info[1], 'setUpClass', case._strclass(currentClass),
                        info=exc_info)

    def _previous_module(self, result):
        previousModule = None
        previousClass = getattr(result, '_previousTestClass', None)
        if previousClass is not None:
            previousModule = previousClass.__module__
        return previousModule

    def _enter_module(self, test, result):
        previousModule = self._previous_module(result)
        currentModule = test.__class__.__module__
        if currentModule == previousModule:
            return
        self._leave_module(result)
        result._moduleSetUpFailed = False
        try:
            module = sys.modules[currentModule]
        except KeyError:
            return
        setUpModule = getattr(module, 'setUpModule', None)
        if setUpModule is not None:
            try:
                setUpModule()
            except Exception as e:
                try:
                    case.doModuleCleanups()
                except Exception as exc:
                    self._fixture_error(result, exc, 'setUpModule',
                                                            currentModule)
                result._moduleSetUpFailed = True
                self._fixture_error(result, e, 'setUpModule',
                                                        currentModule)

    def _fixture_error(self, result, exc, method_name, parent,
                                           info=None):
        errorName = f'{method_name} ({parent})'
        error = _FixtureFailure(errorName)
        addSkip = getattr(result, 'addSkip', None)
        if addSkip is not None and isinstance(exc, case.SkipTest):
            addSkip(error, str(exc))
        else:
            if not info:
                result.addError(error, (type(exc), exc, exc.__traceback__))
            else:
                result.addError(error, info)

    def _leave_module(self, result):
        previousModule = self._previous_module(result)
        if previousModule is None:
            return
        if result._moduleSetUpFailed:
            return
        try:
            module = sys.modules[previousModule]
        except KeyError:
            return
        tearDownModule = getattr(module, 'tearDownModule', None)
        if tearDownModule is not None:
            try:
                tearDownModule()
            except Exception as e:
                self._fixture_error(result, e, 'tearDownModule',
                                                        previousModule)
        try:
            case.doModuleCleanups()
        except Exception as e:
            self._fixture_error(result, e, 'tearDownModule',
                                                    previousModule)

    def _leave_class(self, test, result):
        previousClass = getattr(result, '_previousTestClass', None)
        currentClass = test.__class__
        if currentClass == previousClass or previousClass is None:
            return
        if getattr(previousClass, '_classSetupFailed', False):
            return
        if getattr(result, '_moduleSetUpFailed', False):
            return
        if getattr(previousClass, "__unittest_skip__", False):
            return
        tearDownClass = getattr(previousClass, 'tearDownClass', None)
        doClassCleanups = getattr(previousClass, 'doClassCleanups', None)
        if tearDownClass is None and doClassCleanups is None:
            return
        if tearDownClass is not None:
            try:
                tearDownClass()
            except Exception as e:
                className = case._strclass(previousClass)
                self._fixture_error(result, e, 'tearDownClass', className)
        if doClassCleanups is not None:
            doClassCleanups()
            for exc_info in previousClass.tearDown_exceptions:
                className = case._strclass(previousClass)
                self._fixture_error(result, exc_info[1], 'tearDownClass',
                                                        className, info=exc_info)


class _FixtureFailure:
    """Stands in for a test when a class or module fixture fails."""

    failureException = None

    def __init__(self, description):
        self.description = description

    def id(self):
        return self.description

    def shortDescription(self):
        return None

    def __repr__(self):
        return "<ErrorHolder description=%r>" % (self.description,)

    def __str__(self):
        return self.id()

    def run(self, result):
        pass

    def __call__(self, result):
        return self.run(result)

    def countTestCases(self):
        return 0
