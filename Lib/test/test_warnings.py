"""Tests for the warnings machinery (Python/_warnings.c, Lib/warnings.py)."""

import sys
import unittest
import warnings


class WarningsTests(unittest.TestCase):

    def test_record_and_categories(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            warnings.warn("plain")
            warnings.warn("dep", DeprecationWarning)
            warnings.warn(RuntimeWarning("instance"))
        self.assertEqual([str(w.message) for w in log], ["plain", "dep", "instance"])
        self.assertEqual([w.category for w in log],
                         [UserWarning, DeprecationWarning, RuntimeWarning])
        self.assertEqual(log[0].filename, __file__)

    def test_error_action(self):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with self.assertRaises(UserWarning) as cm:
                warnings.warn("boom")
            self.assertEqual(str(cm.exception), "boom")

    def test_ignore_action(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("ignore")
            warnings.warn("quiet")
        self.assertEqual(log, [])

    def test_filter_by_message_and_category(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            warnings.filterwarnings("ignore", message="skip me", category=UserWarning)
            warnings.warn("skip me please")
            warnings.warn("keep me")
            warnings.warn("skip me", RuntimeWarning)
        self.assertEqual([str(w.message) for w in log], ["keep me", "skip me"])

    def test_default_action_once_per_location(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.resetwarnings()
            warnings.simplefilter("default")
            for _ in range(3):
                warnings.warn("repeated")
        self.assertEqual(len(log), 1)

    def test_stacklevel(self):
        def deprecated_api():
            warnings.warn("old api", DeprecationWarning, stacklevel=2)
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            deprecated_api()
            line = sys._getframe().f_lineno - 1
        self.assertEqual(log[0].lineno, line)

    def test_bad_category(self):
        with self.assertRaises(TypeError) as cm:
            warnings.warn("x", category=int)
        self.assertEqual(str(cm.exception), "category must be a Warning subclass, not 'type'")

    def test_formatwarning(self):
        text = warnings.formatwarning("msg", UserWarning, "file.py", 3, line="code()")
        self.assertEqual(text, "file.py:3: UserWarning: msg\n  code()\n")

    def test_invalid_action(self):
        self.assertRaises(ValueError, warnings.simplefilter, "bogus")

    def test_warn_explicit(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            warnings.warn_explicit("explicit", UserWarning, "somefile.py", 42)
        self.assertEqual((log[0].filename, log[0].lineno), ("somefile.py", 42))


if __name__ == "__main__":
    unittest.main()
