"""Tests for slice objects and Ellipsis (Objects/sliceobject.c)."""
import unittest


class SliceTests(unittest.TestCase):

    def test_constructor(self):
        s = slice(5)
        self.assertEqual((s.start, s.stop, s.step), (None, 5, None))
        s = slice(1, 2, 3)
        self.assertEqual((s.start, s.stop, s.step), (1, 2, 3))
        with self.assertRaises(TypeError) as cm:
            slice()
        self.assertEqual(str(cm.exception), "slice expected at least 1 argument, got 0")
        with self.assertRaises(TypeError) as cm:
            slice(1, 2, 3, 4)
        self.assertEqual(str(cm.exception), "slice expected at most 3 arguments, got 4")

    def test_repr(self):
        self.assertEqual(repr(slice(1, 2, 3)), "slice(1, 2, 3)")
        self.assertEqual(repr(slice(1)), "slice(None, 1, None)")

    def test_compare_hash(self):
        self.assertEqual(slice(1, 2), slice(1, 2))
        self.assertNotEqual(slice(1, 2), slice(1, 3))
        self.assertTrue(slice(1, 2) < slice(1, 3))
        self.assertEqual(hash(slice(1, 2, 3)), -2340833382717974474)
        with self.assertRaises(TypeError):
            hash(slice([], 1))

    def test_indices(self):
        self.assertEqual(slice(None).indices(10), (0, 10, 1))
        self.assertEqual(slice(None, None, 2).indices(10), (0, 10, 2))
        self.assertEqual(slice(1, None, 2).indices(10), (1, 10, 2))
        self.assertEqual(slice(None, None, -1).indices(10), (9, -1, -1))
        self.assertEqual(slice(None, None, -2).indices(10), (9, -1, -2))
        self.assertEqual(slice(3, None, -2).indices(10), (3, -1, -2))
        self.assertEqual(slice(-100, 100).indices(10), (0, 10, 1))
        self.assertEqual(slice(100, -100, -1).indices(10), (9, -1, -1))
        self.assertEqual(slice(2 ** 100).indices(5), (0, 5, 1))
        self.assertEqual(slice(0, 2 ** 100, 3).indices(2 ** 101),
                         (0, 2 ** 100, 3))
        with self.assertRaises(ValueError) as cm:
            slice(1, 2, 0).indices(5)
        self.assertEqual(str(cm.exception), "slice step cannot be zero")
        with self.assertRaises(ValueError) as cm:
            slice(1).indices(-1)
        self.assertEqual(str(cm.exception), "length should not be negative")

    def test_bad_indices(self):
        with self.assertRaises(TypeError) as cm:
            [1, 2]["a":]
        self.assertEqual(str(cm.exception),
                         "slice indices must be integers or None or have an __index__ method")

    def test_index_protocol(self):
        class I:
            def __index__(self):
                return 2
        self.assertEqual([0, 1, 2, 3][I():], [2, 3])

    def test_ellipsis(self):
        self.assertEqual(repr(...), "Ellipsis")
        self.assertEqual(repr(Ellipsis), "Ellipsis")
        self.assertIs(type(...)(), ...)
        self.assertIs(..., Ellipsis)


if __name__ == "__main__":
    unittest.main()
