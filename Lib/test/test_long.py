"""Arbitrary-precision int arithmetic: identities on random big values."""

import random
import unittest


def random_int(rng, maxbits):
    n = rng.getrandbits(rng.randrange(1, maxbits))
    return -n if rng.random() < 0.5 else n


class LongIdentityTests(unittest.TestCase):

    def setUp(self):
        self.rng = random.Random(20261122)

    def values(self, count=200, maxbits=700):
        return [random_int(self.rng, maxbits) for _ in range(count)]

    def test_add_sub(self):
        xs = self.values()
        ys = self.values()
        for x, y in zip(xs, ys):
            self.assertEqual((x + y) - y, x)
            self.assertEqual(x - y, -(y - x))
            self.assertEqual(x + (-x), 0)

    def test_mul_divmod(self):
        for x, y in zip(self.values(), self.values()):
            if y == 0:
                continue
            q, r = divmod(x, y)
            self.assertEqual(q * y + r, x)
            self.assertTrue(0 <= r < y if y > 0 else y < r <= 0)
            self.assertEqual(x * y // y, x)
            self.assertEqual((x * y) % y, 0)

    def test_distributive(self):
        xs, ys, zs = self.values(100), self.values(100), self.values(100)
        for x, y, z in zip(xs, ys, zs):
            self.assertEqual(x * (y + z), x * y + x * z)

    def test_shifts_match_power_of_two(self):
        for x in self.values(100):
            s = self.rng.randrange(0, 300)
            self.assertEqual(x << s, x * 2 ** s)
            self.assertEqual(x >> s, x // 2 ** s)

    def test_bitwise_identities(self):
        for x, y in zip(self.values(), self.values()):
            self.assertEqual(x ^ y, (x | y) & ~(x & y))
            self.assertEqual(~x, -x - 1)
            self.assertEqual(x & -1, x)
            self.assertEqual((x & y) + (x | y), x + y)

    def test_pow_mod(self):
        for _ in range(50):
            b = random_int(self.rng, 200)
            e = self.rng.getrandbits(64)
            m = random_int(self.rng, 200) or 7
            self.assertEqual(pow(b, e, m), pow(b % m, e, m))
            r = pow(b, e, m)
            self.assertTrue(0 <= r < m if m > 0 else m < r <= 0)

    def test_modular_inverse(self):
        p = 2 ** 127 - 1
        for _ in range(50):
            a = self.rng.randrange(1, p)
            self.assertEqual(a * pow(a, -1, p) % p, 1)

    def test_str_round_trip(self):
        for x in self.values(100, 3000):
            self.assertEqual(int(str(x)), x)
            self.assertEqual(int(hex(x), 16), x)
            self.assertEqual(int(oct(x), 0), x)
            self.assertEqual(int(bin(x), 0), x)

    def test_float_conversion_correctly_rounded(self):
        # 2**53 + 1 is a tie between 2**53 and 2**53 + 2: round half to even.
        self.assertEqual(float(2 ** 53 + 1), 2.0 ** 53)
        self.assertEqual(float(2 ** 53 + 3), 2.0 ** 53 + 4)
        self.assertEqual(float(2 ** 54 + 3), 2.0 ** 54 + 4)
        self.assertEqual(float((2 ** 53 + 1) * 2 ** 100), 2.0 ** 153)
        self.assertEqual(float((2 ** 53 + 1) * 2 ** 100 + 1), (2.0 ** 53 + 2) * 2.0 ** 100)
        self.assertEqual(float(2 ** 1024 - 2 ** 970 - 1), 1.7976931348623157e308)
        with self.assertRaises(OverflowError):
            float(2 ** 1024 - 2 ** 970)
        with self.assertRaises(OverflowError):
            float(2 ** 1024)

    def test_true_division_correctly_rounded(self):
        self.assertEqual((2 ** 1100) / (2 ** 1000), 2.0 ** 100)
        self.assertEqual(1 / (2 ** 1074), 5e-324)
        self.assertEqual(1 / (2 ** 1075), 0.0)
        self.assertEqual(3 / (2 ** 1076), 5e-324)
        self.assertEqual((10 ** 400 + 1) / 10 ** 399, 10.0)
        self.assertEqual(-(10 ** 400) / 10 ** 399, -10.0)

    def test_hash_consistency(self):
        for x in self.values(200, 200):
            self.assertEqual(hash(x), hash(x + 0))
            if abs(x) < 2 ** 1000:
                f = float(x)
                if f == x:
                    self.assertEqual(hash(f), hash(x))


if __name__ == "__main__":
    unittest.main()
