"""Tests of enum."""

import enum
import unittest
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
import pickle
import copy


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1


class Num(IntEnum):
    ONE = 1
    TWO = 2


class Shape(StrEnum):
    CIRCLE = auto()
    SQUARE = auto()


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W


class IPerm(IntFlag):
    R = 4
    W = 2
    X = 1


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


class EnumTests(unittest.TestCase):

    def test_basics(self):
        self.assertIs(Color(1), Color.RED)
        self.assertIs(Color['GREEN'], Color.GREEN)
        self.assertIs(Color.CRIMSON, Color.RED)
        self.assertEqual(Color.RED.name, 'RED')
        self.assertEqual(Color.RED.value, 1)
        self.assertEqual(list(Color), [Color.RED, Color.GREEN, Color.BLUE])
        self.assertEqual(len(Color), 3)
        self.assertEqual(list(Color.__members__), ['RED', 'GREEN', 'BLUE', 'CRIMSON'])
        self.assertIn(Color.RED, Color)
        self.assertIn(2, Color)
        self.assertEqual(repr(Color.RED), '<Color.RED: 1>')
        self.assertEqual(str(Color.RED), 'Color.RED')
        self.assertEqual(format(Color.RED), 'Color.RED')
        self.assertEqual(repr(Color), "<enum 'Color'>")
        self.assertIsInstance(Color.RED, Color)
        self.assertEqual(hash(Color.RED), hash('RED'))

    def test_errors(self):
        with self.assertRaises(ValueError) as cm:
            Color(7)
        self.assertEqual(str(cm.exception), '7 is not a valid Color')
        with self.assertRaises(KeyError):
            Color['PINK']
        with self.assertRaises(AttributeError):
            Color.RED = 5
        with self.assertRaises(TypeError):
            class More(Color):
                PINK = 4
        with self.assertRaises(TypeError):
            Color.RED < Color.GREEN
        with self.assertRaises(ValueError):
            @unique
            class Dup(Enum):
                A = 1
                B = 1

    def test_int_and_str_enums(self):
        self.assertEqual(Num.ONE + 1, 2)
        self.assertEqual(str(Num.TWO), '2')
        self.assertEqual(format(Num.TWO, '03d'), '002')
        self.assertEqual(repr(Num.ONE), '<Num.ONE: 1>')
        self.assertTrue(Num.ONE < Num.TWO)
        self.assertEqual(Shape.CIRCLE, 'circle')
        self.assertEqual(str(Shape.SQUARE), 'square')
        self.assertEqual(Shape.CIRCLE.upper(), 'CIRCLE')

    def test_auto_and_custom_values(self):
        class A(Enum):
            X = auto()
            Y = auto()
            Z = 10
            W = auto()
        self.assertEqual([m.value for m in A], [1, 2, 10, 11])
        self.assertAlmostEqual(Planet.EARTH.surface_gravity, 9.802652743337129)
        self.assertEqual(Planet.MERCURY.value, (3.303e+23, 2.4397e6))

    def test_flags(self):
        self.assertEqual([m.value for m in Perm], [1, 2, 4])
        rw = Perm.R | Perm.W
        self.assertIs(rw, Perm.RW)
        self.assertEqual(repr(Perm.R | Perm.X), '<Perm.R|X: 5>')
        self.assertEqual(str(Perm.R | Perm.X), 'Perm.R|X')
        self.assertEqual(list(Perm.R | Perm.X), [Perm.R, Perm.X])
        self.assertIn(Perm.R, rw)
        self.assertNotIn(Perm.X, rw)
        self.assertEqual(~Perm.R, Perm.W | Perm.X)
        self.assertFalse(Perm(0))
        self.assertEqual(repr(Perm(0)), '<Perm: 0>')
        self.assertEqual(len(Perm.R | Perm.W | Perm.X), 3)
        with self.assertRaises(ValueError):
            Perm(8)
        self.assertEqual(IPerm.R | IPerm.W, 6)
        self.assertEqual(str(IPerm.R | IPerm.W), '6')
        self.assertEqual(repr(IPerm.R | IPerm.W), '<IPerm.R|W: 6>')
        self.assertEqual(IPerm(9), 9)

    def test_functional_api(self):
        Animal = Enum('Animal', 'ANT BEE CAT')
        self.assertEqual(Animal.BEE.value, 2)
        self.assertEqual([m.name for m in Animal], ['ANT', 'BEE', 'CAT'])
        Pairs = Enum('Pairs', [('A', 'a'), ('B', 'b')])
        self.assertEqual(Pairs('b'), Pairs.B)
        Mapped = IntEnum('Mapped', {'LOW': 1, 'HIGH': 9})
        self.assertEqual(Mapped.HIGH, 9)

    def test_missing_hook(self):
        class Lenient(Enum):
            A = 'a'

            @classmethod
            def _missing_(cls, value):
                if isinstance(value, str):
                    return cls(value.lower())
        self.assertIs(Lenient('A'), Lenient.A)

    def test_pickle_protocol_and_copy(self):
        import copy
        self.assertIs(copy.copy(Color.RED), Color.RED)
        self.assertIs(copy.deepcopy(Color.RED), Color.RED)
        self.assertEqual(Color.RED.__reduce_ex__(4), (Color, (1,)))


class Fruit(Enum):
    APPLE = 1
    BANANA = 2
    CHERRY = 3


class Level(IntEnum):
    LOW = 10
    HIGH = 20


class Mode(StrEnum):
    READ = 'r'
    WRITE = auto()


class Hue(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


class Access(IntFlag):
    R = 4
    W = 2
    X = 1
    RWX = 7


class ReprStrFormatTests(unittest.TestCase):

    def test_enum(self):
        self.assertEqual(repr(Fruit.APPLE), '<Fruit.APPLE: 1>')
        self.assertEqual(str(Fruit.APPLE), 'Fruit.APPLE')
        self.assertEqual(format(Fruit.APPLE), 'Fruit.APPLE')
        self.assertEqual(f'{Fruit.BANANA}', 'Fruit.BANANA')
        self.assertEqual(f'{Fruit.BANANA!r}', '<Fruit.BANANA: 2>')
        self.assertEqual('%s' % Fruit.CHERRY, 'Fruit.CHERRY')
        self.assertEqual(repr(Fruit), "<enum 'Fruit'>")
        self.assertEqual(str(Fruit), "<enum 'Fruit'>")
        self.assertEqual([m.name for m in Fruit], ['APPLE', 'BANANA', 'CHERRY'])
        self.assertEqual([m.value for m in Fruit], [1, 2, 3])

    def test_int_enum(self):
        self.assertEqual(repr(Level.LOW), '<Level.LOW: 10>')
        self.assertEqual(str(Level.LOW), '10')
        self.assertEqual(format(Level.HIGH), '20')
        self.assertEqual(f'{Level.HIGH:>5}', '   20')
        self.assertEqual(f'{Level.HIGH:x}', '14')
        self.assertEqual('%d' % Level.LOW, '10')
        self.assertEqual(Level.LOW + 1, 11)
        self.assertEqual(Level.HIGH, 20)
        self.assertEqual(
            repr(sorted([Level.HIGH, Level.LOW, 15])),
            '[<Level.LOW: 10>, 15, <Level.HIGH: 20>]')
        self.assertEqual(int(Level.HIGH), 20)
        self.assertEqual(hash(Level.LOW), hash(10))

    def test_str_enum(self):
        self.assertEqual(repr(Mode.READ), "<Mode.READ: 'r'>")
        self.assertEqual(str(Mode.READ), 'r')
        self.assertEqual(Mode.WRITE.value, 'write')
        self.assertEqual(format(Mode.WRITE), 'write')
        self.assertEqual(f'{Mode.READ:>3}', '  r')
        self.assertEqual(Mode.READ + 'b', 'rb')
        self.assertEqual(Mode.READ, 'r')
        self.assertEqual(Mode.READ.upper(), 'R')
        self.assertEqual('-'.join(Mode), 'r-write')

    def test_flag(self):
        self.assertEqual(repr(Hue.RED), '<Hue.RED: 1>')
        self.assertEqual(str(Hue.RED), 'Hue.RED')
        self.assertEqual(repr(Hue.RED | Hue.BLUE), '<Hue.RED|BLUE: 5>')
        self.assertEqual(str(Hue.RED | Hue.BLUE), 'Hue.RED|BLUE')
        self.assertEqual(repr(Hue.WHITE), '<Hue.WHITE: 7>')
        self.assertEqual(repr(Hue(0)), '<Hue: 0>')
        self.assertEqual(str(Hue(0)), 'Hue(0)')
        self.assertEqual(format(Hue.GREEN), 'Hue.GREEN')
        self.assertEqual(format(Hue.RED | Hue.GREEN), 'Hue.RED|GREEN')
        self.assertEqual(repr(~Hue.RED), '<Hue.GREEN|BLUE: 6>')
        self.assertEqual(repr(Hue.WHITE & ~Hue.GREEN), '<Hue.RED|BLUE: 5>')
        self.assertEqual(repr(Hue(7)), '<Hue.WHITE: 7>')

    def test_int_flag(self):
        self.assertEqual(repr(Access.R), '<Access.R: 4>')
        self.assertEqual(str(Access.R), '4')
        self.assertEqual(repr(Access.R | Access.W), '<Access.R|W: 6>')
        self.assertEqual(str(Access.R | Access.W), '6')
        self.assertEqual(repr(Access(0)), '<Access: 0>')
        self.assertEqual(str(Access(0)), '0')
        self.assertEqual(repr(Access.RWX), '<Access.RWX: 7>')
        self.assertEqual(repr(Access(8)), '<Access: 8>')
        self.assertEqual(repr(Access(12)), '<Access.R|8: 12>')
        self.assertEqual(format(Access.R | Access.X), '5')
        self.assertEqual(repr(Access.R | 8), '<Access.R|8: 12>')
        self.assertEqual(repr(~Access.R), '<Access.W|X: 3>')
        self.assertEqual(Access.R + 1, 5)
        self.assertEqual(repr(Access.R | 1), '<Access.R|X: 5>')
        self.assertEqual(type(Access.R + 1).__name__, 'int')

    def test_mixed_and_dataclass(self):
        class Coord(float, Enum):
            ORIGIN = 0.0
            UNIT = 1.0
        self.assertEqual(repr(Coord.UNIT), '<Coord.UNIT: 1.0>')
        self.assertEqual(str(Coord.UNIT), 'Coord.UNIT')
        self.assertEqual(format(Coord.UNIT), 'Coord.UNIT')
        with self.assertRaises(ValueError) as cm:
            f'{Coord.UNIT:.2f}'
        self.assertEqual(str(cm.exception), "Unknown format code 'f' for object of type 'str'")
        class Pt(tuple, Enum):
            A = (1, 2)
        self.assertEqual(repr(Pt.A), '<Pt.A: (1, 2)>')
        self.assertEqual(Pt.A[0], 1)

    def test_custom_repr_str(self):
        class Nice(Enum):
            A = 1
            def __str__(self):
                return 'nice-' + self.name
        self.assertEqual(str(Nice.A), 'nice-A')
        self.assertEqual(format(Nice.A), 'nice-A')
        self.assertEqual(repr(Nice.A), '<Nice.A: 1>')
        class Loud(IntEnum):
            A = 1
            def __repr__(self):
                return 'LOUD'
        self.assertEqual(repr(Loud.A), 'LOUD')
        self.assertEqual(str(Loud.A), '1')


class MemberTests(unittest.TestCase):

    def test_lookup(self):
        self.assertIs(Fruit(2), Fruit.BANANA)
        self.assertIs(Fruit['CHERRY'], Fruit.CHERRY)
        self.assertIn(Fruit.APPLE, Fruit)
        self.assertIn(1, Fruit)
        self.assertNotIn(4, Fruit)
        self.assertNotIn('APPLE', Fruit)
        self.assertIn(Level.LOW, Level)
        self.assertIn(10, Level)
        self.assertNotIn(11, Level)
        self.assertEqual(Fruit.__members__.keys(), {'APPLE', 'BANANA', 'CHERRY'})
        self.assertEqual(type(Fruit.__members__).__name__, 'mappingproxy')
        self.assertEqual(list(reversed(Fruit)), [Fruit.CHERRY, Fruit.BANANA, Fruit.APPLE])
        self.assertTrue(bool(Fruit))
        self.assertEqual(Fruit.APPLE._name_, 'APPLE')
        self.assertEqual(Fruit.APPLE._value_, 1)
        self.assertTrue(isinstance(Fruit.APPLE, Fruit))
        self.assertIs(type(Fruit.APPLE), Fruit)
        self.assertEqual(type(Fruit).__name__, 'EnumType')
        self.assertEqual(Fruit.APPLE < Fruit.BANANA if False else 'no order', 'no order')

    def test_lookup_errors(self):
        with self.assertRaises(ValueError) as cm:
            Fruit(9)
        self.assertEqual(str(cm.exception), '9 is not a valid Fruit')
        with self.assertRaises(KeyError) as cm:
            Fruit['PEAR']
        self.assertEqual(str(cm.exception), "'PEAR'")
        with self.assertRaises(ValueError) as cm:
            Fruit('1')
        self.assertEqual(str(cm.exception), "'1' is not a valid Fruit")
        with self.assertRaises(ValueError) as cm:
            Level(11)
        self.assertEqual(str(cm.exception), '11 is not a valid Level')
        with self.assertRaises(ValueError) as cm:
            Mode('x')
        self.assertEqual(str(cm.exception), "'x' is not a valid Mode")
        with self.assertRaises(TypeError):
            Fruit.APPLE < Fruit.BANANA
        with self.assertRaises(AttributeError) as cm:
            setattr(Fruit, 'APPLE', 5)
        self.assertEqual(str(cm.exception), "cannot reassign member 'APPLE'")
        with self.assertRaises(AttributeError) as cm:
            delattr(Fruit, 'APPLE')
        self.assertEqual(str(cm.exception), "'Fruit' cannot delete member 'APPLE'.")
        with self.assertRaises(AttributeError) as cm:
            setattr(Fruit.APPLE, 'name', 'x')
        self.assertEqual(str(cm.exception), "<enum 'Enum'> cannot set attribute 'name'")
        with self.assertRaises(AttributeError) as cm:
            Fruit.APPLE.value.__class__(1) and Fruit.__class__('X', (Fruit,), {})
        self.assertEqual(str(cm.exception), "'dict' object has no attribute '_member_names'")

    def test_aliases(self):
        class Shade(Enum):
            DARK = 1
            LIGHT = 2
            BLACK = 1
        self.assertIs(Shade.BLACK, Shade.DARK)
        self.assertEqual(repr(list(Shade)), '[<Shade.DARK: 1>, <Shade.LIGHT: 2>]')
        self.assertEqual(list(Shade.__members__), ['DARK', 'LIGHT', 'BLACK'])
        self.assertEqual(Shade['BLACK'].name, 'DARK')
        self.assertEqual(repr(Shade(1)), '<Shade.DARK: 1>')
        self.assertEqual(len(Shade), 2)

    def test_unique_and_errors(self):
        with self.assertRaises(AttributeError):
            unique(type('X', (), {}))
        class Ok(Enum):
            A = 1
            B = 2
        self.assertIs(unique(Ok), Ok)

    def test_unique_raises(self):
        try:
            @unique
            class Bad(Enum):
                A = 1
                B = 1
                C = 2
                D = 2
        except ValueError as e:
            msg = str(e)
        self.assertEqual(msg, "duplicate values found in <enum 'Bad'>: B -> A, D -> C")

    def test_duplicate_names(self):
        try:
            class Dup(Enum):
                A = 1
                A = 2
        except TypeError as e:
            msg = str(e)
        self.assertEqual(msg, "'A' already defined as 1")

    def test_extend_with_members_fails(self):
        try:
            class More(Fruit):
                DURIAN = 4
        except TypeError as e:
            msg = str(e)
        self.assertEqual(msg, "<enum 'More'> cannot extend <enum 'Fruit'>")

    def test_auto_values(self):
        class A(Enum):
            X = auto()
            Y = auto()
            Z = 10
            W = auto()
        self.assertEqual([m.value for m in A], [1, 2, 10, 11])
        class S(StrEnum):
            FOO_BAR = auto()
            Baz = auto()
        self.assertEqual([m.value for m in S], ['foo_bar', 'baz'])
        class F(Flag):
            A = auto()
            B = auto()
            C = 16
            D = auto()
        self.assertEqual([m.value for m in F], [1, 2, 16, 32])
        class IF(IntFlag):
            A = auto()
            B = auto()
        self.assertEqual([m.value for m in IF], [1, 2])
        self.assertEqual(repr(auto()), 'auto(_auto_null)')

    def test_generate_next_value(self):
        class Named(Enum):
            def _generate_next_value_(name, start, count, last_values):
                return name.lower() + str(count)
            ONE = auto()
            TWO = auto()
        self.assertEqual([m.value for m in Named], ['one0', 'two1'])

    def test_member_nonmember(self):
        class Holder(Enum):
            A = 1
            helper = enum.nonmember(5)
            @enum.member
            def fn(x):
                return x * 2
        self.assertEqual(list(Holder.__members__), ['A', 'fn'])
        self.assertEqual(Holder.helper, 5)
        self.assertEqual(Holder.fn.value(4), 8)

    def test_private_and_descriptor_names(self):
        class P(Enum):
            A = 1
            _ignore_ = ['tmp']
            tmp = 5
            __secret = 9
            def method(self):
                return self.value * 3
            @property
            def double(self):
                return self.value * 2
            @classmethod
            def first(cls):
                return cls.A
            @staticmethod
            def helper():
                return 'h'
        self.assertEqual(list(P.__members__), ['A'])
        self.assertEqual(P.A.method(), 3)
        self.assertEqual(P.A.double, 2)
        self.assertIs(P.first(), P.A)
        self.assertEqual(P.helper(), 'h')
        self.assertFalse(hasattr(P, 'tmp'))
        self.assertEqual(P._P__secret, 9)

    def test_ignore_list(self):
        class Days(Enum):
            _ignore_ = 'i'
            for i in range(3):
                locals()['D%d' % i] = i
        self.assertEqual(repr(list(Days)), '[<Days.D0: 0>, <Days.D1: 1>, <Days.D2: 2>]')

    def test_tuple_values_init(self):
        class Planet(Enum):
            EARTH = (5.976e+24, 6.37814e6)
            MARS = (6.421e+23, 3.3972e6)
            def __init__(self, mass, radius):
                self.mass = mass
                self.radius = radius
        self.assertEqual(Planet.MARS.mass, 6.421e+23)
        self.assertEqual(Planet.EARTH.value, (5.976e+24, 6378140.0))
        self.assertIs(Planet((6.421e+23, 3.3972e6)), Planet.MARS)

    def test_custom_new(self):
        class Sized(bytes, Enum):
            def __new__(cls, value, doc):
                obj = bytes.__new__(cls, [value])
                obj._value_ = value
                obj.doc = doc
                return obj
            A = 1, 'first'
            B = 2, 'second'
        self.assertEqual(Sized.B.doc, 'second')
        self.assertEqual(Sized.B.value, 2)
        self.assertIs(Sized(1), Sized.A)
        self.assertEqual(bytes(Sized.A), b'\x01')

    def test_missing_hook(self):
        class Status(Enum):
            OK = 'ok'
            FAIL = 'fail'
            @classmethod
            def _missing_(cls, value):
                if isinstance(value, str):
                    for m in cls:
                        if m.value == value.lower():
                            return m
                return None
        self.assertIs(Status('OK'), Status.OK)
        with self.assertRaises(ValueError) as cm:
            Status(3)
        self.assertEqual(
            str(cm.exception),
            '3 is not a valid MemberTests.test_missing_hook.<locals>.Status')
        class BadMissing(Enum):
            A = 1
            @classmethod
            def _missing_(cls, value):
                return 'nope'
        with self.assertRaises(TypeError) as cm:
            BadMissing(7)
        self.assertEqual(
            str(cm.exception),
            "error in BadMissing._missing_: returned 'nope' instead of None or a valid member")

    def test_dir_and_members(self):
        self.assertEqual(
            [n for n in dir(Fruit) if not n.startswith('_')],
            ['APPLE', 'BANANA', 'CHERRY'])
        self.assertEqual(
            sorted(n for n in dir(Fruit.APPLE) if not n.startswith('__')),
            ['name', 'value'])
        self.assertEqual(Fruit.APPLE.__class__.__name__, 'Fruit')

    def test_hash_and_dict_keys(self):
        d = {Fruit.APPLE: 'a', Level.LOW: 'l'}
        self.assertEqual(d[Fruit.APPLE], 'a')
        self.assertEqual(d[10], 'l')
        self.assertEqual(hash(Fruit.APPLE), hash('APPLE'))

    def test_boolean_of_members(self):
        class B(Enum):
            ZERO = 0
        self.assertTrue(bool(B.ZERO))
        self.assertTrue(bool(Level.LOW))
        self.assertFalse(bool(Hue(0)))
        self.assertTrue(bool(Hue.RED))

    def test_enum_docs_and_module(self):
        self.assertEqual(Fruit.__qualname__, 'Fruit')
        self.assertTrue(Fruit.APPLE.__doc__ is None or isinstance(Fruit.APPLE.__doc__, str))
        self.assertEqual(
            repr(Level.__mro__[1:]),
            "(<enum 'IntEnum'>, <class 'int'>, <enum 'ReprEnum'>, <enum 'Enum'>, <class "
            "'object'>)")


class FlagTests(unittest.TestCase):

    def test_iteration(self):
        self.assertEqual(repr(list(Hue)), '[<Hue.RED: 1>, <Hue.GREEN: 2>, <Hue.BLUE: 4>]')
        self.assertEqual(repr(list(Hue.WHITE)), '[<Hue.RED: 1>, <Hue.GREEN: 2>, <Hue.BLUE: 4>]')
        self.assertEqual(repr(list(Hue.RED | Hue.BLUE)), '[<Hue.RED: 1>, <Hue.BLUE: 4>]')
        self.assertEqual(list(Hue(0)), [])
        self.assertEqual(len(Hue.WHITE), 3)
        self.assertEqual(len(Hue(0)), 0)
        self.assertEqual(repr(list(Access)), '[<Access.R: 4>, <Access.W: 2>, <Access.X: 1>]')
        self.assertEqual(repr(list(Access.RWX)), '[<Access.R: 4>, <Access.W: 2>, <Access.X: 1>]')
        self.assertEqual(repr(list(Access(5))), '[<Access.R: 4>, <Access.X: 1>]')

    def test_contains(self):
        self.assertIn(Hue.RED, Hue.WHITE)
        self.assertIn(Hue.RED | Hue.GREEN, Hue.WHITE)
        self.assertNotIn(Hue.WHITE, Hue.RED)
        self.assertIn(Hue(0), Hue.RED)
        self.assertIn(Access.R, Access.RWX)
        with self.assertRaises(TypeError) as cm:
            1 in Hue.RED
        self.assertEqual(
            str(cm.exception),
            "unsupported operand type(s) for 'in': 'int' and 'Hue'")
        with self.assertRaises(TypeError) as cm:
            4 in Access.RWX
        self.assertEqual(
            str(cm.exception),
            "unsupported operand type(s) for 'in': 'int' and 'Access'")
        self.assertIn(Hue.RED, Hue)
        self.assertIn(3, Hue)
        self.assertNotIn(8, Hue)

    def test_operators(self):
        self.assertEqual((Hue.RED | Hue.GREEN).value, 3)
        self.assertIs(Hue.WHITE ^ Hue.RED, Hue.GREEN | Hue.BLUE)
        self.assertIs(Hue.WHITE & Hue.RED, Hue.RED)
        self.assertEqual((~Hue.WHITE).value, 0)
        self.assertIs(~Hue(0), Hue.WHITE)
        self.assertEqual(Hue(6).name, 'GREEN|BLUE')
        self.assertEqual(Hue(5).name, 'RED|BLUE')
        self.assertIsNone(Hue(0).name)
        self.assertEqual(Hue.WHITE.name, 'WHITE')
        self.assertEqual((Access.R | Access.W).name, 'R|W')
        self.assertIsNone(Access(0).name)
        self.assertEqual(repr(Access.R ^ Access.RWX), '<Access.W|X: 3>')
        self.assertEqual((Access.R & 6).value, 4)
        self.assertEqual(repr(~Access.RWX), '<Access: 0>')
        self.assertEqual((~Access.R).value, 3)
        with self.assertRaises(TypeError) as cm:
            Hue.RED | 1
        self.assertEqual(str(cm.exception), "unsupported operand type(s) for |: 'Hue' and 'int'")
        with self.assertRaises(TypeError) as cm:
            Hue.RED & 'x'
        self.assertEqual(str(cm.exception), "unsupported operand type(s) for &: 'Hue' and 'str'")

    def test_boundaries(self):
        class Strict(Flag, boundary=enum.STRICT):
            A = 1
            B = 2
        with self.assertRaises(ValueError) as cm:
            Strict(4)
        self.assertEqual(
            str(cm.exception),
            "<flag 'Strict'> invalid value 4\n    given 0b0 100\n  allowed 0b0 011")
        self.assertEqual(Strict(3).value, 3)
        class Conform(Flag, boundary=enum.CONFORM):
            A = 1
            B = 2
        self.assertEqual(repr(Conform(7)), '<Conform.A|B: 3>')
        self.assertEqual(repr(Conform(4)), '<Conform: 0>')
        class Eject(Flag, boundary=enum.EJECT):
            A = 1
            B = 2
        self.assertEqual(Eject(7), 7)
        self.assertEqual(type(Eject(7)).__name__, 'int')
        self.assertEqual(repr(Eject(3)), '<Eject.A|B: 3>')
        class Keep(Flag, boundary=enum.KEEP):
            A = 1
            B = 2
        self.assertEqual(repr(Keep(7)), '<Keep.A|B|4: 7>')
        self.assertEqual(Keep(7).value, 7)
        self.assertEqual(repr(Keep(4)), '<Keep: 4>')
        self.assertIsNone(Keep(4).name)
        self.assertEqual(repr(Flag._boundary_), "<FlagBoundary.STRICT: 'strict'>")
        self.assertEqual(repr(IntFlag._boundary_), "<FlagBoundary.KEEP: 'keep'>")
        self.assertEqual(repr(Strict._boundary_), "<FlagBoundary.STRICT: 'strict'>")
        self.assertEqual(repr(enum.FlagBoundary.STRICT), "<FlagBoundary.STRICT: 'strict'>")
        self.assertEqual(str(enum.KEEP), 'keep')

    def test_pseudo_members_cached(self):
        self.assertIs(Hue(3), Hue(3))
        self.assertIs(Hue.RED | Hue.GREEN, Hue(3))

    def test_flag_with_negative_or_multi_bit(self):
        class Perm(IntFlag):
            R = 4
            W = 2
            X = 1
            NONE = 0
            ALL = 7
        self.assertEqual(repr(list(Perm)), '[<Perm.R: 4>, <Perm.W: 2>, <Perm.X: 1>]')
        self.assertEqual(Perm.NONE.name, 'NONE')
        self.assertEqual(repr(Perm(0)), '<Perm.NONE: 0>')
        self.assertEqual(repr(Perm.ALL), '<Perm.ALL: 7>')
        self.assertEqual(repr(list(Perm.ALL)), '[<Perm.R: 4>, <Perm.W: 2>, <Perm.X: 1>]')
        self.assertEqual(repr(Perm(6)), '<Perm.R|W: 6>')
        self.assertEqual(len(Perm), 3)
        self.assertIn(Perm.NONE, Perm)
        self.assertEqual(Perm._member_names_, ['R', 'W', 'X'])
        class Z(Flag):
            NOTHING = 0
            A = 1
        self.assertEqual(repr(list(Z)), '[<Z.A: 1>]')
        self.assertEqual(repr(Z(0)), '<Z.NOTHING: 0>')
        self.assertIs(Z.NOTHING, Z(0))

    def test_show_flag_values(self):
        self.assertEqual(enum.show_flag_values(0b1011), [1, 2, 8])
        self.assertEqual(enum.show_flag_values(0), [])

    def test_flag_auto_and_unique_bits(self):
        class Bits(Flag):
            A = auto()
            B = auto()
            AB = A | B
            C = auto()
        self.assertEqual([m.value for m in Bits], [1, 2, 4])
        self.assertEqual(list(Bits.__members__), ['A', 'B', 'AB', 'C'])
        self.assertEqual(Bits.AB.value, 3)
        self.assertEqual(repr(Bits.AB), '<Bits.AB: 3>')
        self.assertEqual(repr(list(Bits.AB)), '[<Bits.A: 1>, <Bits.B: 2>]')


class FunctionalAPITests(unittest.TestCase):

    def test_names_string(self):
        Animal = Enum('Animal', 'ANT BEE CAT')
        self.assertEqual(repr(Animal.BEE), '<Animal.BEE: 2>')
        self.assertEqual([m.value for m in Animal], [1, 2, 3])
        self.assertEqual(Animal.__module__, __name__)
        Sep = Enum('Sep', 'A,B, C')
        self.assertEqual(list(Sep.__members__), ['A', 'B', 'C'])

    def test_names_sequences(self):
        E1 = Enum('E1', ['X', 'Y'])
        self.assertEqual([m.value for m in E1], [1, 2])
        E2 = Enum('E2', [('X', 10), ('Y', 20)])
        self.assertEqual([m.value for m in E2], [10, 20])
        E3 = Enum('E3', {'P': 'p', 'Q': 'q'})
        self.assertEqual([m.value for m in E3], ['p', 'q'])
        E4 = Enum('E4', 'A B', start=0)
        self.assertEqual([m.value for m in E4], [0, 1])
        E5 = IntEnum('E5', 'A B C')
        self.assertEqual(E5.C + 0, 3)
        F1 = Flag('F1', 'R W X')
        self.assertEqual([m.value for m in F1], [1, 2, 4])
        S1 = StrEnum('S1', 'Foo Bar')
        self.assertEqual([m.value for m in S1], ['foo', 'bar'])
        E6 = Enum('E6', 'A B', type=int)
        self.assertEqual(repr(E6.A), '<E6.A: 1>')
        E7 = Enum('E7', 'A', module='mymod', qualname='Outer.E7')
        self.assertEqual(E7.__module__, 'mymod')
        self.assertEqual(E7.__qualname__, 'Outer.E7')

    def test_errors(self):
        with self.assertRaises(TypeError):
            Enum('Bad', 5)
        with self.assertRaises(TypeError):
            Enum('Bad', [('A', 1), 'B'])
        with self.assertRaises(ValueError) as cm:
            Enum('Bad', 'mro')
        self.assertEqual(str(cm.exception), "invalid enum member name(s) 'mro'")


class PickleCopyTests(unittest.TestCase):

    def test_pickle_round_trip(self):
        members = (Fruit.APPLE, Level.HIGH, Mode.READ, Hue.RED)
        protocols = range(pickle.HIGHEST_PROTOCOL + 1)
        self.assertTrue(
            all(pickle.loads(pickle.dumps(m, p)) is m for p in protocols for m in members))
        self.assertIs(pickle.loads(pickle.dumps(Hue.RED | Hue.BLUE)), Hue.RED | Hue.BLUE)
        self.assertEqual(pickle.loads(pickle.dumps(Access.R | Access.X)), 5)
        self.assertIs(pickle.loads(pickle.dumps(Fruit)), Fruit)

    def test_copy(self):
        self.assertIs(copy.copy(Fruit.APPLE), Fruit.APPLE)
        self.assertIs(copy.deepcopy([Fruit.BANANA])[0], Fruit.BANANA)
        self.assertIs(copy.deepcopy(Hue.WHITE), Hue.WHITE)


class VerifyTests(unittest.TestCase):

    def test_unique_check(self):
        try:
            @enum.verify(enum.UNIQUE)
            class V(Enum):
                A = 1
                B = 1
        except ValueError as e:
            msg = str(e)
        self.assertEqual(msg, "aliases found in <enum 'V'>: B -> A")

    def test_continuous_check(self):
        try:
            @enum.verify(enum.CONTINUOUS)
            class V(IntEnum):
                A = 1
                B = 2
                C = 5
        except ValueError as e:
            msg = str(e)
        self.assertEqual(msg, "invalid enum 'V': missing values 3, 4")
        @enum.verify(enum.CONTINUOUS)
        class W(IntEnum):
            A = 1
            B = 2
        self.assertEqual(len(W), 2)

    def test_named_flags_check(self):
        try:
            @enum.verify(enum.NAMED_FLAGS)
            class V(Flag):
                A = 1
                B = 2
                C = 11
        except ValueError as e:
            msg = str(e)
        self.assertEqual(
            msg,
            "invalid Flag 'V': alias C is missing value 0x8 [use enum.show_flag_values("
            'value) for details]')
        self.assertEqual(repr(enum.EnumCheck.UNIQUE), "<EnumCheck.UNIQUE: 'one name per value'>")
        self.assertEqual(str(enum.CONTINUOUS), 'no skipped integer values')


class GlobalEnumTests(unittest.TestCase):

    def test_global_enum_repr(self):
        self.assertEqual(enum.global_enum_repr.__name__, 'global_enum_repr')
        self.assertEqual(enum.global_flag_repr.__name__, 'global_flag_repr')

    def test_class_attributes(self):
        self.assertEqual(Fruit._member_names_, ['APPLE', 'BANANA', 'CHERRY'])
        self.assertEqual(sorted(Fruit._value2member_map_), [1, 2, 3])
        self.assertIs(Fruit._member_map_['APPLE'], Fruit.APPLE)
        self.assertEqual(repr(Level._member_type_), "<class 'int'>")
        self.assertEqual(repr(Fruit._member_type_), "<class 'object'>")
        self.assertEqual(Hue._flag_mask_, 7)
        self.assertEqual(Hue._all_bits_, 7)
        self.assertEqual(Access._flag_mask_, 7)
        self.assertEqual(Hue._singles_mask_, 7)
        self.assertIs(Access._boundary_, enum.KEEP)
        self.assertEqual(enum.Enum.__module__, 'enum')
        self.assertTrue(issubclass(IntFlag, int) and issubclass(IntFlag, Flag))
        self.assertTrue(issubclass(IntEnum, enum.ReprEnum))
        self.assertEqual(repr(enum.EnumMeta), "<class 'enum.EnumType'>")
        self.assertIs(enum.EnumMeta, enum.EnumType)
        self.assertTrue(isinstance(Fruit, enum.EnumType))


class MoreEnumTests(unittest.TestCase):

    def test_order_check(self):
        try:
            class Ordered(Enum):
                _order_ = 'B A'
                A = 1
                B = 2
        except TypeError as e:
            msg = str(e)
        self.assertEqual(msg, "member order does not match _order_:\n  ['A', 'B']\n  ['B', 'A']")
        class Good(Enum):
            _order_ = 'A B'
            A = 1
            B = 2
        self.assertEqual(list(Good.__members__), ['A', 'B'])

    def test_str_enum_errors(self):
        try:
            class S(StrEnum):
                A = 1
        except TypeError as e:
            msg = str(e)
        self.assertEqual(msg, '1 is not a string')
        class Enc(StrEnum):
            U = b'caf\xc3\xa9', 'utf-8'
        self.assertEqual(Enc.U.value, 'café')
        try:
            class S2(StrEnum):
                A = 'a', 1
        except TypeError as e:
            msg2 = str(e)
        self.assertEqual(msg2, 'encoding must be a string, not 1')

    def test_init_subclass_kwargs(self):
        class Base(Enum):
            def __init_subclass__(cls, **kwds):
                cls.seen = kwds
                super().__init_subclass__()
        class Child(Base, tag='x'):
            A = 1
        self.assertEqual(Child.seen, {'tag': 'x'})
        self.assertEqual(repr(list(Child)), '[<Child.A: 1>]')

    def test_enum_property(self):
        class P(Enum):
            X = 1
            @enum.property
            def doubled(self):
                return self.value * 2
        self.assertEqual(P.X.doubled, 2)
        self.assertTrue(isinstance(P.__dict__['doubled'], enum.property))

    def test_value_alias_313(self):
        class Dup(Enum):
            A = 1
        Dup.A._add_alias_('AA')
        Dup.A._add_value_alias_(9)
        self.assertIs(Dup.AA, Dup.A)
        self.assertIs(Dup(9), Dup.A)
        self.assertEqual(repr(list(Dup)), '[<Dup.A: 1>]')
        self.assertEqual(list(Dup.__members__), ['A', 'AA'])

    def test_members_mapping_is_readonly(self):
        with self.assertRaises(AttributeError) as cm:
            Fruit.__members__.__setitem__('X', 1)
        self.assertEqual(str(cm.exception), "'mappingproxy' object has no attribute '__setitem__'")
        self.assertEqual(dict(Fruit.__members__), {m.name: m for m in Fruit})

    def test_numeric_and_int_conversions(self):
        self.assertEqual([int(m) for m in Access], [4, 2, 1])
        self.assertEqual(float(Level.LOW), 10.0)
        self.assertEqual(Level.HIGH // 3, 6)
        self.assertEqual(list(range(Level.LOW, Level.HIGH, 5)), [10, 15])
        self.assertTrue(Level.LOW < Level.HIGH)
        self.assertEqual(repr(max(Level)), '<Level.HIGH: 20>')
        self.assertEqual(repr(max(Level)), '<Level.HIGH: 20>')
        self.assertFalse(bool(Access(0)))
        self.assertEqual(hex(Access.RWX), '0x7')

    def test_flag_missing_hook(self):
        class Sz(Flag):
            S = 1
            M = 2
            L = 4
            @classmethod
            def _missing_(cls, value):
                if isinstance(value, str):
                    return cls[value.upper()]
                return super()._missing_(value)
        self.assertIs(Sz('m'), Sz.M)
        self.assertEqual(repr(Sz(3)), '<Sz.S|M: 3>')
        with self.assertRaises(ValueError) as cm:
            Sz(8)
        self.assertEqual(
            str(cm.exception),
            "<flag 'Sz'> invalid value 8\n    given 0b0 1000\n  allowed 0b0 0111")

    def test_functional_flag_boundary(self):
        F = Flag('F', 'A B', boundary=enum.KEEP)
        self.assertEqual(repr(F(7)), '<F.A|B|4: 7>')
        IF = IntFlag('IF', ['X', 'Y'])
        self.assertEqual(repr(IF(3)), '<IF.X|Y: 3>')
        self.assertEqual(repr(IF(8)), '<IF: 8>')

    def test_auto_with_str_and_int_mixin(self):
        class Mixed(str, Enum):
            A = auto()
            B = auto()
        self.assertEqual([m.value for m in Mixed], ['1', '2'])
        self.assertEqual(repr(Mixed.A), "<Mixed.A: '1'>")
        self.assertEqual(format(Mixed.A), 'Mixed.A')
        self.assertEqual(str(Mixed.A), 'Mixed.A')
        class IntMixed(int, Enum):
            A = auto()
            B = 5
            C = auto()
        self.assertEqual([m.value for m in IntMixed], [1, 5, 6])
        self.assertEqual(repr(IntMixed.C), '<IntMixed.C: 6>')
        self.assertEqual(str(IntMixed.C), 'IntMixed.C')
        self.assertEqual(format(IntMixed.C), 'IntMixed.C')

    def test_pickle_by_name(self):
        class Local(Enum):
            A = 1
        self.assertEqual(repr(Fruit.APPLE.__reduce_ex__(4)), "(<enum 'Fruit'>, (1,))")
        self.assertEqual(repr(Level.LOW.__reduce_ex__(2)), "(<enum 'Level'>, (10,))")
        self.assertEqual(repr(Hue.RED.__reduce_ex__(4)), "(<flag 'Hue'>, (1,))")

    def test_enum_dict_and_new_member(self):
        self.assertTrue(issubclass(enum.EnumDict, dict))
        self.assertEqual(
            repr(Fruit.APPLE.__class__.__mro__),
            "(<enum 'Fruit'>, <enum 'Enum'>, <class 'object'>)")
        self.assertIsNone(
            Level.__new_member__ is int.__new__ if hasattr(Level, '__new_member__') else None)

    def test_empty_enum(self):
        class Empty(Enum):
            pass
        self.assertEqual(list(Empty), [])
        self.assertEqual(len(Empty), 0)
        self.assertEqual(repr(Empty), "<enum 'Empty'>")
        class Sub(Empty):
            X = 1
        self.assertEqual(repr(Sub.X), '<Sub.X: 1>')
        self.assertTrue(isinstance(Sub.X, Empty))

    def test_flag_docs_example(self):
        class Perm(IntFlag):
            R = 4
            W = 2
            X = 1
        rw = Perm.R | Perm.W
        self.assertEqual(repr(rw), '<Perm.R|W: 6>')
        self.assertEqual(repr(rw), '<Perm.R|W: 6>')
        self.assertEqual(str(rw), '6')
        self.assertIn(Perm.R, rw)
        self.assertNotIn(Perm.X, rw)
        self.assertEqual(repr(list(rw)), '[<Perm.R: 4>, <Perm.W: 2>]')
        self.assertEqual((rw | Perm.X).name, 'R|W|X')
        self.assertEqual((~rw).value, 1)
        self.assertEqual(repr(Perm.R & Perm.X), '<Perm: 0>')
        self.assertFalse(bool(Perm.R & Perm.X))
        self.assertEqual(rw.value, 6)

    def test_value_alias_errors(self):
        class Dup(Enum):
            A = 1
            B = 2
        with self.assertRaises(NameError) as cm:
            Dup.A._add_alias_('B')
        self.assertEqual(str(cm.exception), "'B' is already bound: <Dup.B: 2>")
        with self.assertRaises(ValueError) as cm:
            Dup.A._add_value_alias_(2)
        self.assertEqual(str(cm.exception), '2 is already bound: <Dup.B: 2>')
        self.assertIsNone(Dup.A._add_alias_('A'))
        self.assertIsNone(Dup.A._add_value_alias_(1))
        Dup.A._add_alias_('value')
        self.assertIs(Dup.value, Dup.A)
        self.assertEqual(Dup.A.value, 1)
        self.assertEqual(Dup.B.value, 2)
        self.assertEqual(list(Dup.__members__), ['A', 'B', 'value'])
        Dup.B._add_value_alias_([3])
        self.assertIs(Dup([3]), Dup.B)

    def test_negative_values_and_boundaries(self):
        class P(IntFlag):
            A = 1
            B = 2
        self.assertEqual(repr((~P.A, ~P(0), ~P(3))), '(<P.B: 2>, <P.A|B: 3>, <P: 0>)')
        self.assertEqual(repr(P(-1)), '<P.A|B: 3>')
        self.assertEqual((P(-1).value, P(-2).value), (3, 2))
        class Q(Flag, boundary=enum.CONFORM):
            A = 1
            B = 4
        self.assertEqual(
            repr((Q(-1), Q(2), ~Q.A, Q(7))),
            '(<Q.A|B: 5>, <Q: 0>, <Q.B: 4>, <Q.A|B: 5>)')
        class E(Flag, boundary=enum.EJECT):
            A = 1
        self.assertEqual(repr((E(-1), E(3), ~E.A)), '(<E.A: 1>, 3, <E: 0>)')

    def test_signature_of_enum(self):
        import inspect
        self.assertEqual(str(inspect.signature(Fruit)), '(*values)')
        self.assertEqual(
            str(inspect.signature(enum.Enum)),
            '(new_class_name, /, names, *, module=None, qualname=None, type=None, '
            'start=1, boundary=None)')

    def test_str_enum_in_practice(self):
        import json
        class Status(StrEnum):
            ACTIVE = auto()
            IN_PROGRESS = auto()
        self.assertEqual([s.value for s in Status], ['active', 'in_progress'])
        self.assertEqual(f'{Status.ACTIVE}' + str(Status.IN_PROGRESS), 'activein_progress')
        self.assertIs(Status('active'), Status.ACTIVE)
        self.assertEqual({'active': 1}[Status.ACTIVE], 1)
        self.assertEqual(
            json.dumps({'s': Status.ACTIVE, 'l': [IntEnum('L', 'A B').B]}),
            '{"s": "active", "l": [2]}')

    def test_int_flag_in_practice(self):
        import json
        class Weekday(IntFlag):
            MON = auto()
            TUE = auto()
            WED = auto()
            WEEKEND = 0
        self.assertEqual(
            repr((Weekday.MON | Weekday.WED, Weekday(7), Weekday(0), Weekday.WEEKEND)),
            '(<Weekday.MON|WED: 5>, <Weekday.MON|TUE|WED: 7>, <Weekday.WEEKEND: 0>, '
            '<Weekday.WEEKEND: 0>)')
        self.assertEqual([str(w) for w in Weekday], ['1', '2', '4'])
        self.assertEqual(json.dumps(Weekday.MON | Weekday.TUE), '3')
        self.assertEqual(
            '%s %d %r' % (Weekday.MON, Weekday.TUE, Weekday.WED),
            '1 2 <Weekday.WED: 4>')
        self.assertEqual(
            '{} {:d} {!r}'.format(Weekday.MON, Weekday.TUE, Weekday.WED),
            '1 2 <Weekday.WED: 4>')


class AssortedEnumTests(unittest.TestCase):

    def test_assorted_behaviours(self):
        class T(Enum):
            A = auto(), 'x'
            B = auto(), 'y'
        self.assertEqual(repr([m.value for m in T]), "[(1, 'x'), (2, 'y')]")
        class L(StrEnum):
            def _generate_next_value_(name, start, count, last_values):
                return name.lower() + '!'
            X = auto()
        self.assertEqual(repr(L.X.value), "'x!'")
        class Hexy(Flag):
            _numeric_repr_ = hex
            A = 1
            B = 2
        self.assertEqual(repr((Hexy(0), Hexy(3))), '(<Hexy: 0>, <Hexy.A|B: 3>)')
        class Bigger(IntFlag, boundary=enum.KEEP):
            A = 1
        self.assertEqual(repr(repr(Bigger(1 << 40))), "'<Bigger: 1099511627776>'")
        class Base(Enum):
            def describe(self):
                return self.name.lower()
        class Sub(Base):
            X = 1
        self.assertEqual(repr(Sub.X.describe()), "'x'")
        self.assertEqual(
            repr(enum.Enum('Dyn', [('A', 1)], module=__name__, qualname='Dyn')),
            "<enum 'Dyn'>")
        Dyn = enum.Enum('Dyn', [('A', 1)], module=__name__)
        class Truthy(Enum):
            A = 0
            def __bool__(self):
                return bool(self.value)
        self.assertEqual(repr(bool(Truthy.A)), 'False')
        self.assertEqual(
            repr([m for m in IntEnum('N', 'A B C', start=0)]),
            '[<N.A: 0>, <N.B: 1>, <N.C: 2>]')
        self.assertEqual(repr(IntEnum('N', 'A B C', start=0).C + 1), '3')
        class Shape(Enum):
            SQUARE = 2
            DIAMOND = 1
            CIRCLE = 3
            ALIAS_FOR_SQUARE = 2
        self.assertEqual(
            repr(list(Shape.__members__.items())[-1]),
            "('ALIAS_FOR_SQUARE', <Shape.SQUARE: 2>)")
        self.assertEqual(repr(Shape.ALIAS_FOR_SQUARE), '<Shape.SQUARE: 2>')
        self.assertEqual(repr(Shape(2).name), "'SQUARE'")
        self.assertEqual(
            repr(sorted(Shape, key=lambda s: s.value)),
            '[<Shape.DIAMOND: 1>, <Shape.SQUARE: 2>, <Shape.CIRCLE: 3>]')
        class Ord(Enum):
            def __lt__(self, other):
                return self.value < other.value
            A = 2
            B = 1
        self.assertEqual(repr(sorted(Ord)), '[<Ord.B: 1>, <Ord.A: 2>]')
        class Color(IntEnum):
            RED = 1
        self.assertEqual(
            repr('{:>5}|{:<5}|{}|{!s}'.format(Color.RED, Color.RED, Color.RED, Color.RED)),
            "'    1|1    |1|1'")
        self.assertEqual(repr(f'{Color.RED:05.1f}'), "'001.0'")
        self.assertEqual(repr(Color.RED.__format__('')), "'1'")
        self.assertEqual(repr(Color.RED.real), '1')
        self.assertEqual(repr(Color['RED']), '<Color.RED: 1>')
        self.assertEqual(repr(Color.__getitem__('RED')), '<Color.RED: 1>')
        self.assertEqual(repr(getattr(Color, 'RED')), '<Color.RED: 1>')
        self.assertEqual(repr(Color.RED.__class__.__name__), "'Color'")
        self.assertEqual(repr(Color._member_map_), "{'RED': <Color.RED: 1>}")
        self.assertEqual(repr(type(Color.__members__)), "<class 'mappingproxy'>")
        self.assertEqual(repr(Color.__members__['RED']), '<Color.RED: 1>')
        self.assertEqual(
            repr(repr(Color.__members__)),
            '"mappingproxy({\'RED\': <Color.RED: 1>})"')
        self.assertEqual(repr(enum.EnumType.__call__(Color, 1)), '<Color.RED: 1>')
        self.assertEqual(repr(Flag('F', 'A B')(3)), '<F.A|B: 3>')
        self.assertEqual(repr([f.name for f in Flag('F', 'A B C')]), "['A', 'B', 'C']")
        class FP(Flag):
            R = 4
            W = 2
            X = 1
        self.assertEqual(repr(FP(7)), '<FP.R|W|X: 7>')
        self.assertEqual(repr(FP.R | FP.W | FP.X), '<FP.R|W|X: 7>')
        self.assertEqual(repr((FP.R | FP.W).name), "'R|W'")
        self.assertEqual(repr(list(FP(7))), '[<FP.R: 4>, <FP.W: 2>, <FP.X: 1>]')
        self.assertEqual(repr(FP.R in FP(6)), 'True')
        self.assertEqual(repr(FP(6) - FP.R if hasattr(FP(6), '__sub__') else 'nosub'), "'nosub'")
        self.assertEqual(repr(~FP(0)), '<FP.R|W|X: 7>')
        self.assertEqual(repr(FP(6)._value_), '6')
        self.assertEqual(repr(hash(FP.R) == hash(FP.R)), 'True')
        self.assertEqual(repr(FP._flag_mask_), '7')
        class Mixed(int, Flag):
            A = 1
            B = 2
        self.assertEqual(
            repr((Mixed.A | Mixed.B, Mixed.A + 1, str(Mixed.A), format(Mixed.A))),
            "(<Mixed.A|B: 3>, 2, 'Mixed.A', 'Mixed.A')")
        class Ex(Enum):
            A = 1
            def __repr__(self):
                return 'Ex!'
        self.assertEqual(repr([Ex.A]), '[Ex!]')
        self.assertEqual(repr(str(Ex.A)), "'Ex.A'")

    def test_global_enum_reprs(self):
        @enum.global_enum
        class Gl(IntEnum):
            GA = 1
            GB = 2
        # The repr names the last component of the module's name.
        short = Gl.__module__.rpartition('.')[2] + '.'
        self.assertEqual(repr(Gl.GA).replace(short, 'mod.'), 'mod.GA')
        self.assertEqual(str(Gl.GA), '1')
        @enum.global_enum
        class GF(IntFlag):
            FA = 1
            FB = 2
        self.assertEqual(
            repr((GF.FA, GF.FA | GF.FB, GF(0))).replace(short, 'mod.'),
            '(mod.FA, mod.FA|mod.FB, mod.GF(0))')
        self.assertEqual(str(GF.FA), '1')
        import sys
        self.assertIs(sys.modules[Gl.__module__].GA, Gl.GA)

    def test_members_named_like_attributes(self):
        class C(Enum):
            RED = 1
            name = 3
            value = 4
        self.assertEqual(
            repr((C.RED.name, C.RED.value, C.name, C.value, C.name.name, C.value.value)),
            "('RED', 1, <C.name: 3>, <C.value: 4>, 'name', 4)")
        class S(str, Enum):
            upper = 'u'
            A = 'a'
        self.assertEqual(repr((S.upper, S.A.upper(), S.upper.value)), "(<S.upper: 'u'>, 'A', 'u')")
        class D(IntEnum):
            real = 5
            A = 1
        self.assertEqual(repr((D.real, D.A.real, D.A.numerator)), '(<D.real: 5>, 1, 1)')
        self.assertEqual(type(C.__dict__['RED']).__name__, 'C')
        self.assertEqual(type(C.__dict__['name']).__name__, 'property')
        self.assertEqual(type(S.__dict__['upper']).__name__, 'property')
        with self.assertRaises(AttributeError) as cm:
            setattr(C, 'RED', 2)
        self.assertEqual(str(cm.exception), "cannot reassign member 'RED'")
        with self.assertRaises(AttributeError) as cm:
            delattr(C, 'RED')
        self.assertEqual(str(cm.exception), "'C' cannot delete member 'RED'.")
        self.assertEqual(
            sorted(C.RED.__dict__),
            ['__objclass__', '_name_', '_sort_order_', '_value_'])


class Enum313Tests(unittest.TestCase):

    def test_value_in_init_aliases_member_nonmember(self):
        class Coord(Enum):
            def __init__(self, a, b):
                self._value_ = a
                self.b = b
            X = (1, 2)
            Y = (3, 4)
        self.assertEqual(repr(list(Coord)), '[<Coord.X: 1>, <Coord.Y: 3>]')
        class Multi(Enum):
            def __new__(cls, value, *aliases):
                obj = object.__new__(cls)
                obj._value_ = value
                for a in aliases:
                    obj._add_value_alias_(a)
                return obj
            ONE = 1, 'one', 'uno'
            TWO = 2, 'two'
        self.assertEqual(
            repr((Multi('uno'), Multi('two'), Multi(1))),
            '(<Multi.ONE: 1>, <Multi.TWO: 2>, <Multi.ONE: 1>)')
        self.assertEqual(repr([m.value for m in Multi]), '[1, 2]')
        ed = enum.EnumDict()
        self.assertEqual(repr(type(ed).__name__), "'EnumDict'")
        self.assertEqual(repr(enum.EnumDict.__module__), "'enum'")
        class Planet(Enum):
            EARTH = 1
            @enum.nonmember
            class Inner:
                pass
        self.assertEqual(repr(list(Planet)), '[<Planet.EARTH: 1>]')
        self.assertEqual(repr(Planet.Inner.__name__), "'Inner'")
        class WithMember(Enum):
            A = 1
            @enum.member
            class Nested:
                pass
        self.assertEqual(repr([m.name for m in WithMember]), "['A', 'Nested']")
        self.assertEqual(repr(WithMember.Nested.value.__name__), "'Nested'")
        class IE(IntEnum):
            A = 1
            B = 2
        self.assertEqual(repr(IE.A | IE.B), '3')
        self.assertEqual(repr(IE.A & 3), '1')
        self.assertEqual(repr(IE.B << 1), '4')
        self.assertEqual(repr(-IE.A), '-1')
        self.assertEqual(repr(IE(True)), '<IE.A: 1>')
        self.assertEqual(repr(IE['A'] is IE.A), 'True')
        self.assertEqual(repr(IE.__members__['A'] is IE.A), 'True')
        class F(Flag):
            A = auto()
            B = auto()
        self.assertEqual(
            repr(F.A.__class__.__mro__),
            "(<flag 'F'>, <flag 'Flag'>, <enum 'Enum'>, <class 'object'>)")
        self.assertEqual(repr(F(True) if False else F(1)), '<F.A: 1>')
        self.assertEqual(repr(F.A.value.__class__), "<class 'int'>")
        self.assertEqual(repr(F['A']), '<F.A: 1>')
        self.assertEqual(repr(F.A in F), 'True')
        self.assertEqual(repr(F(0) in F), 'True')
        self.assertEqual(repr(F(3) in F), 'True')
        self.assertEqual(repr(list(reversed(F))), '[<F.B: 2>, <F.A: 1>]')


if __name__ == '__main__':
    unittest.main()
