"""Tests for bytes and bytearray."""

import unittest


class BytesConstructionTests(unittest.TestCase):
    def test_constructors(self):
        self.assertEqual(bytes(), b'')
        self.assertEqual(bytes(3), b'\x00\x00\x00')
        self.assertEqual(bytes([1, 2, 255]), b'\x01\x02\xff')
        self.assertEqual(bytes(range(3)), b'\x00\x01\x02')
        self.assertEqual(bytes(b'abc'), b'abc')
        self.assertEqual(bytes(bytearray(b'abc')), b'abc')
        self.assertEqual(bytes(memoryview(b'abc')), b'abc')
        self.assertEqual(bytes('\xe9', 'utf-8'), b'\xc3\xa9')
        self.assertEqual(bytes('abc', encoding='ascii'), b'abc')

    def test_constructor_errors(self):
        self.assertRaises(ValueError, bytes, [256])
        self.assertRaises(ValueError, bytes, [-1])
        self.assertRaises(ValueError, bytes, -1)
        self.assertRaises(TypeError, bytes, 'abc')
        self.assertRaises(TypeError, bytes, ['a'])
        with self.assertRaises(TypeError) as cm:
            bytes('abc')
        self.assertEqual(str(cm.exception), 'string argument without an encoding')

    def test_dunder_bytes(self):
        class B:
            def __bytes__(self):
                return b'xyz'
        self.assertEqual(bytes(B()), b'xyz')

    def test_fromhex(self):
        self.assertEqual(bytes.fromhex('01 ff0A'), b'\x01\xff\n')
        self.assertEqual(bytearray.fromhex('ab'), bytearray(b'\xab'))
        with self.assertRaises(ValueError) as cm:
            bytes.fromhex('0g')
        self.assertEqual(str(cm.exception),
                         'non-hexadecimal number found in fromhex() arg at position 1')

    def test_hex(self):
        self.assertEqual(b'\x01\xff'.hex(), '01ff')
        self.assertEqual(b'\x01\x02\x03\x04'.hex(':'), '01:02:03:04')
        self.assertEqual(b'\x01\x02\x03\x04\x05'.hex(':', 2), '01:0203:0405')
        self.assertEqual(b'\x01\x02\x03\x04\x05'.hex(':', -2), '0102:0304:05')
        self.assertEqual(b''.hex(), '')


class BytesBehaviourTests(unittest.TestCase):
    def test_indexing(self):
        b = b'abc'
        self.assertEqual(b[0], 97)
        self.assertEqual(b[-1], 99)
        self.assertEqual(b[1:], b'bc')
        self.assertEqual(b[::-1], b'cba')
        self.assertRaises(IndexError, lambda: b[3])
        self.assertEqual(list(b), [97, 98, 99])

    def test_operators(self):
        self.assertEqual(b'ab' + b'cd', b'abcd')
        self.assertEqual(b'ab' + bytearray(b'c'), b'abc')
        self.assertEqual(b'ab' * 3, b'ababab')
        self.assertIn(b'b', b'abc')
        self.assertIn(98, b'abc')
        self.assertNotIn(100, b'abc')
        self.assertTrue(b'a' < b'b')
        self.assertTrue(b'abc' == b'abc')
        self.assertFalse(b'abc' == 'abc')
        with self.assertRaises(TypeError) as cm:
            b'a' + 'b'
        self.assertEqual(str(cm.exception), "can't concat str to bytes")

    def test_hash(self):
        self.assertEqual(hash(b'abc'), hash(b'ab' + b'c'))
        self.assertEqual(hash(b'abc'), hash('abc'))
        self.assertRaises(TypeError, hash, bytearray(b'x'))

    def test_repr(self):
        self.assertEqual(repr(b'abc'), "b'abc'")
        self.assertEqual(repr(b"it's"), 'b"it\'s"')
        self.assertEqual(repr(b'\x00\n\xff\\'), "b'\\x00\\n\\xff\\\\'")
        self.assertEqual(repr(bytearray(b'ab')), "bytearray(b'ab')")

    def test_methods(self):
        self.assertEqual(b'Hello'.upper(), b'HELLO')
        self.assertEqual(b'Hello'.lower(), b'hello')
        self.assertEqual(b'hello world'.title(), b'Hello World')
        self.assertEqual(b'  ab  '.strip(), b'ab')
        self.assertEqual(b'xxabxx'.strip(b'x'), b'ab')
        self.assertEqual(b'a,b,c'.split(b','), [b'a', b'b', b'c'])
        self.assertEqual(b'a b  c'.split(), [b'a', b'b', b'c'])
        self.assertEqual(b'a,b,c'.rsplit(b',', 1), [b'a,b', b'c'])
        self.assertEqual(b'  a b  '.split(None, 0), [b'a b  '])
        self.assertEqual(b'  a b  '.rsplit(None, 0), [b'  a b'])
        self.assertEqual(b'-'.join([b'a', bytearray(b'b')]), b'a-b')
        self.assertEqual(b'aaa'.replace(b'a', b'bb', 2), b'bbbba')
        self.assertEqual(b'abc'.find(b'c'), 2)
        self.assertEqual(b'abc'.find(99), 2)
        self.assertEqual(b'abcb'.rfind(b'b'), 3)
        self.assertEqual(b'abcb'.count(b'b'), 2)
        self.assertEqual(b'abc'.index(b'b'), 1)
        self.assertRaises(ValueError, b'abc'.index, b'z')
        self.assertTrue(b'abc'.startswith(b'ab'))
        self.assertTrue(b'abc'.endswith((b'x', b'bc')))
        self.assertEqual(b'a=b'.partition(b'='), (b'a', b'=', b'b'))
        self.assertEqual(b'ab'.center(6, b'*'), b'**ab**')
        self.assertEqual(b'-5'.zfill(4), b'-005')
        self.assertEqual(b'a\tb'.expandtabs(4), b'a   b')
        self.assertEqual(b'a\nb\r\nc'.splitlines(), [b'a', b'b', b'c'])
        self.assertEqual(b'abc'.removeprefix(b'a'), b'bc')
        self.assertTrue(b'abc'.isalpha())
        self.assertTrue(b'123'.isdigit())
        self.assertTrue(b'abc'.islower())
        self.assertTrue(b'\x7f'.isascii())
        self.assertFalse(b'\x80'.isascii())
        self.assertEqual(b'abc'.decode(), 'abc')
        self.assertEqual(b'\xc3\xa9'.decode('utf-8'), '\xe9')
        self.assertRaises(TypeError, b'abc'.split, 'a')

    def test_translate(self):
        table = bytes.maketrans(b'abc', b'xyz')
        self.assertEqual(b'aabbcc'.translate(table), b'xxyyzz')
        self.assertEqual(b'abcd'.translate(None, b'bd'), b'ac')


class BytesFormatTests(unittest.TestCase):
    def test_percent(self):
        self.assertEqual(b'%d-%s' % (5, b'x'), b'5-x')
        self.assertEqual(b'%5d|%-3d|' % (42, 7), b'   42|7  |')
        self.assertEqual(b'%x %X %o' % (255, 255, 8), b'ff FF 10')
        self.assertEqual(b'%c%c' % (65, b'B'), b'AB')
        self.assertEqual(b'%a' % 'x\xe9', b"'x\\xe9'")
        self.assertEqual(b'%r' % b'y', b"b'y'")
        self.assertEqual(b'%.2f' % 1.5, b'1.50')
        self.assertEqual(b'%(k)s' % {b'k': b'v'}, b'v')
        self.assertEqual(b'100%%' % (), b'100%')
        self.assertEqual(bytearray(b'%s') % b'z', bytearray(b'z'))
        with self.assertRaises(TypeError):
            b'%s' % 'str'
        with self.assertRaises(TypeError) as cm:
            b'%d' % (1, 2)
        self.assertEqual(str(cm.exception), 'not all arguments converted during bytes formatting')


class ByteArrayTests(unittest.TestCase):
    def test_mutation(self):
        b = bytearray(b'abc')
        b[0] = 120
        self.assertEqual(b, bytearray(b'xbc'))
        b.append(100)
        self.assertEqual(b, b'xbcd')
        b.extend(b'ef')
        b.extend([103])
        self.assertEqual(b, b'xbcdefg')
        b.insert(0, 65)
        self.assertEqual(b[:2], b'Ax')
        self.assertEqual(b.pop(), 103)
        self.assertEqual(b.pop(0), 65)
        b.remove(ord('x'))
        self.assertEqual(b, b'bcdef')
        b.reverse()
        self.assertEqual(b, b'fedcb')
        c = b.copy()
        b.clear()
        self.assertEqual(b, b'')
        self.assertEqual(c, b'fedcb')

    def test_errors(self):
        b = bytearray(b'abc')
        with self.assertRaises(ValueError) as cm:
            b.append(256)
        self.assertEqual(str(cm.exception), 'byte must be in range(0, 256)')
        self.assertRaises(IndexError, bytearray().pop)
        self.assertRaises(ValueError, b.remove, 120)
        with self.assertRaises(TypeError):
            b[0] = b'x'

    def test_slices(self):
        b = bytearray(b'abcdef')
        b[1:3] = b'XYZ'
        self.assertEqual(b, b'aXYZdef')
        del b[0]
        self.assertEqual(b, b'XYZdef')
        del b[::2]
        self.assertEqual(b, b'Ydf')
        b[::2] = b'12'
        self.assertEqual(b, b'1d2')
        b[:] = []
        self.assertEqual(b, b'')
        b[0:0] = b'new'
        self.assertEqual(b, b'new')
        with self.assertRaises(ValueError):
            b[::2] = b'toolong'

    def test_inplace(self):
        b = bytearray(b'ab')
        b2 = b
        b += b'cd'
        self.assertIs(b, b2)
        self.assertEqual(b, b'abcd')
        b *= 2
        self.assertEqual(b, b'abcdabcd')
        self.assertEqual(b * 2, b'abcdabcd' * 2)

    def test_shared_methods_return_bytearray(self):
        b = bytearray(b'Abc')
        self.assertIsInstance(b.upper(), bytearray)
        self.assertIsInstance(b.split(b'b')[0], bytearray)
        self.assertIsInstance(b.replace(b'b', b'x'), bytearray)

    def test_export_blocks_resize(self):
        b = bytearray(b'abc')
        m = memoryview(b)
        with self.assertRaises(BufferError) as cm:
            b.append(1)
        self.assertEqual(str(cm.exception), 'Existing exports of data: object cannot be re-sized')
        b[0] = 65
        self.assertEqual(m[0], 65)
        m.release()
        b.append(100)
        self.assertEqual(b, b'Abcd')

    def test_resized_by_an_argument_of_its_own_method(self):
        # A method reads the buffer while converting its arguments runs Python code that
        # resizes the bytearray.  Braid pins the buffer for the method's duration, so the
        # resize fails with BufferError (CPython 3.13 converts the argument first and then
        # reads the new contents; either way nothing reads freed memory).
        b = bytearray(b'x' * 1000)

        class Index:
            def __index__(self):
                b.clear()
                return 120

        class Buffer:
            def __buffer__(self, flags):
                b.extend(b'y' * 5000)
                return memoryview(b'x')

        with self.assertRaises(BufferError):
            Index() in b
        with self.assertRaises(BufferError):
            b.split(Buffer())
        with self.assertRaises(BufferError):
            b.count(Index())
        self.assertEqual(b, b'x' * 1000)
        self.assertEqual(b.count(120), 1000)      # unpinned again afterwards
        b.clear()
        self.assertEqual(b, b'')

    def test_constructor(self):
        self.assertEqual(bytearray(3), b'\x00\x00\x00')
        self.assertEqual(bytearray('ab', 'ascii'), b'ab')
        self.assertEqual(bytearray([1, 2]), b'\x01\x02')
        self.assertRaises(TypeError, bytearray, 'ab')


if __name__ == "__main__":
    unittest.main()
