"""Tests for memoryview over bytes, bytearray and other views."""

import unittest


class MemoryviewTests(unittest.TestCase):
    def test_basics(self):
        m = memoryview(b'abc')
        self.assertEqual(len(m), 3)
        self.assertEqual(m[0], 97)
        self.assertEqual(m[-1], 99)
        self.assertEqual(m.tobytes(), b'abc')
        self.assertEqual(m.tolist(), [97, 98, 99])
        self.assertEqual(bytes(m), b'abc')
        self.assertEqual(m.hex(), '616263')
        self.assertTrue(m.readonly)
        self.assertEqual(m.format, 'B')
        self.assertEqual(m.itemsize, 1)
        self.assertEqual(m.nbytes, 3)
        self.assertEqual(m.ndim, 1)
        self.assertEqual(m.shape, (3,))
        self.assertEqual(m.strides, (1,))
        self.assertEqual(m.suboffsets, ())
        self.assertTrue(m.c_contiguous)
        self.assertTrue(m.contiguous)
        self.assertEqual(list(m), [97, 98, 99])

    def test_release_during_use_is_refused(self):
        # An __index__ that releases the view being indexed: the view is in use, so
        # release() raises BufferError and the operation finishes on valid memory.
        view = memoryview(bytearray(b'abcdef'))
        outcome = []

        class Index:
            def __index__(self):
                try:
                    view.release()
                except BufferError as exc:
                    outcome.append(exc)
                return 1

        self.assertEqual(view[Index()], ord('b'))
        self.assertEqual(len(outcome), 1)
        view.release()
        with self.assertRaises(ValueError):
            view[0]

    def test_obj(self):
        b = b'xyz'
        self.assertIs(memoryview(b).obj, b)

    def test_slicing(self):
        m = memoryview(b'abcdef')
        self.assertEqual(m[1:3].tobytes(), b'bc')
        self.assertEqual(m[::2].tobytes(), b'ace')
        self.assertEqual(m[::-1].tobytes(), b'fedcba')
        self.assertEqual(m[::2].strides, (2,))
        self.assertEqual(len(m[4:]), 2)
        self.assertEqual(m[1:][1:].tobytes(), b'cdef')

    def test_writable(self):
        b = bytearray(b'abc')
        m = memoryview(b)
        self.assertFalse(m.readonly)
        m[0] = 120
        self.assertEqual(b, b'xbc')
        m[1:3] = b'YZ'
        self.assertEqual(b, b'xYZ')
        with self.assertRaises(ValueError):
            m[0] = 256
        with self.assertRaises(ValueError):
            m[0:2] = b'abc'
        with self.assertRaises(TypeError):
            memoryview(b'abc')[0] = 1
        with self.assertRaises(TypeError):
            del m[0]

    def test_release(self):
        m = memoryview(b'abc')
        m.release()
        with self.assertRaises(ValueError) as cm:
            len(m)
        self.assertEqual(str(cm.exception), 'operation forbidden on released memoryview object')
        m.release()
        with memoryview(bytearray(b'ab')) as m2:
            self.assertEqual(m2[0], 97)
        self.assertRaises(ValueError, m2.tobytes)

    def test_compare(self):
        m = memoryview(b'abc')
        self.assertEqual(m, b'abc')
        self.assertEqual(m, bytearray(b'abc'))
        self.assertEqual(m, memoryview(b'abc'))
        self.assertNotEqual(m, b'abd')
        self.assertNotEqual(m, 'abc')
        self.assertEqual(m[::2], b'ac')

    def test_hash(self):
        self.assertEqual(hash(memoryview(b'abc')), hash(b'abc'))
        with self.assertRaises(ValueError):
            hash(memoryview(bytearray(b'abc')))

    def test_cast(self):
        b = bytearray(8)
        m = memoryview(b).cast('i')
        self.assertEqual(m.format, 'i')
        self.assertEqual(m.itemsize, 4)
        self.assertEqual(len(m), 2)
        m[1] = -2
        self.assertEqual(m.tolist(), [0, -2])
        self.assertEqual(m.cast('B').tolist()[4:], list((-2).to_bytes(4, 'little', signed=True)))
        self.assertEqual(memoryview(b'ab').cast('c').tolist(), [b'a', b'b'])
        with self.assertRaises(TypeError):
            memoryview(b'abc').cast('i')
        m2 = memoryview(bytes(6)).cast('B', shape=[2, 3])
        self.assertEqual(m2.shape, (2, 3))
        self.assertEqual(m2.ndim, 2)

    def test_toreadonly(self):
        m = memoryview(bytearray(b'ab')).toreadonly()
        self.assertTrue(m.readonly)
        self.assertRaises(TypeError, m.__setitem__, 0, 1)

    def test_errors(self):
        self.assertRaises(TypeError, memoryview, 'abc')
        self.assertRaises(TypeError, memoryview, 1)
        self.assertRaises(IndexError, memoryview(b'a').__getitem__, 1)


if __name__ == "__main__":
    unittest.main()
