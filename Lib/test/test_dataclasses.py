"""Tests of dataclasses."""

import dataclasses
import unittest
from dataclasses import dataclass, field, InitVar, KW_ONLY


@dataclass
class Point:
    x: int
    y: int = 0


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    secret: str = field(default='hidden', repr=False, compare=False)
    count: int = field(init=False, default=0)

    def __post_init__(self):
        self.count = len(self.items)


@dataclass
class WithInitVar:
    base: int
    scale: InitVar[int] = 2
    value: int = field(init=False)

    def __post_init__(self, scale):
        self.value = self.base * scale


@dataclass
class Keyword:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int = 2


@dataclass(slots=True)
class Slotted:
    a: int
    b: str = 'x'


class DataclassTests(unittest.TestCase):

    def test_init_repr_eq(self):
        p = Point(1, 2)
        self.assertEqual(repr(p), 'Point(x=1, y=2)')
        self.assertEqual(Point(1), Point(1, 0))
        self.assertNotEqual(Point(1), Point(2))
        self.assertEqual(Point(y=3, x=4), Point(4, 3))
        with self.assertRaises(TypeError):
            Point()
        self.assertIsNone(Point.__hash__)
        self.assertEqual(Point.__match_args__, ('x', 'y'))
        match Point(5, 6):
            case Point(a, b):
                self.assertEqual((a, b), (5, 6))

    def test_order_and_frozen(self):
        self.assertLess(Version(1, 2), Version(1, 3))
        self.assertGreater(Version(2), Version(1, 9))
        self.assertEqual(sorted([Version(2), Version(1, 5), Version(1)]),
                         [Version(1), Version(1, 5), Version(2)])
        v = Version(1)
        with self.assertRaises(dataclasses.FrozenInstanceError):
            v.major = 3
        with self.assertRaises(AttributeError):
            del v.minor
        self.assertEqual(hash(v), hash(Version(1)))
        self.assertEqual(len({Version(1), Version(1), Version(2)}), 2)

    def test_field_options(self):
        inv = Inventory('box', [1, 2])
        self.assertEqual(inv.count, 2)
        self.assertEqual(repr(inv), "Inventory(name='box', items=[1, 2], count=2)")
        self.assertEqual(Inventory('a', secret='x'), Inventory('a', secret='y'))
        self.assertIsNot(Inventory('a').items, Inventory('a').items)
        with self.assertRaises(ValueError):
            @dataclass
            class Bad:
                xs: list = []

    def test_initvar_and_kw_only(self):
        w = WithInitVar(3)
        self.assertEqual(w.value, 6)
        self.assertEqual(WithInitVar(3, 5).value, 15)
        self.assertEqual([f.name for f in dataclasses.fields(WithInitVar)], ['base', 'value'])
        k = Keyword(1, c=5)
        self.assertEqual((k.a, k.b, k.c), (1, 1, 5))
        with self.assertRaises(TypeError):
            Keyword(1, 2)

    def test_helpers(self):
        p = Point(1, 2)
        self.assertEqual(dataclasses.asdict(p), {'x': 1, 'y': 2})
        self.assertEqual(dataclasses.astuple(p), (1, 2))
        self.assertEqual(dataclasses.replace(p, y=9), Point(1, 9))
        self.assertTrue(dataclasses.is_dataclass(p))
        self.assertTrue(dataclasses.is_dataclass(Point))
        self.assertFalse(dataclasses.is_dataclass(3))
        nested = Inventory('n', [Point(1, 2)])
        self.assertEqual(dataclasses.asdict(nested)['items'], [{'x': 1, 'y': 2}])
        with self.assertRaises(TypeError):
            dataclasses.fields(3)

    def test_inheritance(self):
        @dataclass
        class Point3(Point):
            z: int = 0
        p = Point3(1, 2, 3)
        self.assertTrue(repr(p).endswith('<locals>.Point3(x=1, y=2, z=3)'), repr(p))
        self.assertEqual([f.name for f in dataclasses.fields(p)], ['x', 'y', 'z'])
        with self.assertRaises(TypeError):
            @dataclass
            class Bad(Point):
                z: int

    def test_slots(self):
        s = Slotted(1)
        self.assertEqual(Slotted.__slots__, ('a', 'b'))
        self.assertEqual(repr(s), "Slotted(a=1, b='x')")
        with self.assertRaises(AttributeError):
            s.other = 3

    def test_make_dataclass(self):
        C = dataclasses.make_dataclass('C', [('x', int), ('y', int, field(default=5))])
        self.assertEqual(repr(C(1)), 'C(x=1, y=5)')

    def test_unsafe_hash_and_eq_false(self):
        @dataclass(unsafe_hash=True)
        class H:
            a: int
        self.assertEqual(hash(H(1)), hash((1,)))

        @dataclass(eq=False)
        class NoEq:
            a: int
        self.assertNotEqual(NoEq(1), NoEq(1))
        self.assertIsNotNone(NoEq.__hash__)


class GeneratedInitTests(unittest.TestCase):
    def test_init_annotations_and_doc(self):
        from dataclasses import dataclass, field, KW_ONLY

        @dataclass
        class P:
            x: int
            y: str = 'a'
            _: KW_ONLY
            z: list = field(default_factory=list)

        self.assertEqual(P.__init__.__annotations__,
                         {'x': int, 'y': str, 'z': list, 'return': None})
        self.assertEqual(P.__doc__, "P(x: int, y: str = 'a', *, z: list = <factory>)")


if __name__ == '__main__':
    unittest.main()
