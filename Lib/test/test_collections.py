"""Tests of namedtuple, Counter, OrderedDict, ChainMap, UserDict/UserList/UserString and
collections.abc."""

import collections
import collections.abc as abc
import unittest
from collections import namedtuple, Counter, OrderedDict, ChainMap


class NamedTupleTests(unittest.TestCase):

    def test_basics(self):
        Point = namedtuple('Point', 'x y')
        p = Point(1, y=2)
        self.assertEqual(p, (1, 2))
        self.assertEqual((p.x, p.y), (1, 2))
        self.assertEqual(repr(p), 'Point(x=1, y=2)')
        self.assertEqual(p._asdict(), {'x': 1, 'y': 2})
        self.assertEqual(p._replace(x=5), Point(5, 2))
        self.assertEqual(Point._make([3, 4]), Point(3, 4))
        self.assertEqual(Point._fields, ('x', 'y'))
        self.assertEqual(Point.__match_args__, ('x', 'y'))
        x, y = p
        self.assertEqual(x + y, 3)
        with self.assertRaises(TypeError):
            Point(1)
        with self.assertRaises(AttributeError):
            p.x = 3

    def test_defaults_rename_and_errors(self):
        P = namedtuple('P', ['a', 'b', 'c'], defaults=[10, 20])
        self.assertEqual(P(1), (1, 10, 20))
        self.assertEqual(P._field_defaults, {'b': 10, 'c': 20})
        R = namedtuple('R', ['ok', 'def', 'ok', '_x'], rename=True)
        self.assertEqual(R._fields, ('ok', '_1', '_2', '_3'))
        with self.assertRaises(ValueError):
            namedtuple('Bad', ['class'])
        with self.assertRaises(ValueError):
            namedtuple('Bad', ['a', 'a'])
        with self.assertRaises(ValueError):
            namedtuple('Bad', ['_a'])

    def test_match(self):
        Point = namedtuple('Point', 'x y')
        match Point(1, 2):
            case Point(x, y=2):
                result = x
        self.assertEqual(result, 1)


class CounterTests(unittest.TestCase):

    def test_counting(self):
        c = Counter('abracadabra')
        self.assertEqual(c['a'], 5)
        self.assertEqual(c['z'], 0)
        self.assertEqual(c.most_common(2), [('a', 5), ('b', 2)])
        self.assertEqual(c.total(), 11)
        self.assertEqual(sorted(c.elements()), sorted('abracadabra'))
        c.update(a=1)
        c.subtract('aa')
        self.assertEqual(c['a'], 4)
        del c['nothing']

    def test_arithmetic(self):
        a = Counter(a=3, b=1)
        b = Counter(a=1, b=2)
        self.assertEqual(a + b, Counter(a=4, b=3))
        self.assertEqual(a - b, Counter(a=2))
        self.assertEqual(a | b, Counter(a=3, b=2))
        self.assertEqual(a & b, Counter(a=1, b=1))
        self.assertEqual(+Counter(a=-1, b=2), Counter(b=2))
        self.assertEqual(-Counter(a=-1, b=2), Counter(a=1))
        self.assertTrue(Counter(a=1) <= Counter(a=2))
        self.assertEqual(repr(Counter('aab')), "Counter({'a': 2, 'b': 1})")


class OrderedDictTests(unittest.TestCase):

    def test_order_operations(self):
        od = OrderedDict.fromkeys('abcde')
        od.move_to_end('b')
        self.assertEqual(list(od), ['a', 'c', 'd', 'e', 'b'])
        od.move_to_end('b', last=False)
        self.assertEqual(list(od), ['b', 'a', 'c', 'd', 'e'])
        self.assertEqual(od.popitem(), ('e', None))
        self.assertEqual(od.popitem(last=False), ('b', None))
        self.assertEqual(list(reversed(od)), ['d', 'c', 'a'])
        del od['c']
        self.assertEqual(list(od.keys()), ['a', 'd'])
        self.assertEqual(repr(OrderedDict(a=1)), "OrderedDict({'a': 1})")

    def test_equality(self):
        a = OrderedDict([('x', 1), ('y', 2)])
        b = OrderedDict([('y', 2), ('x', 1)])
        self.assertNotEqual(a, b)
        self.assertEqual(a, {'y': 2, 'x': 1})


class ChainMapTests(unittest.TestCase):

    def test_lookup_and_writes(self):
        base = {'a': 1, 'b': 2}
        cm = ChainMap({'a': 10}, base)
        self.assertEqual(cm['a'], 10)
        self.assertEqual(cm['b'], 2)
        self.assertEqual(len(cm), 2)
        cm['c'] = 3
        self.assertEqual(cm.maps[0], {'a': 10, 'c': 3})
        child = cm.new_child()
        child['a'] = 0
        self.assertEqual(cm['a'], 10)
        self.assertEqual(child.parents['a'], 10)
        with self.assertRaises(KeyError):
            del cm['b']


class UserTypesTests(unittest.TestCase):

    def test_userdict_list_string(self):
        d = collections.UserDict(a=1)
        d['b'] = 2
        self.assertEqual(dict(d), {'a': 1, 'b': 2})
        lst = collections.UserList([3, 1, 2])
        lst.sort()
        self.assertEqual(lst, [1, 2, 3])
        self.assertEqual(lst + [4], [1, 2, 3, 4])
        s = collections.UserString('abc')
        self.assertEqual(s.upper(), 'ABC')
        self.assertEqual(s + 'd', 'abcd')


class ABCTests(unittest.TestCase):

    def test_builtin_registrations(self):
        self.assertIsInstance([], abc.MutableSequence)
        self.assertIsInstance((), abc.Sequence)
        self.assertIsInstance({}, abc.MutableMapping)
        self.assertIsInstance({}.keys(), abc.KeysView)
        self.assertIsInstance(frozenset(), abc.Set)
        self.assertIsInstance(iter([]), abc.Iterator)
        self.assertIsInstance((x for x in ()), abc.Generator)
        self.assertNotIsInstance([], abc.Hashable)
        self.assertIsInstance(len, abc.Callable)

    def test_mixins(self):
        class Seq(abc.Sequence):
            def __getitem__(self, i):
                return 'xyz'[i]

            def __len__(self):
                return 3
        s = Seq()
        self.assertEqual(list(s), ['x', 'y', 'z'])
        self.assertEqual(s.index('y'), 1)
        self.assertIn('z', s)
        self.assertEqual(list(reversed(s)), ['z', 'y', 'x'])

        class Mapping(abc.Mapping):
            def __getitem__(self, k):
                return {'a': 1}[k]

            def __iter__(self):
                return iter(['a'])

            def __len__(self):
                return 1
        m = Mapping()
        self.assertEqual(m.get('a'), 1)
        self.assertEqual(list(m.items()), [('a', 1)])
        self.assertEqual(m, {'a': 1})
        match m:
            case {'a': value}:
                matched = value
        self.assertEqual(matched, 1)

    def test_callable_generic(self):
        self.assertEqual(repr(abc.Callable[[int], str]), 'collections.abc.Callable[[int], str]')


if __name__ == '__main__':
    unittest.main()
