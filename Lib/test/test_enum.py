"""Tests of enum."""

import enum
import unittest
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique


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


if __name__ == '__main__':
    unittest.main()
