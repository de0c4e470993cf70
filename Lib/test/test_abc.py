"""Tests of abc: abstract methods, virtual subclasses, __subclasshook__."""

import abc
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


if __name__ == '__main__':
    unittest.main()
