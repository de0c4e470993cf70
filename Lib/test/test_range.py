"""Tests for range objects (Objects/rangeobject.c)."""
import unittest


class RangeTests(unittest.TestCase):

    def test_basic(self):
        self.assertEqual(list(range(5)), [0, 1, 2, 3, 4])
        self.assertEqual(list(range(2, 5)), [2, 3, 4])
        self.assertEqual(list(range(0, 10, 3)), [0, 3, 6, 9])
        self.assertEqual(list(range(5, 0, -2)), [5, 3, 1])
        self.assertEqual(list(range(0)), [])
        self.assertEqual(list(range(5, 2)), [])
        with self.assertRaises(ValueError) as cm:
            range(1, 2, 0)
        self.assertEqual(str(cm.exception), "range() arg 3 must not be zero")
        with self.assertRaises(TypeError) as cm:
            range()
        self.assertEqual(str(cm.exception), "range expected at least 1 argument, got 0")
        with self.assertRaises(TypeError) as cm:
            range(1, 2, 3, 4)
        self.assertEqual(str(cm.exception), "range expected at most 3 arguments, got 4")
        with self.assertRaises(TypeError):
            range(1.5)

    def test_attributes_repr(self):
        r = range(1, 10, 2)
        self.assertEqual((r.start, r.stop, r.step), (1, 10, 2))
        self.assertEqual(range(3).start, 0)
        self.assertEqual(repr(range(3)), "range(0, 3)")
        self.assertEqual(repr(range(1, 3, 2)), "range(1, 3, 2)")

    def test_len_index(self):
        r = range(0, 20, 3)
        self.assertEqual(len(r), 7)
        self.assertEqual(r[0], 0)
        self.assertEqual(r[-1], 18)
        with self.assertRaises(IndexError) as cm:
            r[7]
        self.assertEqual(str(cm.exception), "range object index out of range")
        self.assertEqual(r.index(9), 3)
        with self.assertRaises(ValueError) as cm:
            r.index(10)
        self.assertEqual(str(cm.exception), "10 is not in range")
        self.assertEqual(r.count(9), 1)
        self.assertEqual(r.count(10), 0)
        self.assertEqual(len(range(10, 0, -3)), 4)

    def test_contains(self):
        r = range(0, 100, 7)
        self.assertIn(49, r)
        self.assertNotIn(50, r)
        self.assertNotIn(100, r)
        self.assertIn(7.0, r)
        self.assertNotIn("a", r)
        self.assertIn(True, range(2))

    def test_slicing(self):
        r = range(10)
        self.assertEqual(r[2:5], range(2, 5))
        self.assertEqual(r[::2], range(0, 10, 2))
        self.assertEqual(r[::-1], range(9, -1, -1))
        self.assertEqual(list(range(0, 20, 3)[1:4]), [3, 6, 9])

    def test_big(self):
        big = 2 ** 100
        r = range(big, big + 10, 3)
        self.assertEqual(len(r), 4)
        self.assertEqual(list(r), [big, big + 3, big + 6, big + 9])
        self.assertIn(big + 6, r)
        self.assertEqual(r[-1], big + 9)
        self.assertEqual(range(big)[big - 1], big - 1)
        with self.assertRaises(OverflowError):
            len(range(big))
        self.assertEqual(list(reversed(range(big, big + 3))), [big + 2, big + 1, big])
        self.assertEqual(range(big).index(5), 5)

    def test_equality_hash(self):
        self.assertEqual(range(0), range(2, 1))
        self.assertEqual(range(0, 3, 5), range(0, 2, 7))
        self.assertNotEqual(range(3), range(4))
        self.assertEqual(hash(range(0)), hash(range(5, 2)))
        self.assertEqual(hash(range(0, 3, 5)), hash(range(0, 2, 7)))
        self.assertFalse(range(3) == [0, 1, 2])

    def test_reversed_iter(self):
        self.assertEqual(list(reversed(range(5))), [4, 3, 2, 1, 0])
        self.assertEqual(list(reversed(range(1, 10, 4))), [9, 5, 1])
        it = iter(range(5))
        self.assertEqual(it.__length_hint__(), 5)
        next(it)
        self.assertEqual(it.__length_hint__(), 4)
        self.assertEqual(type(iter(range(3))).__name__, "range_iterator")
        self.assertEqual(type(iter(range(2 ** 70))).__name__, "longrange_iterator")

    def test_bool(self):
        self.assertFalse(range(0))
        self.assertTrue(range(1))

    def test_for_loop(self):
        total = 0
        for i in range(1000):
            total += i
        self.assertEqual(total, 499500)


if __name__ == "__main__":
    unittest.main()
