"""Tests of struct."""

import struct
import unittest


class StructTests(unittest.TestCase):

    def test_standard_sizes(self):
        self.assertEqual(struct.calcsize('<bhilqfd'), 1 + 2 + 4 + 4 + 8 + 4 + 8)
        self.assertEqual(struct.calcsize('>3s2x?'), 6)
        self.assertEqual(struct.calcsize('@bi'), 8)
        self.assertEqual(struct.calcsize('=bi'), 5)

    def test_pack_unpack_roundtrip(self):
        fmt = '<bBhHiIqQ?efd'
        values = (-1, 255, -300, 65535, -2 ** 31, 2 ** 32 - 1, -2 ** 63, 2 ** 64 - 1, True,
                  1.5, 0.25, 3.141592653589793)
        data = struct.pack(fmt, *values)
        self.assertEqual(len(data), struct.calcsize(fmt))
        self.assertEqual(struct.unpack(fmt, data), values)

    def test_byte_order(self):
        self.assertEqual(struct.pack('<H', 0x1234), b'\x34\x12')
        self.assertEqual(struct.pack('>H', 0x1234), b'\x12\x34')
        self.assertEqual(struct.pack('!I', 1), b'\x00\x00\x00\x01')
        self.assertEqual(struct.unpack('>i', b'\xff\xff\xff\xfe'), (-2,))
        self.assertEqual(struct.pack('>d', 1.0), b'?\xf0\x00\x00\x00\x00\x00\x00')

    def test_strings(self):
        self.assertEqual(struct.pack('5s', b'ab'), b'ab\x00\x00\x00')
        self.assertEqual(struct.pack('2s', b'abcd'), b'ab')
        self.assertEqual(struct.unpack('3s', b'xyz'), (b'xyz',))
        self.assertEqual(struct.pack('4p', b'ab'), b'\x02ab\x00')
        self.assertEqual(struct.unpack('4p', b'\x02ab\x00'), (b'ab',))
        self.assertEqual(struct.pack('c', b'z'), b'z')

    def test_errors(self):
        with self.assertRaises(struct.error) as cm:
            struct.pack('<h', 40000)
        self.assertEqual(str(cm.exception), "'h' format requires -32768 <= number <= 32767")
        with self.assertRaises(struct.error):
            struct.pack('<B', -1)
        with self.assertRaises(struct.error):
            struct.pack('<i', 'x')
        with self.assertRaises(struct.error) as cm:
            struct.pack('<ii', 1)
        self.assertEqual(str(cm.exception), 'pack expected 2 items for packing (got 1)')
        with self.assertRaises(struct.error) as cm:
            struct.unpack('<i', b'abc')
        self.assertEqual(str(cm.exception), 'unpack requires a buffer of 4 bytes')
        with self.assertRaises(struct.error):
            struct.calcsize('z')
        with self.assertRaises(struct.error):
            struct.pack('c', b'ab')
        with self.assertRaises(OverflowError):
            struct.pack('<f', 1e300)

    def test_pack_into_unpack_from_iter(self):
        buf = bytearray(8)
        struct.pack_into('<HH', buf, 2, 1, 2)
        self.assertEqual(bytes(buf), b'\x00\x00\x01\x00\x02\x00\x00\x00')
        self.assertEqual(struct.unpack_from('<H', buf, 4), (2,))
        self.assertEqual(struct.unpack_from('<H', buf, offset=2), (1,))
        self.assertEqual(list(struct.iter_unpack('<H', b'\x01\x00\x02\x00')), [(1,), (2,)])
        with self.assertRaises(struct.error):
            struct.unpack_from('<I', b'ab')

    def test_struct_object(self):
        s = struct.Struct('<2I')
        self.assertEqual(s.size, 8)
        self.assertEqual(s.format, '<2I')
        self.assertEqual(s.unpack(s.pack(3, 4)), (3, 4))
        self.assertEqual(repr(s), "Struct('<2I')")
        self.assertEqual(struct.Struct(b'<h').format, '<h')


if __name__ == '__main__':
    unittest.main()
