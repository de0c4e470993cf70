"""TestLoader: finds tests in classes, modules, names and directories."""

import sys

from . import case, suite

__unittest = True


def _match_pattern(name, pattern):
    """Shell-style match supporting '*', '?' and literal characters (enough for 'test*.py')."""
    if not pattern:
        return not name
    head = pattern[0]
    if head == '*':
        return any(_match_pattern(name[i:], pattern[1:]) for i in range(len(name) + 1))
    if not name:
        return False
    if head == '?' or head == name[0]:
        return _match_pattern(name[1:], pattern[1:])
    return False


class _FailedTest(case.TestCase):
    """A test standing for a module or name that could not be loaded."""

    _testMethodName = None

    def __init__(self, method_name, exception):
        self._exception = exception
        super().__init__(method_name)

    def __getattr__(self, name):
        if name != self._testMethodName:
            return super().__getattribute__(name)

        def testFailure():
            raise self._exception
        return testFailure


class TestLoader:
    """Builds test suites from classes, modules, dotted names and directories."""

    testMethodPrefix = 'test'
    sortTestMethodsUsing = staticmethod(lambda a, b: (a > b) - (a < b))
    testNamePatterns = None
    suiteClass = suite.TestSuite
    _top_level_dir = None

    def __init__(self):
        self.errors = []

    def loadTestsFromTestCase(self, testCaseClass):
        """A suite of all test cases in testCaseClass."""
        if issubclass(testCaseClass, suite.TestSuite):
            raise TypeError("Test cases should not be derived from TestSuite."
                            " Maybe you meant to derive from TestCase?")
        testCaseNames = self.getTestCaseNames(testCaseClass)
        if not testCaseNames and hasattr(testCaseClass, 'runTest'):
            testCaseNames = ['runTest']
        return self.suiteClass(map(testCaseClass, testCaseNames))

    def loadTestsFromModule(self, module, *, pattern=None):
        """A suite of all test cases in the module (honours the load_tests protocol)."""
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if (isinstance(obj, type) and issubclass(obj, case.TestCase) and
                    obj not in (case.TestCase, case.FunctionTestCase)):
                tests.append(self.loadTestsFromTestCase(obj))
        load_tests = getattr(module, 'load_tests', None)
        tests = self.suiteClass(tests)
        if load_tests is not None:
            try:
                return load_tests(self, tests, pattern)
            except Exception as e:
                error_case = _make_failed_test(module.__name__, e, self.suiteClass)
                self.errors.append(str(e))
                return error_case
        return tests

    def loadTestsFromName(self, name, module=None):
        """A suite for a dotted name: module, class, method, or callable returning tests.
        Without a module, the longest importable prefix of the name is the module."""
        parts = name.split('.')
        if module is None:
            for i in range(len(parts), 0, -1):
                module_name = '.'.join(parts[:i])
                try:
                    __import__(module_name)
                except ImportError as e:
                    if i == 1:
                        self.errors.append(str(e))
                        return _make_failed_import_test(module_name, e, self.suiteClass)
                    continue
                module = sys.modules[module_name]
                parts = parts[i:]
                break
        obj = module
        parent = None
        for part in parts:
            try:
                parent, obj = obj, getattr(obj, part)
            except AttributeError as e:
                self.errors.append(str(e))
                return _make_failed_test(part, e, self.suiteClass)
        if isinstance(obj, type(sys)):
            return self.loadTestsFromModule(obj)
        if isinstance(obj, type) and issubclass(obj, case.TestCase):
            return self.loadTestsFromTestCase(obj)
        if (callable(obj) and isinstance(parent, type) and
                issubclass(parent, case.TestCase)):
            return self.suiteClass([parent(parts[-1])])
        if isinstance(obj, suite.TestSuite):
            return obj
        if callable(obj):
            test = obj()
            if isinstance(test, suite.TestSuite):
                return test
            if isinstance(test, case.TestCase):
                return self.suiteClass([test])
            raise TypeError("calling %s returned %s, not a test" % (obj, test))
        raise TypeError("don't know how to make test from: %s" % obj)

    def loadTestsFromNames(self, names, module=None):
        """A suite of the tests for each of the names."""
        suites = [self.loadTestsFromName(name, module) for name in names]
        return self.suiteClass(suites)

    def getTestCaseNames(self, testCaseClass):
        """Sorted names of the test methods of the class."""
        def shouldIncludeMethod(attrname):
            if not attrname.startswith(self.testMethodPrefix):
                return False
            testFunc = getattr(testCaseClass, attrname)
            if not callable(testFunc):
                return False
            fullName = f'{testCaseClass.__module__}.{testCaseClass.__qualname__}.{attrname}'
            return self.testNamePatterns is None or any(
                _match_pattern(fullName, pattern) for pattern in self.testNamePatterns)
        return sorted(filter(shouldIncludeMethod, dir(testCaseClass)))

    def discover(self, start_dir, pattern='test*.py', top_level_dir=None):
        """Import every module under start_dir whose file name matches pattern; return a
        suite of their tests.  Packages are searched if they have an __init__.py."""
        import os
        start_dir = os.path.abspath(start_dir)
        if top_level_dir is None:
            top_level_dir = start_dir
        top_level_dir = os.path.abspath(top_level_dir)
        if top_level_dir not in sys.path:
            sys.path.insert(0, top_level_dir)
        tests = list(self._find_tests(start_dir, pattern, top_level_dir))
        return self.suiteClass(tests)

    def _find_tests(self, start_dir, pattern, top_level_dir):
        import os
        for name in sorted(os.listdir(start_dir)):
            path = os.path.join(start_dir, name)
            if os.path.isfile(path) and name.endswith('.py'):
                if not _match_pattern(name, pattern):
                    continue
                rel = os.path.relpath(path, top_level_dir)
                module_name = rel[:-3].replace(os.sep, '.')
                try:
                    __import__(module_name)
                except case.SkipTest as e:
                    yield _make_skipped_test(module_name, e, self.suiteClass)
                except Exception as e:
                    self.errors.append(str(e))
                    yield _make_failed_import_test(module_name, e, self.suiteClass)
                else:
                    yield self.loadTestsFromModule(sys.modules[module_name], pattern=pattern)
            elif os.path.isdir(path) and os.path.isfile(os.path.join(path, '__init__.py')):
                yield from self._find_tests(path, pattern, top_level_dir)


def _make_failed_import_test(name, exception, suiteClass):
    return _make_failed_test(name, ImportError('Failed to import test module: %s\n%s'
                                               % (name, exception)), suiteClass)


def _make_failed_test(methodname, exception, suiteClass):
    test = _FailedTest(methodname, exception)
    return suiteClass((test,))


def _make_skipped_test(methodname, exception, suiteClass):
    @case.skip(str(exception))
    def testSkipped(self):
        pass
    attrs = {methodname: testSkipped}
    TestClass = type("ModuleSkipped", (case.TestCase,), attrs)
    return suiteClass((TestClass(methodname),))


defaultTestLoader = TestLoader()
