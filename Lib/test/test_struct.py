"""Tests of struct."""

import struct
import unittest
import sys


class StructTests(unittest.TestCase):

    def test_reinit_during_pack_is_refused(self):
        # __init__ run again by an argument's __index__ while the Struct packs: refused with
        # RuntimeError (CPython refuses a Struct modified during pack), the format unchanged.
        s = struct.Struct('i')
        errors = []

        class Index:
            def __index__(self):
                try:
                    s.__init__('q')
                except RuntimeError as exc:
                    errors.append(exc)
                return 5

        self.assertEqual(s.pack(Index()), struct.pack('i', 5))
        self.assertEqual(len(errors), 1)
        self.assertEqual(s.format, 'i')
        s.__init__('q')
        self.assertEqual(s.size, 8)

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


class FormatCodeTests(unittest.TestCase):

    def test_integers_little_endian(self):
        self.assertEqual(struct.pack('<b', -128), b'\x80')
        self.assertEqual(struct.pack('<B', 255), b'\xff')
        self.assertEqual(struct.pack('<h', -2), b'\xfe\xff')
        self.assertEqual(struct.pack('<H', 0xBEEF), b'\xef\xbe')
        self.assertEqual(struct.pack('<i', -123456789), b'\xeb2\xa4\xf8')
        self.assertEqual(struct.pack('<I', 0xDEADBEEF), b'\xef\xbe\xad\xde')
        self.assertEqual(struct.pack('<l', -1), b'\xff\xff\xff\xff')
        self.assertEqual(struct.pack('<L', 2**32 - 1), b'\xff\xff\xff\xff')
        self.assertEqual(struct.pack('<q', -2**63), b'\x00\x00\x00\x00\x00\x00\x00\x80')
        self.assertEqual(
            struct.pack('<Q', 0x0102030405060708),
            b'\x08\x07\x06\x05\x04\x03\x02\x01')
        self.assertEqual(
            struct.unpack('<bBhHiIlLqQ', bytes(range(1, 39))),
            (1,
             2,
             1027,
             1541,
             168364039,
             235736075,
             303108111,
             370480147,
             2169921498189994007,
             2748642880894607391))

    def test_integers_big_endian(self):
        self.assertEqual(struct.pack('>h', -2), b'\xff\xfe')
        self.assertEqual(struct.pack('>i', 0x01020304), b'\x01\x02\x03\x04')
        self.assertEqual(struct.pack('!q', 1), b'\x00\x00\x00\x00\x00\x00\x00\x01')
        self.assertEqual(struct.pack('>Q', 2**64 - 1), b'\xff\xff\xff\xff\xff\xff\xff\xff')
        self.assertEqual(
            struct.unpack('>bBhHiIlLqQ', bytes(range(200, 238))),
            (-56,
             201,
             -13621,
             52429,
             -825241391,
             3537097941,
             -690497319,
             3671842013,
             -2386942016704224027,
             16638523439709940973))
        self.assertEqual(struct.unpack('!H', b'\x01\x02'), (258,))

    def test_native_sizes(self):
        self.assertEqual(struct.calcsize('c'), 1)
        self.assertEqual(struct.calcsize('?'), 1)
        self.assertEqual(struct.calcsize('h'), 2)
        self.assertEqual(struct.calcsize('i'), 4)
        self.assertEqual(struct.calcsize('l'), struct.calcsize('L'))
        self.assertEqual(struct.calcsize('q'), 8)
        self.assertTrue(struct.calcsize('n') == struct.calcsize('N') == struct.calcsize('P'))
        self.assertEqual(struct.calcsize('e'), 2)
        self.assertEqual(struct.calcsize('f'), 4)
        self.assertEqual(struct.calcsize('d'), 8)
        self.assertEqual(struct.calcsize('=l'), 4)
        self.assertEqual(struct.calcsize('<L'), 4)

    def test_index_objects(self):
        class I:
            def __index__(self):
                return 7
        self.assertEqual(struct.pack('<i', I()), b'\x07\x00\x00\x00')
        self.assertEqual(struct.pack('<Q', True), b'\x01\x00\x00\x00\x00\x00\x00\x00')
        with self.assertRaises(struct.error) as cm:
            struct.pack('<i', 1.0)
        self.assertEqual(str(cm.exception), 'required argument is not an integer')
        with self.assertRaises(struct.error) as cm:
            struct.pack('<i', '1')
        self.assertEqual(str(cm.exception), 'required argument is not an integer')
        with self.assertRaises(struct.error) as cm:
            struct.pack('<i', None)
        self.assertEqual(str(cm.exception), 'required argument is not an integer')

    def test_native_ssize_t_and_pointer(self):
        n = struct.calcsize('n')
        self.assertEqual(struct.unpack('n', struct.pack('n', -5)), (-5,))
        self.assertEqual(struct.unpack('N', struct.pack('N', 2**(8 * n) - 1)), (2**(8 * n) - 1,))
        self.assertEqual(struct.unpack('P', struct.pack('P', 0)), (0,))
        self.assertEqual(struct.unpack('P', struct.pack('P', 4096)), (4096,))
        with self.assertRaises(struct.error) as cm:
            struct.pack('<n', 1)
        self.assertEqual(str(cm.exception), 'bad char in struct format')
        with self.assertRaises(struct.error) as cm:
            struct.pack('>N', 1)
        self.assertEqual(str(cm.exception), 'bad char in struct format')
        with self.assertRaises(struct.error) as cm:
            struct.pack('=P', 1)
        self.assertEqual(str(cm.exception), 'bad char in struct format')
        with self.assertRaises(struct.error) as cm:
            struct.calcsize('!n')
        self.assertEqual(str(cm.exception), 'bad char in struct format')
        with self.assertRaises(struct.error) as cm:
            struct.pack('N', -1)
        self.assertEqual(
            str(cm.exception),
            "'N' format requires 0 <= number <= 18446744073709551615")

    def test_bool(self):
        self.assertEqual(struct.pack('????', True, False, 0, 'x'), b'\x01\x00\x00\x01')
        self.assertEqual(struct.pack('?', []), b'\x00')
        self.assertEqual(struct.pack('>?', 2), b'\x01')
        self.assertEqual(struct.unpack('????', b'\x00\x01\x02\xff'), (False, True, True, True))
        self.assertEqual(struct.calcsize('>?'), 1)

    def test_char_and_strings(self):
        self.assertEqual(struct.pack('c', b'\xff'), b'\xff')
        with self.assertRaises(struct.error) as cm:
            struct.pack('c', bytearray(b'a'))
        self.assertEqual(str(cm.exception), 'char format requires a bytes object of length 1')
        self.assertEqual(struct.unpack('3c', b'abc'), (b'a', b'b', b'c'))
        self.assertEqual(struct.pack('0s', b'abc'), b'')
        self.assertEqual(struct.pack('s', b''), b'\x00')
        self.assertEqual(struct.pack('3s', b'abcdef'), b'abc')
        self.assertEqual(struct.pack('6s', bytearray(b'ab')), b'ab\x00\x00\x00\x00')
        self.assertEqual(struct.pack('2s3s', b'ab', b'cde'), b'abcde')
        self.assertEqual(struct.unpack('0s2s', b'hi'), (b'', b'hi'))
        self.assertEqual(struct.pack('p', b'abc'), b'\x00')
        self.assertEqual(struct.pack('1p', b'abc'), b'\x00')
        self.assertEqual(struct.pack('3p', b'abcdef'), b'\x02ab')
        self.assertEqual(struct.pack('10p', b'hello'), b'\x05hello\x00\x00\x00\x00')
        self.assertEqual(struct.pack('300p', b'x' * 300)[:3], b'\xffxx')
        self.assertEqual(struct.unpack('5p', b'\x09abcd'), (b'abcd',))
        self.assertEqual(struct.unpack('5p', b'\x02abcd'), (b'ab',))
        with self.assertRaises(struct.error) as cm:
            struct.pack('c', 'a')
        self.assertEqual(str(cm.exception), 'char format requires a bytes object of length 1')
        with self.assertRaises(struct.error) as cm:
            struct.pack('c', 65)
        self.assertEqual(str(cm.exception), 'char format requires a bytes object of length 1')
        with self.assertRaises(struct.error) as cm:
            struct.pack('c', b'')
        self.assertEqual(str(cm.exception), 'char format requires a bytes object of length 1')
        with self.assertRaises(struct.error) as cm:
            struct.pack('3s', 'abc')
        self.assertEqual(str(cm.exception), "argument for 's' must be a bytes object")
        with self.assertRaises(struct.error) as cm:
            struct.pack('3p', 123)
        self.assertEqual(str(cm.exception), "argument for 'p' must be a bytes object")

    def test_floats(self):
        self.assertEqual(struct.pack('<f', 1.5), b'\x00\x00\xc0?')
        self.assertEqual(struct.pack('>f', -0.1), b'\xbd\xcc\xcc\xcd')
        self.assertEqual(struct.pack('<d', 1e-310), b'+\xe6p\x8bh\x12\x00\x00')
        self.assertEqual(struct.pack('>d', float('inf')), b'\x7f\xf0\x00\x00\x00\x00\x00\x00')
        self.assertEqual(struct.pack('<f', float('-inf')), b'\x00\x00\x80\xff')
        self.assertEqual(struct.unpack('<f', struct.pack('<f', 0.1)), (0.10000000149011612,))
        self.assertEqual(
            struct.unpack('>d', b'\x7f\xef\xff\xff\xff\xff\xff\xff'),
            (1.7976931348623157e+308,))
        self.assertEqual(struct.pack('<f', 3.4028234663852886e+38), b'\xff\xff\x7f\x7f')
        self.assertEqual(struct.pack('<d', 5), b'\x00\x00\x00\x00\x00\x00\x14@')
        with self.assertRaises(OverflowError) as cm:
            struct.pack('<f', 3.5e38)
        self.assertEqual(str(cm.exception), 'float too large to pack with f format')
        with self.assertRaises(struct.error) as cm:
            struct.pack('<d', 'x')
        self.assertEqual(str(cm.exception), 'required argument is not a float')
        with self.assertRaises(struct.error) as cm:
            struct.pack('<f', None)
        self.assertEqual(str(cm.exception), 'required argument is not a float')
        self.assertNotEqual(struct.unpack('>f', struct.pack('>f', float('nan')))[0], 0)

    def test_half_floats(self):
        self.assertEqual(struct.pack('<e', 1.0), b'\x00<')
        self.assertEqual(struct.pack('>e', -2.0), b'\xc0\x00')
        self.assertEqual(struct.pack('<e', 65504.0), b'\xff{')
        self.assertEqual(struct.pack('<e', 6e-08), b'\x01\x00')
        self.assertEqual(struct.pack('<e', 0.1), b'f.')
        self.assertEqual(struct.pack('<e', float('inf')), b'\x00|')
        self.assertEqual(struct.pack('<e', -0.0), b'\x00\x80')
        self.assertEqual(struct.unpack('<e', b'\x00\x3c'), (1.0,))
        self.assertEqual(struct.unpack('<e', b'\xff\x7b'), (65504.0,))
        self.assertEqual(struct.unpack('<e', b'\x01\x00'), (5.960464477539063e-08,))
        self.assertEqual(struct.unpack('>e', b'\x35\x55'), (0.333251953125,))
        self.assertEqual(struct.unpack('<e', struct.pack('<e', 0.333)), (0.3330078125,))
        self.assertEqual(struct.pack('<e', 65519.99), b'\xff{')
        with self.assertRaises(OverflowError) as cm:
            struct.pack('<e', 65520.0)
        self.assertEqual(str(cm.exception), 'float too large to pack with e format')
        with self.assertRaises(OverflowError) as cm:
            struct.pack('<e', 1e300)
        self.assertEqual(str(cm.exception), 'float too large to pack with e format')
        self.assertEqual(repr(struct.unpack('<e', b'\x00\x7c')), '(inf,)')
        self.assertEqual(repr(struct.unpack('<e', b'\x00\xfc')), '(-inf,)')

    def test_pad_bytes(self):
        self.assertEqual(struct.pack('x'), b'\x00')
        self.assertEqual(struct.pack('3x'), b'\x00\x00\x00')
        self.assertEqual(struct.pack('<bxh', 1, 2), b'\x01\x00\x02\x00')
        self.assertEqual(struct.unpack('<bxxh', b'\x01\x00\x00\x02\x00'), (1, 2))
        self.assertEqual(struct.calcsize('5x'), 5)


class LayoutTests(unittest.TestCase):

    def test_native_alignment(self):
        self.assertEqual(struct.calcsize('bi'), 8)
        self.assertEqual(struct.calcsize('ib'), 5)
        self.assertEqual(struct.calcsize('bq'), 16)
        self.assertEqual(struct.calcsize('bd'), 16)
        self.assertEqual(struct.calcsize('bh'), 4)
        self.assertEqual(struct.calcsize('cih'), 10)
        self.assertEqual(struct.calcsize('bi0i'), 8)
        self.assertEqual(struct.calcsize('ib0q'), 8)
        self.assertEqual(struct.calcsize('@hb'), 3)
        self.assertEqual(struct.pack('@bi', 1, 2)[4:], b'\x02\x00\x00\x00')
        self.assertEqual(struct.pack('@bh', 1, 2), b'\x01\x00\x02\x00')
        self.assertEqual(len(struct.pack('@bq', 1, 2)), 16)

    def test_standard_no_alignment(self):
        self.assertEqual(struct.calcsize('<bi'), 5)
        self.assertEqual(struct.calcsize('=bq'), 9)
        self.assertEqual(struct.calcsize('!cd'), 9)
        self.assertEqual(struct.calcsize('>bi0q'), 5)
        self.assertEqual(struct.pack('<bi', 1, 2), b'\x01\x02\x00\x00\x00')
        self.assertEqual(struct.pack('>bh', 1, 2), b'\x01\x00\x02')
        native = '<' if sys.byteorder == 'little' else '>'
        self.assertEqual(struct.pack('=bi', 1, 2), struct.pack(native + 'bi', 1, 2))

    def test_repeat_counts_and_whitespace(self):
        self.assertEqual(struct.calcsize('10b'), 10)
        self.assertEqual(struct.pack('3h', 1, 2, 3), struct.pack('hhh', 1, 2, 3))
        self.assertEqual(struct.pack('< h h', 1, 2), b'\x01\x00\x02\x00')
        self.assertEqual(struct.calcsize('0b'), 0)
        self.assertEqual(
            struct.pack('<2i 3s', 1, 2, b'abc'),
            b'\x01\x00\x00\x00\x02\x00\x00\x00abc')
        self.assertEqual(struct.unpack('<0i', b''), ())
        self.assertEqual(struct.calcsize(''), 0)
        self.assertEqual(struct.pack(''), b'')
        self.assertEqual(struct.unpack('', b''), ())
        self.assertEqual(struct.calcsize('<12s'), 12)

    def test_pack_into_and_unpack_from(self):
        buf = bytearray(12)
        struct.pack_into('<I', buf, 0, 0x11223344)
        struct.pack_into('>h', buf, 4, -2)
        struct.pack_into('<2B', buf, -2, 9, 8)
        self.assertEqual(
            repr(buf),
            'bytearray(b\'D3"\\x11\\xff\\xfe\\x00\\x00\\x00\\x00\\t\\x08\')')
        self.assertEqual(struct.unpack_from('<I', buf), (287454020,))
        self.assertEqual(struct.unpack_from('>h', buf, 4), (-2,))
        self.assertEqual(struct.unpack_from('<B', buf, offset=-1), (8,))
        self.assertEqual(struct.unpack_from('<H', b'\x00\x01\x02\x03', 1), (513,))
        self.assertEqual(struct.unpack_from('<3s', memoryview(b'xxabc'), 2), (b'abc',))
        with self.assertRaises(struct.error) as cm:
            struct.pack_into('<I', buf, 10, 1)
        self.assertEqual(
            str(cm.exception),
            'pack_into requires a buffer of at least 14 bytes for packing 4 bytes at '
            'offset 10 (actual buffer size is 12)')
        with self.assertRaises(struct.error) as cm:
            struct.pack_into('<I', buf, 20, 1)
        self.assertEqual(
            str(cm.exception),
            'pack_into requires a buffer of at least 24 bytes for packing 4 bytes at '
            'offset 20 (actual buffer size is 12)')
        with self.assertRaises(struct.error) as cm:
            struct.pack_into('<I', buf, -20, 1)
        self.assertEqual(str(cm.exception), 'offset -20 out of range for 12-byte buffer')
        with self.assertRaises(TypeError) as cm:
            struct.pack_into('<I', bytes(4), 0, 1)
        self.assertEqual(
            str(cm.exception),
            'argument must be read-write bytes-like object, not bytes')
        with self.assertRaises(struct.error) as cm:
            struct.unpack_from('<I', b'abcdef', 3)
        self.assertEqual(
            str(cm.exception),
            'unpack_from requires a buffer of at least 7 bytes for unpacking 4 bytes at '
            'offset 3 (actual buffer size is 6)')
        with self.assertRaises(struct.error) as cm:
            struct.unpack_from('<I', b'abcdef', 10)
        self.assertEqual(
            str(cm.exception),
            'unpack_from requires a buffer of at least 14 bytes for unpacking 4 bytes '
            'at offset 10 (actual buffer size is 6)')
        with self.assertRaises(struct.error) as cm:
            struct.unpack_from('<I', b'abcdef', -10)
        self.assertEqual(str(cm.exception), 'offset -10 out of range for 6-byte buffer')
        with self.assertRaises(struct.error) as cm:
            struct.pack_into('<I', buf, 0)
        self.assertEqual(str(cm.exception), 'pack_into expected 1 items for packing (got 0)')
        with self.assertRaises(struct.error) as cm:
            struct.pack_into('<I', buf)
        self.assertEqual(str(cm.exception), 'pack_into expected offset argument')

    def test_pack_into_memoryview_and_array(self):
        mv = memoryview(bytearray(6))
        struct.pack_into('<hI', mv, 0, 7, 9)
        self.assertEqual(bytes(mv), b'\x07\x00\t\x00\x00\x00')

    def test_iter_unpack(self):
        self.assertEqual(
            list(struct.iter_unpack('<H', b'\x01\x00\x02\x00\x03\x00')),
            [(1,), (2,), (3,)])
        self.assertEqual(list(struct.iter_unpack('>bb', b'\x01\x02\x03\x04')), [(1, 2), (3, 4)])
        self.assertEqual(list(struct.iter_unpack('<I', b'')), [])
        it = struct.iter_unpack('<h', b'\x01\x00\x02\x00')
        self.assertEqual(it.__length_hint__(), 2)
        self.assertEqual(next(it), (1,))
        self.assertEqual(it.__length_hint__(), 1)
        with self.assertRaises(struct.error) as cm:
            struct.iter_unpack('<h', b'\x01\x00\x02')
        self.assertEqual(
            str(cm.exception),
            'iterative unpacking requires a buffer of a multiple of 2 bytes')
        with self.assertRaises(struct.error) as cm:
            struct.iter_unpack('', b'ab')
        self.assertEqual(str(cm.exception), 'cannot iteratively unpack with a struct of length 0')
        with self.assertRaises(struct.error) as cm:
            struct.iter_unpack('0s', b'')
        self.assertEqual(str(cm.exception), 'cannot iteratively unpack with a struct of length 0')


class StructObjectTests(unittest.TestCase):

    def test_attributes(self):
        s = struct.Struct('>hhl')
        self.assertEqual(s.size, 8)
        self.assertEqual(s.format, '>hhl')
        self.assertEqual(s.pack(1, 2, 3), b'\x00\x01\x00\x02\x00\x00\x00\x03')
        self.assertEqual(s.unpack(b'\x00\x01\x00\x02\x00\x00\x00\x03'), (1, 2, 3))
        self.assertEqual(s.unpack_from(b'\xff\x00\x01\x00\x02\x00\x00\x00\x03', 1), (1, 2, 3))
        self.assertEqual(repr(s), "Struct('>hhl')")
        self.assertEqual(repr(struct.Struct(b'i')), "Struct('i')")
        self.assertEqual(struct.Struct(b'<i').format, '<i')
        self.assertEqual(type(s).__name__, 'Struct')
        self.assertIs(struct.Struct, type(s))

    def test_pack_into_iter_unpack(self):
        s = struct.Struct('<BH')
        buf = bytearray(7)
        s.pack_into(buf, 1, 255, 0x1234)
        self.assertEqual(repr(buf), "bytearray(b'\\x00\\xff4\\x12\\x00\\x00\\x00')")
        self.assertEqual(list(s.iter_unpack(b'\x01\x02\x00\x03\x04\x00')), [(1, 2), (3, 4)])

    def test_errors(self):
        s = struct.Struct('<i')
        with self.assertRaises(struct.error) as cm:
            s.pack()
        self.assertEqual(str(cm.exception), 'pack expected 1 items for packing (got 0)')
        with self.assertRaises(struct.error) as cm:
            s.pack(1, 2)
        self.assertEqual(str(cm.exception), 'pack expected 1 items for packing (got 2)')
        with self.assertRaises(struct.error) as cm:
            s.unpack(b'ab')
        self.assertEqual(str(cm.exception), 'unpack requires a buffer of 4 bytes')
        with self.assertRaises(struct.error) as cm:
            s.unpack_from(b'ab')
        self.assertEqual(
            str(cm.exception),
            'unpack_from requires a buffer of at least 4 bytes for unpacking 4 bytes at '
            'offset 0 (actual buffer size is 2)')
        with self.assertRaises(struct.error) as cm:
            struct.Struct('z')
        self.assertEqual(str(cm.exception), 'bad char in struct format')
        with self.assertRaises(TypeError) as cm:
            struct.Struct(5)
        self.assertEqual(
            str(cm.exception),
            'Struct() argument 1 must be a str or bytes object, not int')
        with self.assertRaises(struct.error) as cm:
            struct.Struct('<' * 2 + 'i')
        self.assertEqual(str(cm.exception), 'bad char in struct format')
        self.assertNotEqual(struct.Struct('<i'), struct.Struct('<i'))

    def test_cache(self):
        s1 = struct.Struct('<iq')
        self.assertEqual(s1.size, 12)
        struct._clearcache()
        self.assertEqual(struct.calcsize('<iq'), 12)
        self.assertEqual(struct.pack('<iq', 1, 2), s1.pack(1, 2))


class ErrorMessageTests(unittest.TestCase):

    def test_range_errors_standard(self):
        with self.assertRaises(struct.error) as cm:
            struct.pack('<b', 128)
        self.assertEqual(str(cm.exception), "'b' format requires -128 <= number <= 127")
        with self.assertRaises(struct.error) as cm:
            struct.pack('<b', -129)
        self.assertEqual(str(cm.exception), "'b' format requires -128 <= number <= 127")
        with self.assertRaises(struct.error) as cm:
            struct.pack('<B', 256)
        self.assertEqual(str(cm.exception), "'B' format requires 0 <= number <= 255")
        with self.assertRaises(struct.error) as cm:
            struct.pack('<B', -1)
        self.assertEqual(str(cm.exception), "'B' format requires 0 <= number <= 255")
        with self.assertRaises(struct.error) as cm:
            struct.pack('<h', -32769)
        self.assertEqual(str(cm.exception), "'h' format requires -32768 <= number <= 32767")
        with self.assertRaises(struct.error) as cm:
            struct.pack('<H', 65536)
        self.assertEqual(str(cm.exception), "'H' format requires 0 <= number <= 65535")
        with self.assertRaises(struct.error) as cm:
            struct.pack('<i', 2**31)
        self.assertEqual(
            str(cm.exception),
            "'i' format requires -2147483648 <= number <= 2147483647")
        with self.assertRaises(struct.error) as cm:
            struct.pack('<I', -1)
        self.assertEqual(str(cm.exception), "'I' format requires 0 <= number <= 4294967295")
        with self.assertRaises(struct.error) as cm:
            struct.pack('<l', 2**31)
        self.assertEqual(
            str(cm.exception),
            "'l' format requires -2147483648 <= number <= 2147483647")
        with self.assertRaises(struct.error) as cm:
            struct.pack('<L', 2**32)
        self.assertEqual(str(cm.exception), "'L' format requires 0 <= number <= 4294967295")
        with self.assertRaises(struct.error) as cm:
            struct.pack('<q', 2**63)
        self.assertEqual(
            str(cm.exception),
            "'q' format requires -9223372036854775808 <= number <= 9223372036854775807")
        with self.assertRaises(struct.error) as cm:
            struct.pack('<Q', 2**64)
        self.assertEqual(
            str(cm.exception),
            "'Q' format requires 0 <= number <= 18446744073709551615")
        with self.assertRaises(struct.error) as cm:
            struct.pack('<Q', -1)
        self.assertEqual(
            str(cm.exception),
            "'Q' format requires 0 <= number <= 18446744073709551615")
        with self.assertRaises(struct.error) as cm:
            struct.pack('>q', -2**63 - 1)
        self.assertEqual(
            str(cm.exception),
            "'q' format requires -9223372036854775808 <= number <= 9223372036854775807")

    def test_range_errors_native(self):
        with self.assertRaises(struct.error) as cm:
            struct.pack('b', 300)
        self.assertEqual(str(cm.exception), "'b' format requires -128 <= number <= 127")
        with self.assertRaises(struct.error) as cm:
            struct.pack('B', 300)
        self.assertEqual(str(cm.exception), "'B' format requires 0 <= number <= 255")
        with self.assertRaises(struct.error) as cm:
            struct.pack('h', 70000)
        self.assertEqual(str(cm.exception), "'h' format requires -32768 <= number <= 32767")
        with self.assertRaises(struct.error) as cm:
            struct.pack('H', -1)
        self.assertEqual(str(cm.exception), "'H' format requires 0 <= number <= 65535")
        with self.assertRaises(struct.error) as cm:
            struct.pack('i', 2**40)
        self.assertEqual(
            str(cm.exception),
            "'i' format requires -2147483648 <= number <= 2147483647")
        with self.assertRaises(struct.error) as cm:
            struct.pack('I', -3)
        self.assertEqual(str(cm.exception), "'I' format requires 0 <= number <= 4294967295")
        with self.assertRaises(struct.error) as cm:
            struct.pack('q', 2**70)
        self.assertEqual(
            str(cm.exception),
            "'q' format requires -9223372036854775808 <= number <= 9223372036854775807")
        with self.assertRaises(struct.error) as cm:
            struct.pack('Q', -2)
        self.assertEqual(
            str(cm.exception),
            "'Q' format requires 0 <= number <= 18446744073709551615")

    def test_format_errors(self):
        with self.assertRaises(struct.error) as cm:
            struct.calcsize('y')
        self.assertEqual(str(cm.exception), 'bad char in struct format')
        with self.assertRaises(struct.error) as cm:
            struct.calcsize('<<')
        self.assertEqual(str(cm.exception), 'bad char in struct format')
        with self.assertRaises(struct.error) as cm:
            struct.calcsize('3')
        self.assertEqual(str(cm.exception), 'repeat count given without format specifier')
        with self.assertRaises(struct.error) as cm:
            struct.pack('<i', 1, 2)
        self.assertEqual(str(cm.exception), 'pack expected 1 items for packing (got 2)')
        with self.assertRaises(struct.error) as cm:
            struct.pack('<ii', 1)
        self.assertEqual(str(cm.exception), 'pack expected 2 items for packing (got 1)')
        with self.assertRaises(struct.error) as cm:
            struct.unpack('<i', b'abcde')
        self.assertEqual(str(cm.exception), 'unpack requires a buffer of 4 bytes')
        with self.assertRaises(struct.error) as cm:
            struct.unpack('<2h', b'ab')
        self.assertEqual(str(cm.exception), 'unpack requires a buffer of 4 bytes')
        with self.assertRaises(struct.error) as cm:
            struct.calcsize('i' * 0 + '99999999999999999999i')
        self.assertEqual(str(cm.exception), 'total struct size too long')
        with self.assertRaises(TypeError) as cm:
            struct.pack()
        self.assertEqual(str(cm.exception), 'missing format argument')
        with self.assertRaises(TypeError):
            struct.pack(5)
        with self.assertRaises(TypeError) as cm:
            struct.unpack('<i', 'abcd')
        self.assertEqual(str(cm.exception), "a bytes-like object is required, not 'str'")
        self.assertTrue(issubclass(struct.error, Exception))
        self.assertEqual(struct.error.__module__, 'struct')
        self.assertEqual(struct.error.__name__, 'error')


class MiscStructTests(unittest.TestCase):

    def test_subclass_and_keywords(self):
        class MyStruct(struct.Struct):
            pass
        self.assertEqual(repr(MyStruct('<h')), "MyStruct('<h')")
        self.assertEqual(MyStruct('<h').pack(1), b'\x01\x00')
        self.assertEqual(struct.Struct(format='<i').size, 4)
        self.assertEqual(struct.unpack_from('<i', buffer=b'abcd', offset=0), (1684234849,))
        s = struct.Struct('<i')
        s.__init__('<q')
        self.assertEqual((s.size, s.format), (8, '<q'))
        self.assertEqual(type(struct.iter_unpack('<i', b'')).__name__, 'unpack_iterator')

    def test_format_string_edge_cases(self):
        with self.assertRaises(struct.error) as cm:
            struct.calcsize('\0')
        self.assertEqual(str(cm.exception), 'embedded null character')
        with self.assertRaises(struct.error) as cm:
            struct.calcsize('<>i')
        self.assertEqual(str(cm.exception), 'bad char in struct format')
        with self.assertRaises(struct.error) as cm:
            struct.calcsize('i<')
        self.assertEqual(str(cm.exception), 'bad char in struct format')
        self.assertEqual(struct.calcsize('ii\n'), 8)
        with self.assertRaises(struct.error) as cm:
            struct.calcsize('2 i')
        self.assertEqual(str(cm.exception), 'bad char in struct format')
        with self.assertRaises(struct.error) as cm:
            struct.calcsize(' <i')
        self.assertEqual(str(cm.exception), 'bad char in struct format')

    def test_more_values(self):
        self.assertEqual(struct.pack('>?', 1.5), b'\x01')
        self.assertEqual(struct.pack('>i', True), b'\x00\x00\x00\x01')
        self.assertEqual(struct.pack('<e', 1e-8), b'\x00\x00')
        self.assertEqual(struct.pack('<e', -1e-8), b'\x00\x80')
        self.assertEqual(struct.pack('<e', 5.96e-08), b'\x01\x00')
        self.assertEqual(struct.pack('<e', 2.98e-08), b'\x00\x00')
        self.assertEqual(struct.pack('<e', 2.99e-08), b'\x01\x00')
        self.assertEqual(struct.pack('<f', float('nan')), b'\x00\x00\xc0\x7f')
        self.assertEqual(struct.pack('>d', -0.0), b'\x80\x00\x00\x00\x00\x00\x00\x00')
        self.assertEqual(struct.pack('<q', 2**63 - 1), b'\xff\xff\xff\xff\xff\xff\xff\x7f')
        with self.assertRaises(struct.error) as cm:
            struct.pack('<H', 1.0)
        self.assertEqual(str(cm.exception), 'required argument is not an integer')
        with self.assertRaises(struct.error) as cm:
            struct.pack('<2s', 'ab')
        self.assertEqual(str(cm.exception), "argument for 's' must be a bytes object")
        with self.assertRaises(struct.error) as cm:
            struct.pack('<s', None)
        self.assertEqual(str(cm.exception), "argument for 's' must be a bytes object")

    def test_conversion_overflows(self):
        self.assertEqual(struct.pack('@f', 3.5e38), struct.pack('@f', float('inf')))
        self.assertEqual(repr(struct.unpack('@f', struct.pack('@f', -1e39))), '(-inf,)')
        with self.assertRaises(OverflowError) as cm:
            struct.pack('<f', 3.5e38)
        self.assertEqual(str(cm.exception), 'float too large to pack with f format')
        with self.assertRaises(struct.error) as cm:
            struct.pack('<e', 65536)
        self.assertEqual(str(cm.exception), 'int too large to convert')
        with self.assertRaises(struct.error) as cm:
            struct.pack('>e', 2**64)
        self.assertEqual(str(cm.exception), 'int too large to convert')
        with self.assertRaises(OverflowError) as cm:
            struct.pack('<e', 1e6)
        self.assertEqual(str(cm.exception), 'float too large to pack with e format')
        with self.assertRaises(struct.error) as cm:
            struct.pack('<d', 2**1024)
        self.assertEqual(str(cm.exception), 'required argument is not a float')

    def test_pointer_code(self):
        class Idx:
            def __index__(self):
                return self.v
            def __init__(self, v):
                self.v = v
        self.assertEqual(struct.unpack('P', struct.pack('P', Idx(5))), (5,))
        self.assertEqual(struct.pack('P', -1), b'\xff' * struct.calcsize('P'))
        with self.assertRaises(struct.error) as cm:
            struct.pack('P', 1.0)
        self.assertEqual(str(cm.exception), 'required argument is not an integer')
        with self.assertRaises(struct.error) as cm:
            struct.pack('P', None)
        self.assertEqual(str(cm.exception), 'required argument is not an integer')
        with self.assertRaises(struct.error) as cm:
            struct.pack('P', 2**64)
        self.assertEqual(str(cm.exception), 'int too large to convert')
        with self.assertRaises(struct.error) as cm:
            struct.pack('P', -2**63 - 1)
        self.assertEqual(str(cm.exception), 'int too large to convert')
        with self.assertRaises(OverflowError) as cm:
            struct.pack('P', Idx(2**70))
        self.assertEqual(str(cm.exception), 'Python int too large to convert to C unsigned long')
        with self.assertRaises(OverflowError) as cm:
            struct.pack('P', Idx(-2**70))
        self.assertEqual(str(cm.exception), 'Python int too large to convert to C long')


class StructThreadTests(unittest.TestCase):

    def test_shared_struct_across_threads(self):
        import threading
        s = struct.Struct('<iqd4s')
        errors = []
        def work(n):
            for i in range(300):
                data = s.pack(n, i, i / 2, b'ab')
                if s.unpack(data) != (n, i, i / 2, b'ab\x00\x00'):
                    errors.append((n, i))
        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        self.assertEqual(errors, [])

    def test_struct_objects_cannot_be_pickled(self):
        import pickle
        import copy
        import weakref
        s = struct.Struct('<i')
        with self.assertRaises(TypeError) as cm:
            pickle.dumps(s)
        self.assertEqual(str(cm.exception), "cannot pickle '_struct.Struct' object")
        with self.assertRaises(TypeError) as cm:
            copy.copy(s)
        self.assertEqual(str(cm.exception), "cannot pickle '_struct.Struct' object")
        with self.assertRaises(TypeError) as cm:
            copy.deepcopy(s)
        self.assertEqual(str(cm.exception), "cannot pickle '_struct.Struct' object")
        self.assertIs(weakref.ref(s)(), s)
        with self.assertRaises(AttributeError) as cm:
            setattr(s, 'size', 3)
        self.assertEqual(
            str(cm.exception),
            "attribute 'size' of '_struct.Struct' objects is not writable")
        with self.assertRaises(AttributeError) as cm:
            setattr(s, 'x', 1)
        self.assertEqual(
            str(cm.exception),
            "'_struct.Struct' object has no attribute 'x' and no __dict__ for setting "
            'new attributes')


class BufferTests(unittest.TestCase):

    def test_buffers_and_offsets(self):
        import array
        with self.assertRaises(BufferError) as cm:
            struct.unpack('<h', memoryview(b'abcd')[::2])
        self.assertEqual(str(cm.exception), 'memoryview: underlying buffer is not C-contiguous')
        self.assertEqual(repr(struct.unpack('<2h', array.array('h', [1, 2]))), '(1, 2)')
        self.assertEqual(repr(struct.unpack_from('<h', array.array('h', [1, 2]), 2)), '(2,)')
        a = array.array('b', [0] * 4)
        self.assertEqual(repr(struct.pack_into('<h', a, 1, 513) or a), "array('b', [0, 1, 2, 0])")
        with self.assertRaises(TypeError) as cm:
            struct.pack_into('<h', memoryview(bytearray(4))[::2], 0, 1)
        self.assertEqual(
            str(cm.exception),
            'argument must be read-write bytes-like object, not memoryview')
        self.assertEqual(
            repr(list(struct.iter_unpack('<h', array.array('h', [5, 6])))),
            '[(5,), (6,)]')
        with self.assertRaises(TypeError) as cm:
            struct.unpack('<h', 'ab')
        self.assertEqual(str(cm.exception), "a bytes-like object is required, not 'str'")
        with self.assertRaises(TypeError) as cm:
            struct.unpack('<h', None)
        self.assertEqual(str(cm.exception), "a bytes-like object is required, not 'NoneType'")
        with self.assertRaises(TypeError) as cm:
            struct.unpack_from('<h', b'abcd', offset='1')
        self.assertEqual(str(cm.exception), "'str' object cannot be interpreted as an integer")
        with self.assertRaises(OverflowError) as cm:
            struct.unpack_from('<h', b'abcd', 2**70)
        self.assertEqual(str(cm.exception), 'Python int too large to convert to C ssize_t')
        with self.assertRaises(IndexError) as cm:
            struct.pack_into('<h', bytearray(4), 2**70, 1)
        self.assertEqual(str(cm.exception), "cannot fit 'int' into an index-sized integer")
        with self.assertRaises(TypeError) as cm:
            struct.pack_into('<h', bytearray(4), 1.5, 1)
        self.assertEqual(str(cm.exception), "'float' object cannot be interpreted as an integer")
        with self.assertRaises(TypeError) as cm:
            struct.iter_unpack('<h', 5)
        self.assertEqual(str(cm.exception), "a bytes-like object is required, not 'int'")
        self.assertEqual(
            repr(struct.Struct('<h').unpack(memoryview(b'ab').cast('B', (1, 2)))),
            '(25185,)')


if __name__ == '__main__':
    unittest.main()
