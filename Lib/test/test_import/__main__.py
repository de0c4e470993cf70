import unittest

from test.test_import import *  # noqa: F401,F403

unittest.main()
