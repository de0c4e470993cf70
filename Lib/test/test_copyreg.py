"""Tests of the copyreg module: the dispatch table (pickle/constructor), the reduce helpers
(_reconstructor, __newobj__, __newobj_ex__, _reduce_ex, _slotnames) and the extension
registry (CPython 3.13 behaviour)."""

import copy
import copyreg
import pickle
import unittest


class Plain:
    pass


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def reduce_point(p):
    return make_point, (p.x, p.y)


def make_point(x, y):
    p = Point(x, y)
    p.rebuilt = True
    return p


class MyInt(int):
    pass


class MyList(list):
    pass


class Slotted:
    __slots__ = ("a", "__b", "__dict__", "__weakref__")


class SlottedChild(Slotted):
    __slots__ = "c"


class _Private:
    __slots__ = ("__hidden",)


class __Underscores:
    __slots__ = ("__x",)


class DispatchTableTests(unittest.TestCase):

    def setUp(self):
        self.saved = dict(copyreg.dispatch_table)
        self.addCleanup(self.restore)

    def restore(self):
        copyreg.dispatch_table.clear()
        copyreg.dispatch_table.update(self.saved)

    def test_all(self):
        self.assertEqual(sorted(copyreg.__all__),
                         sorted(["pickle", "constructor", "add_extension",
                                 "remove_extension", "clear_extension_cache"]))

    def test_builtin_entries(self):
        self.assertIn(complex, copyreg.dispatch_table)
        func, args = copyreg.dispatch_table[complex](3 + 4j)
        self.assertEqual(func(*args), 3 + 4j)
        union = int | str
        self.assertIn(type(union), copyreg.dispatch_table)
        func, args = copyreg.dispatch_table[type(union)](union)
        self.assertEqual(func(*args), union)

    def test_pickle_registers(self):
        copyreg.pickle(Point, reduce_point)
        self.assertIs(copyreg.dispatch_table[Point], reduce_point)

    def test_pickle_not_callable(self):
        with self.assertRaises(TypeError) as cm:
            copyreg.pickle(Point, "not callable")
        self.assertEqual(str(cm.exception), "reduction functions must be callable")
        self.assertNotIn(Point, copyreg.dispatch_table)

    def test_pickle_with_constructor(self):
        copyreg.pickle(Point, reduce_point, make_point)
        self.assertIs(copyreg.dispatch_table[Point], reduce_point)

    def test_pickle_with_bad_constructor(self):
        with self.assertRaises(TypeError) as cm:
            copyreg.pickle(Point, reduce_point, 5)
        self.assertEqual(str(cm.exception), "constructors must be callable")

    def test_constructor(self):
        self.assertIsNone(copyreg.constructor(make_point))
        with self.assertRaises(TypeError) as cm:
            copyreg.constructor(None)
        self.assertEqual(str(cm.exception), "constructors must be callable")

    def test_used_by_copy(self):
        copyreg.pickle(Point, reduce_point)
        c = copy.copy(Point(1, 2))
        self.assertTrue(c.rebuilt)
        self.assertEqual((c.x, c.y), (1, 2))
        d = copy.deepcopy(Point([1], 2))
        self.assertTrue(d.rebuilt)

    def test_used_by_pickle(self):
        copyreg.pickle(Point, reduce_point)
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            with self.subTest(proto=proto):
                p = pickle.loads(pickle.dumps(Point(3, 4), proto))
                self.assertTrue(p.rebuilt)
                self.assertEqual((p.x, p.y), (3, 4))

    def test_complex_roundtrip(self):
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            with self.subTest(proto=proto):
                self.assertEqual(pickle.loads(pickle.dumps(1 - 2j, proto)), 1 - 2j)
        self.assertEqual(copy.deepcopy(2j), 2j)


class ReduceHelperTests(unittest.TestCase):

    def test_reconstructor_object_base(self):
        obj = copyreg._reconstructor(Plain, object, None)
        self.assertIs(type(obj), Plain)

    def test_reconstructor_builtin_base(self):
        obj = copyreg._reconstructor(MyInt, int, 7)
        self.assertIs(type(obj), MyInt)
        self.assertEqual(obj, 7)
        lst = copyreg._reconstructor(MyList, list, [1, 2])
        self.assertIs(type(lst), MyList)
        self.assertEqual(lst, [1, 2])

    def test_newobj(self):
        obj = copyreg.__newobj__(MyInt, 9)
        self.assertIs(type(obj), MyInt)
        self.assertEqual(obj, 9)
        p = copyreg.__newobj__(Point)
        self.assertIs(type(p), Point)
        self.assertFalse(hasattr(p, "x"))       # __init__ not called
        self.assertEqual(copyreg.__newobj__.__name__, "__newobj__")

    def test_newobj_ex(self):
        class KW:
            def __new__(cls, *args, **kw):
                self = super().__new__(cls)
                self.got = (args, kw)
                return self
        obj = copyreg.__newobj_ex__(KW, (1, 2), {"k": 3})
        self.assertEqual(obj.got, ((1, 2), {"k": 3}))
        self.assertEqual(copyreg.__newobj_ex__(MyInt, ("12",), {"base": 8}), 10)

    def test_reduce_ex_protocol_0_1(self):
        c = Plain()
        c.a = 1
        for proto in (0, 1):
            with self.subTest(proto=proto):
                func, args, state = c.__reduce_ex__(proto)
                self.assertIs(func, copyreg._reconstructor)
                self.assertEqual(args, (Plain, object, None))
                self.assertEqual(state, {"a": 1})

    def test_reduce_ex_protocol_0_empty_dict(self):
        reduced = Plain().__reduce_ex__(0)
        self.assertEqual(reduced, (copyreg._reconstructor, (Plain, object, None)))

    def test_reduce_ex_builtin_base(self):
        i = MyInt(5)
        i.z = 3
        func, args, state = i.__reduce_ex__(1)
        self.assertIs(func, copyreg._reconstructor)
        self.assertEqual(args, (MyInt, int, 5))
        self.assertEqual(state, {"z": 3})
        rebuilt = func(*args)
        self.assertEqual(rebuilt, 5)
        self.assertIs(type(rebuilt), MyInt)

    def test_reduce_ex_direct(self):
        c = Plain()
        c.q = 2
        self.assertEqual(copyreg._reduce_ex(c, 1), c.__reduce_ex__(1))

    def test_reduce_ex_protocol_2(self):
        c = Plain()
        c.a = 1
        reduced = c.__reduce_ex__(2)
        self.assertIs(reduced[0], copyreg.__newobj__)
        self.assertEqual(reduced[1], (Plain,))
        self.assertEqual(reduced[2], {"a": 1})
        self.assertIsNone(reduced[3])
        self.assertIsNone(reduced[4])

    def test_reduce_ex_slots_without_getstate(self):
        class S:
            __slots__ = ("x",)
        with self.assertRaises(TypeError):
            S().__reduce_ex__(1)

    def test_reduce_ex_uncopyable(self):
        with self.assertRaises(TypeError):
            (lambda: 1).__reduce_ex__(1)

    def test_pickle_protocol_0_roundtrip(self):
        i = MyInt(11)
        i.tag = "t"
        for proto in (0, 1):
            with self.subTest(proto=proto):
                j = pickle.loads(pickle.dumps(i, proto))
                self.assertIs(type(j), MyInt)
                self.assertEqual(j, 11)
                self.assertEqual(j.tag, "t")


class SlotnamesTests(unittest.TestCase):

    def test_no_slots(self):
        self.assertEqual(copyreg._slotnames(Plain), [])

    def test_mangling_and_special_names(self):
        self.assertEqual(copyreg._slotnames(Slotted), ["a", "_Slotted__b"])

    def test_inherited(self):
        self.assertEqual(sorted(copyreg._slotnames(SlottedChild)),
                         sorted(["c", "a", "_Slotted__b"]))

    def test_leading_underscore_class(self):
        self.assertEqual(copyreg._slotnames(_Private), ["_Private__hidden"])
        self.assertEqual(copyreg._slotnames(globals()["__Underscores"]), ["_Underscores__x"])

    def test_string_slots(self):
        class One:
            __slots__ = "only"
        self.assertEqual(copyreg._slotnames(One), ["only"])

    def test_cached(self):
        class Cached:
            __slots__ = ("p", "q")
        names = copyreg._slotnames(Cached)
        self.assertEqual(names, ["p", "q"])
        self.assertEqual(Cached.__slotnames__, ["p", "q"])
        self.assertIs(copyreg._slotnames(Cached), Cached.__dict__["__slotnames__"])

    def test_precomputed_slotnames_used(self):
        class Pre:
            __slots__ = ("p",)
            __slotnames__ = ["custom"]
        self.assertEqual(copyreg._slotnames(Pre), ["custom"])


class ExtensionRegistryTests(unittest.TestCase):

    MODULE = "test.test_copyreg.fake"

    def setUp(self):
        self.saved = (dict(copyreg._extension_registry), dict(copyreg._inverted_registry),
                      dict(copyreg._extension_cache))
        self.addCleanup(self.restore)

    def restore(self):
        for table, saved in zip((copyreg._extension_registry, copyreg._inverted_registry,
                                 copyreg._extension_cache), self.saved):
            table.clear()
            table.update(saved)

    def free_code(self):
        code = 0x7ffffff0
        while code in copyreg._inverted_registry:
            code -= 1
        return code

    def test_add_and_remove(self):
        code = self.free_code()
        copyreg.add_extension(self.MODULE, "name", code)
        self.assertEqual(copyreg._extension_registry[(self.MODULE, "name")], code)
        self.assertEqual(copyreg._inverted_registry[code], (self.MODULE, "name"))
        copyreg.remove_extension(self.MODULE, "name", code)
        self.assertNotIn((self.MODULE, "name"), copyreg._extension_registry)
        self.assertNotIn(code, copyreg._inverted_registry)

    def test_add_twice_same_is_noop(self):
        code = self.free_code()
        copyreg.add_extension(self.MODULE, "name", code)
        copyreg.add_extension(self.MODULE, "name", code)
        self.assertEqual(copyreg._extension_registry[(self.MODULE, "name")], code)

    def test_conflicts(self):
        code = self.free_code()
        copyreg.add_extension(self.MODULE, "name", code)
        with self.assertRaises(ValueError) as cm:
            copyreg.add_extension(self.MODULE, "name", code - 1)
        self.assertIn("already registered", str(cm.exception))
        with self.assertRaises(ValueError) as cm:
            copyreg.add_extension(self.MODULE, "other", code)
        self.assertIn("already in use", str(cm.exception))

    def test_code_range(self):
        for bad in (0, -1, 0x80000000, 2 ** 40):
            with self.subTest(code=bad):
                with self.assertRaises(ValueError) as cm:
                    copyreg.add_extension(self.MODULE, "name", bad)
                self.assertEqual(str(cm.exception), "code out of range")

    def test_code_converted_with_int(self):
        code = self.free_code()
        copyreg.add_extension(self.MODULE, "name", str(code))
        self.assertEqual(copyreg._extension_registry[(self.MODULE, "name")], code)
        with self.assertRaises(ValueError):
            copyreg.add_extension(self.MODULE, "other", "abc")

    def test_remove_unregistered(self):
        code = self.free_code()
        with self.assertRaises(ValueError) as cm:
            copyreg.remove_extension(self.MODULE, "missing", code)
        self.assertEqual(str(cm.exception),
                         f"key {(self.MODULE, 'missing')} is not registered with code {code}")

    def test_remove_wrong_code(self):
        code = self.free_code()
        copyreg.add_extension(self.MODULE, "name", code)
        with self.assertRaises(ValueError):
            copyreg.remove_extension(self.MODULE, "name", code - 1)
        self.assertIn((self.MODULE, "name"), copyreg._extension_registry)

    def test_remove_clears_cache(self):
        code = self.free_code()
        copyreg.add_extension(self.MODULE, "name", code)
        copyreg._extension_cache[code] = "cached object"
        copyreg.remove_extension(self.MODULE, "name", code)
        self.assertNotIn(code, copyreg._extension_cache)

    def test_clear_extension_cache(self):
        copyreg._extension_cache[12345] = "x"
        copyreg.clear_extension_cache()
        self.assertEqual(copyreg._extension_cache, {})

    def test_pickle_uses_extension(self):
        code = self.free_code()
        copyreg.add_extension(__name__, "make_point", code)
        data = pickle.dumps(make_point, 2)
        self.assertNotIn(b"make_point", data)
        self.assertIs(pickle.loads(data), make_point)
        self.assertIn(b"make_point", pickle.dumps(make_point, 1))


if __name__ == "__main__":
    unittest.main()
