"""An extension with a function of every calling convention, a module-level exception,
module state and a GC-tracked heap type (src/ext_callconv.c)."""

import gc
import unittest

from . import ExtensionTestCase


class CallingConventionTests(ExtensionTestCase):
    EXTENSIONS = [('ext_callconv.c', None, ())]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        import ext_callconv
        cls.mod = ext_callconv

    def test_module_attributes(self):
        m = self.mod
        self.assertEqual(m.__name__, 'ext_callconv')
        self.assertEqual(m.__doc__, 'Calling conventions and a GC heap type.')
        self.assertTrue(m.__file__.endswith('ext_callconv' + __import__('sysconfig')
                                            .get_config_var('EXT_SUFFIX')))
        self.assertEqual(m.__spec__.name, 'ext_callconv')
        self.assertEqual(m.ANSWER, 42)
        self.assertEqual(m.GREETING, 'hello')
        self.assertEqual(m.noargs.__doc__, 'METH_NOARGS')
        self.assertEqual(m.noargs.__name__, 'noargs')

    def test_noargs(self):
        self.assertEqual(self.mod.noargs(), 'noargs')
        with self.assertRaises(TypeError):
            self.mod.noargs(1)

    def test_onearg(self):
        self.assertEqual(self.mod.onearg([1]), ('onearg', [1]))
        with self.assertRaises(TypeError):
            self.mod.onearg()
        with self.assertRaises(TypeError):
            self.mod.onearg(1, 2)

    def test_varargs(self):
        m = self.mod
        self.assertEqual(m.varargs(1), (1, 'default', 1.5))
        self.assertEqual(m.varargs(2, 'x', 3), (2, 'x', 3.0))
        with self.assertRaises(TypeError):
            m.varargs('no')
        with self.assertRaises(TypeError):
            m.varargs()
        with self.assertRaises(TypeError):
            m.varargs(1, 'a', 2.0, 4)
        with self.assertRaises(TypeError):
            m.varargs(1, x=2)

    def test_keywords(self):
        m = self.mod
        self.assertEqual(m.keywords(1), (1, 2, None))
        self.assertEqual(m.keywords(1, 5), (1, 5, None))
        self.assertEqual(m.keywords(b=7, a=3, c='z'), (3, 7, 'z'))
        with self.assertRaises(TypeError):
            m.keywords(1, 2, 3)        # c is keyword-only
        with self.assertRaises(TypeError):
            m.keywords(1, d=4)
        with self.assertRaises(TypeError):
            m.keywords(1, a=1)

    def test_fastcall(self):
        self.assertEqual(self.mod.fastcall(), 0)
        self.assertEqual(self.mod.fastcall(1, 2, 3, 4), 10)
        self.assertEqual(self.mod.fastcall(*range(100)), 4950)
        with self.assertRaises(TypeError):
            self.mod.fastcall('x')
        with self.assertRaises(TypeError):
            self.mod.fastcall(x=1)

    def test_fastcall_keywords(self):
        m = self.mod
        self.assertEqual(m.fastcall_keywords(), ((), {}))
        self.assertEqual(m.fastcall_keywords(1, 'a', x=2, y=[3]),
                         ((1, 'a'), {'x': 2, 'y': [3]}))
        self.assertEqual(m.fastcall_keywords(*[1, 2], **{'k': 3}), ((1, 2), {'k': 3}))

    def test_unpack_tuple(self):
        self.assertEqual(self.mod.unpack(1), (1, None))
        self.assertEqual(self.mod.unpack(1, 2), (1, 2))
        with self.assertRaises(TypeError):
            self.mod.unpack()
        with self.assertRaises(TypeError):
            self.mod.unpack(1, 2, 3)

    def test_module_exception(self):
        m = self.mod
        self.assertTrue(issubclass(m.Error, ValueError))
        self.assertEqual(m.Error.__module__, 'ext_callconv')
        self.assertEqual(m.Error.__name__, 'Error')
        with self.assertRaises(m.Error) as cm:
            m.raise_error('boom')
        self.assertEqual(cm.exception.args, ('boom',))

    def test_concrete_types(self):
        d = self.mod.concrete()
        self.assertEqual(d['list'], [1, 2, 3, True])
        self.assertEqual(d['tuple'], (3, 1, 2))
        self.assertEqual(d['set_size'], 3)
        self.assertEqual(d['text_len'], 5)
        self.assertEqual(d['text_utf8'], 'h\xe9llo'.encode('utf-8'))
        self.assertEqual(d['bytes'], b'ab\x00c')
        self.assertEqual(d['bytearray'], bytearray(b'ab\x00c'))
        self.assertEqual(d['big_plus_one'], 123456789012345678901234567891)
        self.assertAlmostEqual(d['float'], 1.2345678901234568)
        self.assertEqual(d['complex_imag'], -2.0)
        self.assertIs(d['bool'], True)
        self.assertEqual(d['seq_item'], 2)
        self.assertEqual(d['mapping_keys'][:3], ['list', 'tuple', 'set_size'])


class HeapTypeTests(ExtensionTestCase):
    EXTENSIONS = [('ext_callconv.c', None, ())]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        import ext_callconv
        cls.mod = ext_callconv

    def test_type_attributes(self):
        Counter = self.mod.Counter
        self.assertEqual(Counter.__name__, 'Counter')
        self.assertEqual(Counter.__qualname__, 'Counter')
        self.assertEqual(Counter.__module__, 'ext_callconv')
        self.assertEqual(Counter.__doc__, 'A counter that may hold any object (GC-tracked).')
        self.assertIsInstance(Counter, type)

    def test_methods_members_getset(self):
        c = self.mod.Counter(5, payload='p')
        self.assertEqual(repr(c), 'Counter(5)')
        self.assertEqual(c.incr(), 6)
        self.assertEqual(c.incr(10), 16)
        self.assertEqual(c.value, 16)
        c.value = 3
        self.assertEqual(c.value, 3)
        self.assertEqual(c.payload, 'p')
        c.payload = [1]
        self.assertEqual(c.payload, [1])
        with self.assertRaises(AttributeError):
            del c.payload
        with self.assertRaises(TypeError):
            c.incr('x')
        with self.assertRaises(TypeError):
            self.mod.Counter('x')
        self.assertEqual(c.module_name(), 'ext_callconv')   # PyType_GetModuleState

    def test_subclass(self):
        class Sub(self.mod.Counter):
            def double(self):
                return self.incr(self.value)
        s = Sub(4)
        self.assertEqual(s.double(), 8)
        self.assertIsInstance(s, self.mod.Counter)
        self.assertEqual(repr(s), 'Counter(8)')

    def test_gc_tracked(self):
        c = self.mod.Counter()
        self.assertTrue(gc.is_tracked(c))

    def test_cycle_collected(self):
        m = self.mod
        gc.collect()
        before = m.dealloc_count()
        a = m.Counter(1)
        b = m.Counter(2, payload=[a])
        a.payload = b
        del a, b
        gc.collect()
        self.assertEqual(m.dealloc_count(), before + 2)

    def test_refcount_dealloc(self):
        m = self.mod
        before = m.dealloc_count()
        c = m.Counter(1)
        del c
        self.assertEqual(m.dealloc_count(), before + 1)


if __name__ == '__main__':
    unittest.main()
