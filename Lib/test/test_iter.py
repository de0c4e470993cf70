"""Tests for the sequence and callable iterators (Objects/iterobject.c)."""
import unittest


class SequenceClass:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if 0 <= i < self.n:
            return i
        raise IndexError


class IterTests(unittest.TestCase):

    def test_sequence_iter(self):
        self.assertEqual(list(SequenceClass(3)), [0, 1, 2])
        it = iter(SequenceClass(2))
        self.assertEqual(type(it).__name__, "iterator")
        self.assertIs(iter(it), it)
        self.assertEqual(next(it), 0)
        self.assertEqual(next(it), 1)
        with self.assertRaises(StopIteration):
            next(it)
        with self.assertRaises(StopIteration):
            next(it)

    def test_stopiteration_in_getitem(self):
        class S:
            def __getitem__(self, i):
                if i == 2:
                    raise StopIteration
                return i
        self.assertEqual(list(S()), [0, 1])

    def test_error_propagates(self):
        class S:
            def __getitem__(self, i):
                raise ZeroDivisionError
        with self.assertRaises(ZeroDivisionError):
            list(S())

    def test_length_hint(self):
        class S(SequenceClass):
            def __len__(self):
                return self.n
        it = iter(S(4))
        self.assertEqual(it.__length_hint__(), 4)
        next(it)
        self.assertEqual(it.__length_hint__(), 3)

    def test_callable_iter(self):
        state = [0]

        def f():
            state[0] += 1
            return state[0]
        it = iter(f, 4)
        self.assertEqual(type(it).__name__, "callable_iterator")
        self.assertEqual(list(it), [1, 2, 3])
        self.assertEqual(list(it), [])

    def test_callable_iter_stop(self):
        def g():
            raise StopIteration
        self.assertEqual(list(iter(g, 0)), [])

    def test_iter_errors(self):
        with self.assertRaises(TypeError) as cm:
            iter(1)
        self.assertEqual(str(cm.exception), "'int' object is not iterable")
        with self.assertRaises(TypeError) as cm:
            iter(1, 2)
        self.assertEqual(str(cm.exception), "iter(v, w): v must be callable")

    def test_builtin_iterators(self):
        for seq in ([1, 2], (1, 2), "ab", {1: 0, 2: 0}, {1, 2}, range(2)):
            it = iter(seq)
            self.assertIs(iter(it), it)
            self.assertEqual(len(list(it)), 2)
            self.assertEqual(list(it), [])

    def test_reduce(self):
        it = iter([1, 2, 3])
        next(it)
        func, args, state = it.__reduce__()
        self.assertIs(func, iter)
        self.assertEqual(args, ([1, 2, 3],))
        self.assertEqual(state, 1)

    def test_unpacking(self):
        a, b = SequenceClass(2)
        self.assertEqual((a, b), (0, 1))
        with self.assertRaises(ValueError):
            a, b = SequenceClass(3)

    def test_in(self):
        self.assertIn(2, SequenceClass(5))
        self.assertNotIn(7, SequenceClass(5))


if __name__ == "__main__":
    unittest.main()
