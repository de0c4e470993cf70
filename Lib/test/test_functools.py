"""Tests of the functools module: reduce, partial, partialmethod, lru_cache, cache, wraps,
update_wrapper, total_ordering, cmp_to_key, cached_property, singledispatch and
singledispatchmethod (behaviour as documented for CPython 3.13)."""

import abc
import collections.abc
import copy
import functools
import pickle
import sys
import unittest


def _capture(*args, **kw):
    return args, kw


class _Sub(functools.partial):
    pass



# ---------------------------------------------------------------------------------------------
class ReduceTests(unittest.TestCase):

    def test_sum(self):
        self.assertEqual(functools.reduce(lambda a, b: a + b, [1, 2, 3, 4]), 10)

    def test_left_fold_order(self):
        self.assertEqual(functools.reduce(lambda a, b: f"({a}{b})", "abcd"), "(((ab)c)d)")

    def test_initial(self):
        self.assertEqual(functools.reduce(lambda a, b: a + [b], [1, 2], []), [1, 2])
        self.assertEqual(functools.reduce(lambda a, b: a * b, [2, 3], 10), 60)

    def test_initial_with_empty(self):
        self.assertEqual(functools.reduce(lambda a, b: a + b, [], 42), 42)
        sentinel = object()
        self.assertIs(functools.reduce(lambda a, b: 1 / 0, (), sentinel), sentinel)

    def test_initial_none_is_a_value(self):
        self.assertIsNone(functools.reduce(lambda a, b: a, [], None))
        self.assertEqual(functools.reduce(lambda a, b: (a, b), [1], None), (None, 1))

    def test_single_item_not_called(self):
        calls = []
        self.assertEqual(functools.reduce(lambda a, b: calls.append(1), [7]), 7)
        self.assertEqual(calls, [])

    def test_empty_without_initial(self):
        with self.assertRaises(TypeError) as cm:
            functools.reduce(lambda a, b: a, [])
        self.assertIn("empty", str(cm.exception))
        with self.assertRaises(TypeError):
            functools.reduce(lambda a, b: a, iter(()))

    def test_iterator_and_generator(self):
        self.assertEqual(functools.reduce(max, iter([3, 9, 2])), 9)
        self.assertEqual(functools.reduce(lambda a, b: a + b, (x * x for x in range(4))), 14)
        it = iter([1, 2, 3])
        functools.reduce(lambda a, b: a + b, it)
        self.assertEqual(list(it), [])

    def test_non_iterable(self):
        with self.assertRaises(TypeError) as cm:
            functools.reduce(lambda a, b: a, 42)
        self.assertEqual(str(cm.exception), "reduce() arg 2 must support iteration")
        with self.assertRaises(TypeError):
            functools.reduce(lambda a, b: a, None, 0)

    def test_wrong_arg_count(self):
        with self.assertRaises(TypeError):
            functools.reduce()
        with self.assertRaises(TypeError):
            functools.reduce(max)
        with self.assertRaises(TypeError):
            functools.reduce(max, [1], 0, 1)

    def test_function_not_callable(self):
        with self.assertRaises(TypeError):
            functools.reduce(42, [1, 2])

    def test_exception_propagates(self):
        def f(a, b):
            if b == 3:
                raise ValueError("three")
            return a + b
        with self.assertRaises(ValueError):
            functools.reduce(f, [1, 2, 3, 4])

    def test_sequence_protocol(self):
        class Seq:
            def __getitem__(self, i):
                if i < 5:
                    return i
                raise IndexError
        self.assertEqual(functools.reduce(lambda a, b: a + b, Seq()), 10)

    def test_initial_is_positional_only(self):
        # (3.14 accepts initial= as a keyword; 3.13 does not)
        with self.assertRaises(TypeError):
            functools.reduce(lambda a, b: a + b, [1], initial=0)

    def test_dict_iterates_keys(self):
        self.assertEqual(functools.reduce(lambda a, b: a + b, {"x": 1, "y": 2}), "xy")


# ---------------------------------------------------------------------------------------------
class PartialTests(unittest.TestCase):

    def test_basic_call(self):
        p = functools.partial(_capture, 1, 2, a=3)
        self.assertEqual(p(), ((1, 2), {"a": 3}))
        self.assertEqual(p(4, b=5), ((1, 2, 4), {"a": 3, "b": 5}))

    def test_keyword_override(self):
        p = functools.partial(_capture, a=1)
        self.assertEqual(p(a=2), ((), {"a": 2}))
        self.assertEqual(p.keywords, {"a": 1})

    def test_attributes(self):
        p = functools.partial(_capture, 1, k=2)
        self.assertIs(p.func, _capture)
        self.assertEqual(p.args, (1,))
        self.assertEqual(p.keywords, {"k": 2})
        self.assertIsInstance(p.args, tuple)
        self.assertIsInstance(p.keywords, dict)

    def test_attributes_readonly(self):
        p = functools.partial(_capture, 1)
        for name in ("func", "args", "keywords"):
            with self.subTest(name=name):
                with self.assertRaises(AttributeError) as cm:
                    setattr(p, name, None)
                self.assertEqual(str(cm.exception), "readonly attribute")
                with self.assertRaises(AttributeError):
                    delattr(p, name)

    def test_empty(self):
        p = functools.partial(_capture)
        self.assertEqual(p.args, ())
        self.assertEqual(p.keywords, {})
        self.assertEqual(p(1), ((1,), {}))

    def test_not_callable(self):
        with self.assertRaises(TypeError) as cm:
            functools.partial(1)
        self.assertEqual(str(cm.exception), "the first argument must be callable")
        with self.assertRaises(TypeError) as cm:
            functools.partial()
        self.assertEqual(str(cm.exception), "type 'partial' takes at least one argument")

    def test_nesting_flattens(self):
        inner = functools.partial(_capture, 1, a=1)
        outer = functools.partial(inner, 2, b=2)
        self.assertIs(outer.func, _capture)
        self.assertEqual(outer.args, (1, 2))
        self.assertEqual(outer.keywords, {"a": 1, "b": 2})
        self.assertEqual(outer(3), ((1, 2, 3), {"a": 1, "b": 2}))

    def test_nesting_with_instance_dict_not_flattened(self):
        inner = functools.partial(_capture, 1)
        inner.attr = "kept"
        outer = functools.partial(inner, 2)
        self.assertIs(outer.func, inner)
        self.assertEqual(outer.args, (2,))
        self.assertEqual(outer(3), ((1, 2, 3), {}))

    def test_nesting_subclass_inner_flattened(self):
        outer = functools.partial(_Sub(_capture, 1), 2)
        self.assertIs(outer.func, _capture)
        self.assertEqual(outer.args, (1, 2))
        self.assertIs(type(outer), functools.partial)
        outer2 = _Sub(functools.partial(_capture, 1), 2)
        self.assertIs(outer2.func, _capture)
        self.assertIs(type(outer2), _Sub)

    def test_nesting_keyword_override(self):
        inner = functools.partial(_capture, a=1)
        outer = functools.partial(inner, a=2)
        self.assertEqual(outer.keywords, {"a": 2})

    def test_subclass_not_flattened_into_other_type(self):
        inner = _Sub(_capture, 1)
        outer = functools.partial(inner, 2)
        self.assertEqual(outer(3), ((1, 2, 3), {}))
        self.assertIsInstance(inner, functools.partial)
        self.assertIs(type(inner), _Sub)

    def test_keywords_dict_not_shared(self):
        kw = {"a": 1}
        p = functools.partial(_capture, **kw)
        kw["a"] = 2
        self.assertEqual(p(), ((), {"a": 1}))
        result = p()[1]
        result["z"] = 0
        self.assertEqual(p.keywords, {"a": 1})

    def test_call_error_propagates(self):
        p = functools.partial(int, "zz")
        with self.assertRaises(ValueError):
            p()

    def test_positional_only_func_param(self):
        p = functools.partial(_capture, func=1)
        self.assertEqual(p(), ((), {"func": 1}))
        p = functools.partial(_capture, cls=1, self=2)
        self.assertEqual(p(self=3), ((), {"cls": 1, "self": 3}))

    def test_repr(self):
        p = functools.partial(_capture, 1, "x", k=[2])
        name = "functools.partial"
        self.assertEqual(repr(p), f"{name}({_capture!r}, 1, 'x', k=[2])")
        self.assertEqual(repr(functools.partial(_capture)), f"{name}({_capture!r})")

    def test_repr_subclass(self):
        p = _Sub(_capture, 1)
        self.assertTrue(repr(p).endswith(f"_Sub({_capture!r}, 1)"), repr(p))
        self.assertTrue(repr(p).startswith(__name__ + "."), repr(p))

    def test_repr_recursive(self):
        # a partial that holds itself (through __setstate__) is shown as ...
        q = functools.partial(_capture)
        q.__setstate__((_capture, (q,), {"me": q}, None))
        self.assertEqual(repr(q), f"functools.partial({_capture!r}, ..., me=...)")

    def test_instance_dict(self):
        p = functools.partial(_capture)
        p.attr = 5
        self.assertEqual(p.__dict__, {"attr": 5})

    def test_pickle_roundtrip(self):
        p = functools.partial(max, 1, 2, key=abs)
        p.extra = "x"
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            with self.subTest(proto=proto):
                q = pickle.loads(pickle.dumps(p, proto))
                self.assertIs(q.func, max)
                self.assertEqual(q.args, (1, 2))
                self.assertEqual(q.keywords, {"key": abs})
                self.assertEqual(q.extra, "x")
                self.assertEqual(q(-5), -5)

    def test_reduce_shape(self):
        p = functools.partial(max, 1, key=abs)
        cls, args, state = p.__reduce__()
        self.assertIs(cls, functools.partial)
        self.assertEqual(args, (max,))
        self.assertEqual(state, (max, (1,), {"key": abs}, None))
        p2 = functools.partial(max, 1)
        p2.attr = 2
        self.assertEqual(p2.__reduce__()[2], (max, (1,), {}, {"attr": 2}))

    def test_setstate_errors(self):
        p = functools.partial(_capture)
        with self.assertRaises(TypeError):
            p.__setstate__((_capture, (), {}))
        with self.assertRaises(TypeError):
            p.__setstate__([_capture, (), {}, None])
        with self.assertRaises(TypeError):
            p.__setstate__((1, (), {}, None))
        with self.assertRaises(TypeError):
            p.__setstate__((_capture, [], {}, None))
        with self.assertRaises(TypeError):
            p.__setstate__((_capture, (), [], None))

    def test_setstate_none_keywords(self):
        p = functools.partial(_capture)
        p.__setstate__((_capture, (1,), None, None))
        self.assertEqual(p.keywords, {})
        self.assertEqual(p(), ((1,), {}))

    def test_copy(self):
        p = functools.partial(_capture, [1], k=[2])
        c = copy.copy(p)
        self.assertIsNot(c, p)
        self.assertIs(c.args[0], p.args[0])
        d = copy.deepcopy(p)
        self.assertEqual(d.args, ([1],))
        self.assertIsNot(d.args[0], p.args[0])
        self.assertIsNot(d.keywords["k"], p.keywords["k"])

    def test_weakref(self):
        import weakref
        p = functools.partial(_capture)
        r = weakref.ref(p)
        self.assertIs(r(), p)

    def test_class_getitem(self):
        alias = functools.partial[int]
        self.assertIs(alias.__origin__, functools.partial)
        self.assertEqual(alias.__args__, (int,))

    def test_as_method_not_bound(self):
        import warnings

        class C:
            f = functools.partial(_capture, 1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            bound = C().f
        self.assertEqual(bound(2), ((1, 2), {}))
        self.assertIs(C.f, C.__dict__["f"])

    def test_as_method_future_warning(self):
        class C:
            f = functools.partial(_capture, 1)
        # 3.13: not bound yet, but a FutureWarning says it will be.
        with self.assertWarns(FutureWarning):
            bound = C().f
        self.assertEqual(bound(2), ((1, 2), {}))
        p = C.__dict__["f"]
        self.assertIs(p.__get__(None, C), p)

    def test_staticmethod_wrapped_no_warning(self):
        import warnings

        class C:
            f = staticmethod(functools.partial(_capture, 1))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            self.assertEqual(C().f(2), ((1, 2), {}))


# ---------------------------------------------------------------------------------------------
class PartialMethodTests(unittest.TestCase):

    class A:
        def m(self, *args, **kw):
            return self, args, kw

        both = functools.partialmethod(m, 1, k=2)
        nothing = functools.partialmethod(m)
        nested = functools.partialmethod(both, 3, j=4)
        cls_m = functools.partialmethod(classmethod(_capture), 5)
        static_m = functools.partialmethod(staticmethod(_capture), 6)
        plain = functools.partialmethod(_capture, 7)

    def test_bound(self):
        a = self.A()
        self.assertEqual(a.both(9), (a, (1, 9), {"k": 2}))
        self.assertEqual(a.both(k=3), (a, (1,), {"k": 3}))
        self.assertEqual(a.nothing(), (a, (), {}))

    def test_unbound_from_class(self):
        a = self.A()
        self.assertEqual(self.A.both(a, 9), (a, (1, 9), {"k": 2}))

    def test_nested(self):
        a = self.A()
        self.assertEqual(a.nested(), (a, (1, 3), {"k": 2, "j": 4}))
        pm = self.A.__dict__["nested"]
        self.assertEqual(pm.args, (1, 3))
        self.assertEqual(pm.keywords, {"k": 2, "j": 4})

    def test_plain_function(self):
        a = self.A()
        self.assertEqual(a.plain(8), ((a, 7, 8), {}))

    def test_classmethod(self):
        self.assertEqual(self.A.cls_m(1), ((self.A, 5, 1), {}))
        self.assertEqual(self.A().cls_m(1), ((self.A, 5, 1), {}))

    def test_staticmethod(self):
        self.assertEqual(self.A.static_m(1), ((6, 1), {}))
        self.assertEqual(self.A().static_m(1), ((6, 1), {}))

    def test_invalid(self):
        with self.assertRaises(TypeError):
            functools.partialmethod(None, 1)
        with self.assertRaises(TypeError):
            functools.partialmethod()

    def test_repr(self):
        name = "functools.partialmethod"
        self.assertEqual(repr(functools.partialmethod(_capture, 1, k=2)),
                         f"{name}({_capture!r}, 1, k=2)")
        self.assertEqual(repr(functools.partialmethod(_capture)), f"{name}({_capture!r})")
        self.assertEqual(repr(functools.partialmethod(_capture, k="v")),
                         f"{name}({_capture!r}, k='v')")
        self.assertEqual(repr(functools.partialmethod(_capture, 1, [2])),
                         f"{name}({_capture!r}, 1, [2])")

    def test_abstract(self):
        class B(abc.ABC):
            @abc.abstractmethod
            def f(self, x):
                pass
            g = functools.partialmethod(f, 1)
        self.assertTrue(B.__dict__["g"].__isabstractmethod__)
        self.assertIn("g", B.__abstractmethods__)
        with self.assertRaises(TypeError):
            B()

    def test_attributes(self):
        pm = self.A.__dict__["both"]
        self.assertIs(pm.func, self.A.__dict__["m"])
        self.assertEqual(pm.args, (1,))
        self.assertEqual(pm.keywords, {"k": 2})


# ---------------------------------------------------------------------------------------------
class LruCacheTests(unittest.TestCase):

    def test_basic_hits_and_misses(self):
        calls = []

        @functools.lru_cache(maxsize=10)
        def sq(x):
            calls.append(x)
            return x * x
        self.assertEqual([sq(i) for i in (1, 2, 1, 1, 3)], [1, 4, 1, 1, 9])
        self.assertEqual(calls, [1, 2, 3])
        info = sq.cache_info()
        self.assertEqual(info, (2, 3, 10, 3))
        self.assertEqual((info.hits, info.misses, info.maxsize, info.currsize), (2, 3, 10, 3))

    def test_cache_info_repr_and_type(self):
        @functools.lru_cache(maxsize=4)
        def f(x):
            return x
        f(1)
        f(1)
        info = f.cache_info()
        self.assertEqual(repr(info), "CacheInfo(hits=1, misses=1, maxsize=4, currsize=1)")
        self.assertIsInstance(info, tuple)
        self.assertEqual(info._asdict(),
                         {"hits": 1, "misses": 1, "maxsize": 4, "currsize": 1})
        self.assertEqual(info._fields, ("hits", "misses", "maxsize", "currsize"))
        self.assertEqual(type(info).__name__, "CacheInfo")

    def test_cache_info_namedtuple_api(self):
        @functools.lru_cache(maxsize=4)
        def f(x):
            return x
        info = f.cache_info()
        CacheInfo = type(info)
        self.assertEqual(CacheInfo._make([1, 2, 3, 4]), (1, 2, 3, 4))
        self.assertIs(type(CacheInfo._make([1, 2, 3, 4])), CacheInfo)
        self.assertEqual(info._replace(hits=5), (5, 0, 4, 0))
        with self.assertRaises(TypeError):
            info._replace(nope=1)
        match info:
            case CacheInfo(hits, misses, maxsize, currsize):
                self.assertEqual((hits, misses, maxsize, currsize), (0, 0, 4, 0))

    def test_eviction_order(self):
        calls = []

        @functools.lru_cache(maxsize=2)
        def f(x):
            calls.append(x)
            return x
        f(1)
        f(2)
        f(1)        # 1 becomes most recently used
        f(3)        # evicts 2
        f(1)        # hit
        f(2)        # miss
        self.assertEqual(calls, [1, 2, 3, 2])
        self.assertEqual(f.cache_info().currsize, 2)

    def test_default_maxsize(self):
        @functools.lru_cache()
        def f(x):
            return x
        self.assertEqual(f.cache_info().maxsize, 128)
        self.assertEqual(f.cache_parameters(), {"maxsize": 128, "typed": False})

    def test_bare_decorator(self):
        @functools.lru_cache
        def f(x):
            return x + 1
        self.assertEqual(f(1), 2)
        self.assertEqual(f(1), 2)
        self.assertEqual(f.cache_info(), (1, 1, 128, 1))
        self.assertEqual(f.__name__, "f")

    def test_maxsize_none(self):
        @functools.lru_cache(maxsize=None)
        def f(x):
            return x
        for i in range(300):
            f(i)
        for i in range(300):
            f(i)
        self.assertEqual(f.cache_info(), (300, 300, None, 300))
        self.assertEqual(f.cache_parameters(), {"maxsize": None, "typed": False})

    def test_maxsize_zero(self):
        calls = []

        @functools.lru_cache(maxsize=0)
        def f(x):
            calls.append(x)
            return x
        f(1)
        f(1)
        self.assertEqual(calls, [1, 1])
        self.assertEqual(f.cache_info(), (0, 2, 0, 0))

    def test_negative_maxsize_is_zero(self):
        @functools.lru_cache(maxsize=-5)
        def f(x):
            return x
        f(1)
        f(1)
        self.assertEqual(f.cache_info(), (0, 2, 0, 0))

    def test_bad_maxsize(self):
        with self.assertRaises(TypeError):
            functools.lru_cache("ten")
        with self.assertRaises(TypeError):
            functools.lru_cache(1.5)

    def test_typed(self):
        calls = []

        @functools.lru_cache(typed=True)
        def f(x):
            calls.append(x)
            return type(x).__name__
        self.assertEqual(f(3), "int")
        self.assertEqual(f(3.0), "float")
        self.assertEqual(f(3), "int")
        self.assertEqual(len(calls), 2)
        self.assertEqual(f.cache_parameters(), {"maxsize": 128, "typed": True})

    def test_untyped_merges_equal_values(self):
        @functools.lru_cache()
        def f(x, y):
            return type(x).__name__
        self.assertEqual(f(3, 1), "int")
        self.assertEqual(f(3.0, 1), "int")
        self.assertEqual(f.cache_info().hits, 1)

    def test_keyword_arguments(self):
        calls = []

        @functools.lru_cache()
        def f(a, b=0):
            calls.append((a, b))
            return a + b
        self.assertEqual(f(1, b=2), 3)
        self.assertEqual(f(1, b=2), 3)
        self.assertEqual(len(calls), 1)
        # Positional and keyword spellings are distinct cache entries.
        self.assertEqual(f(1, 2), 3)
        self.assertEqual(f(a=1, b=2), 3)
        self.assertEqual(len(calls), 3)

    def test_typed_keyword_values(self):
        calls = []

        @functools.lru_cache(typed=True)
        def f(*, x):
            calls.append(x)
            return x
        f(x=1)
        f(x=1.0)
        f(x=1)
        self.assertEqual(calls, [1, 1.0])

    def test_cache_parameters_fresh_dict(self):
        @functools.lru_cache(maxsize=7)
        def f(x):
            return x
        params = f.cache_parameters()
        params["maxsize"] = 0
        self.assertEqual(f.cache_parameters(), {"maxsize": 7, "typed": False})

    def test_threads_share_one_cache(self):
        import threading
        calls = []
        lock = threading.Lock()

        @functools.lru_cache(maxsize=16)
        def f(x):
            with lock:
                calls.append(x)
            return x * 2

        def worker(seed):
            for i in range(200):
                self.assertEqual(f((i * seed) % 24), ((i * seed) % 24) * 2)
        threads = [threading.Thread(target=worker, args=(n,)) for n in (1, 5, 7, 11)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        info = f.cache_info()
        self.assertEqual(info.hits + info.misses, 800)
        self.assertEqual(info.misses, len(calls))
        self.assertLessEqual(info.currsize, 16)

    def test_keyword_order_distinct(self):
        @functools.lru_cache()
        def f(**kw):
            return sorted(kw)
        f(a=1, b=2)
        f(b=2, a=1)
        self.assertEqual(f.cache_info().misses, 2)

    def test_unhashable_argument(self):
        @functools.lru_cache()
        def f(x):
            return x
        with self.assertRaises(TypeError):
            f([1])
        self.assertEqual(f.cache_info().currsize, 0)

    def test_exception_not_cached(self):
        calls = []

        @functools.lru_cache()
        def f(x):
            calls.append(x)
            raise ValueError(x)
        for _ in range(2):
            with self.assertRaises(ValueError):
                f(1)
        self.assertEqual(calls, [1, 1])
        self.assertEqual(f.cache_info().currsize, 0)

    def test_cache_clear(self):
        @functools.lru_cache(maxsize=3)
        def f(x):
            return x
        f(1)
        f(1)
        f.cache_clear()
        self.assertEqual(f.cache_info(), (0, 0, 3, 0))
        f(1)
        self.assertEqual(f.cache_info(), (0, 1, 3, 1))

    def test_recursion(self):
        @functools.lru_cache(maxsize=None)
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        self.assertEqual(fib(80), 23416728348467685)
        self.assertEqual(fib.cache_info().misses, 81)
        self.assertEqual(fib.cache_info().currsize, 81)

    def test_reentrant_same_key(self):
        # The inner call for the same key stores its result first; then the outer
        # call's result is kept by an unbounded cache only.
        for maxsize, kept in ((10, 1), (None, 0)):
            results = []

            @functools.lru_cache(maxsize=maxsize)
            def f(x):
                result = ["call", len(results)]
                results.append(result)
                if len(results) == 1:
                    f(x)
                return result
            with self.subTest(maxsize=maxsize):
                self.assertIs(f(1), results[0])
                self.assertIs(f(1), results[kept])
                self.assertEqual(f.cache_info().currsize, 1)

    def test_recursion_bounded(self):
        @functools.lru_cache(maxsize=4)
        def fact(n):
            return 1 if n <= 1 else n * fact(n - 1)
        self.assertEqual(fact(20), 2432902008176640000)
        self.assertEqual(fact.cache_info().currsize, 4)

    def test_wrapper_metadata(self):
        def original(x):
            "doc string"
            return x
        original.custom = 1
        wrapped = functools.lru_cache()(original)
        self.assertEqual(wrapped.__name__, "original")
        self.assertEqual(wrapped.__doc__, "doc string")
        self.assertIs(wrapped.__wrapped__, original)
        self.assertEqual(wrapped.custom, 1)

    def test_methods(self):
        class C:
            def __init__(self):
                self.calls = 0

            @functools.lru_cache()
            def m(self, x):
                self.calls += 1
                return x * 2
        a = C()
        b = C()
        self.assertEqual(a.m(2), 4)
        self.assertEqual(a.m(2), 4)
        self.assertEqual(b.m(2), 4)
        self.assertEqual((a.calls, b.calls), (1, 1))
        self.assertEqual(C.m.cache_info().hits, 1)

    def test_pickle_by_reference(self):
        f = pickle.loads(pickle.dumps(_cached_module_function))
        self.assertIs(f, _cached_module_function)

    def test_copy_returns_same(self):
        self.assertIs(copy.copy(_cached_module_function), _cached_module_function)
        self.assertIs(copy.deepcopy(_cached_module_function), _cached_module_function)

    def test_not_callable_target(self):
        for decorator in (functools.lru_cache(maxsize=None), functools.lru_cache(maxsize=3),
                          functools.lru_cache(maxsize=0), functools.cache):
            with self.subTest(decorator=decorator):
                with self.assertRaises(TypeError) as cm:
                    decorator(1)
                self.assertEqual(str(cm.exception), "the first argument must be callable")

    def test_cache(self):
        calls = []

        @functools.cache
        def f(x):
            calls.append(x)
            return -x
        self.assertEqual(f(2), -2)
        self.assertEqual(f(2), -2)
        self.assertEqual(calls, [2])
        self.assertEqual(f.cache_info(), (1, 1, None, 1))
        self.assertEqual(f.cache_parameters(), {"maxsize": None, "typed": False})
        self.assertEqual(f.__name__, "f")
        f.cache_clear()
        self.assertEqual(f.cache_info().currsize, 0)

    def test_cache_recursive(self):
        @functools.cache
        def count(n):
            return 0 if n == 0 else 1 + count(n - 1)
        self.assertEqual(count(200), 200)
        self.assertEqual(count.cache_info().currsize, 201)


@functools.lru_cache()
def _cached_module_function(x):
    return x


# ---------------------------------------------------------------------------------------------
class WrapsTests(unittest.TestCase):

    def _original(self):
        def original(a, b=1):
            "the docs"
            return a + b
        original.__qualname__ = "Outer.original"
        original.__module__ = "some.module"
        original.__annotations__ = {"a": int}
        original.extra = [1]
        return original

    def test_update_wrapper_assigned(self):
        original = self._original()

        def wrapper(*args):
            return original(*args)
        result = functools.update_wrapper(wrapper, original)
        self.assertIs(result, wrapper)
        self.assertEqual(wrapper.__name__, "original")
        self.assertEqual(wrapper.__qualname__, "Outer.original")
        self.assertEqual(wrapper.__module__, "some.module")
        self.assertEqual(wrapper.__doc__, "the docs")
        self.assertEqual(wrapper.__annotations__, {"a": int})
        self.assertIs(wrapper.__wrapped__, original)

    def test_update_wrapper_dict_update(self):
        original = self._original()

        def wrapper():
            pass
        wrapper.extra = "mine"
        wrapper.own = 1
        functools.update_wrapper(wrapper, original)
        self.assertIs(wrapper.extra, original.extra)
        self.assertEqual(wrapper.own, 1)

    def test_wrapped_set_after_dict_update(self):
        def inner():
            pass

        def middle():
            pass
        functools.update_wrapper(middle, inner)

        def outer():
            pass
        functools.update_wrapper(outer, middle)
        # middle.__dict__ contains __wrapped__ = inner, but outer must point at middle.
        self.assertIs(outer.__wrapped__, middle)
        self.assertIs(outer.__wrapped__.__wrapped__, inner)

    def test_constants(self):
        self.assertEqual(functools.WRAPPER_ASSIGNMENTS,
                         ('__module__', '__name__', '__qualname__', '__doc__',
                          '__annotations__', '__type_params__'))
        self.assertEqual(functools.WRAPPER_UPDATES, ('__dict__',))

    def test_custom_assigned_and_updated(self):
        original = self._original()

        def wrapper():
            pass
        wrapper.extra = "mine"
        functools.update_wrapper(wrapper, original, assigned=("__doc__",), updated=())
        self.assertEqual(wrapper.__doc__, "the docs")
        self.assertEqual(wrapper.__name__, "wrapper")
        self.assertEqual(wrapper.extra, "mine")
        self.assertIs(wrapper.__wrapped__, original)

    def test_missing_attributes_ignored(self):
        class Callable:
            def __call__(self):
                pass
        wrapped = Callable()

        def wrapper():
            pass
        functools.update_wrapper(wrapper, wrapped)
        self.assertEqual(wrapper.__name__, "wrapper")
        self.assertIs(wrapper.__wrapped__, wrapped)

    def test_builtin_wrapped(self):
        def wrapper():
            pass
        functools.update_wrapper(wrapper, max)
        self.assertEqual(wrapper.__name__, "max")
        self.assertEqual(wrapper.__doc__, max.__doc__)
        self.assertIs(wrapper.__wrapped__, max)

    def test_missing_updated_dict_raises(self):
        def wrapper():
            pass
        with self.assertRaises(AttributeError):
            functools.update_wrapper(wrapper, max, updated=("__nothere__",))

    def test_wraps_decorator(self):
        original = self._original()

        @functools.wraps(original)
        def wrapper(*args, **kw):
            return original(*args, **kw)
        self.assertEqual(wrapper.__name__, "original")
        self.assertEqual(wrapper.__doc__, "the docs")
        self.assertIs(wrapper.__wrapped__, original)
        self.assertEqual(wrapper(1), 2)
        self.assertEqual(wrapper.extra, [1])

    def test_wraps_with_options(self):
        original = self._original()

        @functools.wraps(original, assigned=(), updated=())
        def wrapper():
            pass
        self.assertEqual(wrapper.__name__, "wrapper")
        self.assertIs(wrapper.__wrapped__, original)
        self.assertFalse(hasattr(wrapper, "extra"))

    def test_type_params(self):
        def original():
            pass
        original.__type_params__ = ("T",)

        @functools.wraps(original)
        def wrapper():
            pass
        self.assertEqual(wrapper.__type_params__, ("T",))


# ---------------------------------------------------------------------------------------------
class TotalOrderingTests(unittest.TestCase):

    def _check(self, cls):
        a, b, c = cls(1), cls(2), cls(2)
        self.assertTrue(a < b)
        self.assertFalse(b < a)
        self.assertFalse(b < c)
        self.assertTrue(a <= b)
        self.assertTrue(b <= c)
        self.assertFalse(b <= a)
        self.assertTrue(b > a)
        self.assertFalse(a > b)
        self.assertFalse(b > c)
        self.assertTrue(b >= a)
        self.assertTrue(b >= c)
        self.assertFalse(a >= b)

    def _make(self, op):
        def __init__(self, v):
            self.v = v

        def __eq__(self, other):
            return self.v == other.v
        ops = {
            "__lt__": lambda s, o: s.v < o.v,
            "__le__": lambda s, o: s.v <= o.v,
            "__gt__": lambda s, o: s.v > o.v,
            "__ge__": lambda s, o: s.v >= o.v,
        }
        ns = {"__init__": __init__, "__eq__": __eq__, op: ops[op]}
        return functools.total_ordering(type("K" + op.strip("_"), (), ns))

    def test_each_root(self):
        for op in ("__lt__", "__le__", "__gt__", "__ge__"):
            with self.subTest(op=op):
                self._check(self._make(op))

    def test_returns_class(self):
        class A:
            def __lt__(self, other):
                return True
        self.assertIs(functools.total_ordering(A), A)

    def test_defined_methods_kept(self):
        sentinel = lambda self, other: "mine"

        @functools.total_ordering
        class A:
            def __lt__(self, other):
                return True
            __gt__ = sentinel
        self.assertIs(A.__gt__, sentinel)
        self.assertEqual(A() > A(), "mine")

    def test_no_root(self):
        with self.assertRaises(ValueError):
            @functools.total_ordering
            class A:
                pass

    def test_inherited_root(self):
        class Base:
            def __init__(self, v):
                self.v = v

            def __eq__(self, other):
                return self.v == other.v

            def __lt__(self, other):
                return self.v < other.v
        K = functools.total_ordering(type("K", (Base,), {}))
        self._check(K)

    def test_generated_names(self):
        @functools.total_ordering
        class A:
            def __lt__(self, other):
                return True
        self.assertEqual(A.__ge__.__name__, "__ge__")
        self.assertEqual(A.__le__.__name__, "__le__")
        self.assertEqual(A.__ge__.__qualname__, "_ge_from_lt")

        @functools.total_ordering
        class B:
            def __ge__(self, other):
                return True
        self.assertEqual(B.__lt__.__qualname__, "_lt_from_ge")

    def test_notimplemented_propagates(self):
        @functools.total_ordering
        class A:
            def __init__(self, v):
                self.v = v

            def __eq__(self, other):
                if not isinstance(other, A):
                    return NotImplemented
                return self.v == other.v

            def __lt__(self, other):
                if not isinstance(other, A):
                    return NotImplemented
                return self.v < other.v
        self.assertIs(A.__le__(A(1), "x"), NotImplemented)
        self.assertIs(A.__gt__(A(1), "x"), NotImplemented)
        self.assertIs(A.__ge__(A(1), "x"), NotImplemented)
        for op in ("<", "<=", ">", ">="):
            with self.subTest(op=op):
                with self.assertRaises(TypeError):
                    eval(f"a {op} 'x'", {"a": A(1)})

    def test_reflected_to_other_type(self):
        @functools.total_ordering
        class A:
            def __init__(self, v):
                self.v = v

            def __lt__(self, other):
                if not isinstance(other, A):
                    return NotImplemented
                return self.v < other.v

        class B:
            def __ge__(self, other):
                return "B.__ge__"
        # A() <= B() -> A.__le__ is NotImplemented -> B.__ge__ reflected
        self.assertEqual(A(1) <= B(), "B.__ge__")

    def test_uses_ne_and_eq_results(self):
        # The derived methods consult == and != as written (not `not ==`), and pass
        # their results through.
        class Weird:
            def __init__(self, v):
                self.v = v

            def __eq__(self, other):
                return "eq-result"

            def __ne__(self, other):
                return "ne-result"

        def with_root(op, func):
            return functools.total_ordering(type("W", (Weird,), {op: func}))
        LT = with_root("__lt__", lambda s, o: s.v < o.v)
        self.assertEqual(LT(2) > LT(1), "ne-result")
        self.assertIs(LT(1) > LT(2), False)
        self.assertEqual(LT(2) <= LT(1), "eq-result")
        self.assertIs(LT(1) <= LT(2), True)
        LE = with_root("__le__", lambda s, o: s.v <= o.v)
        self.assertEqual(LE(1) < LE(2), "ne-result")
        self.assertEqual(LE(2) >= LE(1), True)
        self.assertEqual(LE(1) >= LE(2), "eq-result")
        GT = with_root("__gt__", lambda s, o: s.v > o.v)
        self.assertEqual(GT(1) < GT(2), "ne-result")
        self.assertIs(GT(2) < GT(1), False)
        self.assertEqual(GT(1) >= GT(2), "eq-result")
        GE = with_root("__ge__", lambda s, o: s.v >= o.v)
        self.assertEqual(GE(2) > GE(1), "ne-result")
        self.assertEqual(GE(2) <= GE(1), "eq-result")
        self.assertIs(GE(1) < GE(2), True)

    def test_eq_fallback_is_identity(self):
        @functools.total_ordering
        class A:
            def __lt__(self, other):
                return False
        a = A()
        self.assertTrue(a <= a)
        self.assertFalse(a <= A())
        self.assertTrue(a >= A())


# ---------------------------------------------------------------------------------------------
class CmpToKeyTests(unittest.TestCase):

    def test_sort(self):
        def cmp(a, b):
            return (a > b) - (a < b)
        data = [5, 1, 4, 2]
        self.assertEqual(sorted(data, key=functools.cmp_to_key(cmp)), [1, 2, 4, 5])
        rev = functools.cmp_to_key(lambda a, b: cmp(b, a))
        self.assertEqual(sorted(data, key=rev), [5, 4, 2, 1])

    def test_comparisons(self):
        K = functools.cmp_to_key(lambda a, b: a - b)
        self.assertTrue(K(1) < K(2))
        self.assertTrue(K(2) > K(1))
        self.assertTrue(K(2) == K(2))
        self.assertTrue(K(1) != K(2))
        self.assertTrue(K(1) <= K(1))
        self.assertTrue(K(3) >= K(2))
        self.assertFalse(K(3) <= K(2))

    def test_compare_with_other_type(self):
        K = functools.cmp_to_key(lambda a, b: 0)
        for op in ("<", "<=", "==", ">", ">="):
            with self.subTest(op=op):
                with self.assertRaises(TypeError) as cm:
                    eval(f"k {op} 1", {"k": K(1)})
                self.assertEqual(str(cm.exception), "other argument must be K instance")

    def test_keys_from_different_factories(self):
        # Keys of any cmp_to_key() call compare; the left operand's function decides.
        K1 = functools.cmp_to_key(lambda a, b: a - b)
        K2 = functools.cmp_to_key(lambda a, b: b - a)
        self.assertTrue(K1(1) < K2(2))
        self.assertFalse(K2(1) < K1(2))

    def test_one_type(self):
        K = functools.cmp_to_key(lambda a, b: 0)
        self.assertIs(type(K(1)), type(K))
        self.assertIs(type(K), type(functools.cmp_to_key(len)))
        self.assertTrue(callable(K))

    def test_call_arguments(self):
        K = functools.cmp_to_key(lambda a, b: a - b)
        self.assertEqual(K(obj=4).obj, 4)
        with self.assertRaises(TypeError):
            K()
        with self.assertRaises(TypeError):
            K(1, 2)
        with self.assertRaises(TypeError):
            functools.cmp_to_key()

    def test_cmp_not_callable(self):
        K = functools.cmp_to_key(None)
        with self.assertRaises(TypeError):
            K(1) < K(2)

    def test_obj_attribute(self):
        K = functools.cmp_to_key(lambda a, b: 0)
        self.assertEqual(K("x").obj, "x")

    def test_unhashable(self):
        K = functools.cmp_to_key(lambda a, b: 0)
        with self.assertRaises(TypeError):
            hash(K(1))

    def test_cmp_error(self):
        def bad(a, b):
            raise ZeroDivisionError
        K = functools.cmp_to_key(bad)
        with self.assertRaises(ZeroDivisionError):
            sorted([1, 2], key=K)

    def test_with_min_max(self):
        K = functools.cmp_to_key(lambda a, b: len(a) - len(b))
        self.assertEqual(max(["aa", "b", "cccc"], key=K), "cccc")
        self.assertEqual(min(["aa", "b", "cccc"], key=K), "b")

    def test_non_integer_result(self):
        K = functools.cmp_to_key(lambda a, b: a - b)
        self.assertTrue(K(1.5) < K(2.0))


# ---------------------------------------------------------------------------------------------
class CachedPropertyTests(unittest.TestCase):

    def test_computed_once(self):
        class C:
            def __init__(self):
                self.calls = 0

            @functools.cached_property
            def value(self):
                "value docs"
                self.calls += 1
                return self.calls * 10
        c = C()
        self.assertEqual(c.value, 10)
        self.assertEqual(c.value, 10)
        self.assertEqual(c.calls, 1)
        self.assertEqual(c.__dict__["value"], 10)

    def test_per_instance(self):
        class C:
            @functools.cached_property
            def ident(self):
                return id(self)
        a, b = C(), C()
        self.assertNotEqual(a.ident, b.ident)

    def test_set_and_delete(self):
        class C:
            @functools.cached_property
            def v(self):
                return [1]
        c = C()
        c.v = "assigned"
        self.assertEqual(c.v, "assigned")
        del c.v
        self.assertEqual(c.v, [1])
        first = c.v
        del c.v
        self.assertIsNot(c.v, first)

    def test_class_access(self):
        class C:
            @functools.cached_property
            def v(self):
                "docs here"
                return 1
        prop = C.v
        self.assertIsInstance(prop, functools.cached_property)
        self.assertEqual(prop.__doc__, "docs here")
        self.assertEqual(prop.attrname, "v")
        self.assertEqual(prop.__module__, __name__)

    def test_slots_no_dict(self):
        class C:
            __slots__ = ()

            @functools.cached_property
            def v(self):
                return 1
        with self.assertRaises(TypeError) as cm:
            C().v
        self.assertIn("__dict__", str(cm.exception))

    def test_immutable_dict(self):
        class Meta(type):
            @functools.cached_property
            def v(cls):
                return 1

        class C(metaclass=Meta):
            pass
        with self.assertRaises(TypeError) as cm:
            C.v
        self.assertIn("does not support item assignment", str(cm.exception))

    def test_reuse_same_name(self):
        prop = functools.cached_property(lambda self: 1)

        class A:
            x = prop

        class B:
            x = prop
        self.assertEqual(B().x, 1)

    def test_reuse_different_names(self):
        prop = functools.cached_property(lambda self: 1)
        with self.assertRaises(TypeError) as cm:
            class A:
                x = prop
                y = prop
        self.assertIn("two different names", str(cm.exception))

    def test_without_set_name(self):
        class A:
            pass
        prop = functools.cached_property(lambda self: 1)
        A.x = prop
        with self.assertRaises(TypeError) as cm:
            A().x
        self.assertIn("__set_name__", str(cm.exception))

    def test_set_name_late(self):
        class A:
            pass
        prop = functools.cached_property(lambda self: 2)
        A.x = prop
        prop.__set_name__(A, "x")
        self.assertEqual(A().x, 2)

    def test_exception_not_cached(self):
        class C:
            calls = 0

            @functools.cached_property
            def v(self):
                type(self).calls += 1
                raise KeyError("no")
        c = C()
        for _ in range(2):
            with self.assertRaises(KeyError):
                c.v
        self.assertEqual(C.calls, 2)
        self.assertNotIn("v", c.__dict__)

    def test_subclass_inherits(self):
        class A:
            @functools.cached_property
            def v(self):
                return type(self).__name__

        class B(A):
            pass
        self.assertEqual(B().v, "B")

    def test_class_getitem(self):
        self.assertIs(functools.cached_property[int].__origin__, functools.cached_property)

    def test_slots_with_dict(self):
        class C:
            __slots__ = ("__dict__", "other")

            @functools.cached_property
            def v(self):
                return [1]
        c = C()
        self.assertIs(c.v, c.v)
        self.assertIn("v", c.__dict__)

    def test_no_instance_lock(self):
        # 3.12+: cached_property no longer serialises computations with a lock
        self.assertFalse(hasattr(functools.cached_property(len), "lock"))


# ---------------------------------------------------------------------------------------------
class SingleDispatchTests(unittest.TestCase):

    def test_default(self):
        @functools.singledispatch
        def f(x):
            return "default"
        self.assertEqual(f(1), "default")
        self.assertEqual(f("s"), "default")

    def test_register_with_class(self):
        @functools.singledispatch
        def f(x):
            return "default"

        @f.register(int)
        def _(x):
            return "int"
        self.assertEqual(f(1), "int")
        self.assertEqual(f(True), "int")    # bool subclasses int
        self.assertEqual(f(1.0), "default")

    def test_register_call_form(self):
        @functools.singledispatch
        def f(x):
            return "default"

        def for_str(x):
            return "str"
        self.assertIs(f.register(str, for_str), for_str)
        self.assertEqual(f("a"), "str")

    def test_register_returns_function(self):
        @functools.singledispatch
        def f(x):
            return "default"

        @f.register(list)
        def for_list(x):
            return "list"
        self.assertEqual(for_list([]), "list")
        self.assertEqual(for_list.__name__, "for_list")

    def test_register_annotation(self):
        @functools.singledispatch
        def f(x):
            return "default"

        @f.register
        def _(x: float):
            return "float"

        @f.register
        def _(x: dict, y: int = 0):
            return "dict"
        self.assertEqual(f(1.5), "float")
        self.assertEqual(f({}), "dict")
        self.assertEqual(f(1), "default")

    def test_register_string_annotation(self):
        @functools.singledispatch
        def f(x):
            return "default"

        @f.register
        def _(x: "float"):
            return "float"
        self.assertEqual(f(1.5), "float")
        self.assertIn(float, f.registry)

    def test_register_union_type(self):
        @functools.singledispatch
        def f(x):
            return "default"

        @f.register
        def _(x: int | str):
            return "int or str"

        @f.register(list | tuple)
        def _(x):
            return "sequence"
        self.assertEqual(f(1), "int or str")
        self.assertEqual(f("a"), "int or str")
        self.assertEqual(f([]), "sequence")
        self.assertEqual(f(()), "sequence")
        self.assertEqual(f(1.0), "default")
        self.assertIn(int, f.registry)
        self.assertIn(tuple, f.registry)

    def test_register_errors(self):
        import typing

        @functools.singledispatch
        def f(x):
            return "default"
        with self.assertRaises(TypeError) as cm:
            @f.register
            def _(x):
                return 1
        self.assertIn("Invalid first argument to `register()`", str(cm.exception))
        with self.assertRaises(TypeError) as cm:
            @f.register
            def _(x: typing.List[int]):
                return 1
        self.assertIn("Invalid annotation", str(cm.exception))
        with self.assertRaises(TypeError):
            f.register(1, lambda x: x)

    def test_register_typing_union(self):
        import typing

        @functools.singledispatch
        def f(x):
            return "default"

        @f.register
        def _(x: typing.Union[int, str]):
            return "union"
        f.register(typing.Optional[bytes], lambda x: "optional bytes")
        self.assertEqual(f(1), "union")
        self.assertEqual(f("s"), "union")
        self.assertEqual(f(b""), "optional bytes")
        self.assertEqual(f(None), "optional bytes")
        self.assertEqual(f(1.0), "default")

    def test_register_union_with_non_class(self):
        import typing

        @functools.singledispatch
        def f(x):
            return "default"
        with self.assertRaises(TypeError):
            @f.register
            def _(x: int | typing.List[int]):
                return 1

    def test_mro_dispatch(self):
        @functools.singledispatch
        def f(x):
            return "object"

        class A:
            pass

        class B(A):
            pass

        class C(B):
            pass

        @f.register(A)
        def _(x):
            return "A"
        self.assertEqual(f(C()), "A")

        @f.register(B)
        def _(x):
            return "B"
        self.assertEqual(f(C()), "B")
        self.assertEqual(f(A()), "A")

    def test_diamond_mro(self):
        @functools.singledispatch
        def f(x):
            return "object"

        class Base:
            pass

        class Left(Base):
            pass

        class Right(Base):
            pass

        class Both(Left, Right):
            pass
        f.register(Right, lambda x: "Right")
        f.register(Base, lambda x: "Base")
        self.assertEqual(f(Both()), "Right")
        f.register(Left, lambda x: "Left")
        self.assertEqual(f(Both()), "Left")

    def test_abc_dispatch(self):
        @functools.singledispatch
        def f(x):
            return "object"
        f.register(collections.abc.Sequence, lambda x: "Sequence")
        f.register(collections.abc.Mapping, lambda x: "Mapping")
        self.assertEqual(f([1]), "Sequence")
        self.assertEqual(f((1,)), "Sequence")
        self.assertEqual(f({}), "Mapping")
        self.assertEqual(f({1}), "object")

    def test_abc_more_specific_wins(self):
        @functools.singledispatch
        def f(x):
            return "object"
        f.register(collections.abc.Iterable, lambda x: "Iterable")
        f.register(collections.abc.Sized, lambda x: "Sized")
        f.register(collections.abc.Sequence, lambda x: "Sequence")
        self.assertEqual(f([]), "Sequence")
        self.assertEqual(f(iter([])), "Iterable")

    def test_concrete_beats_abc(self):
        @functools.singledispatch
        def f(x):
            return "object"
        f.register(collections.abc.Sequence, lambda x: "Sequence")
        f.register(list, lambda x: "list")
        self.assertEqual(f([]), "list")
        self.assertEqual(f(()), "Sequence")

    def test_virtual_subclass_registered_later(self):
        class MyABC(abc.ABC):
            pass

        @functools.singledispatch
        def f(x):
            return "object"
        f.register(MyABC, lambda x: "MyABC")

        class Thing:
            pass
        self.assertEqual(f(Thing()), "object")
        MyABC.register(Thing)
        self.assertEqual(f(Thing()), "MyABC")

    def test_ambiguous_abcs(self):
        class P(abc.ABC):
            pass

        class Q(abc.ABC):
            pass

        class Thing:
            pass
        P.register(Thing)
        Q.register(Thing)

        @functools.singledispatch
        def f(x):
            return "object"
        f.register(P, lambda x: "P")
        f.register(Q, lambda x: "Q")
        with self.assertRaises(RuntimeError) as cm:
            f(Thing())
        self.assertIn("Ambiguous dispatch", str(cm.exception))

    def test_implicit_abc_beats_concrete_base(self):
        # X implements Sized itself, its base does not: Sized is searched before Base.
        @functools.singledispatch
        def f(x):
            return "object"

        class Base:
            pass

        class X(Base):
            def __len__(self):
                return 0

        class Y(Base):
            pass
        f.register(Base, lambda x: "Base")
        f.register(collections.abc.Sized, lambda x: "Sized")
        self.assertEqual(f(X()), "Sized")
        self.assertEqual(f(Y()), "Base")

    def test_explicit_concrete_base_first(self):
        @functools.singledispatch
        def f(x):
            return "object"

        class Base:
            pass

        class Z(Base, collections.abc.Sized):
            def __len__(self):
                return 0
        f.register(Base, lambda x: "Base")
        f.register(collections.abc.Sized, lambda x: "Sized")
        self.assertEqual(f(Z()), "Base")

    def test_virtual_registration_level(self):
        class MyABC(abc.ABC):
            pass

        class Base:
            pass

        class Registered(Base):
            pass

        class Plain(Base):
            pass

        @functools.singledispatch
        def f(x):
            return "object"
        f.register(MyABC, lambda x: "MyABC")
        f.register(Base, lambda x: "Base")
        MyABC.register(Registered)
        self.assertEqual(f(Registered()), "MyABC")
        MyABC.register(Base)
        # now Base itself is the virtual subclass: Base is more specific than MyABC
        self.assertEqual(f(Plain()), "Base")

    def test_abc_implemented_by_object(self):
        # every hashable class implements Hashable, but object's implementation
        # stays last: Hashable wins over the default
        @functools.singledispatch
        def f(x):
            return "object"
        f.register(collections.abc.Hashable, lambda x: "Hashable")
        self.assertEqual(f(1), "Hashable")
        self.assertEqual(f("s"), "Hashable")
        self.assertEqual(f([]), "object")

    def test_abc_related_through_unregistered_bases(self):
        @functools.singledispatch
        def f(x):
            return "object"
        f.register(collections.abc.MutableMapping, lambda x: "MutableMapping")
        f.register(collections.abc.Reversible, lambda x: "Reversible")
        self.assertEqual(f({}), "MutableMapping")
        self.assertEqual(f([]), "Reversible")

    def test_ambiguous_builtin_abcs(self):
        @functools.singledispatch
        def f(x):
            return "object"
        f.register(collections.abc.Sized, lambda x: "Sized")
        f.register(collections.abc.Container, lambda x: "Container")
        with self.assertRaises(RuntimeError):
            f({})
        f.register(collections.abc.Mapping, lambda x: "Mapping")
        self.assertEqual(f({}), "Mapping")

    def test_dispatch_method(self):
        @functools.singledispatch
        def f(x):
            return "object"

        def for_int(x):
            return "int"
        f.register(int, for_int)
        self.assertIs(f.dispatch(int), for_int)
        self.assertIs(f.dispatch(bool), for_int)
        self.assertIs(f.dispatch(str), f.registry[object])

    def test_registry_is_read_only(self):
        @functools.singledispatch
        def f(x):
            return "object"
        self.assertEqual(set(f.registry), {object})
        with self.assertRaises(TypeError):
            f.registry[int] = lambda x: x

    def test_registry_is_live_view(self):
        @functools.singledispatch
        def f(x):
            return "object"
        registry = f.registry
        impl = f.register(int, lambda x: "int")
        self.assertIs(registry[int], impl)
        self.assertEqual(len(registry), 2)

    def test_re_register_replaces(self):
        @functools.singledispatch
        def f(x):
            return "object"
        f.register(int, lambda x: "first")
        self.assertEqual(f(1), "first")
        f.register(int, lambda x: "second")
        self.assertEqual(f(1), "second")

    def test_register_object_replaces_default(self):
        @functools.singledispatch
        def f(x):
            return "old"
        f.register(object, lambda x: "new")
        self.assertEqual(f(1), "new")

    def test_extra_arguments_passed(self):
        @functools.singledispatch
        def f(x, *args, **kw):
            return ("object", args, kw)

        @f.register(int)
        def _(x, *args, **kw):
            return ("int", args, kw)
        self.assertEqual(f(1, 2, k=3), ("int", (2,), {"k": 3}))

    def test_no_arguments(self):
        @functools.singledispatch
        def g(*args):
            return args
        with self.assertRaises(TypeError) as cm:
            g()
        self.assertIn("requires at least 1 positional argument", str(cm.exception))

    def test_wrapper_metadata(self):
        @functools.singledispatch
        def fun(x):
            "fun doc"
            return x
        self.assertEqual(fun.__name__, "fun")
        self.assertEqual(fun.__doc__, "fun doc")
        self.assertTrue(callable(fun.register))

    def test_dispatch_on_class_attribute(self):
        @functools.singledispatch
        def f(x):
            return "object"
        f.register(int, lambda x: "int")

        class Liar:
            __class__ = int
        # dispatch uses args[0].__class__, which this class overrides
        self.assertEqual(f(Liar()), "int")

    def test_dispatch_on_type_objects(self):
        @functools.singledispatch
        def f(x):
            return "object"
        f.register(type, lambda x: "type")
        self.assertEqual(f(int), "type")


class SingleDispatchMethodTests(unittest.TestCase):

    def test_method(self):
        class Negator:
            @functools.singledispatchmethod
            def neg(self, arg):
                raise NotImplementedError("cannot negate")

            @neg.register
            def _(self, arg: int):
                return -arg

            @neg.register(bool)
            def _(self, arg):
                return not arg
        n = Negator()
        self.assertEqual(n.neg(5), -5)
        self.assertIs(n.neg(True), False)
        with self.assertRaises(NotImplementedError):
            n.neg("s")

    def test_self_passed(self):
        class A:
            @functools.singledispatchmethod
            def who(self, arg):
                return (self, "object")

            @who.register
            def _(self, arg: str):
                return (self, "str")
        a = A()
        self.assertEqual(a.who("x"), (a, "str"))
        self.assertEqual(a.who(1), (a, "object"))

    def test_classmethod(self):
        class A:
            @functools.singledispatchmethod
            @classmethod
            def go(cls, arg):
                return (cls, "object")

            @go.register
            @classmethod
            def _(cls, arg: int):
                return (cls, "int")
        self.assertEqual(A.go(1), (A, "int"))
        self.assertEqual(A.go("x"), (A, "object"))
        self.assertEqual(A().go(1), (A, "int"))

    def test_staticmethod(self):
        class A:
            @functools.singledispatchmethod
            @staticmethod
            def go(arg):
                return "object"

            @go.register
            @staticmethod
            def _(arg: list):
                return "list"
        self.assertEqual(A.go([]), "list")
        self.assertEqual(A().go(1), "object")

    def test_metadata(self):
        class A:
            @functools.singledispatchmethod
            def go(self, arg):
                "go docs"
                return arg
        self.assertEqual(A().go.__doc__, "go docs")
        self.assertEqual(A().go.__name__, "go")

    def test_register_on_instance_attribute(self):
        class A:
            @functools.singledispatchmethod
            def go(self, arg):
                return "object"
        self.assertTrue(callable(A.__dict__["go"].register))
        A.__dict__["go"].register(float, lambda self, arg: "float")
        self.assertEqual(A().go(1.0), "float")

    def test_abstract(self):
        class A(abc.ABC):
            @functools.singledispatchmethod
            @abc.abstractmethod
            def go(self, arg):
                pass
        self.assertTrue(A.__dict__["go"].__isabstractmethod__)
        with self.assertRaises(TypeError):
            A()

    def test_invalid(self):
        with self.assertRaises(TypeError):
            functools.singledispatchmethod(1)

    def test_no_dispatch_argument(self):
        class A:
            @functools.singledispatchmethod
            @staticmethod
            def go(*args):
                return args
        with self.assertRaises(TypeError) as cm:
            A.go()
        self.assertIn("requires at least 1 positional argument", str(cm.exception))


class ModuleTests(unittest.TestCase):

    def test_no_later_additions(self):
        # Placeholder arrives in 3.14
        self.assertFalse(hasattr(functools, "Placeholder"))

    def test_all(self):
        for name in functools.__all__:
            with self.subTest(name=name):
                self.assertTrue(hasattr(functools, name))
        for name in ("reduce", "partial", "lru_cache", "cache", "wraps", "total_ordering",
                     "cmp_to_key", "cached_property", "singledispatch",
                     "singledispatchmethod", "partialmethod", "update_wrapper"):
            self.assertIn(name, functools.__all__)


if __name__ == "__main__":
    unittest.main()
