"""Tests of collections.deque (the C ring buffer) and collections.defaultdict."""

import collections
import collections.abc
import unittest
from collections import deque, defaultdict


class DequeTests(unittest.TestCase):

    def test_append_pop_both_ends(self):
        d = deque()
        for i in range(100):
            d.append(i)
            d.appendleft(-i)
        self.assertEqual(len(d), 200)
        self.assertEqual(d[0], -99)
        self.assertEqual(d[-1], 99)
        self.assertEqual(d.pop(), 99)
        self.assertEqual(d.popleft(), -99)
        with self.assertRaises(IndexError):
            deque().pop()
        with self.assertRaises(IndexError):
            deque().popleft()

    def test_maxlen(self):
        d = deque(range(10), maxlen=3)
        self.assertEqual(list(d), [7, 8, 9])
        d.append(10)
        self.assertEqual(list(d), [8, 9, 10])
        d.appendleft(7)
        self.assertEqual(list(d), [7, 8, 9])
        self.assertEqual(d.maxlen, 3)
        self.assertIsNone(deque().maxlen)
        self.assertEqual(repr(d), 'deque([7, 8, 9], maxlen=3)')
        with self.assertRaises(ValueError):
            deque(maxlen=-1)
        with self.assertRaises(IndexError):
            d.insert(0, 1)
        z = deque(maxlen=0)
        z.append(1)
        self.assertEqual(len(z), 0)

    def test_extend_rotate_reverse(self):
        d = deque([1, 2, 3])
        d.extend([4, 5])
        d.extendleft([0, -1])
        self.assertEqual(list(d), [-1, 0, 1, 2, 3, 4, 5])
        d.rotate(2)
        self.assertEqual(list(d), [4, 5, -1, 0, 1, 2, 3])
        d.rotate(-3)
        self.assertEqual(list(d), [0, 1, 2, 3, 4, 5, -1])
        d.rotate(7 * 5 + 1)
        self.assertEqual(list(d), [-1, 0, 1, 2, 3, 4, 5])
        d.reverse()
        self.assertEqual(list(d), [5, 4, 3, 2, 1, 0, -1])
        d.extend(d)
        self.assertEqual(len(d), 14)

    def test_index_insert_remove_del(self):
        d = deque('abcdef')
        self.assertEqual(d.index('c'), 2)
        self.assertEqual(d.index('c', 1, 4), 2)
        with self.assertRaises(ValueError):
            d.index('z')
        d.insert(1, 'X')
        d.insert(-1, 'Y')
        d.insert(100, 'Z')
        self.assertEqual(''.join(d), 'aXbcdeYfZ')
        d.remove('X')
        del d[0]
        del d[-1]
        self.assertEqual(''.join(d), 'bcdeYf')
        d[0] = 'B'
        self.assertEqual(d[0], 'B')
        with self.assertRaises(ValueError):
            d.remove('nope')
        with self.assertRaises(IndexError):
            d[100]
        with self.assertRaises(TypeError):
            d[1:2]
        self.assertEqual(d.count('f'), 1)

    def test_mutation_during_iteration(self):
        d = deque([1, 2, 3])
        with self.assertRaises(RuntimeError):
            for x in d:
                d.append(x)

    def test_operators_and_copy(self):
        d = deque([1, 2])
        self.assertEqual(d + deque([3]), deque([1, 2, 3]))
        with self.assertRaises(TypeError):
            d + [3]
        d += [3, 4]
        self.assertEqual(d, deque([1, 2, 3, 4]))
        self.assertEqual(d * 2, deque([1, 2, 3, 4] * 2))
        e = d.copy()
        e.append(5)
        self.assertNotEqual(d, e)
        self.assertTrue(deque([1, 2]) < deque([1, 3]))
        self.assertIn(3, d)
        self.assertEqual(list(reversed(d)), [4, 3, 2, 1])
        self.assertFalse(deque())
        with self.assertRaises(TypeError):
            hash(d)

    def test_repr_recursive_and_subclass(self):
        d = deque([1])
        d.append(d)
        self.assertEqual(repr(d), 'deque([1, [...]])')

        class MyDeque(deque):
            pass
        self.assertEqual(repr(MyDeque([1])), 'MyDeque([1])')
        self.assertIsInstance(MyDeque([1]).copy(), MyDeque)

    def test_abc(self):
        self.assertIsInstance(deque(), collections.abc.MutableSequence)


class DefaultDictTests(unittest.TestCase):

    def test_missing(self):
        d = defaultdict(list)
        d['a'].append(1)
        d['a'].append(2)
        self.assertEqual(d, {'a': [1, 2]})
        self.assertIs(d.default_factory, list)
        with self.assertRaises(KeyError):
            defaultdict()['x']
        self.assertEqual(d.get('zz'), None)
        self.assertNotIn('zz', d)

    def test_constructor_and_repr(self):
        d = defaultdict(int, a=1)
        self.assertEqual(d['a'], 1)
        self.assertEqual(d['b'], 0)
        self.assertEqual(repr(d), "defaultdict(<class 'int'>, {'a': 1, 'b': 0})")
        self.assertEqual(repr(defaultdict()), 'defaultdict(None, {})')
        with self.assertRaises(TypeError):
            defaultdict(3)
        c = d.copy()
        self.assertIsInstance(c, defaultdict)
        self.assertIs(c.default_factory, int)
        merged = d | {'z': 9}
        self.assertIsInstance(merged, defaultdict)
        self.assertEqual(merged['z'], 9)

    def test_counting(self):
        counts = defaultdict(int)
        for word in 'a b a c b a'.split():
            counts[word] += 1
        self.assertEqual(dict(counts), {'a': 3, 'b': 2, 'c': 1})


if __name__ == '__main__':
    unittest.main()
