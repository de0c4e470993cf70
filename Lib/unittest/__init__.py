"""Braid's unittest: the unittest API that test suites written for CPython use.

TestCase with its assert methods, set-up and tear-down at test, class and module level,
cleanups, subTest, skipping and expected failures, suites, a loader with discovery, a text
runner and main().  Written for Braid; the behaviour follows CPython 3.13's documentation.
"""

from .case import (TestCase, FunctionTestCase, SkipTest, skip, skipIf, skipUnless,
                   expectedFailure, addModuleCleanup, doModuleCleanups, enterModuleContext)
from .suite import TestSuite
from .loader import TestLoader, defaultTestLoader
from .result import TestResult
from .runner import TextTestRunner, TextTestResult
from .main import TestProgram, main

__all__ = ['TestResult', 'TestCase', 'TestSuite', 'TextTestRunner', 'TestLoader',
           'FunctionTestCase', 'main', 'defaultTestLoader', 'SkipTest', 'skip', 'skipIf',
           'skipUnless', 'expectedFailure', 'TextTestResult', 'addModuleCleanup',
           'doModuleCleanups', 'enterModuleContext', 'TestProgram']

__unittest = True
