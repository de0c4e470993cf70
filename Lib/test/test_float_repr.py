"""Tests for the shortest round-trip digits of repr(float) and for the formatting paths that
share the digit generator (format(), %-formatting, round())."""

import os
import random
import struct
import subprocess
import sys
import unittest

REFERENCE = "/root/.pyenv/versions/3.13.0/bin/python3.13"


def from_bits(bits):
    """Return the double whose IEEE 754 bit pattern is the 64-bit integer bits."""
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def random_finite_doubles(rng, count):
    """Return count finite doubles made from uniformly random bit patterns."""
    result = []
    while len(result) < count:
        x = from_bits(rng.getrandbits(64))
        if x == x and x not in (float("inf"), float("-inf")):
            result.append(x)
    return result


def exact_e_format(x, ndigits):
    """format(abs(x), '.{ndigits-1}e') for finite x != 0, computed with exact integers."""
    num, den = abs(x).as_integer_ratio()
    exp10 = len(str(num // den)) - 1 if num >= den else -len(str(den // num))
    while True:
        # scaled = num / den * 10**(ndigits - 1 - exp10), rounded half to even
        shift = ndigits - 1 - exp10
        n, d = (num * 10 ** shift, den) if shift >= 0 else (num, den * 10 ** -shift)
        q, r = divmod(n, d)
        if q >= 10 ** ndigits:
            exp10 += 1
            continue
        if q < 10 ** (ndigits - 1):
            exp10 -= 1
            continue
        if 2 * r > d or (2 * r == d and q % 2 == 1):
            q += 1
        if q == 10 ** ndigits:
            q //= 10
            exp10 += 1
        break
    digits = str(q)
    mantissa = digits[0] + ("." + digits[1:] if ndigits > 1 else "")
    return "%se%s%02d" % (mantissa, "-" if exp10 < 0 else "+", abs(exp10))


def exact_f_format(x, decimals):
    """format(abs(x), '.{decimals}f') for finite x, computed with exact integers."""
    num, den = abs(x).as_integer_ratio()
    q, r = divmod(num * 10 ** decimals, den)
    if 2 * r > den or (2 * r == den and q % 2 == 1):
        q += 1
    digits = str(q).rjust(decimals + 1, "0")
    if decimals == 0:
        return digits
    return digits[:-decimals] + "." + digits[-decimals:]


class ReprExactTests(unittest.TestCase):
    def test_special_values(self):
        cases = [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (5e-324, "5e-324"),
            (-5e-324, "-5e-324"),
            (1e-323, "1e-323"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (2.225073858507201e-308, "2.225073858507201e-308"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (0.1, "0.1"),
            (0.2, "0.2"),
            (0.3, "0.3"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1 / 3, "0.3333333333333333"),
            (2 / 3, "0.6666666666666666"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e-4, "0.0001"),
            (1e-5, "1e-05"),
            (0.00012345, "0.00012345"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (1e22, "1e+22"),
            (1e23, "1e+23"),
            (9007199254740993.0, "9007199254740992.0"),
            (100.0, "100.0"),
            (-1.5, "-1.5"),
            (float("inf"), "inf"),
            (float("-inf"), "-inf"),
            (float("nan"), "nan"),
            (2.0 ** -1022, "2.2250738585072014e-308"),
            (2.0 ** -1074, "5e-324"),
            (2.0 ** 1023, "8.98846567431158e+307"),
            (2.0 ** 60, "1.152921504606847e+18"),
            (0.5, "0.5"),
            (2.0 ** -10, "0.0009765625"),
            (1.1, "1.1"),
            (1.1 * 3, "3.3000000000000003"),
        ]
        for value, expected in cases:
            with self.subTest(expected=expected):
                self.assertEqual(repr(value), expected)
                self.assertEqual(str(value), expected)

    def test_powers_of_two(self):
        for e in range(-1074, 1024):
            x = 2.0 ** e
            with self.subTest(e=e):
                self.assertEqual(float(repr(x)), x)
        # 2**-44 has a wider gap above it than below it
        self.assertEqual(repr(2.0 ** -44), "5.684341886080802e-14")
        self.assertEqual(repr(2.0 ** 100), "1.2676506002282294e+30")
        self.assertEqual(repr(2.0 ** -1000), "9.332636185032189e-302")

    def test_powers_of_ten(self):
        for e in range(-323, 309):
            text = "1e%d" % e
            x = float(text)
            with self.subTest(e=e):
                if -4 <= e < 16:
                    self.assertEqual(float(repr(x)), x)
                    self.assertNotIn("e", repr(x))
                else:
                    self.assertEqual(repr(x), "1e%+03d" % e)

    def test_exponent_switch(self):
        self.assertEqual(repr(1e16 - 2), "9999999999999998.0")
        self.assertEqual(repr(1.5e16), "1.5e+16")
        self.assertEqual(repr(0.0001), "0.0001")
        self.assertEqual(repr(0.00009999), "9.999e-05")
        self.assertEqual(repr(1.5e300), "1.5e+300")
        self.assertEqual(repr(-2.5e-300), "-2.5e-300")

    def test_integers(self):
        for i in list(range(1, 2000)) + [2 ** 52 - 1, 2 ** 53, 10 ** 15, 123456789]:
            with self.subTest(i=i):
                self.assertEqual(repr(float(i)), "%d.0" % i)

    def test_short_decimals(self):
        for i in range(1, 3000):
            text = "%d.%03d" % (i // 1000, i % 1000)
            expected = text.rstrip("0")
            if expected.endswith("."):
                expected += "0"
            if i < 100:
                expected = repr(float(text))   # exponent or tiny forms checked below
            with self.subTest(text=text):
                self.assertEqual(repr(float(text)), expected)
        self.assertEqual(repr(0.001), "0.001")
        self.assertEqual(repr(0.099), "0.099")

    def test_round_trip_random_bits(self):
        rng = random.Random(12345)
        for x in random_finite_doubles(rng, 200000):
            text = repr(x)
            if float(text) != x:
                self.fail("repr(%s) does not round-trip" % text)
            if len(text.lstrip("-").replace(".", "").split("e")[0].strip("0")) > 17:
                self.fail("repr(%s) has more than 17 digits" % text)

    def test_round_trip_nearby(self):
        # neighbours of powers of ten and two, where digit generation is delicate
        for e in range(-300, 300, 7):
            x = float("1e%d" % e)
            for y in (x, x * (1 + 2 ** -52), x * (1 - 2 ** -53)):
                self.assertEqual(float(repr(y)), y)

    @unittest.skipUnless(os.path.exists(REFERENCE),
                         "CPython 3.13 reference interpreter not installed")
    def test_same_as_cpython(self):
        rng = random.Random(2024)
        values = random_finite_doubles(rng, 100000)
        values += [i * 1.1 for i in range(1000)] + [i / 7 for i in range(1000)]
        bits = [struct.unpack("<Q", struct.pack("<d", x))[0] for x in values]
        program = ("import sys, struct\n"
                   "for line in sys.stdin:\n"
                   "    print(repr(struct.unpack('<d', struct.pack('<Q', int(line)))[0]))\n")
        proc = subprocess.run([REFERENCE, "-c", program], capture_output=True, text=True,
                              input="\n".join(map(str, bits)) + "\n")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        expected = proc.stdout.split("\n")[:-1]
        self.assertEqual(len(expected), len(values))
        mismatches = [(e, repr(x)) for e, x in zip(expected, values) if e != repr(x)]
        self.assertEqual(mismatches[:5], [])


class FormattingTests(unittest.TestCase):
    """The callers' formatting rules, which must not change with the digit generator."""

    def test_format_precision(self):
        # (value, format spec, expected)
        cases = [
            (0.1, ".17g", "0.10000000000000001"),
            (1 / 3, ".17g", "0.33333333333333331"),
            (2.5, ".0f", "2"),
            (3.5, ".0f", "4"),
            (0.125, ".2f", "0.12"),
            (0.375, ".2f", "0.38"),
            (2.675, ".2f", "2.67"),
            (1e16, ".0f", "10000000000000000"),
            (1234.5678, ".3e", "1.235e+03"),
            (9.9999, ".3g", "10"),
            (0.0001234, ".3g", "0.000123"),
            (0.00001234, ".3g", "1.23e-05"),
            (123456.0, ".3g", "1.23e+05"),
            (1e300, ".5e", "1.00000e+300"),
            (5e-324, ".3e", "4.941e-324"),
            (1.5, "g", "1.5"),
            (1e16, "", "1e+16"),
            (1e15, ".16", "1e+15"),
            (123.456, ".4", "123.5"),
            (123.0, ".4", "123.0"),
            (0.5, ".0e", "5e-01"),
            (-0.0, ".3f", "-0.000"),
            (1.0, "#.3g", "1.00"),
            (12345.678, ",.2f", "12,345.68"),
            (0.5, ".1%", "50.0%"),
            (1e-7, "f", "0.000000"),
            (0.0006, ".2f", "0.00"),
            (0.006, ".2f", "0.01"),
            (1.7976931348623157e308, ".3g", "1.8e+308"),
        ]
        for value, spec, expected in cases:
            with self.subTest(value=value, spec=spec):
                self.assertEqual(format(value, spec), expected)

    def test_percent_formatting(self):
        # (%-format, value, expected)
        cases = [
            ("%r", 0.1, "0.1"),
            ("%s", 1e16, "1e+16"),
            ("%.3f", 2.0005, "2.001"),
            ("%.3f", 2.0015, "2.002"),
            ("%10.4f|", 3.14159, "    3.1416|"),
            ("%e", 1e-10, "1.000000e-10"),
            ("%g", 1e-10, "1e-10"),
            ("%g", 123456789.0, "1.23457e+08"),
            ("%.20f", 0.1, "0.10000000000000000555"),
            ("%.30e", 0.1, "1.000000000000000055511151231258e-01"),
        ]
        for fmt, value, expected in cases:
            with self.subTest(fmt=fmt, value=value):
                self.assertEqual(fmt % value, expected)

    def test_e_format_exact(self):
        rng = random.Random(99)
        values = random_finite_doubles(rng, 3000)
        values += [rng.randrange(1, 10 ** 6) / 1000 for _ in range(2000)]
        values += [0.5, 2.5, 0.125, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 9.5, 0.95]
        for i, x in enumerate(values):
            if x == 0.0:
                continue
            for ndigits in (1 + i % 17, 1 + (i * 7) % 17, 20):
                spec = ".%de" % (ndigits - 1)
                with self.subTest(x=x, spec=spec):
                    self.assertEqual(format(abs(x), spec), exact_e_format(x, ndigits))

    def test_f_format_exact(self):
        rng = random.Random(100)
        values = [rng.randrange(1, 10 ** 7) / 10 ** rng.randrange(8) for _ in range(3000)]
        values += [rng.random() * 10.0 ** rng.randrange(-12, 17) for _ in range(3000)]
        values += [0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1e-10, 1e16, 1e22, 5e-324]
        for i, x in enumerate(values):
            for decimals in (i % 6, i % 25, 40):
                spec = ".%df" % decimals
                with self.subTest(x=x, spec=spec):
                    self.assertEqual(format(x, spec), exact_f_format(x, decimals))

    def test_fixed_digits_match_repr_precision(self):
        # format(x, '.17g') reads back exactly; .16e is correctly rounded
        rng = random.Random(7)
        for x in random_finite_doubles(rng, 20000):
            self.assertEqual(float(format(x, ".17g")), x)
            self.assertEqual(float(format(x, ".16e")), x)

    def test_round(self):
        self.assertEqual(round(2.675, 2), 2.67)
        self.assertEqual(round(0.125, 2), 0.12)
        self.assertEqual(round(0.375, 2), 0.38)
        self.assertEqual(round(1234.5678, -2), 1200.0)
        self.assertEqual(round(5e-324, 400), 5e-324)
        self.assertEqual(repr(round(0.1 + 0.2, 15)), "0.3")

    def test_float_hex_untouched(self):
        self.assertEqual((0.1).hex(), "0x1.999999999999ap-4")
        self.assertEqual(float.fromhex("0x1.999999999999ap-4"), 0.1)

    def test_complex_repr(self):
        self.assertEqual(repr(complex(0.1, -1e16)), "(0.1-1e+16j)")
        self.assertEqual(repr(1e-5j), "1e-05j")


if __name__ == "__main__":
    unittest.main()
