"""Tests for the array module (expectations checked against CPython 3.13)."""
import array
import pickle
import sys
import unittest
import warnings

SIZES = {'b': 1, 'B': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'q': 8, 'Q': 8,
         'f': 4, 'd': 8, 'w': 4}
INT_CODES = 'bBhHiIlLqQ'


def uarray(*args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return array.array('u', *args)


class SubArray(array.array):
    pass


class ModuleTests(unittest.TestCase):
    def test_module_attrs(self):
        self.assertEqual(array.typecodes, 'bBuwhHiIlLqQfd')
        self.assertIs(array.ArrayType, array.array)
        self.assertEqual(array.array.__module__, 'array')
        self.assertEqual(repr(array.array), "<class 'array.array'>")

    def test_itemsizes(self):
        for tc, size in SIZES.items():
            a = array.array(tc)
            self.assertEqual(a.itemsize, size, tc)
            self.assertEqual(a.typecode, tc)
        self.assertEqual(array.array('l').itemsize, array.array('L').itemsize)

    def test_bad_typecode(self):
        with self.assertRaises(ValueError) as cm:
            array.array('z')
        self.assertEqual(str(cm.exception),
                         "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self.assertRaises(TypeError, array.array, 1)
        self.assertRaises(TypeError, array.array)

    def test_class_getitem(self):
        alias = array.array[int]
        self.assertIs(alias.__origin__, array.array)


class ConstructionTests(unittest.TestCase):
    def test_from_list_and_iterables(self):
        self.assertEqual(array.array('i', [1, 2, 3]).tolist(), [1, 2, 3])
        self.assertEqual(array.array('i', (x for x in range(4))).tolist(), [0, 1, 2, 3])
        self.assertEqual(array.array('d', range(3)).tolist(), [0.0, 1.0, 2.0])
        self.assertEqual(array.array('b', b'\x01\x02').tolist(), [1, 2])
        self.assertEqual(array.array('B', bytearray(b'\xff')).tolist(), [255])
        a = array.array('i', [1, 2])
        self.assertEqual(array.array('i', a), a)
        self.assertEqual(array.array('d', a).tolist(), [1.0, 2.0])

    def test_str_initializer(self):
        self.assertEqual(array.array('w', 'abc').tounicode(), 'abc')
        self.assertEqual(uarray('xy').tounicode(), 'xy')
        with self.assertRaises(TypeError) as cm:
            array.array('i', 'abc')
        self.assertEqual(str(cm.exception),
                         "cannot use a str to initialize an array with typecode 'i'")

    def test_u_deprecated(self):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            array.array('u')
        self.assertEqual(len(w), 1)
        self.assertIs(w[0].category, DeprecationWarning)

    def test_bytes_length(self):
        with self.assertRaises(ValueError) as cm:
            array.array('i', b'\x01')
        self.assertEqual(str(cm.exception), "bytes length not a multiple of item size")


class OverflowTests(unittest.TestCase):
    def check(self, tc, value, msg, exc=OverflowError):
        with self.assertRaises(exc) as cm:
            array.array(tc, [value])
        self.assertEqual(str(cm.exception), msg)

    def test_messages(self):
        self.check('b', 128, "signed char is greater than maximum")
        self.check('b', -129, "signed char is less than minimum")
        self.check('B', -1, "unsigned byte integer is less than minimum")
        self.check('B', 256, "unsigned byte integer is greater than maximum")
        self.check('h', 1 << 15, "signed short integer is greater than maximum")
        self.check('H', -1, "unsigned short is less than minimum")
        self.check('H', 1 << 16, "unsigned short is greater than maximum")
        self.check('i', 1 << 31, "signed integer is greater than maximum")
        self.check('i', -(1 << 31) - 1, "signed integer is less than minimum")
        self.check('I', -1, "can't convert negative value to unsigned int")
        self.check('I', 1 << 32, "unsigned int is greater than maximum")
        self.check('b', 1 << 70, "Python int too large to convert to C long")
        self.check('q', 1 << 64, "int too big to convert")
        self.check('Q', -1, "can't convert negative int to unsigned")
        self.check('Q', 1 << 64, "int too big to convert")
        # 'b' goes through a C short and 'H' through a C int first
        self.check('b', 1 << 20, "signed short integer is greater than maximum")
        self.check('H', -(1 << 40), "signed integer is less than minimum")

    def test_limits_ok(self):
        self.assertEqual(array.array('b', [-128, 127]).tolist(), [-128, 127])
        self.assertEqual(array.array('Q', [(1 << 64) - 1]).tolist(), [(1 << 64) - 1])
        self.assertEqual(array.array('q', [-(1 << 63)]).tolist(), [-(1 << 63)])

    def test_type_errors(self):
        for tc in INT_CODES:
            self.assertRaises(TypeError, array.array, tc, [1.5])
            self.assertRaises(TypeError, array.array, tc, ['x'])
        self.check('d', 'x', "must be real number, not str", TypeError)
        self.check('w', 'ab', "array item must be unicode character", TypeError)
        self.check('w', 1, "array item must be unicode character", TypeError)


class SequenceTests(unittest.TestCase):
    def test_index_and_slices(self):
        a = array.array('i', range(10))
        self.assertEqual(a[0], 0)
        self.assertEqual(a[-1], 9)
        self.assertEqual(a[2:5], array.array('i', [2, 3, 4]))
        self.assertEqual(a[::3], array.array('i', [0, 3, 6, 9]))
        self.assertEqual(a[::-4], array.array('i', [9, 5, 1]))
        self.assertRaises(IndexError, a.__getitem__, 10)
        with self.assertRaises(TypeError) as cm:
            a['x']
        self.assertEqual(str(cm.exception), "array indices must be integers")

    def test_slice_assignment(self):
        a = array.array('i', range(6))
        a[1:3] = array.array('i', [7, 8, 9])
        self.assertEqual(a.tolist(), [0, 7, 8, 9, 3, 4, 5])
        a[::2] = array.array('i', [1, 1, 1, 1])
        self.assertEqual(a.tolist(), [1, 7, 1, 9, 1, 4, 1])
        del a[::2]
        self.assertEqual(a.tolist(), [7, 9, 4])
        del a[0]
        self.assertEqual(a.tolist(), [9, 4])
        a[:] = a
        self.assertEqual(a.tolist(), [9, 4])
        a[1:1] = a
        self.assertEqual(a.tolist(), [9, 9, 4, 4])
        with self.assertRaises(TypeError) as cm:
            a[0:2] = [1]
        self.assertEqual(str(cm.exception),
                         'can only assign array (not "list") to array slice')
        with self.assertRaises(ValueError) as cm:
            a[::2] = array.array('i', [1])
        self.assertEqual(str(cm.exception),
                         "attempt to assign array of size 1 to extended slice of size 2")
        with self.assertRaises(IndexError):
            a[10] = 1
        with self.assertRaises(IndexError):
            a[10] = 'not even an int'
        b = array.array('i', range(5))
        b[::2] = array.array('i')
        self.assertEqual(b.tolist(), [1, 3])
        a[-1] = 5
        self.assertEqual(a[3], 5)

    def test_concat_repeat(self):
        a = array.array('i', [1, 2])
        self.assertEqual(a + a, array.array('i', [1, 2, 1, 2]))
        self.assertEqual(a * 2, array.array('i', [1, 2, 1, 2]))
        self.assertEqual(2 * a, array.array('i', [1, 2, 1, 2]))
        self.assertEqual(a * -1, array.array('i'))
        self.assertRaises(TypeError, lambda: a + array.array('b'))
        with self.assertRaises(TypeError) as cm:
            a + [1]
        self.assertEqual(str(cm.exception), 'can only append array (not "list") to array')
        b = a
        b += array.array('i', [3])
        self.assertIs(b, a)
        b *= 2
        self.assertEqual(a.tolist(), [1, 2, 3, 1, 2, 3])

    def test_compare_contains(self):
        a = array.array('i', [1, 2, 3])
        self.assertTrue(a == array.array('d', [1.0, 2.0, 3.0]))
        self.assertTrue(a < array.array('i', [1, 2, 4]))
        self.assertTrue(a > array.array('i', [1, 2]))
        self.assertTrue(a != array.array('i', [1]))
        self.assertFalse(a == [1, 2, 3])
        self.assertRaises(TypeError, lambda: a < 3)
        self.assertIn(2, a)
        self.assertNotIn(5, a)
        self.assertEqual(len(a), 3)

    def test_iteration(self):
        a = array.array('h', [4, 5, 6])
        it = iter(a)
        self.assertIs(iter(it), it)
        self.assertEqual(list(it), [4, 5, 6])
        self.assertEqual(list(it), [])
        self.assertEqual(type(it).__name__, 'arrayiterator')


class MethodTests(unittest.TestCase):
    def test_append_insert_pop(self):
        a = array.array('i')
        a.append(1)
        a.insert(0, 0)
        a.insert(100, 3)
        a.insert(-1, 2)
        self.assertEqual(a.tolist(), [0, 1, 2, 3])
        self.assertEqual(a.pop(), 3)
        self.assertEqual(a.pop(0), 0)
        with self.assertRaises(IndexError) as cm:
            a.pop(7)
        self.assertEqual(str(cm.exception), "pop index out of range")
        with self.assertRaises(IndexError) as cm:
            array.array('i').pop()
        self.assertEqual(str(cm.exception), "pop from empty array")

    def test_index_hook_mutates_array(self):
        a = array.array('i', [1, 2, 3])

        class Evil:
            def __index__(self):
                a.extend(range(1000))
                return 7

        # Where the converted item lands relative to the hook's items is an
        # implementation detail; it must simply not crash or lose items.
        a.append(Evil())
        self.assertEqual(len(a), 1004)
        self.assertEqual(a.count(7), 2)
        a.insert(0, Evil())
        self.assertEqual(len(a), 2005)
        a[1] = Evil()
        self.assertEqual(len(a), 3005)

    def test_count_index_remove(self):
        a = array.array('i', [1, 2, 1, 3, 1])
        self.assertEqual(a.count(1), 3)
        self.assertEqual(a.index(1), 0)
        self.assertEqual(a.index(1, 1), 2)
        self.assertEqual(a.index(1, -1), 4)
        self.assertRaises(ValueError, a.index, 3, 0, 3)
        a.remove(1)
        self.assertEqual(a.tolist(), [2, 1, 3, 1])
        with self.assertRaises(ValueError) as cm:
            a.remove(9)
        self.assertEqual(str(cm.exception), "array.remove(x): x not in array")
        with self.assertRaises(ValueError) as cm:
            a.index(9)
        self.assertEqual(str(cm.exception), "array.index(x): x not in array")

    def test_extend_fromlist(self):
        a = array.array('i', [1])
        a.extend([2, 3])
        a.extend(array.array('i', [4]))
        a.extend(iter([5]))
        self.assertEqual(a.tolist(), [1, 2, 3, 4, 5])
        with self.assertRaises(TypeError) as cm:
            a.extend(array.array('b'))
        self.assertEqual(str(cm.exception), "can only extend with array of same kind")
        a.fromlist([6])
        self.assertEqual(a[-1], 6)
        self.assertRaises(TypeError, a.fromlist, (1,))
        self.assertRaises(TypeError, a.fromlist, [1, 'x'])
        self.assertEqual(len(a), 6)

    def test_bytes(self):
        a = array.array('H', [1, 2])
        b = a.tobytes()
        self.assertEqual(len(b), 4)
        c = array.array('H')
        c.frombytes(b)
        self.assertEqual(c, a)
        c.byteswap()
        self.assertEqual(c.tolist(), [256, 512])
        self.assertRaises(ValueError, c.frombytes, b'123')
        c.frombytes(memoryview(b'\x00\x00'))
        self.assertEqual(len(c), 3)

    def test_unicode(self):
        a = array.array('w', 'ab')
        a.fromunicode('c\U0001f600')
        self.assertEqual(a.tounicode(), 'abc\U0001f600')
        self.assertEqual(a[3], '\U0001f600')
        self.assertRaises(TypeError, a.fromunicode, 1)
        b = array.array('i')
        self.assertRaises(ValueError, b.fromunicode, 'x')
        self.assertRaises(ValueError, b.tounicode)

    def test_reverse_clear_buffer_info(self):
        a = array.array('d', [1.0, 2.0, 3.0])
        a.reverse()
        self.assertEqual(a.tolist(), [3.0, 2.0, 1.0])
        addr, n = a.buffer_info()
        self.assertIsInstance(addr, int)
        self.assertEqual(n, 3)
        a.clear()
        self.assertEqual(len(a), 0)

    def test_file_roundtrip(self):
        import os
        import tempfile
        fd, path = tempfile.mkstemp()
        os.close(fd)
        try:
            a = array.array('i', range(5))
            with open(path, 'wb') as f:
                a.tofile(f)
            b = array.array('i')
            with open(path, 'rb') as f:
                b.fromfile(f, 5)
            self.assertEqual(a, b)
            c = array.array('i')
            with open(path, 'rb') as f:
                self.assertRaises(EOFError, c.fromfile, f, 10)
            self.assertEqual(c, a)
            self.assertRaises(ValueError, c.fromfile, None, -1)
        finally:
            os.unlink(path)

    def test_repr(self):
        self.assertEqual(repr(array.array('i', [1, 2, 3])), "array('i', [1, 2, 3])")
        self.assertEqual(repr(array.array('i')), "array('i')")
        self.assertEqual(repr(array.array('w', 'ab')), "array('w', 'ab')")
        self.assertEqual(repr(array.array('d', [1.5])), "array('d', [1.5])")

    def test_copy_pickle(self):
        import copy
        a = array.array('i', [1, 2])
        self.assertEqual(copy.copy(a), a)
        self.assertIsNot(copy.copy(a), a)
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            b = pickle.loads(pickle.dumps(a, proto))
            self.assertEqual(b, a)
            self.assertEqual(b.typecode, 'i')

    def test_simple_reduce(self):
        # protocols 0-2 use the simple (type, (typecode, list), state) form
        a = array.array('i', [1, 2, 3])
        self.assertEqual(a.__reduce_ex__(2), (array.array, ('i', [1, 2, 3]), None))

    def test_reconstructor_reduce(self):
        # protocol 3+ uses array._array_reconstructor with a machine format code
        a = array.array('i', [1, 2])
        func, args, state = a.__reduce_ex__(3)
        self.assertIs(func, array._array_reconstructor)
        self.assertEqual(args[:2], (array.array, 'i'))
        self.assertEqual(args[3], a.tobytes())
        self.assertIsNone(state)
        self.assertEqual(func(*args), a)

    def test_cpython_pickle(self):
        # produced by CPython 3.13: pickle.dumps(array.array('h', [1, 2, -1]), 4)
        blob = (b'\x80\x04\x95H\x00\x00\x00\x00\x00\x00\x00\x8c\x05array\x94'
                b'\x8c\x14_array_reconstructor\x94\x93\x94(\x8c\x05array\x94'
                b'\x8c\x05array\x94\x93\x94\x8c\x01h\x94K\x04C\x06\x01\x00\x02\x00'
                b'\xff\xff\x94t\x94R\x94.')
        self.assertEqual(pickle.loads(blob), array.array('h', [1, 2, -1]))
        self.assertEqual(pickle.dumps(array.array('h', [1, 2, -1]), 4), blob)

    def test_reconstructor_foreign_formats(self):
        ar = array._array_reconstructor
        self.assertEqual(ar(array.array, 'q', 13, b'\xff' * 8), array.array('q', [-1]))
        self.assertEqual(ar(array.array, 'd', 17, b'?\xf0' + bytes(6)),
                         array.array('d', [1.0]))
        self.assertEqual(ar(array.array, 'h', 3, b'\x01\x00'), array.array('H', [256]))
        self.assertEqual(ar(array.array, 'w', 18, b'a\x00b\x00'), array.array('w', 'ab'))
        with self.assertRaises(ValueError) as cm:
            ar(array.array, 'i', 99, b'')
        self.assertEqual(str(cm.exception),
                         "third argument must be a valid machine format code.")
        with self.assertRaises(TypeError) as cm:
            ar(int, 'i', 8, b'')
        self.assertEqual(str(cm.exception), "int is not a subtype of array.array")
        self.assertRaises(ValueError, ar, array.array, 'z', 8, b'')
        self.assertRaises(TypeError, ar, array.array, 'i', 8, 'x')

    def test_subclass_pickle(self):
        a = SubArray('i', [1, 2])
        a.tag = 'x'
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            b = pickle.loads(pickle.dumps(a, proto))
            self.assertIs(type(b), SubArray)
            self.assertEqual(b.tag, 'x')
            self.assertEqual(b.tolist(), [1, 2])

    def test_subclass(self):
        class A(array.array):
            pass
        a = A('i', [1])
        a.x = 5
        self.assertEqual(repr(a), "A('i', [1])")
        self.assertIs(type(a + a), array.array)


class BufferTests(unittest.TestCase):
    def test_memoryview(self):
        a = array.array('i', [1, 2, 3])
        m = memoryview(a)
        self.assertEqual(m.format, 'i')
        self.assertEqual(m.itemsize, 4)
        self.assertEqual(m.tolist(), [1, 2, 3])
        m[0] = 9
        self.assertEqual(a[0], 9)
        with self.assertRaises(BufferError) as cm:
            a.append(1)
        self.assertEqual(str(cm.exception),
                         "cannot resize an array that is exporting buffers")
        self.assertRaises(BufferError, a.pop)
        a[1] = 7
        m.release()
        a.append(1)
        self.assertEqual(a.tolist(), [9, 7, 3, 1])

    def test_formats(self):
        for tc in array.typecodes:
            if tc == 'u':
                a = uarray()
                self.assertEqual(memoryview(a).format, 'w')
                continue
            self.assertEqual(memoryview(array.array(tc)).format, tc)

    def test_bytes_of_array(self):
        a = array.array('B', [1, 2, 3])
        self.assertEqual(bytes(a), b'\x01\x02\x03')


class ThreadTests(unittest.TestCase):
    def test_concurrent_append_pop(self):
        import threading
        a = array.array('i')

        def writer():
            for i in range(2000):
                a.append(i)
                if i % 2 == 0:
                    a.pop()

        def reader():
            for _ in range(20):
                for _x in a:
                    pass
                a.count(3)
                a.tolist()

        threads = [threading.Thread(target=writer) for _ in range(3)]
        threads.append(threading.Thread(target=reader))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(a), 3000)


if __name__ == "__main__":
    unittest.main()
