"""Tests of abc: abstract methods, virtual subclasses, __subclasshook__."""

import abc
import io
import unittest


class ABCTests(unittest.TestCase):

    def test_cannot_instantiate_with_abstract_methods(self):
        class Base(abc.ABC):
            @abc.abstractmethod
            def f(self):
                pass

            @abc.abstractmethod
            def g(self):
                pass
        self.assertEqual(Base.__abstractmethods__, frozenset({'f', 'g'}))
        with self.assertRaises(TypeError) as cm:
            Base()
        self.assertEqual(str(cm.exception), "Can't instantiate abstract class Base without "
                         "an implementation for abstract methods 'f', 'g'")

        class Partial(Base):
            def f(self):
                return 1
        with self.assertRaises(TypeError):
            Partial()

        class Full(Partial):
            def g(self):
                return 2
        self.assertEqual(Full().f() + Full().g(), 3)
        self.assertEqual(Full.__abstractmethods__, frozenset())

    def test_abstract_property_and_classmethod(self):
        class Base(metaclass=abc.ABCMeta):
            @property
            @abc.abstractmethod
            def value(self):
                pass

            @classmethod
            @abc.abstractmethod
            def make(cls):
                pass
        self.assertEqual(Base.__abstractmethods__, frozenset({'value', 'make'}))

    def test_register_virtual_subclass(self):
        class Sized(abc.ABC):
            pass
        self.assertFalse(issubclass(list, Sized))
        self.assertIs(Sized.register(list), list)
        self.assertTrue(issubclass(list, Sized))
        self.assertTrue(isinstance([], Sized))
        self.assertFalse(isinstance((), Sized))

        class MyList(list):
            pass
        self.assertTrue(issubclass(MyList, Sized))
        with self.assertRaises(TypeError):
            Sized.register(3)

    def test_subclasshook(self):
        class HasLen(abc.ABC):
            @classmethod
            def __subclasshook__(cls, C):
                if cls is HasLen:
                    return any('__len__' in B.__dict__ for B in C.__mro__)
                return NotImplemented
        self.assertTrue(issubclass(str, HasLen))
        self.assertTrue(isinstance({}, HasLen))
        self.assertFalse(issubclass(int, HasLen))

    def test_get_cache_token_changes_on_register(self):
        class A(abc.ABC):
            pass
        token = abc.get_cache_token()
        A.register(tuple)
        self.assertNotEqual(abc.get_cache_token(), token)

    def test_update_abstractmethods(self):
        class A(abc.ABC):
            @abc.abstractmethod
            def f(self):
                pass

        class B(A):
            pass
        B.f = lambda self: 1
        abc.update_abstractmethods(B)
        self.assertEqual(B().f(), 1)



class ABCDetailTests(unittest.TestCase):

    def test_single_method_message(self):
        class Only(abc.ABC):
            @abc.abstractmethod
            def run(self):
                pass
        with self.assertRaises(TypeError) as cm:
            Only()
        self.assertEqual(str(cm.exception), "Can't instantiate abstract class Only "
                         "without an implementation for abstract method 'run'")

    def test_abstract_methods_sorted_in_message(self):
        class Many(abc.ABC):
            @abc.abstractmethod
            def zeta(self):
                pass

            @abc.abstractmethod
            def alpha(self):
                pass

            @abc.abstractmethod
            def mid(self):
                pass
        with self.assertRaises(TypeError) as cm:
            Many()
        self.assertEqual(str(cm.exception), "Can't instantiate abstract class Many "
                         "without an implementation for abstract methods "
                         "'alpha', 'mid', 'zeta'")

    def test_abstractmethods_attribute_on_plain_class(self):
        class Plain:
            pass
        with self.assertRaises(AttributeError):
            Plain.__abstractmethods__
        with self.assertRaises(AttributeError):
            type.__abstractmethods__

    def test_setting_abstractmethods_on_plain_class(self):
        class Plain:
            pass
        Plain.__abstractmethods__ = frozenset({'x'})
        with self.assertRaises(TypeError) as cm:
            Plain()
        self.assertIn("without an implementation for abstract method 'x'",
                      str(cm.exception))
        Plain.__abstractmethods__ = frozenset()
        self.assertIsInstance(Plain(), Plain)
        del Plain.__abstractmethods__
        with self.assertRaises(AttributeError):
            Plain.__abstractmethods__

    def test_isabstractmethod_flags(self):
        def f(self):
            pass
        self.assertIs(abc.abstractmethod(f), f)
        self.assertTrue(f.__isabstractmethod__)

        class A(abc.ABC):
            @abc.abstractmethod
            def m(self):
                pass

            @staticmethod
            @abc.abstractmethod
            def s():
                pass

            @property
            def concrete(self):
                return 1
        self.assertTrue(A.__dict__['s'].__isabstractmethod__)
        self.assertFalse(getattr(A.__dict__['concrete'], '__isabstractmethod__', False))
        self.assertEqual(A.__abstractmethods__, frozenset({'m', 's'}))

    def test_abstract_property_setter_only(self):
        class A(abc.ABC):
            @property
            def p(self):
                return 1

            @p.setter
            @abc.abstractmethod
            def p(self, v):
                pass
        self.assertEqual(A.__abstractmethods__, frozenset({'p'}))

    def test_deprecated_abstract_decorators(self):
        class A(abc.ABC):
            @abc.abstractproperty
            def p(self):
                pass

            @abc.abstractclassmethod
            def c(cls):
                pass

            @abc.abstractstaticmethod
            def s():
                pass
        self.assertEqual(A.__abstractmethods__, frozenset({'p', 'c', 's'}))

    def test_override_with_non_callable(self):
        class A(abc.ABC):
            @abc.abstractmethod
            def x(self):
                pass

        class B(A):
            x = 3
        self.assertEqual(B().x, 3)

    def test_register_as_decorator_and_mro(self):
        class A(abc.ABC):
            pass

        @A.register
        class B:
            pass
        self.assertTrue(issubclass(B, A))
        self.assertNotIn(A, B.__mro__)
        self.assertTrue(isinstance(B(), A))

    def test_register_cycle_rejected(self):
        class A(abc.ABC):
            pass

        class B(A):
            pass
        with self.assertRaises(RuntimeError) as cm:
            B.register(A)
        self.assertEqual(str(cm.exception), 'Refusing to create an inheritance cycle')
        # Registering a real subclass again is a no-op that returns it.
        self.assertIs(A.register(B), B)

    def test_register_chain_transitive(self):
        class A(abc.ABC):
            pass

        class B(abc.ABC):
            pass

        class C:
            pass
        A.register(B)
        B.register(C)
        self.assertTrue(issubclass(C, A))

    def test_register_invalidates_negative_cache(self):
        class A(abc.ABC):
            pass

        class C:
            pass
        self.assertFalse(issubclass(C, A))
        A.register(C)
        self.assertTrue(issubclass(C, A))

    def test_subclasshook_false_overrides_register(self):
        class A(abc.ABC):
            @classmethod
            def __subclasshook__(cls, other):
                return False
        A.register(int)
        self.assertFalse(issubclass(int, A))

    def test_subclasshook_bad_return(self):
        class A(abc.ABC):
            @classmethod
            def __subclasshook__(cls, other):
                return 'yes'
        with self.assertRaises(AssertionError):
            issubclass(int, A)

    def test_issubclass_requires_class(self):
        class A(abc.ABC):
            pass
        with self.assertRaises(TypeError) as cm:
            issubclass(1, A)
        self.assertEqual(str(cm.exception), 'issubclass() arg 1 must be a class')

    def test_isinstance_uses_class_attribute(self):
        class A(abc.ABC):
            pass

        class Real:
            pass

        class Fake:
            __class__ = Real
        A.register(Real)
        self.assertTrue(isinstance(Fake(), A))

    def test_update_abstractmethods_detail(self):
        class A(abc.ABC):
            @abc.abstractmethod
            def f(self):
                pass

        class B(A):
            def f(self):
                return 1
        # Adding a new abstract method afterwards makes B abstract again.
        def g(self):
            pass
        B.g = abc.abstractmethod(g)
        self.assertIs(abc.update_abstractmethods(B), B)
        self.assertEqual(B.__abstractmethods__, frozenset({'g'}))
        with self.assertRaises(TypeError):
            B()

        class Plain:
            pass
        # Not an ABC: returned unchanged, nothing computed.
        self.assertIs(abc.update_abstractmethods(Plain), Plain)
        self.assertFalse(hasattr(Plain, '__abstractmethods__'))

    def test_abcmeta_direct_and_abc_slots(self):
        self.assertIs(type(abc.ABC), abc.ABCMeta)
        self.assertEqual(abc.ABC.__slots__, ())
        Dyn = abc.ABCMeta('Dyn', (), {'f': abc.abstractmethod(lambda self: 0)})
        self.assertEqual(Dyn.__abstractmethods__, frozenset({'f'}))
        self.assertEqual(Dyn.__name__, 'Dyn')

    def test_cache_token_type_and_stability(self):
        t1 = abc.get_cache_token()
        t2 = abc.get_cache_token()
        self.assertEqual(t1, t2)

        class A(abc.ABC):
            pass
        A.register(bytes)
        A.register(bytes)
        t3 = abc.get_cache_token()
        self.assertNotEqual(t1, t3)

    def test_abc_helpers_for_debugging(self):
        class A(abc.ABC):
            pass
        A.register(dict)
        self.assertTrue(isinstance({}, A))
        A._abc_registry_clear()
        A._abc_caches_clear()
        self.assertFalse(isinstance({}, A))


class ABCCacheTests(unittest.TestCase):

    def test_negative_then_positive_after_register(self):
        class A(abc.ABC):
            pass

        class C:
            pass
        for _ in range(3):
            self.assertFalse(isinstance(C(), A))
            self.assertFalse(issubclass(C, A))
        A.register(C)
        for _ in range(3):
            self.assertTrue(isinstance(C(), A))
            self.assertTrue(issubclass(C, A))

    def test_registering_elsewhere_invalidates(self):
        class A(abc.ABC):
            pass

        class B(A):
            pass

        class C:
            pass
        self.assertFalse(isinstance(C(), A))
        B.register(C)              # a subclass's registry also counts for A
        self.assertTrue(isinstance(C(), A))

    def test_subclasshook_answer_is_cached(self):
        calls = []

        class A(abc.ABC):
            @classmethod
            def __subclasshook__(cls, other):
                calls.append(other)
                return other is int
        for _ in range(3):
            self.assertTrue(isinstance(1, A))
            self.assertFalse(isinstance('s', A))
        self.assertEqual(calls, [int, str])

    def test_meta_subclass_override_and_super(self):
        class Meta(abc.ABCMeta):
            def __instancecheck__(cls, instance):
                if instance == 'magic':
                    return True
                return super().__instancecheck__(instance)

            def __subclasscheck__(cls, subclass):
                if subclass is bytes:
                    return True
                return super().__subclasscheck__(subclass)

        class A(metaclass=Meta):
            pass
        A.register(int)
        self.assertTrue(isinstance('magic', A))
        self.assertFalse(isinstance('other', A))
        self.assertTrue(isinstance(3, A))
        self.assertTrue(issubclass(bytes, A))
        self.assertTrue(issubclass(int, A))
        self.assertFalse(issubclass(float, A))

    def test_unbound_calls(self):
        class A(abc.ABC):
            pass
        A.register(list)
        self.assertTrue(abc.ABCMeta.__instancecheck__(A, []))
        self.assertTrue(abc.ABCMeta.__subclasscheck__(A, list))
        self.assertFalse(A.__instancecheck__(()))
        with self.assertRaises(TypeError):
            A.__subclasscheck__(3)

    def test_instance_with_foreign_class_attribute(self):
        class A(abc.ABC):
            pass

        class Proxy:
            @property
            def __class__(self):
                return list
        A.register(list)
        self.assertTrue(isinstance(Proxy(), A))
        self.assertFalse(issubclass(Proxy, A))

    def test_dead_classes_leave_the_caches(self):
        import gc

        class A(abc.ABC):
            pass

        def make():
            class Temp:
                pass
            isinstance(Temp(), A)
            A.register(Temp)
            self.assertTrue(issubclass(Temp, A))
        make()
        gc.collect()
        buf = io.StringIO()
        A._dump_registry(buf)
        self.assertNotIn('Temp', buf.getvalue())


if __name__ == '__main__':
    unittest.main()
