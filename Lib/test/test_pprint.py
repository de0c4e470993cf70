"""Tests for the pprint module."""

import collections
import dataclasses
import io
import types
import unittest
import pprint


@dataclasses.dataclass
class Point:
    x: int
    y: list
    z: str = dataclasses.field(default='zz', repr=False)


@dataclasses.dataclass
class Node:
    name: str
    children: list = dataclasses.field(default_factory=list)


def make_cases():
    cases = {
        'dict': ({'name': 'alpha', 'values': list(range(20)),
                  'nested': {'a': (1, 2, 3), 'b': None}}, {}),
        'list_w20': ([list(range(5)), 'x' * 10, {'k': [1, 2]}], dict(width=20)),
        'tuple1': (('a' * 30,), dict(width=20)),
        'set': ({5, 3, 100000, 42, 7, 8, 9, 11, 12}, dict(width=10)),
        'frozenset': (frozenset(range(8)), dict(width=15)),
        'str': ('The quick brown fox jumps over the lazy dog. ' * 3, dict(width=40)),
        'str_lines': (['line one\nline two is longer\n', 'x'], dict(width=15)),
        'bytes': (bytes(range(30)), dict(width=30)),
        'bytearray': (bytearray(b'abcdefghijklmnopqrstuvwxyz'), dict(width=20)),
        'compact': (list(range(40)), dict(width=40, compact=True)),
        'indent4': ({'a': [1, 2, 3], 'b': {'c': 'd' * 20}}, dict(width=20, indent=4)),
        'depth': ([1, [2, [3, [4]]], {'a': {'b': 1}}], dict(depth=2)),
        'nosort': ({'b': 1, 'a': 2, 'c': list(range(30))}, dict(sort_dicts=False)),
        'underscore': ([10**10, 12345, -9876543], dict(underscore_numbers=True)),
        'odict': (collections.OrderedDict([('one', 1), ('two', list(range(25)))]), {}),
        'defaultdict': (collections.defaultdict(list, {'a': list(range(30))}), {}),
        'counter': (collections.Counter('abracadabra'), dict(width=20)),
        'chainmap': (collections.ChainMap({'a': 1, 'b': 2}, {'c': list(range(25))}), {}),
        'deque': (collections.deque(range(30), maxlen=40), {}),
        'deque2': (collections.deque(range(30)), {}),
        'userlist': (collections.UserList(range(30)), {}),
        'userdict': (collections.UserDict({'a': list(range(30))}), {}),
        'namespace': (types.SimpleNamespace(first='a' * 30, second=list(range(20))),
                      dict(width=40)),
        'dataclass': (Point(1, list(range(30))), dict(width=40)),
        'mappingproxy': (types.MappingProxyType({'a': list(range(30))}), {}),
        'mixed_keys': ({1: 'a', 'b': 2, (1, 2): 3, None: 4}, dict(width=10)),
    }
    return cases


EXPECTED = {
    'dict': (
        "{'name': 'alpha',\n"
        " 'nested': {'a': (1, 2, 3), 'b': None},\n"
        " 'values': [0,\n"
        '            1,\n'
        '            2,\n'
        '            3,\n'
        '            4,\n'
        '            5,\n'
        '            6,\n'
        '            7,\n'
        '            8,\n'
        '            9,\n'
        '            10,\n'
        '            11,\n'
        '            12,\n'
        '            13,\n'
        '            14,\n'
        '            15,\n'
        '            16,\n'
        '            17,\n'
        '            18,\n'
        '            19]}'
    ),
    'list_w20': (
        '[[0, 1, 2, 3, 4],\n'
        " 'xxxxxxxxxx',\n"
        " {'k': [1, 2]}]"
    ),
    'tuple1': "('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',)",
    'set': (
        '{3,\n'
        ' 5,\n'
        ' 7,\n'
        ' 8,\n'
        ' 9,\n'
        ' 11,\n'
        ' 12,\n'
        ' 42,\n'
        ' 100000}'
    ),
    'frozenset': (
        'frozenset({0,\n'
        '           1,\n'
        '           2,\n'
        '           3,\n'
        '           4,\n'
        '           5,\n'
        '           6,\n'
        '           7})'
    ),
    'str': (
        "('The quick brown fox jumps over the '\n"
        " 'lazy dog. The quick brown fox jumps '\n"
        " 'over the lazy dog. The quick brown '\n"
        " 'fox jumps over the lazy dog. ')"
    ),
    'str_lines': (
        "['line one\\n'\n"
        " 'line two is '\n"
        " 'longer\\n',\n"
        " 'x']"
    ),
    'bytes': (
        "(b'\\x00\\x01\\x02\\x03'\n"
        " b'\\x04\\x05\\x06\\x07'\n"
        " b'\\x08\\t\\n\\x0b\\x0c\\r\\x0e\\x0f'\n"
        " b'\\x10\\x11\\x12\\x13'\n"
        " b'\\x14\\x15\\x16\\x17'\n"
        " b'\\x18\\x19\\x1a\\x1b\\x1c\\x1d')"
    ),
    'bytearray': (
        "bytearray(b'abcd'\n"
        "          b'efgh'\n"
        "          b'ijkl'\n"
        "          b'mnop'\n"
        "          b'qrst'\n"
        "          b'uvwxyz')"
    ),
    'compact': (
        '[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,\n'
        ' 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,\n'
        ' 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,\n'
        ' 32, 33, 34, 35, 36, 37, 38, 39]'
    ),
    'indent4': (
        "{   'a': [1, 2, 3],\n"
        "    'b': {   'c': 'dddddddddddddddddddd'}}"
    ),
    'depth': "[1, [2, [...]], {'a': {...}}]",
    'nosort': (
        "{'b': 1,\n"
        " 'a': 2,\n"
        " 'c': [0,\n"
        '       1,\n'
        '       2,\n'
        '       3,\n'
        '       4,\n'
        '       5,\n'
        '       6,\n'
        '       7,\n'
        '       8,\n'
        '       9,\n'
        '       10,\n'
        '       11,\n'
        '       12,\n'
        '       13,\n'
        '       14,\n'
        '       15,\n'
        '       16,\n'
        '       17,\n'
        '       18,\n'
        '       19,\n'
        '       20,\n'
        '       21,\n'
        '       22,\n'
        '       23,\n'
        '       24,\n'
        '       25,\n'
        '       26,\n'
        '       27,\n'
        '       28,\n'
        '       29]}'
    ),
    'underscore': '[10_000_000_000, 12_345, -9_876_543]',
    'odict': (
        "OrderedDict([('one', 1),\n"
        "             ('two',\n"
        '              [0,\n'
        '               1,\n'
        '               2,\n'
        '               3,\n'
        '               4,\n'
        '               5,\n'
        '               6,\n'
        '               7,\n'
        '               8,\n'
        '               9,\n'
        '               10,\n'
        '               11,\n'
        '               12,\n'
        '               13,\n'
        '               14,\n'
        '               15,\n'
        '               16,\n'
        '               17,\n'
        '               18,\n'
        '               19,\n'
        '               20,\n'
        '               21,\n'
        '               22,\n'
        '               23,\n'
        '               24])])'
    ),
    'defaultdict': (
        "defaultdict(<class 'list'>,\n"
        "            {'a': [0,\n"
        '                   1,\n'
        '                   2,\n'
        '                   3,\n'
        '                   4,\n'
        '                   5,\n'
        '                   6,\n'
        '                   7,\n'
        '                   8,\n'
        '                   9,\n'
        '                   10,\n'
        '                   11,\n'
        '                   12,\n'
        '                   13,\n'
        '                   14,\n'
        '                   15,\n'
        '                   16,\n'
        '                   17,\n'
        '                   18,\n'
        '                   19,\n'
        '                   20,\n'
        '                   21,\n'
        '                   22,\n'
        '                   23,\n'
        '                   24,\n'
        '                   25,\n'
        '                   26,\n'
        '                   27,\n'
        '                   28,\n'
        '                   29]})'
    ),
    'counter': (
        "Counter({'a': 5,\n"
        "         'b': 2,\n"
        "         'r': 2,\n"
        "         'c': 1,\n"
        "         'd': 1})"
    ),
    'chainmap': (
        "ChainMap({'a': 1, 'b': 2},\n"
        "         {'c': [0,\n"
        '                1,\n'
        '                2,\n'
        '                3,\n'
        '                4,\n'
        '                5,\n'
        '                6,\n'
        '                7,\n'
        '                8,\n'
        '                9,\n'
        '                10,\n'
        '                11,\n'
        '                12,\n'
        '                13,\n'
        '                14,\n'
        '                15,\n'
        '                16,\n'
        '                17,\n'
        '                18,\n'
        '                19,\n'
        '                20,\n'
        '                21,\n'
        '                22,\n'
        '                23,\n'
        '                24]})'
    ),
    'deque': (
        'deque([0,\n'
        '       1,\n'
        '       2,\n'
        '       3,\n'
        '       4,\n'
        '       5,\n'
        '       6,\n'
        '       7,\n'
        '       8,\n'
        '       9,\n'
        '       10,\n'
        '       11,\n'
        '       12,\n'
        '       13,\n'
        '       14,\n'
        '       15,\n'
        '       16,\n'
        '       17,\n'
        '       18,\n'
        '       19,\n'
        '       20,\n'
        '       21,\n'
        '       22,\n'
        '       23,\n'
        '       24,\n'
        '       25,\n'
        '       26,\n'
        '       27,\n'
        '       28,\n'
        '       29],\n'
        '      maxlen=40)'
    ),
    'deque2': (
        'deque([0,\n'
        '       1,\n'
        '       2,\n'
        '       3,\n'
        '       4,\n'
        '       5,\n'
        '       6,\n'
        '       7,\n'
        '       8,\n'
        '       9,\n'
        '       10,\n'
        '       11,\n'
        '       12,\n'
        '       13,\n'
        '       14,\n'
        '       15,\n'
        '       16,\n'
        '       17,\n'
        '       18,\n'
        '       19,\n'
        '       20,\n'
        '       21,\n'
        '       22,\n'
        '       23,\n'
        '       24,\n'
        '       25,\n'
        '       26,\n'
        '       27,\n'
        '       28,\n'
        '       29])'
    ),
    'userlist': (
        '[0,\n'
        ' 1,\n'
        ' 2,\n'
        ' 3,\n'
        ' 4,\n'
        ' 5,\n'
        ' 6,\n'
        ' 7,\n'
        ' 8,\n'
        ' 9,\n'
        ' 10,\n'
        ' 11,\n'
        ' 12,\n'
        ' 13,\n'
        ' 14,\n'
        ' 15,\n'
        ' 16,\n'
        ' 17,\n'
        ' 18,\n'
        ' 19,\n'
        ' 20,\n'
        ' 21,\n'
        ' 22,\n'
        ' 23,\n'
        ' 24,\n'
        ' 25,\n'
        ' 26,\n'
        ' 27,\n'
        ' 28,\n'
        ' 29]'
    ),
    'userdict': (
        "{'a': [0,\n"
        '       1,\n'
        '       2,\n'
        '       3,\n'
        '       4,\n'
        '       5,\n'
        '       6,\n'
        '       7,\n'
        '       8,\n'
        '       9,\n'
        '       10,\n'
        '       11,\n'
        '       12,\n'
        '       13,\n'
        '       14,\n'
        '       15,\n'
        '       16,\n'
        '       17,\n'
        '       18,\n'
        '       19,\n'
        '       20,\n'
        '       21,\n'
        '       22,\n'
        '       23,\n'
        '       24,\n'
        '       25,\n'
        '       26,\n'
        '       27,\n'
        '       28,\n'
        '       29]}'
    ),
    'namespace': (
        "namespace(first='aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',\n"
        '          second=[0,\n'
        '                  1,\n'
        '                  2,\n'
        '                  3,\n'
        '                  4,\n'
        '                  5,\n'
        '                  6,\n'
        '                  7,\n'
        '                  8,\n'
        '                  9,\n'
        '                  10,\n'
        '                  11,\n'
        '                  12,\n'
        '                  13,\n'
        '                  14,\n'
        '                  15,\n'
        '                  16,\n'
        '                  17,\n'
        '                  18,\n'
        '                  19])'
    ),
    'dataclass': (
        'Point(x=1,\n'
        '      y=[0,\n'
        '         1,\n'
        '         2,\n'
        '         3,\n'
        '         4,\n'
        '         5,\n'
        '         6,\n'
        '         7,\n'
        '         8,\n'
        '         9,\n'
        '         10,\n'
        '         11,\n'
        '         12,\n'
        '         13,\n'
        '         14,\n'
        '         15,\n'
        '         16,\n'
        '         17,\n'
        '         18,\n'
        '         19,\n'
        '         20,\n'
        '         21,\n'
        '         22,\n'
        '         23,\n'
        '         24,\n'
        '         25,\n'
        '         26,\n'
        '         27,\n'
        '         28,\n'
        '         29])'
    ),
    'mappingproxy': (
        "mappingproxy({'a': [0,\n"
        '                    1,\n'
        '                    2,\n'
        '                    3,\n'
        '                    4,\n'
        '                    5,\n'
        '                    6,\n'
        '                    7,\n'
        '                    8,\n'
        '                    9,\n'
        '                    10,\n'
        '                    11,\n'
        '                    12,\n'
        '                    13,\n'
        '                    14,\n'
        '                    15,\n'
        '                    16,\n'
        '                    17,\n'
        '                    18,\n'
        '                    19,\n'
        '                    20,\n'
        '                    21,\n'
        '                    22,\n'
        '                    23,\n'
        '                    24,\n'
        '                    25,\n'
        '                    26,\n'
        '                    27,\n'
        '                    28,\n'
        '                    29]})'
    ),
    'mixed_keys': (
        '{None: 4,\n'
        " 1: 'a',\n"
        " 'b': 2,\n"
        ' (1, 2): 3}'
    ),
}


class LayoutTests(unittest.TestCase):
    """Each expected string was produced by CPython 3.13."""

    def test_layouts(self):
           cases = make_cases()
           self.assertEqual(sorted(cases), sorted(EXPECTED))
           for name, (obj, kwargs) in cases.items():
               with self.subTest(name=name):
                   self.assertEqual(pprint.pformat(obj, **kwargs), EXPECTED[name])

    def test_short_objects_use_repr(self):
           for obj in [1, 'abc', b'ab', [1, 2], (1,), {'a': 1}, set(), 1.5, None]:
               with self.subTest(obj=obj):
                   self.assertEqual(pprint.pformat(obj), repr(obj))

    def test_empty_containers(self):
           self.assertEqual(pprint.pformat([[], (), {}, set(), frozenset(), ''], width=1),
                            "[[],\n (),\n {},\n set(),\n frozenset(),\n '']")


class RecursionTests(unittest.TestCase):

    def test_recursive_list(self):
           a = [1, 2]
           a.append(a)
           self.assertEqual(pprint.pformat(a),
                            '[1, 2, <Recursion on list with id=%d>]' % id(a))
           self.assertEqual(pprint.saferepr(a),
                            '[1, 2, <Recursion on list with id=%d>]' % id(a))
           self.assertTrue(pprint.isrecursive(a))
           self.assertFalse(pprint.isreadable(a))

    def test_recursive_dict(self):
           d = {}
           d['self'] = d
           self.assertEqual(pprint.pformat(d),
                            "{'self': <Recursion on dict with id=%d>}" % id(d))
           self.assertEqual(pprint.pformat(d, width=5),
                            "{'self': <Recursion on dict with id=%d>}" % id(d))

    def test_recursive_dataclass(self):
        node = Node('root' * 5, [Node('child%d' % i) for i in range(2)])
        node.children.append(node)
        self.assertEqual(pprint.pformat(node, width=30),
                         "Node(name='rootrootrootrootroot',\n"
                         "     children=[Node(name='child0',\n"
                         "                    children=[]),\n"
                         "               Node(name='child1',\n"
                         "                    children=[]),\n"
                         "               <Recursion on Node with id=%d>])" % id(node))

    def test_custom_repr_not_split(self):
        class R(list):
            def __repr__(self):
                return '<R>'

        class L(list):
            pass
        self.assertEqual(pprint.pformat([R(range(30)), L(range(3))], width=10),
                         '[<R>,\n [0,\n  1,\n  2]]')
        self.assertFalse(pprint.isreadable(R()))
        self.assertTrue(pprint.isreadable(L([1])))

    def test_readable(self):
           self.assertTrue(pprint.isreadable([1, 'a', (2.5, None)]))
           self.assertFalse(pprint.isreadable([object]))
           self.assertFalse(pprint.isrecursive({'a': [1]}))
           printer = pprint.PrettyPrinter()
           self.assertTrue(printer.isreadable({'a': 1}))
           self.assertFalse(printer.isrecursive({'a': 1}))


class PrinterTests(unittest.TestCase):

    def test_stream(self):
           out = io.StringIO()
           pprint.pprint({'b': 1, 'a': 2}, stream=out)
           self.assertEqual(out.getvalue(), "{'a': 2, 'b': 1}\n")
           out = io.StringIO()
           pprint.pp({'b': 1, 'a': 2}, stream=out)
           self.assertEqual(out.getvalue(), "{'b': 1, 'a': 2}\n")
           out = io.StringIO()
           pprint.PrettyPrinter(stream=out, width=10).pprint(list(range(3)))
           self.assertEqual(out.getvalue(), '[0, 1, 2]\n')

    def test_format_method(self):
           printer = pprint.PrettyPrinter()
           self.assertEqual(printer.format([1, 'a'], {}, 0, 0), ("[1, 'a']", True, False))
           self.assertEqual(printer.pformat((1,)), '(1,)')

    def test_bad_arguments(self):
           for kwargs, msg in [(dict(indent=-1), 'indent must be >= 0'),
                               (dict(depth=0), 'depth must be > 0'),
                               (dict(width=0), 'width must be != 0')]:
               with self.subTest(kwargs=kwargs):
                   with self.assertRaises(ValueError) as cm:
                       pprint.PrettyPrinter(**kwargs)
                   self.assertEqual(str(cm.exception), msg)

    def test_unorderable_keys(self):
           d = {1: 'a', 'b': 2}
           self.assertIn(pprint.pformat(d), ["{1: 'a', 'b': 2}", "{'b': 2, 1: 'a'}"])
           self.assertEqual(pprint.pformat({3: 1, 1: 2, 2: 3}), '{1: 2, 2: 3, 3: 1}')


if __name__ == "__main__":
    unittest.main()
