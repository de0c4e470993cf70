"""Tests of the typing module's runtime behaviour; expected reprs are CPython 3.13's."""

import unittest
from typing import (Annotated, Any, Callable, ClassVar, Dict, Final, Generic, Iterable, List,
                    Literal, Mapping, NamedTuple, NewType, NoReturn, Optional, Protocol, Self,
                    Sequence, SupportsIndex, SupportsInt, Tuple, Type, TypedDict, TypeVar,
                    Union, cast, get_args, get_origin, get_type_hints, is_typeddict, overload,
                    runtime_checkable, TYPE_CHECKING)

T = TypeVar('T')
K = TypeVar('K', bound=int)
S = TypeVar('S', int, str, covariant=True)


class Box(Generic[T]):
    def __init__(self, v: T):
        self.v = v


@runtime_checkable
class Closeable(Protocol):
    def close(self): ...


class Pt(NamedTuple):
    x: int
    y: int = 0


class Movie(TypedDict):
    name: str
    year: int


def annotated(a: 'int', b: Optional['str'] = None) -> List['int']:
    pass


class TypingTests(unittest.TestCase):
    def test_typevars(self):
        self.assertEqual((repr(T), repr(K), repr(S)), ('~T', '~K', '+S'))
        self.assertIs(K.__bound__, int)
        self.assertEqual(S.__constraints__, (int, str))
        with self.assertRaises(TypeError):
            TypeVar('X', int)

    def test_reprs(self):
        cases = [
            (List[int], 'typing.List[int]'),
            (Dict[str, List[int]], 'typing.Dict[str, typing.List[int]]'),
            (Optional[int], 'typing.Optional[int]'),
            (Union[int, str], 'typing.Union[int, str]'),
            (Union[int, None, str], 'typing.Union[int, NoneType, str]'),
            (Union[int, int], "<class 'int'>"),
            (Callable[[int, str], bool], 'typing.Callable[[int, str], bool]'),
            (Callable[..., int], 'typing.Callable[..., int]'),
            (Tuple[int, ...], 'typing.Tuple[int, ...]'),
            (Type[int], 'typing.Type[int]'),
            (List, 'typing.List'),
            (Iterable[int], 'typing.Iterable[int]'),
            (Mapping[str, int], 'typing.Mapping[str, int]'),
            (Literal[1, 'a'], "typing.Literal[1, 'a']"),
            (ClassVar[int], 'typing.ClassVar[int]'),
            (Final[int], 'typing.Final[int]'),
            (Annotated[int, 'meta'], "typing.Annotated[int, 'meta']"),
            (Any, 'typing.Any'), (NoReturn, 'typing.NoReturn'), (Self, 'typing.Self'),
        ]
        for obj, text in cases:
            with self.subTest(text):
                self.assertEqual(repr(obj), text)

    def test_introspection(self):
        self.assertIs(get_origin(List[int]), list)
        self.assertEqual(get_args(Dict[str, int]), (str, int))
        self.assertEqual(get_args(Callable[[int], str]), ([int], str))
        self.assertIs(get_origin(Union[int, str]), Union)
        self.assertEqual(get_args(Optional[int]), (int, type(None)))
        self.assertEqual(get_type_hints(annotated),
                         {'a': int, 'b': Optional[str], 'return': List[int]})
        self.assertTrue(Union[int, str] == Union[str, int])
        self.assertTrue(int | str == Union[int, str])

    def test_generic_classes(self):
        self.assertEqual(repr(Box[int]), '__main__.Box[int]'.replace('__main__', __name__))
        self.assertEqual(Box.__parameters__, (T,))
        self.assertEqual(Box[int](3).v, 3)
        self.assertEqual(Box.__mro__, (Box, Generic, object))
        ns = {}
        exec("class C[X]:\n    pass\n", ns)
        C = ns['C']
        self.assertEqual(C.__mro__, (C, Generic, object))
        self.assertEqual(len(C.__parameters__), 1)

    def test_generic_class_with_starred_bases(self):
        ns = {}
        exec("class B: pass\nbases = (B,)\nclass C[T](*bases): pass\n", ns)
        self.assertEqual(ns['C'].__bases__, (ns['B'], Generic))
        with self.assertRaises(TypeError):
            exec("bases = (object,)\nclass D[T](*bases): pass\n", {})

    def test_protocols(self):
        with open('/dev/null') as f:
            self.assertTrue(isinstance(f, Closeable))
        self.assertFalse(isinstance(3, Closeable))
        with self.assertRaises(TypeError) as cm:
            Closeable()
        self.assertEqual(str(cm.exception), 'Protocols cannot be instantiated')
        self.assertTrue(isinstance(3, SupportsInt))
        self.assertFalse(isinstance('x', SupportsIndex))

    def test_namedtuple_typeddict_newtype(self):
        self.assertEqual(repr(Pt(1)), 'Pt(x=1, y=0)')
        self.assertEqual(Pt(1, 2)._asdict(), {'x': 1, 'y': 2})
        self.assertEqual(Pt.__annotations__, {'x': int, 'y': int})
        m = Movie(name='x', year=1)
        self.assertEqual(m, {'name': 'x', 'year': 1})
        self.assertEqual(Movie.__required_keys__, {'name', 'year'})
        self.assertTrue(is_typeddict(Movie))
        UserId = NewType('UserId', int)
        self.assertEqual(UserId(5), 5)

    def test_helpers_and_errors(self):
        self.assertEqual(cast(int, 'x'), 'x')
        self.assertFalse(TYPE_CHECKING)
        self.assertTrue(isinstance([], List))
        self.assertTrue(issubclass(list, Sequence))

        @overload
        def g(x: int) -> int: ...

        def g(x):
            return x
        self.assertEqual(g(1), 1)
        with self.assertRaises(TypeError) as cm:
            List[int, str]
        self.assertEqual(str(cm.exception), 'Too many arguments for typing.List; actual 2, '
                                            'expected 1')
        with self.assertRaises(TypeError) as cm:
            isinstance(3, List[int])
        self.assertEqual(str(cm.exception),
                         'Subscripted generics cannot be used with class and instance checks')


if __name__ == '__main__':
    unittest.main()
