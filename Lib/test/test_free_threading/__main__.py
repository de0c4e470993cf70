import unittest

from test import test_free_threading

unittest.main(module=test_free_threading)
