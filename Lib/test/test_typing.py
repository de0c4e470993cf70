"""Tests of the typing module's runtime behaviour; expected reprs are CPython 3.13's."""

import unittest
from typing import (Annotated, Any, Callable, ClassVar, Dict, Final, Generic, Iterable, List,
                    Literal, Mapping, NamedTuple, NewType, NoReturn, Optional, Protocol, Self,
                    Sequence, SupportsIndex, SupportsInt, Tuple, Type, TypedDict, TypeVar,
                    Union, cast, get_args, get_origin, get_type_hints, is_typeddict, overload,
                    runtime_checkable, TYPE_CHECKING)
import collections.abc
import sys
import textwrap
import typing
from typing import (Annotated, Any, Callable, ClassVar, Dict, Final, Generic, Iterable, List,
                    Literal, Mapping, NamedTuple, NewType, NoReturn, Optional, Protocol, Self,
                    Sequence, Tuple, Type, TypedDict, TypeVar, Union, cast, get_args,
                    get_origin, get_type_hints, is_typeddict, overload, runtime_checkable,
                    ParamSpec, TypeVarTuple, Unpack, Required, NotRequired, ReadOnly, Never,
                    LiteralString, TypeAlias, Concatenate, TypeGuard, TypeIs, final,
                    get_overloads, clear_overloads)

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


U = TypeVar('U')
KT = TypeVar('KT', bound=collections.abc.Hashable)
Num = TypeVar('Num', int, float)
Co = TypeVar('Co', covariant=True)
Contra = TypeVar('Contra', contravariant=True)
P = ParamSpec('P')
Ts = TypeVarTuple('Ts')


class Pair(Generic[T, U]):
    def __init__(self, a: T, b: U) -> None:
        self.a = a
        self.b = b


class Node:
    value: int
    next: 'Optional[Node]'
    tags: 'list[str]'
    label: Annotated[str, 'doc'] = ''
    count: ClassVar[int] = 0


def fwd(a: 'int', b: 'Node', c: 'List[Pair[int, str]]' = None) -> 'Node':
    return b


class ReprTests(unittest.TestCase):

    def test_special_forms(self):
        self.assertEqual(repr(Any), 'typing.Any')
        self.assertEqual(repr(NoReturn), 'typing.NoReturn')
        self.assertEqual(repr(Never), 'typing.Never')
        self.assertEqual(repr(Self), 'typing.Self')
        self.assertEqual(repr(LiteralString), 'typing.LiteralString')
        self.assertEqual(repr(TypeAlias), 'typing.TypeAlias')
        self.assertEqual(repr(ClassVar), 'typing.ClassVar')
        self.assertEqual(repr(Final), 'typing.Final')
        self.assertEqual(repr(Union), 'typing.Union')
        self.assertEqual(repr(Optional), 'typing.Optional')
        self.assertEqual(repr(Literal), 'typing.Literal')
        self.assertEqual(repr(Annotated), 'typing.Annotated')
        self.assertEqual(repr(Required), 'typing.Required')
        self.assertEqual(repr(NotRequired), 'typing.NotRequired')
        self.assertEqual(repr(ReadOnly), 'typing.ReadOnly')
        self.assertEqual(repr(Unpack), 'typing.Unpack')
        self.assertEqual(repr(Concatenate), 'typing.Concatenate')
        self.assertEqual(repr(TypeGuard), 'typing.TypeGuard')
        self.assertEqual(repr(TypeIs), 'typing.TypeIs')
        self.assertEqual(repr(Generic), "<class 'typing.Generic'>")
        self.assertEqual(repr(Protocol), "<class 'typing.Protocol'>")

    def test_union_optional(self):
        self.assertEqual(repr(Optional[int]), 'typing.Optional[int]')
        self.assertEqual(repr(Union[int, str]), 'typing.Union[int, str]')
        self.assertEqual(repr(Union[int, None]), 'typing.Optional[int]')
        self.assertEqual(repr(Union[None, int]), 'typing.Optional[int]')
        self.assertEqual(repr(Union[int, str, None]), 'typing.Union[int, str, NoneType]')
        self.assertEqual(repr(Optional[Union[int, str]]), 'typing.Union[int, str, NoneType]')
        self.assertEqual(repr(Union[int]), "<class 'int'>")
        self.assertEqual(repr(Union[int, int]), "<class 'int'>")
        self.assertEqual(
            repr(Union[List[int], Dict[str, int]]),
            'typing.Union[typing.List[int], typing.Dict[str, int]]')
        self.assertEqual(repr(int | str), 'int | str')
        self.assertEqual(repr(int | None), 'int | None')
        self.assertEqual(repr(List[int | None]), 'typing.List[int | None]')
        self.assertEqual(repr(Optional[List[int]]), 'typing.Optional[typing.List[int]]')

    def test_union_equality(self):
        self.assertEqual(Union[int, str], Union[str, int])
        self.assertEqual(Union[int, str], int | str)
        self.assertEqual(Optional[int], Union[int, None])
        self.assertEqual(Union[int, Union[str, float]], Union[int, str, float])
        self.assertEqual(Union[int, str], Union[int, str, int])
        self.assertEqual(hash(Union[int, str]), hash(Union[str, int]))
        self.assertEqual(
            repr(get_args(Union[int, Union[str, int]])),
            "(<class 'int'>, <class 'str'>)")
        self.assertEqual(Union[int, Any], Union[int, Any])

    def test_builtin_generic_aliases(self):
        self.assertEqual(repr(List[int]), 'typing.List[int]')
        self.assertEqual(repr(Dict[str, List[int]]), 'typing.Dict[str, typing.List[int]]')
        self.assertEqual(repr(Tuple[int, ...]), 'typing.Tuple[int, ...]')
        self.assertEqual(repr(Tuple[()]), 'typing.Tuple[()]')
        self.assertEqual(repr(Tuple[int, str]), 'typing.Tuple[int, str]')
        self.assertEqual(repr(Type[int]), 'typing.Type[int]')
        self.assertEqual(repr(Callable[[int, str], bool]), 'typing.Callable[[int, str], bool]')
        self.assertEqual(repr(Callable[..., int]), 'typing.Callable[..., int]')
        self.assertEqual(repr(Callable[[], None]), 'typing.Callable[[], NoneType]')
        self.assertEqual(repr(Callable[P, int]), 'typing.Callable[~P, int]')
        self.assertEqual(
            repr(Callable[Concatenate[int, P], int]),
            'typing.Callable[typing.Concatenate[int, ~P], int]')
        self.assertEqual(repr(Iterable[int]), 'typing.Iterable[int]')
        self.assertEqual(repr(Mapping[str, Any]), 'typing.Mapping[str, typing.Any]')
        self.assertEqual(repr(Sequence[T]), 'typing.Sequence[~T]')
        self.assertEqual(repr(List), 'typing.List')
        self.assertEqual(repr(Dict), 'typing.Dict')
        self.assertEqual(repr(typing.Deque[int]), 'typing.Deque[int]')
        self.assertEqual(repr(typing.DefaultDict[str, int]), 'typing.DefaultDict[str, int]')
        self.assertEqual(repr(typing.Counter[str]), 'typing.Counter[str]')
        self.assertEqual(repr(typing.OrderedDict[str, int]), 'typing.OrderedDict[str, int]')
        self.assertEqual(
            repr(typing.Generator[int, None, None]),
            'typing.Generator[int, NoneType, NoneType]')
        self.assertEqual(repr(typing.AsyncIterator[bytes]), 'typing.AsyncIterator[bytes]')
        self.assertEqual(repr(typing.FrozenSet[int]), 'typing.FrozenSet[int]')
        self.assertEqual(repr(typing.Set), 'typing.Set')
        self.assertEqual(repr(typing.Pattern[str]), 'typing.Pattern[str]')
        self.assertEqual(repr(typing.Match[bytes]), 'typing.Match[bytes]')

    def test_pep585_aliases(self):
        self.assertEqual(repr(list[int]), 'list[int]')
        self.assertEqual(repr(dict[str, list[int]]), 'dict[str, list[int]]')
        self.assertEqual(repr(tuple[int, ...]), 'tuple[int, ...]')
        self.assertEqual(repr(tuple[()]), 'tuple[()]')
        self.assertEqual(
            repr(collections.abc.Callable[[int], str]),
            'collections.abc.Callable[[int], str]')
        self.assertEqual(
            repr(collections.abc.Callable[..., str]),
            'collections.abc.Callable[..., str]')
        self.assertEqual(repr(type[int]), 'type[int]')
        self.assertEqual(repr(list[T]), 'list[~T]')

    def test_literal(self):
        self.assertEqual(repr(Literal[1]), 'typing.Literal[1]')
        self.assertEqual(repr(Literal[1, 'a', None, True]), "typing.Literal[1, 'a', None, True]")
        self.assertEqual(repr(Literal['x', Literal['y', 'z']]), "typing.Literal['x', 'y', 'z']")
        self.assertEqual(Literal[1, 2], Literal[2, 1])
        self.assertNotEqual(Literal[1], Literal[True])
        self.assertEqual(Literal[1, 1], Literal[1])
        self.assertEqual(get_args(Literal[1, 'a', 1]), (1, 'a'))
        self.assertEqual(hash(Literal[1, 2]), hash(Literal[2, 1]))
        self.assertEqual(repr(Optional[Literal['a']]), "typing.Optional[typing.Literal['a']]")

    def test_annotated(self):
        self.assertEqual(repr(Annotated[int, 'meta']), "typing.Annotated[int, 'meta']")
        self.assertEqual(
            repr(Annotated[List[int], 1, 2]),
            'typing.Annotated[typing.List[int], 1, 2]')
        self.assertEqual(
            repr(Annotated[Annotated[int, 'a'], 'b']),
            "typing.Annotated[int, 'a', 'b']")
        self.assertEqual(Annotated[int, 'x'], Annotated[int, 'x'])
        self.assertNotEqual(Annotated[int, 'x'], Annotated[int, 'y'])
        self.assertEqual(Annotated[int, 'x'].__metadata__, ('x',))
        self.assertEqual(repr(Annotated[int, 'x'].__origin__), "<class 'int'>")
        self.assertEqual(repr(get_args(Annotated[int, 'm', 3])), "(<class 'int'>, 'm', 3)")
        self.assertIs(get_origin(Annotated[int, 'm']), Annotated)
        with self.assertRaises(TypeError) as cm:
            Annotated[int]
        self.assertEqual(
            str(cm.exception),
            'Annotated[...] should be used with at least two arguments (a type and an '
            'annotation).')
        with self.assertRaises(TypeError):
            Annotated[()]

    def test_typevars(self):
        self.assertEqual(repr(T), '~T')
        self.assertEqual(repr(Co), '+Co')
        self.assertEqual(repr(Contra), '-Contra')
        self.assertEqual(repr(P), '~P')
        self.assertEqual(repr(Ts), 'Ts')
        self.assertEqual(repr(P.args), 'P.args')
        self.assertEqual(repr(P.kwargs), 'P.kwargs')
        self.assertEqual(repr(Unpack[Ts]), 'typing.Unpack[Ts]')
        self.assertEqual(repr(tuple[*Ts]), 'tuple[typing.Unpack[Ts]]')
        self.assertEqual(T.__name__, 'T')
        self.assertEqual(repr(Num.__constraints__), "(<class 'int'>, <class 'float'>)")
        self.assertEqual(repr(KT.__bound__), "<class 'collections.abc.Hashable'>")
        self.assertEqual(
            (Co.__covariant__, Co.__contravariant__, Contra.__contravariant__),
            (True, False, True))
        self.assertIsNone(T.__bound__)
        self.assertEqual(T.__constraints__, ())
        self.assertFalse(T.has_default())
        D = TypeVar('D', default=int)
        self.assertEqual(repr(D.__default__), "<class 'int'>")
        self.assertTrue(D.has_default())
        self.assertIs(T.__default__, typing.NoDefault)
        self.assertEqual(repr(typing.NoDefault), 'typing.NoDefault')
        AT = TypeVar('AT', infer_variance=True)
        self.assertTrue(AT.__infer_variance__)
        self.assertEqual(type(T).__name__, 'TypeVar')
        self.assertEqual(T.__module__, f'{__name__}')
        with self.assertRaises(TypeError) as cm:
            TypeVar('X', int)
        self.assertEqual(str(cm.exception), 'A single constraint is not allowed')
        with self.assertRaises(ValueError) as cm:
            TypeVar('X', covariant=True, contravariant=True)
        self.assertEqual(str(cm.exception), 'Bivariant types are not supported.')
        with self.assertRaises(TypeError):
            TypeVar('X', int, str, bound=int)

    def test_generic_classes(self):
        self.assertEqual(repr(Pair[int, str]), f'{__name__}.Pair[int, str]')
        self.assertEqual(repr(Pair[int, T]), f'{__name__}.Pair[int, ~T]')
        self.assertEqual(repr(Pair[int, T][str]), f'{__name__}.Pair[int, str]')
        self.assertIs(Pair[int, str].__origin__, Pair)
        self.assertEqual(repr(Pair[int, str].__args__), "(<class 'int'>, <class 'str'>)")
        self.assertEqual(repr(Pair.__parameters__), '(~T, ~U)')
        self.assertEqual(repr(Pair[int, T].__parameters__), '(~T,)')
        self.assertIs(get_origin(Pair[int, str]), Pair)
        p = Pair[int, str](1, 'a')
        self.assertIs(type(p), Pair)
        self.assertEqual(p.__orig_class__, Pair[int, str])
        self.assertEqual(
            repr(Pair.__mro__),
            f"(<class '{__name__}.Pair'>, <class 'typing.Generic'>, <class 'object'>)")
        self.assertEqual(repr(Pair.__orig_bases__), '(typing.Generic[~T, ~U],)')
        with self.assertRaises(TypeError) as cm:
            Pair[int]
        self.assertEqual(
            str(cm.exception),
            f"Too few arguments for <class '{__name__}.Pair'>; actual 1, expected at least 2")
        with self.assertRaises(TypeError) as cm:
            Pair[int, str, float]
        self.assertEqual(
            str(cm.exception),
            f"Too many arguments for <class '{__name__}.Pair'>; actual 3, expected 2")
        DU = TypeVar('DU', default=str)
        class WithDefault(Generic[T, DU]):
            pass
        self.assertEqual(
            repr(WithDefault[int]),
            f'{__name__}.ReprTests.test_generic_classes.<locals>.WithDefault[int, str]')
        self.assertEqual(repr(WithDefault[int].__args__), "(<class 'int'>, <class 'str'>)")
        with self.assertRaises(TypeError) as cm:
            WithDefault[()]
        self.assertEqual(
            str(cm.exception),
            f"Too few arguments for <class '{__name__}.ReprTests.test_generic_classes.<locals"
            ">.WithDefault'>; actual 0, expected at least 1")
        with self.assertRaises(TypeError) as cm:
            WithDefault[int, int, int]
        self.assertEqual(
            str(cm.exception),
            f"Too many arguments for <class '{__name__}.ReprTests.test_generic_classes.<local"
            "s>.WithDefault'>; actual 3, expected 2")
        with self.assertRaises(TypeError) as cm:
            Generic[T, T]
        self.assertEqual(str(cm.exception), 'Parameters to Generic[...] must all be unique')
        with self.assertRaises(TypeError) as cm:
            Generic[int]
        self.assertEqual(
            str(cm.exception),
            'Parameters to Generic[...] must all be type variables or parameter '
            'specification variables.')

    def test_generic_subclassing(self):
        class Base(Generic[T]):
            pass
        class Child(Base[int]):
            pass
        class Both(Base[T], Generic[T]):
            pass
        self.assertEqual(
            repr(Child.__orig_bases__),
            f'({__name__}.ReprTests.test_generic_subclassing.<locals>.Base[int],)')
        self.assertEqual(Child.__parameters__, ())
        self.assertEqual(repr(Both.__parameters__), '(~T,)')
        self.assertEqual(Base[int], Base[int])
        self.assertNotEqual(Base[int], Base[str])
        self.assertEqual(hash(Base[int]), hash(Base[int]))
        self.assertTrue(isinstance(Child(), Base))
        with self.assertRaises(TypeError) as cm:
            isinstance(Child(), Base[int])
        self.assertEqual(
            str(cm.exception),
            'Subscripted generics cannot be used with class and instance checks')
        self.assertTrue(issubclass(Child, Base))
        class MultiParam(Dict[str, T]):
            pass
        self.assertEqual(repr(MultiParam.__parameters__), '(~T,)')
        self.assertEqual(repr(MultiParam.__mro__[1]), "<class 'dict'>")

    def test_pep695_generics(self):
        ns = {}
        exec(textwrap.dedent('''
            class Box[X]:
                def get(self) -> X: ...
            def ident[Y](v: Y) -> Y: return v
            type Alias = list[int]
            type Gen[Z] = dict[str, Z]
            '''), ns)
        Box = ns['Box']
        self.assertEqual(repr(Box.__type_params__), '(X,)')
        self.assertEqual(repr(Box[int]), 'Box[int]')
        self.assertEqual(repr(ns['ident'].__type_params__), '(Y,)')
        Alias = ns['Alias']
        self.assertEqual(repr(Alias), 'Alias')
        self.assertEqual(repr(Alias.__value__), 'list[int]')
        self.assertEqual(Alias.__name__, 'Alias')
        self.assertEqual(type(Alias).__name__, 'TypeAliasType')
        Gen = ns['Gen']
        self.assertEqual(repr(Gen.__type_params__), '(Z,)')
        self.assertEqual(repr(Gen.__value__), 'dict[str, Z]')
        self.assertEqual(repr(Box.__mro__[1:]), "(<class 'typing.Generic'>, <class 'object'>)")

    def test_pep695_alias_subscription(self):
        ns = {}
        exec('type Gen[Z] = dict[str, Z]', ns)
        Gen = ns['Gen']
        self.assertEqual(repr(Gen[int]), 'Gen[int]')
        self.assertIs(get_origin(Gen[int]), Gen)
        self.assertEqual(repr(get_args(Gen[int])), "(<class 'int'>,)")
        self.assertEqual(repr(Gen.__parameters__), '(Z,)')

    def test_type_alias_type_direct(self):
        TA = typing.TypeAliasType('TA', list[T], type_params=(T,))
        self.assertEqual(repr(TA), 'TA')
        self.assertEqual(repr(TA[int]), 'TA[int]')
        self.assertEqual(repr(TA.__value__), 'list[~T]')
        self.assertEqual(repr(TA.__parameters__), '(~T,)')
        self.assertEqual(TA.__module__, __name__)
        with self.assertRaises(TypeError):
            typing.TypeAliasType('TA', int, type_params=[T])
        with self.assertRaises(TypeError):
            typing.TypeAliasType(1, int)

    def test_type_alias_not_generic_not_subscriptable(self):
        ns = {}
        exec('type Plain = int', ns)
        self.assertEqual(ns['Plain'].__parameters__, ())
        with self.assertRaises(TypeError) as cm:
            ns['Plain'][int]
        self.assertEqual(str(cm.exception), 'Only generic type aliases are subscriptable')

    def test_type_alias_parameters_unpack_typevartuple(self):
        ns = {}
        exec('type Multi[*Ts, **P] = int', ns)
        self.assertEqual(repr(ns['Multi'].__parameters__), '(typing.Unpack[Ts], P)')


class IntrospectionTests(unittest.TestCase):

    def test_get_origin_get_args(self):
        self.assertEqual(repr(get_origin(List[int])), "<class 'list'>")
        self.assertEqual(repr(get_origin(list[int])), "<class 'list'>")
        self.assertEqual(repr(get_origin(Dict[str, int])), "<class 'dict'>")
        self.assertEqual(repr(get_origin(Union[int, str])), 'typing.Union')
        self.assertEqual(repr(get_origin(int | str)), "<class 'types.UnionType'>")
        self.assertEqual(repr(get_origin(Literal[1])), 'typing.Literal')
        self.assertEqual(
            repr(get_origin(Callable[[int], str])),
            "<class 'collections.abc.Callable'>")
        self.assertEqual(repr(get_origin(ClassVar[int])), 'typing.ClassVar')
        self.assertEqual(repr(get_origin(Final[int])), 'typing.Final')
        self.assertIsNone(get_origin(int))
        self.assertEqual(repr(get_origin(List)), "<class 'list'>")
        self.assertEqual(repr(get_origin(Generic)), "<class 'typing.Generic'>")
        self.assertEqual(repr(get_origin(Generic[T])), "<class 'typing.Generic'>")
        self.assertEqual(repr(get_origin(P.args)), '~P')
        self.assertEqual(repr(get_origin(Required[int])), 'typing.Required')
        self.assertEqual(repr(get_origin(Tuple[int, ...])), "<class 'tuple'>")
        self.assertEqual(repr(get_args(Dict[str, int])), "(<class 'str'>, <class 'int'>)")
        self.assertEqual(
            repr(get_args(Callable[[int, str], bool])),
            "([<class 'int'>, <class 'str'>], <class 'bool'>)")
        self.assertEqual(repr(get_args(Callable[..., bool])), "(Ellipsis, <class 'bool'>)")
        self.assertEqual(get_args(Tuple[()]), ())
        self.assertEqual(repr(get_args(Tuple[int, ...])), "(<class 'int'>, Ellipsis)")
        self.assertEqual(repr(get_args(int | str)), "(<class 'int'>, <class 'str'>)")
        self.assertEqual(get_args(List), ())
        self.assertEqual(get_args(int), ())
        self.assertEqual(repr(get_args(ClassVar[List[int]])), '(typing.List[int],)')
        self.assertEqual(repr(get_args(Callable[P, int])), "(~P, <class 'int'>)")
        self.assertEqual(
            repr(get_args(Callable[Concatenate[int, P], int])),
            "(typing.Concatenate[int, ~P], <class 'int'>)")

    def test_get_type_hints_forward_refs(self):
        self.assertEqual(
            repr(get_type_hints(fwd)),
            f"{{'a': <class 'int'>, 'b': <class '{__name__}.Node'>, 'c': "
            f"typing.List[{__name__}.Pair[int, str]], 'return': <class '{__name__}.Node'>}}")
        self.assertEqual(
            repr(get_type_hints(Node)),
            f"{{'value': <class 'int'>, 'next': typing.Optional[{__name__}.Node], 'tags': "
            "list[str], 'label': <class 'str'>, 'count': typing.ClassVar[int]}")
        self.assertEqual(
            repr(get_type_hints(Node, include_extras=True)['label']),
            "typing.Annotated[str, 'doc']")
        self.assertEqual(repr(get_type_hints(Node)['label']), "<class 'str'>")
        self.assertEqual(
            repr(get_type_hints(Pair.__init__)),
            "{'a': ~T, 'b': ~U, 'return': <class 'NoneType'>}")
        self.assertEqual(get_type_hints(int), {})
        self.assertEqual(get_type_hints(lambda x: x), {})

    def test_get_type_hints_local_and_errors(self):
        def f(x: 'Missing') -> None: pass
        with self.assertRaises(NameError) as cm:
            get_type_hints(f)
        self.assertEqual(str(cm.exception), "name 'Missing' is not defined")
        self.assertEqual(
            repr(get_type_hints(f, localns={'Missing': int})),
            "{'x': <class 'int'>, 'return': <class 'NoneType'>}")
        def g(x: 'List[int]'): pass
        self.assertEqual(
            repr(get_type_hints(g, globalns={'List': List})),
            "{'x': typing.List[int]}")
        class Local:
            a: 'Local'
        self.assertEqual(
            repr(get_type_hints(Local, localns={'Local': Local})),
            f"{{'a': <class '{__name__}.IntrospectionTests.test_get_type_hints_local_and_error"
            "s.<locals>.Local'>}")

    def test_get_type_hints_optional_default_none(self):
        def h(x: int = None, y: 'str' = None): pass
        self.assertEqual(repr(get_type_hints(h)), "{'x': <class 'int'>, 'y': <class 'str'>}")

    def test_get_type_hints_inheritance(self):
        class A:
            x: int
        class B(A):
            y: str
        self.assertEqual(repr(get_type_hints(B)), "{'x': <class 'int'>, 'y': <class 'str'>}")
        self.assertEqual(repr(B.__annotations__), "{'y': <class 'str'>}")

    def test_get_type_hints_extras(self):
        def k(a: Annotated[int, 'm'], b: Final[int], c: Required[int] = 0): pass
        self.assertEqual(
            repr(get_type_hints(k)),
            "{'a': <class 'int'>, 'b': typing.Final[int], 'c': <class 'int'>}")
        self.assertEqual(
            repr(get_type_hints(k, include_extras=True)),
            "{'a': typing.Annotated[int, 'm'], 'b': typing.Final[int], 'c': typing.Required[int]}")

    def test_forward_ref(self):
        fr = typing.ForwardRef('int')
        self.assertEqual(repr(fr), "ForwardRef('int')")
        self.assertEqual(fr, typing.ForwardRef('int'))
        self.assertEqual(fr.__forward_arg__, 'int')
        self.assertEqual(repr(List['int']), "typing.List[ForwardRef('int')]")
        self.assertEqual(repr(Optional['Node']), "typing.Optional[ForwardRef('Node')]")
        self.assertEqual(List['int'], List[typing.ForwardRef('int')])
        with self.assertRaises(TypeError) as cm:
            typing.ForwardRef(1)
        self.assertEqual(str(cm.exception), 'Forward reference must be a string -- got 1')
        with self.assertRaises(SyntaxError) as cm:
            typing.ForwardRef('1 +')
        self.assertEqual(str(cm.exception), "Forward reference must be an expression -- got '1 +'")

    def test_cast_and_helpers(self):
        self.assertEqual(cast(int, 'x'), 'x')
        self.assertEqual(cast('str', 5), 5)
        self.assertEqual(typing.assert_type(3, int), 3)
        with self.assertRaises(AssertionError) as cm:
            typing.assert_never(1)
        self.assertEqual(str(cm.exception), 'Expected code to be unreachable, but got: 1')
        self.assertIsNot(typing.reveal_type, None)
        self.assertFalse(typing.TYPE_CHECKING)

    def test_overload(self):
        @overload
        def f(x: int) -> int: ...
        @overload
        def f(x: str) -> str: ...
        def f(x):
            return x
        self.assertEqual(f(1), 1)
        self.assertEqual(len(get_overloads(f)), 2)
        self.assertEqual(
            repr([list(get_type_hints(o).values()) for o in get_overloads(f)]),
            "[[<class 'int'>, <class 'int'>], [<class 'str'>, <class 'str'>]]")
        @overload
        def g(x: int) -> int: ...
        with self.assertRaises(NotImplementedError) as cm:
            g(1)
        self.assertEqual(
            str(cm.exception),
            'You should not call an overloaded function. A series of '
            '@overload-decorated functions outside a stub module should always be '
            'followed by an implementation that is not @overload-ed.')
        clear_overloads()
        self.assertEqual(get_overloads(f), [])

    def test_final_and_override(self):
        @final
        class F:
            pass
        self.assertTrue(F.__final__)
        @final
        def meth(): pass
        self.assertTrue(meth.__final__)
        @typing.override
        def o(): pass
        self.assertTrue(o.__override__)
        @typing.no_type_check
        def nt(a: int): pass
        self.assertTrue(nt.__no_type_check__)
        self.assertEqual(get_type_hints(nt), {})

    def test_new_type(self):
        UserId = NewType('UserId', int)
        self.assertEqual(repr(UserId), f'{__name__}.UserId')
        self.assertEqual(UserId(5), 5)
        self.assertEqual(type(UserId(5)).__name__, 'int')
        self.assertEqual(repr(UserId.__supertype__), "<class 'int'>")
        self.assertEqual(UserId.__name__, 'UserId')
        self.assertEqual(UserId.__qualname__, 'UserId')
        Derived = NewType('Derived', UserId)
        self.assertIs(Derived.__supertype__, UserId)
        self.assertEqual(repr(UserId | None), f'typing.Optional[{__name__}.UserId]')
        self.assertEqual(get_type_hints(lambda: None), {})
        with self.assertRaises(TypeError):
            class X(UserId): pass


class ProtocolTests(unittest.TestCase):

    def test_runtime_checkable(self):
        @runtime_checkable
        class Closer(Protocol):
            def close(self) -> None: ...
        class F:
            def close(self): pass
        self.assertTrue(isinstance(F(), Closer))
        self.assertFalse(isinstance(1, Closer))
        self.assertTrue(issubclass(F, Closer))
        self.assertTrue(Closer._is_protocol)
        self.assertTrue(typing.is_protocol(Closer))
        self.assertEqual(repr(typing.get_protocol_members(Closer)), "frozenset({'close'})")
        self.assertEqual(
            repr(Closer),
            f"<class '{__name__}.ProtocolTests.test_runtime_checkable.<locals>.Closer'>")

    def test_data_protocol(self):
        @runtime_checkable
        class HasX(Protocol):
            x: int
        class W:
            def __init__(self):
                self.x = 1
        self.assertTrue(isinstance(W(), HasX))
        with self.assertRaises(TypeError) as cm:
            issubclass(W, HasX)
        self.assertEqual(
            str(cm.exception),
            "Protocols with non-method members don't support issubclass(). Non-method "
            "members: 'x'.")
        self.assertEqual(repr(typing.get_protocol_members(HasX)), "frozenset({'x'})")

    def test_not_runtime_checkable(self):
        class Plain(Protocol):
            def m(self): ...
        with self.assertRaises(TypeError) as cm:
            isinstance(1, Plain)
        self.assertEqual(
            str(cm.exception),
            'Instance and class checks can only be used with @runtime_checkable protocols')
        with self.assertRaises(TypeError) as cm:
            Plain()
        self.assertEqual(str(cm.exception), 'Protocols cannot be instantiated')
        self.assertTrue(typing.is_protocol(Plain))
        self.assertFalse(typing.is_protocol(int))
        with self.assertRaises(TypeError) as cm:
            runtime_checkable(int)
        self.assertEqual(
            str(cm.exception),
            "@runtime_checkable can be only applied to protocol classes, got <class 'int'>")

    def test_generic_protocol(self):
        @runtime_checkable
        class Getter(Protocol[T]):
            def get(self) -> T: ...
        self.assertEqual(
            repr(Getter[int]),
            f'{__name__}.ProtocolTests.test_generic_protocol.<locals>.Getter[int]')
        self.assertEqual(repr(Getter.__parameters__), '(~T,)')
        class G:
            def get(self): return 1
        self.assertTrue(isinstance(G(), Getter))

    def test_supports_protocols(self):
        self.assertTrue(isinstance(3, typing.SupportsInt))
        self.assertFalse(isinstance('3', typing.SupportsInt))
        self.assertTrue(isinstance(3.5, typing.SupportsFloat))
        self.assertTrue(isinstance(3, typing.SupportsIndex))
        self.assertFalse(isinstance(3.0, typing.SupportsIndex))
        self.assertTrue(isinstance(-1, typing.SupportsAbs))
        self.assertTrue(isinstance(1.5, typing.SupportsRound))
        self.assertTrue(isinstance(b'x', typing.SupportsBytes))
        self.assertTrue(isinstance(1j, typing.SupportsComplex))

    def test_protocol_inheritance(self):
        class P1(Protocol):
            def a(self): ...
        class P2(P1, Protocol):
            def b(self): ...
        self.assertEqual(sorted(typing.get_protocol_members(P2)), ['a', 'b'])
        class Impl(P1):
            pass
        self.assertIsNone(Impl().a())
        self.assertFalse(typing.is_protocol(Impl))


class TypedDictTests(unittest.TestCase):

    def test_basics(self):
        class Movie(TypedDict):
            name: str
            year: int
        m = Movie(name='x', year=1)
        self.assertEqual(m, {'name': 'x', 'year': 1})
        self.assertEqual(repr(type(m)), "<class 'dict'>")
        self.assertEqual(sorted(Movie.__required_keys__), ['name', 'year'])
        self.assertEqual(repr(Movie.__optional_keys__), 'frozenset()')
        self.assertTrue(Movie.__total__)
        self.assertEqual(
            repr(Movie.__annotations__),
            "{'name': <class 'str'>, 'year': <class 'int'>}")
        self.assertTrue(is_typeddict(Movie))
        self.assertFalse(is_typeddict(dict))
        self.assertEqual(
            repr(Movie.__mro__),
            f"(<class '{__name__}.TypedDictTests.test_basics.<locals>.Movie'>, <class "
            "'dict'>, <class 'object'>)")
        with self.assertRaises(TypeError) as cm:
            isinstance(m, Movie)
        self.assertEqual(str(cm.exception), 'TypedDict does not support instance and class checks')
        with self.assertRaises(TypeError) as cm:
            issubclass(dict, Movie)
        self.assertEqual(str(cm.exception), 'TypedDict does not support instance and class checks')
        self.assertEqual(Movie.__name__, 'Movie')

    def test_total_required_notrequired_readonly(self):
        class Opt(TypedDict, total=False):
            a: int
            b: Required[str]
        class Req(TypedDict):
            c: int
            d: NotRequired[int]
            e: ReadOnly[str]
            f: ReadOnly[NotRequired[int]]
        self.assertEqual(
            (sorted(Opt.__required_keys__), sorted(Opt.__optional_keys__)),
            (['b'], ['a']))
        self.assertEqual(
            (sorted(Req.__required_keys__), sorted(Req.__optional_keys__)),
            (['c', 'e'], ['d', 'f']))
        self.assertEqual(
            (sorted(Req.__readonly_keys__), sorted(Req.__mutable_keys__)),
            (['e', 'f'], ['c', 'd']))
        self.assertFalse(Opt.__total__)
        self.assertEqual(
            repr(get_type_hints(Req)),
            "{'c': <class 'int'>, 'd': <class 'int'>, 'e': <class 'str'>, 'f': <class 'int'>}")
        self.assertEqual(
            repr(get_type_hints(Req, include_extras=True)['f']),
            'typing.ReadOnly[typing.NotRequired[int]]')

    def test_inheritance(self):
        class Base(TypedDict):
            a: int
        class Sub(Base, total=False):
            b: str
        self.assertEqual(
            (sorted(Sub.__required_keys__), sorted(Sub.__optional_keys__)),
            (['a'], ['b']))
        self.assertEqual(repr(Sub.__annotations__), "{'a': <class 'int'>, 'b': <class 'str'>}")
        self.assertEqual(repr(get_type_hints(Sub)), "{'a': <class 'int'>, 'b': <class 'str'>}")
        self.assertEqual(
            repr(Sub.__orig_bases__),
            f"(<class '{__name__}.TypedDictTests.test_inheritance.<locals>.Base'>,)")
        with self.assertRaises(TypeError):
            class Bad(TypedDict, int): pass

    def test_functional(self):
        TD = TypedDict('TD', {'x': int, 'y-z': str})
        self.assertEqual(repr(TD.__annotations__), "{'x': <class 'int'>, 'y-z': <class 'str'>}")
        self.assertEqual(TD(x=1), {'x': 1})
        TD2 = TypedDict('TD2', {'a': int}, total=False)
        self.assertEqual(repr(TD2.__optional_keys__), "frozenset({'a'})")
        self.assertEqual(TD.__module__, __name__)

    def test_generic_typeddict(self):
        class GTD(TypedDict, Generic[T]):
            item: T
        self.assertEqual(
            repr(GTD[int]),
            f'{__name__}.TypedDictTests.test_generic_typeddict.<locals>.GTD[int]')
        self.assertEqual(repr(GTD.__parameters__), '(~T,)')
        self.assertEqual(GTD[int](item=1), {'item': 1})
        self.assertEqual(repr(GTD.__bases__), "(<class 'typing.Generic'>, <class 'dict'>)")
        self.assertEqual(repr(GTD.__orig_bases__[1:]), '(typing.Generic[~T],)')


class NamedTupleTests(unittest.TestCase):

    def test_class_syntax(self):
        class Emp(NamedTuple):
            name: str
            id: int = 3
        e = Emp('a')
        self.assertEqual(repr(e), "Emp(name='a', id=3)")
        self.assertEqual(e._fields, ('name', 'id'))
        self.assertEqual(e._field_defaults, {'id': 3})
        self.assertEqual(repr(Emp.__annotations__), "{'name': <class 'str'>, 'id': <class 'int'>}")
        self.assertEqual(e._asdict(), {'name': 'a', 'id': 3})
        self.assertEqual(repr(e._replace(id=5)), "Emp(name='a', id=5)")
        self.assertEqual(repr(Emp._make(['b', 7])), "Emp(name='b', id=7)")
        self.assertEqual(tuple(e), ('a', 3))
        self.assertTrue(isinstance(e, tuple))
        self.assertEqual(
            repr(Emp.__mro__),
            f"(<class '{__name__}.NamedTupleTests.test_class_syntax.<locals>.Emp'>, <class "
            "'tuple'>, <class 'object'>)")
        self.assertEqual(repr(get_type_hints(Emp)), "{'name': <class 'str'>, 'id': <class 'int'>}")
        with self.assertRaises(TypeError) as cm:
            Emp()
        self.assertEqual(
            str(cm.exception),
            "Emp.__new__() missing 1 required positional argument: 'name'")
        self.assertEqual(Emp.__doc__, 'Emp(name, id)')

    def test_methods_and_defaults(self):
        class Pt(NamedTuple):
            x: float
            y: float = 0.0
            def norm(self):
                return (self.x ** 2 + self.y ** 2) ** 0.5
            @property
            def flipped(self):
                return Pt(self.y, self.x)
        self.assertEqual(Pt(3, 4).norm(), 5.0)
        self.assertEqual(repr(Pt(1).flipped), 'Pt(x=0.0, y=1)')
        self.assertEqual(Pt.__new__.__defaults__, (0.0,))

    def test_errors(self):
        try:
            class Bad(NamedTuple):
                a: int = 1
                b: int
        except TypeError as e:
            msg = str(e)
        self.assertEqual(msg, 'Non-default namedtuple field b cannot follow default field a')
        try:
            class Bad2(NamedTuple):
                _a: int
        except ValueError as e:
            msg2 = str(e)
        self.assertEqual(msg2, "Field names cannot start with an underscore: '_a'")
        with self.assertRaises(TypeError):
            class Bad3(NamedTuple, int): pass

    def test_functional(self):
        P3 = NamedTuple('P3', [('a', int), ('b', str)])
        self.assertEqual(repr(P3(1, 'x')), "P3(a=1, b='x')")
        self.assertEqual(repr(P3.__annotations__), "{'a': <class 'int'>, 'b': <class 'str'>}")
        E = NamedTuple('E', [])
        self.assertEqual(repr(E()), 'E()')

    def test_generic_namedtuple(self):
        class GNT(NamedTuple, Generic[T]):
            item: T
            count: int = 1
        self.assertEqual(
            repr(GNT[int]),
            f'{__name__}.NamedTupleTests.test_generic_namedtuple.<locals>.GNT[int]')
        self.assertEqual(repr(GNT(5)), 'GNT(item=5, count=1)')
        self.assertEqual(repr(GNT.__parameters__), '(~T,)')
        self.assertEqual(GNT[str]('a').item, 'a')
        self.assertEqual(repr(GNT.__orig_bases__[1:]), '(typing.Generic[~T],)')
        self.assertEqual(
            repr(GNT.__mro__[1:]),
            "(<class 'tuple'>, <class 'typing.Generic'>, <class 'object'>)")


class MiscTests(unittest.TestCase):

    def test_callable_and_type_checks(self):
        self.assertEqual(repr(Callable[int, str]), 'typing.Callable[[int], str]')
        with self.assertRaises(TypeError) as cm:
            Optional[int, str]
        self.assertEqual(
            str(cm.exception),
            "typing.Optional requires a single type. Got (<class 'int'>, <class 'str'>).")
        with self.assertRaises(TypeError) as cm:
            Union[()]
        self.assertEqual(str(cm.exception), 'Cannot take a Union of no types.')
        with self.assertRaises(TypeError) as cm:
            ClassVar[int, str]
        self.assertEqual(
            str(cm.exception),
            "typing.ClassVar accepts only single type. Got (<class 'int'>, <class 'str'>).")
        with self.assertRaises(TypeError) as cm:
            List[int, str]
        self.assertEqual(
            str(cm.exception),
            'Too many arguments for typing.List; actual 2, expected 1')
        with self.assertRaises(TypeError) as cm:
            Dict[int]
        self.assertEqual(
            str(cm.exception),
            'Too few arguments for typing.Dict; actual 1, expected 2')
        self.assertEqual(repr(Union[1]), '1')
        self.assertEqual(repr(Optional[None]), "<class 'NoneType'>")
        self.assertEqual(repr(Optional[None]), "<class 'NoneType'>")
        self.assertEqual(repr(Type[Any]), 'typing.Type[typing.Any]')

    def test_self_and_never(self):
        self.assertEqual(get_type_hints(lambda: None), {})
        class C:
            def m(self) -> Self:
                return self
        self.assertEqual(repr(get_type_hints(C.m)), "{'return': typing.Self}")
        with self.assertRaises(TypeError) as cm:
            Self()
        self.assertEqual(str(cm.exception), 'Cannot instantiate typing.Self')
        with self.assertRaises(TypeError) as cm:
            isinstance(1, Self)
        self.assertEqual(str(cm.exception), 'typing.Self cannot be used with isinstance()')
        with self.assertRaises(TypeError) as cm:
            Never[int]
        self.assertEqual(str(cm.exception), 'typing.Never is not subscriptable')

    def test_instance_checks(self):
        self.assertTrue(isinstance([], typing.List))
        self.assertTrue(isinstance({}, typing.Mapping))
        self.assertTrue(issubclass(list, typing.Sequence))
        self.assertTrue(isinstance(len, typing.Callable))
        with self.assertRaises(TypeError) as cm:
            isinstance([], List[int])
        self.assertEqual(
            str(cm.exception),
            'Subscripted generics cannot be used with class and instance checks')
        with self.assertRaises(TypeError) as cm:
            isinstance(1, Literal[1])
        self.assertEqual(
            str(cm.exception),
            'Subscripted generics cannot be used with class and instance checks')
        with self.assertRaises(TypeError) as cm:
            isinstance(1, Any)
        self.assertEqual(str(cm.exception), 'typing.Any cannot be used with isinstance()')
        self.assertTrue(isinstance(1, int | str))
        self.assertTrue(isinstance(1, Union[int, str]))
        with self.assertRaises(TypeError) as cm:
            isinstance(1, Union[List[int], str])
        self.assertEqual(
            str(cm.exception),
            'Subscripted generics cannot be used with class and instance checks')

    def test_any_subclass(self):
        class MyAny(Any):
            pass
        self.assertTrue(issubclass(MyAny, object))
        self.assertEqual(MyAny().__class__.__name__, 'MyAny')
        with self.assertRaises(TypeError) as cm:
            Any()
        self.assertEqual(str(cm.exception), 'Any cannot be instantiated')

    def test_module_attributes(self):
        self.assertIn('get_type_hints', typing.__all__)
        self.assertIn('TypeAliasType', typing.__all__)
        self.assertIs(typing.Text, str)
        self.assertEqual(repr(typing.AnyStr.__constraints__), "(<class 'bytes'>, <class 'str'>)")
        self.assertEqual(repr(typing.IO.__parameters__), '(~AnyStr,)')
        self.assertIsNot(typing.TypeAlias, None)
        self.assertEqual(type(typing.List[int]).__name__, '_GenericAlias')
        self.assertEqual(type(typing.Union[int, str]).__name__, '_UnionGenericAlias')
        self.assertEqual(type(int | str).__name__, 'UnionType')
        self.assertEqual(type(Literal[1]).__name__, '_LiteralGenericAlias')
        self.assertEqual(type(Annotated[int, 1]).__name__, '_AnnotatedAlias')
        self.assertEqual(type(Callable[[int], int]).__name__, '_CallableGenericAlias')
        self.assertEqual(type(list[int]).__name__, 'GenericAlias')


class SubstitutionTests(unittest.TestCase):

    def test_typevar_substitution(self):
        self.assertEqual(repr(Dict[str, T][int]), 'typing.Dict[str, int]')
        self.assertEqual(repr(List[T][int]), 'typing.List[int]')
        self.assertEqual(repr(Callable[[T], U][int, str]), 'typing.Callable[[int], str]')
        self.assertEqual(repr(Union[T, int][str]), 'typing.Union[str, int]')
        self.assertEqual(repr(Optional[T][int]), 'typing.Optional[int]')
        self.assertEqual(repr(Tuple[T, ...][str]), 'typing.Tuple[str, ...]')
        self.assertEqual(repr(List[Dict[T, U]][int, str]), 'typing.List[typing.Dict[int, str]]')
        self.assertEqual(repr(list[T][int]), 'list[int]')
        self.assertEqual(repr(Pair[List[T], T][int]), f'{__name__}.Pair[typing.List[int], int]')
        self.assertEqual(List[T][int], List[int])
        with self.assertRaises(TypeError) as cm:
            List[int][str]
        self.assertEqual(str(cm.exception), 'typing.List[int] is not a generic class')
        with self.assertRaises(TypeError) as cm:
            Dict[T, U][int]
        self.assertEqual(
            str(cm.exception),
            'Too few arguments for typing.Dict[~T, ~U]; actual 1, expected at least 2')

    def test_builtin_alias_nested_substitution(self):
        self.assertEqual(repr(dict[T, list[U]][str, bytes]), 'dict[str, list[bytes]]')
        self.assertEqual(repr(list[tuple[T, U]][int, str]), 'list[tuple[int, str]]')
        # The nested alias is subscripted in its own parameter order.
        self.assertEqual(repr(list[dict[U, T]][int, str]), 'list[dict[int, str]]')
        self.assertEqual(repr(dict[T, List[T]][int]), 'dict[int, typing.List[int]]')

    def test_copy_and_pickle_aliases(self):
        import copy as _copy, pickle as _pickle
        self.assertEqual(_copy.deepcopy(List[int]), List[int])
        self.assertEqual(repr(_copy.deepcopy(List[int])), 'typing.List[int]')
        self.assertEqual(
            repr(_copy.copy(Dict[str, Tuple[int, ...]])),
            'typing.Dict[str, typing.Tuple[int, ...]]')
        self.assertEqual(
            repr(_pickle.loads(_pickle.dumps(Callable[[int, str], bool]))),
            'typing.Callable[[int, str], bool]')
        self.assertEqual(
            repr(_pickle.loads(_pickle.dumps(Optional[List[str]]))),
            'typing.Optional[typing.List[str]]')
        self.assertEqual(
            repr(_pickle.loads(_pickle.dumps(Literal[1, 'a']))),
            "typing.Literal[1, 'a']")
        self.assertEqual(repr(_pickle.loads(_pickle.dumps(Tuple[()]))), 'typing.Tuple[()]')
        self.assertEqual(repr(_copy.deepcopy(Callable[..., int])), 'typing.Callable[..., int]')

    def test_paramspec_generics(self):
        class G(Generic[P]):
            pass
        self.assertEqual(
            repr(G[[int, str]]),
            f'{__name__}.SubstitutionTests.test_paramspec_generics.<locals>.G[[int, str]]')
        self.assertEqual(
            repr(G[int, str]),
            f'{__name__}.SubstitutionTests.test_paramspec_generics.<locals>.G[[int, str]]')
        self.assertEqual(
            repr(G[...]),
            f'{__name__}.SubstitutionTests.test_paramspec_generics.<locals>.G[...]')
        self.assertEqual(repr(G[[int, str]].__args__), "((<class 'int'>, <class 'str'>),)")
        self.assertEqual(repr(G.__parameters__), '(~P,)')
        class H(Generic[T, P]):
            pass
        self.assertEqual(
            repr(H[int, [str, bytes]]),
            f'{__name__}.SubstitutionTests.test_paramspec_generics.<locals>.H[int, [str, bytes]]')
        self.assertEqual(repr(Callable[P, T][[int], str]), 'typing.Callable[[int], str]')

    def test_typevartuple_generics(self):
        class V(Generic[*Ts]):
            pass
        self.assertEqual(
            repr(V[int, str]),
            f'{__name__}.SubstitutionTests.test_typevartuple_generics.<locals>.V[int, str]')
        self.assertEqual(
            repr(V[()]),
            f'{__name__}.SubstitutionTests.test_typevartuple_generics.<locals>.V[()]')
        self.assertEqual(repr(V.__parameters__), '(Ts,)')
        class W(Generic[T, *Ts]):
            pass
        self.assertEqual(
            repr(W[int]),
            f'{__name__}.SubstitutionTests.test_typevartuple_generics.<locals>.W[int]')
        self.assertEqual(
            repr(W[int, str, float]),
            f'{__name__}.SubstitutionTests.test_typevartuple_generics.<locals>.W[int, str, float]')
        self.assertEqual(
            repr(W[int, str, float].__args__),
            "(<class 'int'>, <class 'str'>, <class 'float'>)")
        self.assertEqual(repr(tuple[int, *Ts]), 'tuple[int, typing.Unpack[Ts]]')

    def test_final_classvar_in_class(self):
        class C:
            a: Final = 1
            b: Final[int] = 2
            c: ClassVar[str] = 'x'
        self.assertEqual(
            repr(get_type_hints(C)),
            "{'a': typing.Final, 'b': typing.Final[int], 'c': typing.ClassVar[str]}")
        self.assertEqual(repr(Final[int]), 'typing.Final[int]')
        self.assertEqual(repr(TypeGuard[int]), 'typing.TypeGuard[int]')
        self.assertEqual(repr(TypeIs[str]), 'typing.TypeIs[str]')
        self.assertEqual(repr(ClassVar[List[int]]), 'typing.ClassVar[typing.List[int]]')

    def test_get_type_hints_module(self):
        import types as _types
        m = _types.ModuleType('m')
        m.__annotations__ = {'x': 'int', 'y': List[str]}
        self.assertEqual(repr(get_type_hints(m)), "{'x': <class 'int'>, 'y': typing.List[str]}")

    def test_unpack_typeddict_kwargs(self):
        class Opts(TypedDict):
            a: int
        def f(**kwargs: Unpack[Opts]): pass
        self.assertEqual(
            repr(get_type_hints(f)['kwargs']),
            f'typing.Unpack[{__name__}.SubstitutionTests.test_unpack_typeddict_kwargs.<locals'
            '>.Opts]')
        self.assertEqual(
            repr(Unpack[Opts]),
            f'typing.Unpack[{__name__}.SubstitutionTests.test_unpack_typeddict_kwargs.<locals'
            '>.Opts]')
        self.assertIs(get_origin(Unpack[Opts]), Unpack)

    def test_protocol_with_classmethod_and_property(self):
        @runtime_checkable
        class HasName(Protocol):
            @property
            def name(self) -> str: ...
            @classmethod
            def make(cls): ...
        class Impl:
            name = 'n'
            @classmethod
            def make(cls):
                return cls()
        self.assertTrue(isinstance(Impl(), HasName))
        self.assertEqual(sorted(typing.get_protocol_members(HasName)), ['make', 'name'])

    def test_namedtuple_kwargs_and_pickle(self):
        import pickle as _pickle
        Point3 = NamedTuple('Point3', [('x', int), ('y', int)])
        p = Point3(1, 2)
        self.assertEqual(p._asdict(), {'x': 1, 'y': 2})
        self.assertEqual(p.__class__.__name__, 'Point3')

    def test_typed_dict_call_errors_and_repr(self):
        class Cfg(TypedDict, total=False):
            host: str
            port: int
        self.assertEqual(Cfg(), {})
        self.assertEqual(Cfg(host='h'), {'host': 'h'})
        self.assertEqual(
            repr(Cfg),
            f"<class '{__name__}.SubstitutionTests.test_typed_dict_call_errors_and_repr.<loca"
            "ls>.Cfg'>")
        self.assertFalse(Cfg.__total__)
        self.assertEqual(repr(Cfg.__required_keys__), 'frozenset()')

    def test_newtype_callable_and_subclass_msg(self):
        UserId = NewType('UserId', int)
        try:
            class Sub(UserId):
                pass
        except TypeError as e:
            msg = str(e)
        self.assertEqual(
            msg,
            'Cannot subclass an instance of NewType. Perhaps you were looking for: `Sub '
            "= NewType('Sub', UserId)`")
        self.assertEqual(UserId.__call__(3), 3)
        self.assertEqual(repr(List[UserId]), f'typing.List[{__name__}.UserId]')

    def test_namedtuple_signature(self):
        import inspect
        class N(NamedTuple):
            a: int
            b: str = 'q'
        self.assertEqual(str(inspect.signature(N)), "(a: int, b: str = 'q')")
        self.assertEqual(
            str(inspect.signature(NamedTuple('M', [('a', int), ('b', str)]))),
            '(a: int, b: str)')
        self.assertEqual(
            repr(N.__new__.__annotations__),
            "{'a': <class 'int'>, 'b': <class 'str'>}")

    def test_future_annotations_get_type_hints(self):
        import types as _types
        mod = _types.ModuleType('ty_future_mod')
        sys.modules['ty_future_mod'] = mod
        exec(textwrap.dedent('''
            from __future__ import annotations
            class Item:
                parent: Item | None
                kids: list[Item]
            def f(a: int, b: Item) -> list[Item]: ...
            '''), mod.__dict__)
        self.assertEqual(mod.Item.__annotations__, {'parent': 'Item | None', 'kids': 'list[Item]'})
        self.assertEqual(
            repr(get_type_hints(mod.Item)),
            "{'parent': ty_future_mod.Item | None, 'kids': list[ty_future_mod.Item]}")
        self.assertEqual(
            repr(get_type_hints(mod.f)),
            "{'a': <class 'int'>, 'b': <class 'ty_future_mod.Item'>, 'return': "
            'list[ty_future_mod.Item]}')
        self.assertEqual(mod.f.__annotations__, {'a': 'int', 'b': 'Item', 'return': 'list[Item]'})
        del sys.modules['ty_future_mod']


class AliasBehaviourTests(unittest.TestCase):

    def test_assorted_aliases_and_protocols(self):
        import io
        T = TypeVar('T'); P = ParamSpec('P')
        self.assertEqual(
            repr(typing.Coroutine[Any, Any, int]),
            'typing.Coroutine[typing.Any, typing.Any, int]')
        self.assertEqual(
            repr(typing.ContextManager[int]),
            'typing.ContextManager[int, bool | None]')
        self.assertEqual(
            repr(typing.AsyncContextManager[str]),
            'typing.AsyncContextManager[str, bool | None]')
        self.assertEqual(repr(typing.Awaitable[int]), 'typing.Awaitable[int]')
        self.assertEqual(
            repr(typing.Iterator[int].__origin__),
            "<class 'collections.abc.Iterator'>")
        self.assertEqual(repr(isinstance(iter([]), typing.Iterator)), 'True')
        self.assertEqual(repr(isinstance(1, typing.Hashable)), 'True')
        self.assertEqual(repr(isinstance([], typing.Sized)), 'True')
        self.assertEqual(repr(isinstance(io.StringIO(), typing.TextIO)), 'False')
        self.assertEqual(repr(issubclass(dict, typing.MutableMapping)), 'True')
        self.assertEqual(repr(get_args(Type[int])), "(<class 'int'>,)")
        self.assertEqual(repr(Union[int, str].__args__), "(<class 'int'>, <class 'str'>)")
        self.assertEqual(repr(Union[int, str].__origin__), 'typing.Union')
        self.assertEqual(repr(Union[int, str].__parameters__), '()')
        self.assertEqual(repr(Union[T, int].__parameters__), '(~T,)')
        self.assertEqual(repr(List[T].__parameters__), '(~T,)')
        self.assertEqual(repr(Callable[P, T].__parameters__), '(~P, ~T)')
        self.assertEqual(
            repr(collections.abc.Callable[[int], str].__args__),
            "(<class 'int'>, <class 'str'>)")
        self.assertEqual(
            repr(collections.abc.Callable[P, str]),
            'collections.abc.Callable[~P, str]')
        self.assertEqual(
            repr(typing.dataclass_transform()(lambda c: c).__dataclass_transform__),
            "{'eq_default': True, 'order_default': False, 'kw_only_default': False, "
            "'frozen_default': False, 'field_specifiers': (), 'kwargs': {}}")
        self.assertEqual(repr(typing.Optional[int] | str), 'typing.Union[int, NoneType, str]')
        self.assertEqual(repr(int | typing.List[int]), 'typing.Union[int, typing.List[int]]')
        self.assertEqual(repr(typing.List[int] | None), 'typing.Optional[typing.List[int]]')
        self.assertEqual(repr(typing.Literal['a'] | None), "typing.Optional[typing.Literal['a']]")
        self.assertEqual(
            repr((int | str) | typing.List[int]),
            'typing.Union[int, str, typing.List[int]]')
        self.assertEqual(repr(List[int].__name__), "'List'")
        self.assertEqual(repr(List.__name__), "'List'")
        self.assertEqual(repr(Dict[str, int].__qualname__), "'Dict'")
        self.assertEqual(repr(Optional[int].__name__), "'Optional'")
        with self.assertRaises(TypeError) as cm:
            List[int]([1, 2])
        self.assertEqual(str(cm.exception), 'Type List cannot be instantiated; use list() instead')
        with self.assertRaises(TypeError) as cm:
            List()
        self.assertEqual(str(cm.exception), 'Type List cannot be instantiated; use list() instead')
        self.assertEqual(repr(typing.Deque[int]([1])), 'deque([1])')
        self.assertEqual(repr(typing.DefaultDict[str, int](int)), "defaultdict(<class 'int'>, {})")
        self.assertEqual(repr(typing.Counter('abca')), "Counter({'a': 2, 'b': 1, 'c': 1})")
        with self.assertRaises(TypeError) as cm:
            Dict[str, int](a=1)
        self.assertEqual(str(cm.exception), 'Type Dict cannot be instantiated; use dict() instead')
        with self.assertRaises(TypeError) as cm:
            Tuple[int, str]((1, 'a'))
        self.assertEqual(
            str(cm.exception),
            'Type Tuple cannot be instantiated; use tuple() instead')
        self.assertEqual(repr(Type[int].__args__), "(<class 'int'>,)")
        self.assertEqual(repr(typing.Callable.__origin__), "<class 'collections.abc.Callable'>")
        self.assertEqual(repr(typing.AbstractSet[int]), 'typing.AbstractSet[int]')
        self.assertEqual(repr(typing.ByteString), 'typing.ByteString')
        self.assertEqual(
            repr(typing.get_args(typing.Generator[int, str, None])),
            "(<class 'int'>, <class 'str'>, <class 'NoneType'>)")
        self.assertEqual(repr(typing.Hashable), 'typing.Hashable')
        self.assertEqual(repr(typing.Sized), 'typing.Sized')
        self.assertEqual(repr(typing.SupportsInt.__protocol_attrs__), "{'__int__'}")
        self.assertEqual(repr(typing.SupportsAbs[int]), 'typing.SupportsAbs[int]')
        self.assertEqual(repr(typing.IO[str]), 'typing.IO[str]')
        self.assertEqual(
            repr(typing.TextIO.__mro__),
            "(<class 'typing.TextIO'>, <class 'typing.IO'>, <class 'typing.Generic'>, "
            "<class 'object'>)")
        self.assertEqual(
            repr(sorted(typing.__all__)[:20]),
            "['AbstractSet', 'Annotated', 'Any', 'AnyStr', 'AsyncContextManager', "
            "'AsyncGenerator', 'AsyncIterable', 'AsyncIterator', 'Awaitable', "
            "'BinaryIO', 'ByteString', 'Callable', 'ChainMap', 'ClassVar', 'Collection',"
            " 'Concatenate', 'Container', 'ContextManager', 'Coroutine', 'Counter']")
        names = ['override', 'TypeIs', 'ReadOnly', 'NoDefault', 'get_protocol_members',
                 'is_protocol', 'TypeAliasType', 'evaluate_forward_ref']
        self.assertEqual(
            repr([n for n in names if hasattr(typing, n)]),
            "['override', 'TypeIs', 'ReadOnly', 'NoDefault', 'get_protocol_members', "
            "'is_protocol', 'TypeAliasType']")
        self.assertEqual(
            repr(typing.ForwardRef('int', module='builtins')),
            "ForwardRef('int', module='builtins')")
        self.assertEqual(
            repr(typing.ForwardRef('x') == typing.ForwardRef('x', module='m')),
            'False')
        class A:
            x: 'int'
            y: ClassVar['str'] = 'a'
        self.assertEqual(
            repr(get_type_hints(A)),
            "{'x': <class 'int'>, 'y': typing.ClassVar[str]}")
        def f(x: 'Optional[int]' = None) -> 'List[int]': ...
        self.assertEqual(
            repr(get_type_hints(f)),
            "{'x': typing.Optional[int], 'return': typing.List[int]}")
        class Proto(Protocol):
            def __call__(self, x: int) -> str: ...
        self.assertEqual(repr(Proto.__protocol_attrs__), "{'__call__'}")
        self.assertEqual(repr(typing.get_protocol_members(Proto)), "frozenset({'__call__'})")
        self.assertEqual(repr(typing.Protocol[T]), 'typing.Protocol[~T]')
        self.assertEqual(repr(Generic[T]), 'typing.Generic[~T]')
        self.assertEqual(repr(Generic[P]), 'typing.Generic[~P]')
        self.assertEqual(repr(typing.Concatenate[int, P]), 'typing.Concatenate[int, ~P]')
        self.assertEqual(repr(typing.Concatenate[int, P].__args__), "(<class 'int'>, ~P)")
        self.assertEqual(
            repr(Annotated[int, 'x'] | None),
            "typing.Optional[typing.Annotated[int, 'x']]")
        self.assertEqual(
            repr(Union[Annotated[int, 'x'], str]),
            "typing.Union[typing.Annotated[int, 'x'], str]")
        self.assertEqual(
            repr(Optional[Annotated[int, 'x']]),
            "typing.Optional[typing.Annotated[int, 'x']]")
        self.assertEqual(
            repr(typing.get_type_hints(typing.NamedTuple('Q', [('a', 'int')]))),
            "{'a': <class 'int'>}")
        self.assertEqual(repr(typing.Generator[int]), 'typing.Generator[int, NoneType, NoneType]')
        self.assertEqual(repr(typing.Generator[int, str]), 'typing.Generator[int, str, NoneType]')
        self.assertEqual(repr(typing.AsyncGenerator[int]), 'typing.AsyncGenerator[int, NoneType]')
        self.assertEqual(repr(typing.AsyncIterator[int].__name__), "'AsyncIterator'")


class TypeParameterTests(unittest.TestCase):

    def test_reprs_and_substitution(self):
        Ts = TypeVarTuple('Ts')
        P = ParamSpec('P')
        T = TypeVar('T', bound='Foo')
        self.assertEqual(repr((T, T.__bound__)), "(~T, ForwardRef('Foo'))")
        self.assertEqual(repr(TypeVar('S', bound=int | str).__bound__), 'int | str')
        self.assertEqual(repr(ParamSpec('Q', bound=int).__bound__), "<class 'int'>")
        self.assertEqual(repr(Unpack[tuple[int, ...]]), 'typing.Unpack[tuple[int, ...]]')
        self.assertEqual(repr(tuple[int, *tuple[str, ...]]), 'tuple[int, *tuple[str, ...]]')
        self.assertEqual(
            repr(Tuple[int, Unpack[Tuple[str, ...]]]),
            'typing.Tuple[int, typing.Unpack[typing.Tuple[str, ...]]]')
        self.assertEqual(repr([*Ts]), '[typing.Unpack[Ts]]')
        self.assertEqual(repr(get_args(tuple[int, *Ts])), "(<class 'int'>, typing.Unpack[Ts])")
        self.assertEqual(
            repr(TypeVarTuple('Xs', default=Unpack[tuple[int, str]]).__default__),
            'typing.Unpack[tuple[int, str]]')
        self.assertEqual(
            repr(ParamSpec('R', default=[int, str]).__default__),
            "[<class 'int'>, <class 'str'>]")
        self.assertEqual(repr(ParamSpec('R', default=...).__default__), 'Ellipsis')
        self.assertEqual(repr(TypeVar('D', default=None).__default__), 'None')
        self.assertEqual(
            repr(Callable[Concatenate[int, ...], str]),
            'typing.Callable[typing.Concatenate[int, ...], str]')
        self.assertEqual(repr(Concatenate[int, ...]), 'typing.Concatenate[int, ...]')
        self.assertEqual(repr((P.args.__origin__ is P, P.kwargs.__origin__ is P)), '(True, True)')
        self.assertEqual(repr(P.args == P.args), 'True')
        self.assertEqual(repr(T.__name__ + P.__name__ + Ts.__name__), "'TPTs'")
        self.assertEqual(
            repr((T.__covariant__, T.__contravariant__, T.__infer_variance__)),
            '(False, False, False)')
        self.assertEqual(repr(P.__module__ == Ts.__module__), 'True')
        self.assertEqual(repr(typing.TypeVar.__module__), "'typing'")
        self.assertEqual(repr(type(T)), "<class 'typing.TypeVar'>")
        self.assertEqual(repr(isinstance(T, TypeVar)), 'True')
        self.assertEqual(repr(T | None), 'typing.Optional[~T]')
        self.assertEqual(repr(None | T), 'typing.Optional[~T]')
        self.assertEqual(repr(list[T] | None), 'list[~T] | None')
        self.assertEqual(repr(Optional[T] == Union[T, None]), 'True')
        self.assertEqual(repr(Union[int, T][str]), 'typing.Union[int, str]')
        self.assertEqual(repr(Union[int, T][int]), "<class 'int'>")
        self.assertEqual(repr(Optional[T][None]), "<class 'NoneType'>")
        self.assertEqual(repr(List[Optional[T]][int]), 'typing.List[typing.Optional[int]]')
        self.assertEqual(repr(Dict[T, T][int]), 'typing.Dict[int, int]')
        self.assertEqual(repr(Callable[..., T][int]), 'typing.Callable[..., int]')
        self.assertEqual(repr(Callable[[T], T][int]), 'typing.Callable[[int], int]')
        self.assertEqual(repr(Annotated[T, 'm'][int]), "typing.Annotated[int, 'm']")
        self.assertEqual(
            repr(Annotated[List[T], 'm'][int]),
            "typing.Annotated[typing.List[int], 'm']")
        self.assertEqual(repr(Final[List[T]]), 'typing.Final[typing.List[~T]]')
        self.assertEqual(repr(Type[T][int]), 'typing.Type[int]')
        self.assertEqual(repr(Tuple[T, ...][int]), 'typing.Tuple[int, ...]')
        self.assertEqual(repr(Tuple[T, T][int]), 'typing.Tuple[int, int]')
        self.assertEqual(
            repr(Iterable[Tuple[T, int]][str]),
            'typing.Iterable[typing.Tuple[str, int]]')


class StripAndCheckTests(unittest.TestCase):

    def test_annotations_stripped_recursively(self):
        class Node:
            a: List[Annotated[int, 'x']]
            b: 'List[Node]'
            c: Dict[str, 'Node']
            d: Optional[Annotated[str, 'y']]
            e: Annotated[Optional[int], 'z']
            f: list['Node']
            g: 'Required[int]'
            h: Callable[['Node'], Annotated[int, 1]]
            i: tuple['int', ...]
        self.assertEqual(
            repr(get_type_hints(Node)),
            f"{{'a': typing.List[int], 'b': typing.List[{__name__}.Node], 'c': "
            f"typing.Dict[str, {__name__}.Node], 'd': typing.Optional[str], 'e': "
            f"typing.Optional[int], 'f': list[{__name__}.Node], 'g': <class 'int'>, 'h': "
            f"typing.Callable[[{__name__}.Node], int], 'i': tuple[int, ...]}}")
        self.assertEqual(
            repr(get_type_hints(Node, include_extras=True)),
            "{'a': typing.List[typing.Annotated[int, 'x']], 'b': "
            f"typing.List[{__name__}.Node], 'c': typing.Dict[str, {__name__}.Node], 'd': "
            "typing.Optional[typing.Annotated[str, 'y']], 'e': "
            f"typing.Annotated[typing.Optional[int], 'z'], 'f': list[{__name__}.Node], 'g': "
            f"typing.Required[int], 'h': typing.Callable[[{__name__}.Node], "
            "typing.Annotated[int, 1]], 'i': tuple[int, ...]}")
        class P(Protocol):
            def m(self) -> int: ...
        class Impl(P):
            def __init__(self, v):
                self.v = v
        self.assertEqual(repr(Impl(3).v), '3')
        class P2(Protocol):
            def __init__(self, v):
                self.v = v
            def m(self): ...
        class Impl2(P2):
            pass
        self.assertEqual(repr(Impl2(4).v), '4')
        self.assertEqual(repr(get_type_hints(Impl2)), '{}')
        def f(a: 'Annotated[int, "m"]', b: 'Final[int]' = 1): pass
        with self.assertRaises(TypeError) as cm:
            get_type_hints(f)
        self.assertEqual(str(cm.exception), 'typing.Final[int] is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            get_type_hints(f, include_extras=True)
        self.assertEqual(str(cm.exception), 'typing.Final[int] is not valid as type argument')

    def test_special_form_arguments(self):
        with self.assertRaises(TypeError) as cm:
            ClassVar[int, str]
        self.assertEqual(
            str(cm.exception),
            "typing.ClassVar accepts only single type. Got (<class 'int'>, <class 'str'>).")
        self.assertEqual(repr(ClassVar[ClassVar]), 'typing.ClassVar[typing.ClassVar]')
        self.assertEqual(repr(ClassVar[Final]), 'typing.ClassVar[typing.Final]')
        with self.assertRaises(TypeError) as cm:
            ClassVar[Generic]
        self.assertEqual(
            str(cm.exception),
            "Plain <class 'typing.Generic'> is not valid as type argument")
        with self.assertRaises(TypeError) as cm:
            ClassVar[Union]
        self.assertEqual(str(cm.exception), 'Plain typing.Union is not valid as type argument')
        self.assertEqual(repr(ClassVar[Any]), 'typing.ClassVar[typing.Any]')
        self.assertEqual(repr(ClassVar[ClassVar[int]]), 'typing.ClassVar[typing.ClassVar[int]]')
        self.assertEqual(repr(ClassVar[Final[int]]), 'typing.ClassVar[typing.Final[int]]')
        with self.assertRaises(TypeError) as cm:
            ClassVar[Protocol]
        self.assertEqual(
            str(cm.exception),
            "Plain <class 'typing.Protocol'> is not valid as type argument")
        with self.assertRaises(TypeError) as cm:
            Final[int, str]
        self.assertEqual(
            str(cm.exception),
            "typing.Final accepts only single type. Got (<class 'int'>, <class 'str'>).")
        self.assertEqual(repr(Final[ClassVar]), 'typing.Final[typing.ClassVar]')
        self.assertEqual(repr(Final[Final]), 'typing.Final[typing.Final]')
        with self.assertRaises(TypeError) as cm:
            Final[Generic]
        self.assertEqual(
            str(cm.exception),
            "Plain <class 'typing.Generic'> is not valid as type argument")
        with self.assertRaises(TypeError) as cm:
            Final[Union]
        self.assertEqual(str(cm.exception), 'Plain typing.Union is not valid as type argument')
        self.assertEqual(repr(Final[Any]), 'typing.Final[typing.Any]')
        self.assertEqual(repr(Final[ClassVar[int]]), 'typing.Final[typing.ClassVar[int]]')
        self.assertEqual(repr(Final[Final[int]]), 'typing.Final[typing.Final[int]]')
        with self.assertRaises(TypeError) as cm:
            Final[Protocol]
        self.assertEqual(
            str(cm.exception),
            "Plain <class 'typing.Protocol'> is not valid as type argument")
        with self.assertRaises(TypeError) as cm:
            TypeGuard[int, str]
        self.assertEqual(
            str(cm.exception),
            "typing.TypeGuard accepts only single type. Got (<class 'int'>, <class 'str'>).")
        with self.assertRaises(TypeError) as cm:
            TypeGuard[ClassVar]
        self.assertEqual(str(cm.exception), 'Plain typing.ClassVar is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            TypeGuard[Final]
        self.assertEqual(str(cm.exception), 'Plain typing.Final is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            TypeGuard[Generic]
        self.assertEqual(
            str(cm.exception),
            "Plain <class 'typing.Generic'> is not valid as type argument")
        with self.assertRaises(TypeError) as cm:
            TypeGuard[Union]
        self.assertEqual(str(cm.exception), 'Plain typing.Union is not valid as type argument')
        self.assertEqual(repr(TypeGuard[Any]), 'typing.TypeGuard[typing.Any]')
        with self.assertRaises(TypeError) as cm:
            TypeGuard[ClassVar[int]]
        self.assertEqual(str(cm.exception), 'typing.ClassVar[int] is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            TypeGuard[Final[int]]
        self.assertEqual(str(cm.exception), 'typing.Final[int] is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            TypeGuard[Protocol]
        self.assertEqual(
            str(cm.exception),
            "Plain <class 'typing.Protocol'> is not valid as type argument")
        with self.assertRaises(TypeError) as cm:
            Required[int, str]
        self.assertEqual(
            str(cm.exception),
            "Required accepts only a single type. Got (<class 'int'>, <class 'str'>).")
        with self.assertRaises(TypeError) as cm:
            Required[ClassVar]
        self.assertEqual(str(cm.exception), 'Plain typing.ClassVar is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            Required[Final]
        self.assertEqual(str(cm.exception), 'Plain typing.Final is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            Required[Generic]
        self.assertEqual(
            str(cm.exception),
            "Plain <class 'typing.Generic'> is not valid as type argument")
        with self.assertRaises(TypeError) as cm:
            Required[Union]
        self.assertEqual(str(cm.exception), 'Plain typing.Union is not valid as type argument')
        self.assertEqual(repr(Required[Any]), 'typing.Required[typing.Any]')
        with self.assertRaises(TypeError) as cm:
            Required[ClassVar[int]]
        self.assertEqual(str(cm.exception), 'typing.ClassVar[int] is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            Required[Final[int]]
        self.assertEqual(str(cm.exception), 'typing.Final[int] is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            Required[Protocol]
        self.assertEqual(
            str(cm.exception),
            "Plain <class 'typing.Protocol'> is not valid as type argument")
        with self.assertRaises(TypeError) as cm:
            Unpack[int, str]
        self.assertEqual(
            str(cm.exception),
            "typing.Unpack accepts only single type. Got (<class 'int'>, <class 'str'>).")
        with self.assertRaises(TypeError) as cm:
            Unpack[ClassVar]
        self.assertEqual(str(cm.exception), 'Plain typing.ClassVar is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            Unpack[Final]
        self.assertEqual(str(cm.exception), 'Plain typing.Final is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            Unpack[Generic]
        self.assertEqual(
            str(cm.exception),
            "Plain <class 'typing.Generic'> is not valid as type argument")
        with self.assertRaises(TypeError) as cm:
            Unpack[Union]
        self.assertEqual(str(cm.exception), 'Plain typing.Union is not valid as type argument')
        self.assertEqual(repr(Unpack[Any]), 'typing.Unpack[typing.Any]')
        with self.assertRaises(TypeError) as cm:
            Unpack[ClassVar[int]]
        self.assertEqual(str(cm.exception), 'typing.ClassVar[int] is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            Unpack[Final[int]]
        self.assertEqual(str(cm.exception), 'typing.Final[int] is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            Unpack[Protocol]
        self.assertEqual(
            str(cm.exception),
            "Plain <class 'typing.Protocol'> is not valid as type argument")
        with self.assertRaises(TypeError) as cm:
            List[Union]
        self.assertEqual(str(cm.exception), 'Plain typing.Union is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            List[ClassVar[int]]
        self.assertEqual(str(cm.exception), 'typing.ClassVar[int] is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            Union[Final[int], str]
        self.assertEqual(str(cm.exception), 'typing.Final[int] is not valid as type argument')
        with self.assertRaises(TypeError) as cm:
            Optional[Generic]
        self.assertEqual(
            str(cm.exception),
            "Plain <class 'typing.Generic'> is not valid as type argument")
        with self.assertRaises(TypeError) as cm:
            Tuple[Final]
        self.assertEqual(str(cm.exception), 'Plain typing.Final is not valid as type argument')
        self.assertEqual(
            repr(Callable[[ClassVar[int]], int]),
            'typing.Callable[[typing.ClassVar[int]], int]')
        self.assertEqual(repr(List[Self]), 'typing.List[typing.Self]')
        self.assertEqual(repr(List[Never]), 'typing.List[typing.Never]')
        self.assertEqual(repr(Dict[str, TypeAlias]), 'typing.Dict[str, typing.TypeAlias]')
        def g(a: "ClassVar[int]"): pass
        with self.assertRaises(TypeError) as cm:
            get_type_hints(g)
        self.assertEqual(str(cm.exception), 'typing.ClassVar[int] is not valid as type argument')
        class H:
            a: "ClassVar[int]" = 1
            b: "Final" = 2
            c: "ClassVar" = 3
        self.assertEqual(
            repr(get_type_hints(H)),
            "{'a': typing.ClassVar[int], 'b': typing.Final, 'c': typing.ClassVar}")

    def test_subscriptions_are_cached(self):
        self.assertIs(List[int], List[int])
        self.assertIs(Optional[int], Optional[int])
        self.assertIs(Union[int, str], Union[int, str])
        self.assertIsNot(Dict[str, T][int], Dict[str, int])
        self.assertIs(Pair[int, str], Pair[int, str])
        self.assertNotEqual(repr(Literal[1]), repr(Literal[True]))
        self.assertIs(Literal[1], Literal[1])
        self.assertEqual(Callable[[int], str], Callable[[int], str])
        self.assertEqual(Annotated[int, []], Annotated[int, []])


class GetTypeHintsTargets(unittest.TestCase):

    def test_accepted_objects(self):
        import functools
        def f(a: int) -> str: ...
        with self.assertRaises(TypeError) as cm:
            get_type_hints(1)
        self.assertEqual(str(cm.exception), '1 is not a module, class, method, or function.')
        with self.assertRaises(TypeError) as cm:
            get_type_hints(None)
        self.assertEqual(str(cm.exception), 'None is not a module, class, method, or function.')
        self.assertEqual(
            repr(get_type_hints(functools.wraps(f)(lambda a: a))),
            "{'a': <class 'int'>, 'return': <class 'str'>}")
        self.assertEqual(repr(get_type_hints(typing)), '{}')
        self.assertEqual(repr(get_type_hints(type)), '{}')
        self.assertEqual(repr(get_type_hints(len)), '{}')
        self.assertEqual(repr(get_type_hints(str.join)), '{}')
        class C:
            def m(self, x: 'C') -> None: ...
            @staticmethod
            def s(y: int): ...
            @classmethod
            def c(cls, z: 'List[C]'): ...
        self.assertEqual(repr(get_type_hints(C.s)), "{'y': <class 'int'>}")
        self.assertEqual(repr(get_type_hints(C)), '{}')


class AnyTests(unittest.TestCase):

    def test_any_is_a_class(self):
        import pickle
        class MyAny(Any):
            pass
        self.assertEqual(repr(issubclass(int, Any)), 'False')
        self.assertEqual(repr(issubclass(MyAny, Any)), 'True')
        with self.assertRaises(TypeError) as cm:
            isinstance(MyAny(), Any)
        self.assertEqual(str(cm.exception), 'typing.Any cannot be used with isinstance()')
        self.assertEqual(repr(Any | int), 'typing.Any | int')
        self.assertEqual(repr(int | Any), 'int | typing.Any')
        self.assertEqual(repr(Optional[Any]), 'typing.Optional[typing.Any]')
        self.assertEqual(repr(Any.__name__), "'Any'")
        self.assertEqual(repr(Any.__qualname__), "'Any'")
        self.assertEqual(repr(Any.__module__), "'typing'")
        self.assertEqual(repr(repr(MyAny).endswith("MyAny'>")), 'True')
        self.assertEqual(repr(type(Any).__name__), "'_AnyMeta'")
        self.assertEqual(repr(Any.__doc__ is not None), 'True')
        self.assertEqual(repr(List[Any]), 'typing.List[typing.Any]')
        with self.assertRaises(TypeError) as cm:
            Any[int]
        self.assertEqual(str(cm.exception), "type 'Any' is not subscriptable")
        self.assertEqual(repr(Callable[..., Any]), 'typing.Callable[..., typing.Any]')
        self.assertEqual(repr(Any.__mro__), "(typing.Any, <class 'object'>)")
        self.assertEqual(repr(get_origin(Any)), 'None')
        self.assertEqual(repr(get_args(Any)), '()')
        self.assertEqual(repr(typing.Any is typing.Any), 'True')
        self.assertEqual(repr(pickle.loads(pickle.dumps(Any)) is Any), 'True')
        self.assertEqual(
            repr(pickle.loads(pickle.dumps(Union[int, Any]))),
            'typing.Union[int, typing.Any]')
        self.assertEqual(repr(Union[Any, int]), 'typing.Union[typing.Any, int]')
        self.assertEqual(repr(Union[Any, Any]), 'typing.Any')


class DeprecationTests(unittest.TestCase):

    def test_functional_forms_without_fields(self):
        import warnings
        def caught(f):
            with warnings.catch_warnings(record=True) as rec:
                warnings.simplefilter('always')
                result = f()
            return result, [(w.category.__name__, str(w.message)) for w in rec]
        self.assertEqual(
            caught(lambda: typing.TypedDict('T').__annotations__),
            ({},
             [('DeprecationWarning',
               "Failing to pass a value for the 'fields' parameter is deprecated and will "
               'be disallowed in Python 3.15. To create a TypedDict class with 0 fields '
               'using the functional syntax, pass an empty dictionary, e.g. `T = '
               "TypedDict('T', {})`.")]))
        self.assertEqual(
            repr(caught(lambda: typing.TypedDict('T', None).__required_keys__)),
            '(frozenset(), [(\'DeprecationWarning\', "Passing `None` as the \'fields\' '
            'parameter is deprecated and will be disallowed in Python 3.15. To create a '
            'TypedDict class with 0 fields using the functional syntax, pass an empty '
            'dictionary, e.g. `T = TypedDict(\'T\', {})`.")])')
        self.assertEqual(
            caught(lambda: typing.NamedTuple('N', a=int)._fields),
            (('a',),
             [('DeprecationWarning',
               'Creating NamedTuple classes using keyword arguments is deprecated and will '
               'be disallowed in Python 3.15. Use the class-based or functional syntax '
               'instead.')]))
        self.assertEqual(
            caught(lambda: typing.NamedTuple('N')._fields),
            ((),
             [('DeprecationWarning',
               "Failing to pass a value for the 'fields' parameter is deprecated and will "
               'be disallowed in Python 3.15. To create a NamedTuple class with 0 fields '
               "using the functional syntax, pass an empty list, e.g. `N = NamedTuple('N', "
               '[])`.')]))
        self.assertEqual(
            caught(lambda: typing.NamedTuple('N', None)._fields),
            ((),
             [('DeprecationWarning',
               "Passing `None` as the 'fields' parameter is deprecated and will be "
               'disallowed in Python 3.15. To create a NamedTuple class with 0 fields '
               "using the functional syntax, pass an empty list, e.g. `N = NamedTuple('N', "
               '[])`.')]))
        self.assertEqual(
            caught(lambda: typing.NamedTuple('N', [('a', int)])._fields),
            (('a',), []))
        self.assertEqual(
            caught(lambda: typing.no_type_check_decorator(lambda f: f))[1],
            [('DeprecationWarning',
              "'typing.no_type_check_decorator' is deprecated and slated for removal in "
              'Python 3.15')])
        with self.assertRaises(TypeError) as cm:
            typing.TypedDict('T', a=int)
        self.assertEqual(str(cm.exception), "TypedDict() got an unexpected keyword argument 'a'")
        with self.assertRaises(TypeError) as cm:
            typing.NamedTuple('N', [('a', int)], b=str)
        self.assertEqual(
            str(cm.exception),
            'Either list of fields or keywords can be provided to NamedTuple, not both')
        with self.assertRaises(TypeError) as cm:
            typing.NamedTuple('N', None, b=str)
        self.assertEqual(
            str(cm.exception),
            "Cannot pass `None` as the 'fields' parameter and also specify fields using "
            'keyword arguments')

    def test_warning_points_at_caller(self):
        import warnings
        with warnings.catch_warnings(record=True) as rec:
            warnings.simplefilter('always')
            typing.NamedTuple('N')
        def here():
            pass
        self.assertEqual(rec[0].filename, here.__code__.co_filename)


if __name__ == '__main__':
    unittest.main()
