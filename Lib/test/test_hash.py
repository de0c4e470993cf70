"""Tests for hashing of str, bytes and numbers (consistency, not values: the hash secret is
random unless PYTHONHASHSEED is set)."""

import sys
import unittest


class HashTests(unittest.TestCase):
    def test_str_bytes_agree_for_ascii(self):
        for s in ['', 'a', 'abc', 'hello world', 'x' * 100]:
            with self.subTest(s=s):
                self.assertEqual(hash(s), hash(s.encode('ascii')))

    def test_equal_strings_equal_hashes(self):
        a = 'abc' * 10
        b = ''.join(['abc'] * 10)
        self.assertEqual(hash(a), hash(b))
        self.assertEqual(hash('\xe9t\xe9'), hash('\xe9' + 't\xe9'))
        self.assertEqual(hash('\u20ac' + 'x'), hash('\u20acx'))
        self.assertEqual(hash(('\u20acx')[1:]), hash('x'))

    def test_empty(self):
        self.assertEqual(hash(''), 0)
        self.assertEqual(hash(b''), 0)

    def test_numbers(self):
        self.assertEqual(hash(1), hash(1.0))
        self.assertEqual(hash(0.5), hash(0.5))
        self.assertEqual(hash(-1), -2)
        self.assertEqual(hash(float('inf')), sys.hash_info.inf)
        self.assertEqual(hash(float('-inf')), -sys.hash_info.inf)
        self.assertEqual(hash(2**61 - 1), 0)
        self.assertEqual(hash(1.5), hash(3 / 2))

    def test_hash_info(self):
        info = sys.hash_info
        self.assertEqual(info.width, 64)
        self.assertEqual(info.modulus, 2**61 - 1)
        self.assertEqual(info.algorithm, 'siphash13')
        self.assertEqual(info.hash_bits, 64)
        self.assertEqual(info.seed_bits, 128)

    def test_unhashable(self):
        self.assertRaises(TypeError, hash, bytearray(b'a'))
        self.assertRaises(TypeError, hash, memoryview(bytearray(b'a')).tolist())

    def test_memoryview(self):
        self.assertEqual(hash(memoryview(b'abc')), hash(b'abc'))


if __name__ == "__main__":
    unittest.main()
