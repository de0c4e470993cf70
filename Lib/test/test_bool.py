"""Tests for bool."""

import unittest


class BoolTests(unittest.TestCase):

    def test_singletons(self):
        self.assertIs(bool(1), True)
        self.assertIs(bool(0), False)
        self.assertIs(bool(), False)
        self.assertIs(bool([]), False)
        self.assertIs(bool("x"), True)

    def test_repr(self):
        self.assertEqual(repr(True), "True")
        self.assertEqual(str(False), "False")
        self.assertEqual(format(True, ""), "True")
        self.assertEqual(format(True, "d"), "1")

    def test_int_subclass(self):
        self.assertTrue(issubclass(bool, int))
        self.assertEqual(True + True, 2)
        self.assertIs(type(True + True), int)
        self.assertEqual(True * 10, 10)
        self.assertEqual(-True, -1)
        self.assertEqual(int(True), 1)
        self.assertIs(type(int(True)), int)
        self.assertEqual(hash(True), 1)
        self.assertEqual(True.real, 1)
        self.assertIs(type(True.real), int)

    def test_bitwise_ops_keep_bool(self):
        self.assertIs(True & False, False)
        self.assertIs(True | False, True)
        self.assertIs(True ^ True, False)
        self.assertEqual(True & 3, 1)
        self.assertIs(type(True & 3), int)
        self.assertEqual(True | 2, 3)

    def test_not_subclassable(self):
        with self.assertRaises(TypeError):
            class B(bool):
                pass

    def test_keywords_rejected(self):
        with self.assertRaises(TypeError):
            bool(x=1)

    def test_int_new_rejects_bool(self):
        with self.assertRaises(TypeError):
            int.__new__(bool)


if __name__ == "__main__":
    unittest.main()
