"""Tests for enumerate and reversed (Objects/enumobject.c)."""
import sys
import unittest


class EnumerateTests(unittest.TestCase):

    def test_basic(self):
        self.assertEqual(list(enumerate("abc")), [(0, "a"), (1, "b"), (2, "c")])
        self.assertEqual(list(enumerate("ab", 5)), [(5, "a"), (6, "b")])
        self.assertEqual(list(enumerate("ab", start=-1)), [(-1, "a"), (0, "b")])
        self.assertEqual(list(enumerate(iterable="a")), [(0, "a")])
        self.assertEqual(list(enumerate([])), [])

    def test_errors(self):
        with self.assertRaises(TypeError) as cm:
            enumerate()
        self.assertEqual(str(cm.exception), "enumerate() missing required argument 'iterable'")
        with self.assertRaises(TypeError) as cm:
            enumerate(1)
        self.assertEqual(str(cm.exception), "'int' object is not iterable")
        with self.assertRaises(TypeError):
            enumerate([], "a")
        with self.assertRaises(TypeError) as cm:
            enumerate(x=1)
        self.assertEqual(str(cm.exception),
                         "'x' is an invalid keyword argument for enumerate()")

    def test_big_start(self):
        big = sys.maxsize
        e = enumerate("abc", big)
        self.assertEqual(list(e), [(big, "a"), (big + 1, "b"), (big + 2, "c")])
        e = enumerate("ab", 2 ** 100)
        self.assertEqual(next(e), (2 ** 100, "a"))
        self.assertEqual(next(e), (2 ** 100 + 1, "b"))

    def test_iterator_protocol(self):
        e = enumerate([1])
        self.assertIs(iter(e), e)
        self.assertEqual(next(e), (0, 1))
        with self.assertRaises(StopIteration):
            next(e)

    def test_subclass(self):
        class E(enumerate):
            pass
        self.assertEqual(list(E("a")), [(0, "a")])

    def test_result_tuples_distinct(self):
        results = list(enumerate("ab"))
        self.assertEqual(results[0], (0, "a"))
        self.assertEqual(results[1], (1, "b"))


class ReversedTests(unittest.TestCase):

    def test_sequences(self):
        self.assertEqual(list(reversed([1, 2, 3])), [3, 2, 1])
        self.assertEqual(list(reversed((1, 2))), [2, 1])
        self.assertEqual(list(reversed("abc")), ["c", "b", "a"])
        self.assertEqual(list(reversed(range(3))), [2, 1, 0])

    def test_sequence_protocol(self):
        class S:
            def __len__(self):
                return 3

            def __getitem__(self, i):
                return i * 10
        r = reversed(S())
        self.assertEqual(type(r).__name__, "reversed")
        self.assertEqual(r.__length_hint__(), 3)
        self.assertEqual(list(r), [20, 10, 0])
        self.assertEqual(r.__length_hint__(), 0)

    def test_dunder_reversed(self):
        class R:
            def __reversed__(self):
                return iter("xyz")
        self.assertEqual(list(reversed(R())), ["x", "y", "z"])

    def test_not_reversible(self):
        with self.assertRaises(TypeError) as cm:
            reversed(1)
        self.assertEqual(str(cm.exception), "'int' object is not reversible")
        with self.assertRaises(TypeError):
            reversed({1, 2})

        class N:
            __reversed__ = None

            def __len__(self):
                return 1

            def __getitem__(self, i):
                return i
        with self.assertRaises(TypeError):
            reversed(N())

    def test_args(self):
        with self.assertRaises(TypeError) as cm:
            reversed()
        self.assertEqual(str(cm.exception), "reversed expected 1 argument, got 0")
        with self.assertRaises(TypeError) as cm:
            reversed([], [])
        self.assertEqual(str(cm.exception), "reversed expected 1 argument, got 2")


if __name__ == "__main__":
    unittest.main()
