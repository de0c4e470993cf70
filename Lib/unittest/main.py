"""unittest.main(): load the tests of a module (or named tests) and run them."""

import sys

from . import loader, runner

__unittest = True


class TestProgram:
    """Command-line front end: `python -m unittest [-v] [-q] [-f] [names]` or unittest.main()
    at the bottom of a test module."""

    def __init__(self, module='__main__', defaultTest=None, argv=None, testRunner=None,
                 testLoader=loader.defaultTestLoader, exit=True, verbosity=1,
                 failfast=None, catchbreak=None, buffer=None, warnings=None, *,
                 tb_locals=False, durations=None):
        if isinstance(module, str):
            self.module = __import__(module)
            for part in module.split('.')[1:]:
                self.module = getattr(self.module, part)
        else:
            self.module = module
        if argv is None:
            argv = sys.argv
        self.exit = exit
        self.failfast = failfast
        self.verbosity = verbosity
        self.defaultTest = defaultTest
        self.testRunner = testRunner
        self.testLoader = testLoader
        self.progName = argv[0] if argv else 'python -m unittest'
        self.parseArgs(argv)
        self.runTests()

    def parseArgs(self, argv):
        names = []
        for arg in argv[1:]:
            if arg in ('-v', '--verbose'):
                self.verbosity = 2
            elif arg in ('-q', '--quiet'):
                self.verbosity = 0
            elif arg in ('-f', '--failfast'):
                self.failfast = True
            elif arg.startswith('-'):
                print("unknown option: %s" % arg, file=sys.stderr)
                sys.exit(2)
            else:
                names.append(arg)
        if names:
            self.testNames = names
        elif self.defaultTest is not None:
            self.testNames = ([self.defaultTest] if isinstance(self.defaultTest, str)
                              else list(self.defaultTest))
        else:
            self.testNames = None
        self.createTests()

    def createTests(self):
        if self.testNames is None:
            if self.module is None:
                self.test = self.testLoader.discover('.')
            else:
                self.test = self.testLoader.loadTestsFromModule(self.module)
        else:
            self.test = self.testLoader.loadTestsFromNames(self.testNames, self.module)

    def runTests(self):
        testRunner = self.testRunner
        if testRunner is None:
            testRunner = runner.TextTestRunner
        if isinstance(testRunner, type):
            testRunner = testRunner(verbosity=self.verbosity, failfast=bool(self.failfast))
        self.result = testRunner.run(self.test)
        if self.exit:
            if self.result.testsRun == 0 and not self.result.skipped:
                sys.exit(5)
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
