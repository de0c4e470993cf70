"""Tests for weak references (Objects/weakrefobject.c, Modules/_weakref.c, Lib/weakref.py)."""
import gc
import sys
import unittest
import weakref


class Obj:
    def __init__(self, v=0):
        self.v = v

    def method(self):
        return self.v


class RefTests(unittest.TestCase):

    def test_basic_ref(self):
        o = Obj()
        r = weakref.ref(o)
        self.assertIs(r(), o)
        self.assertIs(type(r), weakref.ReferenceType)
        self.assertEqual(type(r).__name__, "ReferenceType")
        del o
        gc.collect()
        self.assertIsNone(r())

    def test_shared_basic_ref(self):
        o = Obj()
        self.assertIs(weakref.ref(o), weakref.ref(o))
        self.assertIsNot(weakref.ref(o, lambda r: None), weakref.ref(o))

    def test_callback(self):
        calls = []
        o = Obj()
        r = weakref.ref(o, calls.append)
        self.assertIsNotNone(r.__callback__)
        del o
        gc.collect()
        self.assertEqual(calls, [r])
        self.assertIsNone(r.__callback__)

    def test_callback_exception_is_unraisable(self):
        seen = []
        old_hook = sys.unraisablehook
        sys.unraisablehook = seen.append
        try:
            o = Obj()

            def cb(ref):
                raise ValueError("in callback")
            r = weakref.ref(o, cb)
            del o
            gc.collect()
        finally:
            sys.unraisablehook = old_hook
        self.assertEqual(len(seen), 1)
        self.assertIsInstance(seen[0].exc_value, ValueError)
        del r

    def test_not_weakrefable(self):
        with self.assertRaises(TypeError) as cm:
            weakref.ref(1)
        self.assertEqual(str(cm.exception), "cannot create weak reference to 'int' object")
        with self.assertRaises(TypeError):
            weakref.ref([])

    def test_hash_and_equality(self):
        o = Obj()
        r1 = weakref.ref(o)
        r2 = weakref.ref(o, lambda r: None)
        self.assertEqual(r1, r2)
        self.assertEqual(hash(r1), hash(o))
        p = Obj()
        self.assertNotEqual(weakref.ref(p), r1)
        h = hash(r2)
        del o
        gc.collect()
        self.assertEqual(hash(r2), h)  # cached while alive
        q = Obj()
        rq = weakref.ref(q)
        del q
        gc.collect()
        with self.assertRaises(TypeError) as cm:
            hash(rq)
        self.assertEqual(str(cm.exception), "weak object has gone away")
        self.assertNotEqual(r1, r2)  # both dead: identity

    def test_repr(self):
        o = Obj()
        r = weakref.ref(o)
        self.assertTrue(repr(r).startswith("<weakref at 0x"))
        self.assertIn("to 'Obj' at", repr(r))
        del o
        gc.collect()
        self.assertTrue(repr(r).endswith("; dead>"))

    def test_counts(self):
        o = Obj()
        self.assertEqual(weakref.getweakrefcount(o), 0)
        r1 = weakref.ref(o)
        r2 = weakref.ref(o, lambda r: None)
        p = weakref.proxy(o)
        self.assertEqual(weakref.getweakrefcount(o), 3)
        refs = weakref.getweakrefs(o)
        self.assertEqual(len(refs), 3)
        self.assertIs(refs[0], r1)
        self.assertEqual(weakref.getweakrefcount(1), 0)
        del r1, r2, p

    def test_subclass(self):
        class MyRef(weakref.ref):
            pass
        o = Obj()
        r = MyRef(o)
        self.assertIs(r(), o)
        self.assertIsNot(r, weakref.ref(o))


class ProxyTests(unittest.TestCase):

    def test_proxy(self):
        o = Obj(5)
        p = weakref.proxy(o)
        self.assertIs(type(p), weakref.ProxyType)
        self.assertEqual(p.v, 5)
        p.v = 6
        self.assertEqual(o.v, 6)
        self.assertEqual(p.method(), 6)
        with self.assertRaises(TypeError) as cm:
            hash(p)
        self.assertEqual(str(cm.exception), "unhashable type: 'weakref.ProxyType'")
        del o
        gc.collect()
        with self.assertRaises(ReferenceError) as cm:
            p.v
        self.assertEqual(str(cm.exception), "weakly-referenced object no longer exists")

    def test_callable_proxy(self):
        def f(x):
            return x + 1
        p = weakref.proxy(f)
        self.assertIs(type(p), weakref.CallableProxyType)
        self.assertEqual(p(1), 2)

    def test_proxy_operators(self):
        class Num:
            def __init__(self, v):
                self.v = v

            def __add__(self, other):
                return self.v + other

            def __len__(self):
                return 3

            def __getitem__(self, i):
                return i * 2

            def __contains__(self, x):
                return x == 1
        n = Num(10)
        p = weakref.proxy(n)
        self.assertEqual(p + 1, 11)
        self.assertEqual(len(p), 3)
        self.assertEqual(p[2], 4)
        self.assertIn(1, p)
        self.assertEqual(str(p), str(n))


class WeakContainerTests(unittest.TestCase):

    def test_weak_value_dictionary(self):
        d = weakref.WeakValueDictionary()
        a, b = Obj(1), Obj(2)
        d["a"] = a
        d["b"] = b
        self.assertEqual(len(d), 2)
        self.assertIs(d["a"], a)
        del a
        gc.collect()
        self.assertNotIn("a", d)
        self.assertEqual(list(d.keys()), ["b"])
        self.assertIs(d.get("b"), b)
        self.assertIsNone(d.get("a"))
        with self.assertRaises(KeyError):
            d["a"]

    def test_weak_key_dictionary(self):
        d = weakref.WeakKeyDictionary()
        a, b = Obj(1), Obj(2)
        d[a] = "x"
        d[b] = "y"
        self.assertEqual(d[a], "x")
        self.assertIn(b, d)
        del a
        gc.collect()
        self.assertEqual(len(d), 1)
        self.assertEqual(list(d.items()), [(b, "y")])

    def test_weak_set(self):
        s = weakref.WeakSet()
        a, b = Obj(), Obj()
        s.add(a)
        s.add(b)
        self.assertEqual(len(s), 2)
        self.assertIn(a, s)
        del a
        gc.collect()
        self.assertEqual(len(s), 1)
        self.assertEqual(list(s), [b])

    def test_weak_method(self):
        o = Obj(3)
        wm = weakref.WeakMethod(o.method)
        self.assertEqual(wm()(), 3)
        del o
        gc.collect()
        self.assertIsNone(wm())
        with self.assertRaises(TypeError):
            weakref.WeakMethod(len)

    def test_finalize(self):
        calls = []
        o = Obj()
        f = weakref.finalize(o, calls.append, "done")
        self.assertTrue(f.alive)
        del o
        gc.collect()
        self.assertEqual(calls, ["done"])
        self.assertFalse(f.alive)
        o2 = Obj()
        f2 = weakref.finalize(o2, calls.append, "manual")
        self.assertEqual(f2(), None)
        self.assertEqual(calls, ["done", "manual"])
        self.assertIsNone(f2())
        g = weakref.finalize(o2, calls.append, "x")
        self.assertEqual(g.detach()[1:], (calls.append, ("x",), {}))
        self.assertFalse(g.alive)


if __name__ == "__main__":
    unittest.main()
