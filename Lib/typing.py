"""Support for type hints (a Braid implementation of the typing module's runtime API).

What is here: the special forms (Any, Union, Optional, Callable, Tuple, ClassVar, Final,
Literal, Annotated, Self, Never, NoReturn, LiteralString, TypeAlias, TypeGuard, TypeIs,
Concatenate, Unpack, Required, NotRequired, ReadOnly), the generic aliases of builtins and
collections.abc (List, Dict, Iterable, ...), TypeVar, ParamSpec, TypeVarTuple, Generic and
Protocol (with runtime_checkable), NamedTuple, TypedDict, NewType, the helpers (cast,
overload, final, override, no_type_check, get_type_hints, get_origin, get_args, assert_never,
assert_type, reveal_type, dataclass_transform, is_typeddict), and TYPE_CHECKING.

Braid differences: the type parameters created by PEP 695 syntax (`def f[T]()`) are the
interpreter's own TypeVar objects, so isinstance(T, typing.TypeVar) is False for them (they
are accepted as parameters of Generic everywhere).  Substitution of type variables in nested
aliases is simple positional replacement.
"""

import collections.abc
import functools
import operator
import sys
import types

__all__ = [
    "Annotated", "Any", "Callable", "ClassVar", "Concatenate", "Final", "ForwardRef",
    "Generic", "Literal", "Optional", "ParamSpec", "Protocol", "Tuple", "Type", "TypeVar",
    "TypeVarTuple", "Union", "AbstractSet", "ByteString", "Container", "ContextManager",
    "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping", "MappingView",
    "MutableMapping", "MutableSequence", "MutableSet", "Sequence", "Sized", "ValuesView",
    "Awaitable", "AsyncIterator", "AsyncIterable", "Coroutine", "Collection",
    "AsyncGenerator", "AsyncContextManager", "Reversible", "SupportsAbs", "SupportsBytes",
    "SupportsComplex", "SupportsFloat", "SupportsIndex", "SupportsInt", "SupportsRound",
    "ChainMap", "Counter", "Deque", "Dict", "DefaultDict", "List", "OrderedDict", "Set",
    "FrozenSet", "NamedTuple", "TypedDict", "Generator", "BinaryIO", "IO", "Match", "Pattern",
    "TextIO", "AnyStr", "assert_type", "assert_never", "cast", "clear_overloads",
    "dataclass_transform", "final", "get_args", "get_origin", "get_overloads",
    "get_protocol_members", "get_type_hints", "is_protocol", "is_typeddict", "LiteralString",
    "Never", "NewType", "no_type_check", "no_type_check_decorator", "NoDefault", "NoReturn",
    "NotRequired", "overload", "override", "ParamSpecArgs", "ParamSpecKwargs", "ReadOnly",
    "Required", "reveal_type", "runtime_checkable", "Self", "Text", "TYPE_CHECKING",
    "TypeAlias", "TypeGuard", "TypeIs", "TypeAliasType", "Unpack",
]

TYPE_CHECKING = False


def _tp_cache(func):
    """Cache the results of a subscription method (List[int], Union[int, str], C[T], ...)
    as CPython does: repeated subscriptions return the same alias object and cost a dict
    lookup.  The key holds the types of the arguments too, so that equal values of
    different types (Literal[1] and Literal[True]) are kept apart; unhashable arguments
    (lists in Callable[[...], r]) are not cached.  Bounded: cleared when full."""
    cache = {}

    @functools.wraps(func)
    def inner(self, params):
        try:
            if type(params) is tuple:
                key = (self, params, tuple(map(type, params)))
            else:
                key = (self, params, type(params))
            return cache[key]
        except TypeError:
            return func(self, params)
        except KeyError:
            pass
        result = func(self, params)
        if len(cache) >= 512:
            cache.clear()
        cache[key] = result
        return result
    return inner


def _type_repr(obj):
    """The repr typing uses for an argument: qualified names for classes."""
    if isinstance(obj, type) and not isinstance(obj, types.GenericAlias):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return "..."
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    if isinstance(obj, tuple):
        return "[%s]" % ", ".join(_type_repr(a) for a in obj)
    return repr(obj)


def _is_typevar_like(obj):
    return isinstance(obj, (TypeVar, ParamSpec, TypeVarTuple)) or \
        type(obj).__name__ in ("TypeVar", "ParamSpec", "TypeVarTuple")


def _type_check(arg, msg, is_argument=True, *, allow_special_forms=False):
    """Check a type argument: None becomes NoneType and a string a ForwardRef.  Plain
    special forms (Union, ClassVar, ...) and Generic/Protocol are refused, and so are
    ClassVar[...] (unless allow_special_forms) and Final[...] (where is_argument)."""
    invalid_generic_forms = (Generic, Protocol)
    if not allow_special_forms:
        invalid_generic_forms += (ClassVar,)
        if is_argument:
            invalid_generic_forms += (Final,)
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg, is_argument=is_argument, is_class=allow_special_forms)
    if isinstance(arg, _GenericAlias) and arg.__origin__ in invalid_generic_forms:
        raise TypeError("%s is not valid as type argument" % (arg,))
    if arg in (Any, LiteralString, NoReturn, Never, Self, TypeAlias):
        return arg
    if allow_special_forms and arg in (ClassVar, Final):
        return arg
    if isinstance(arg, _SpecialForm) or arg in (Generic, Protocol):
        raise TypeError("Plain %s is not valid as type argument" % (arg,))
    if type(arg) is tuple:
        raise TypeError("%s Got %.100r." % (msg, arg))
    # Like CPython 3.11+, anything else is accepted (arbitrary objects may be used as
    # annotations; only tuples, a likely mistake, are rejected).
    return arg


def _collect_parameters(args):
    params = []
    for arg in args:
        if isinstance(arg, (list, tuple)):
            candidates = _collect_parameters(arg)
        elif _is_typevar_like(arg):
            candidates = [arg]
        else:
            candidates = list(getattr(arg, "__parameters__", ()) or ())
        for p in candidates:
            if p not in params:
                params.append(p)
    return params


# -- special forms ---------------------------------------------------------------------------
class _SpecialForm:
    # A special typing construct: subscripting it is handled by its getitem function.
    # (No class docstring: each instance has its own __doc__ slot.)
    __slots__ = ("_name", "__doc__", "_getitem")

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in {"__name__", "__qualname__"}:
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass %r" % self)

    def __repr__(self):
        return "typing." + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError("Cannot instantiate %r" % self)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError("%s cannot be used with isinstance()" % self)

    def __subclasscheck__(self, cls):
        raise TypeError("%s cannot be used with issubclass()" % self)

    @_tp_cache
    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type: compatible with every type.  It may
    be subclassed (to let a class duck-type anything) but not instantiated."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


@_SpecialForm
def NoReturn(self, parameters):
    """Special type indicating functions that never return."""
    raise TypeError("%s is not subscriptable" % self)


@_SpecialForm
def Never(self, parameters):
    """The bottom type, a type that has no members."""
    raise TypeError("%s is not subscriptable" % self)


@_SpecialForm
def Self(self, parameters):
    """Used to spell the type of "self" in classes."""
    raise TypeError("%s is not subscriptable" % self)


@_SpecialForm
def LiteralString(self, parameters):
    """Represents an arbitrary literal string."""
    raise TypeError("%s is not subscriptable" % self)


@_SpecialForm
def TypeAlias(self, parameters):
    """Special form for marking type aliases."""
    raise TypeError("%s is not subscriptable" % self)


def _single_arg_form(name, doc, *, allow_special_forms=False, short_message=False):
    def getitem(self, parameters):
        if short_message:
            msg = "%s accepts only a single type." % self._name
        else:
            msg = "%r accepts only single type." % self
        item = _type_check(parameters, msg, allow_special_forms=allow_special_forms)
        return _GenericAlias(self, (item,))
    getitem.__name__ = name
    getitem.__doc__ = doc
    return _SpecialForm(getitem)


ClassVar = _single_arg_form("ClassVar", "Special type construct to mark class variables.",
                            allow_special_forms=True)
Final = _single_arg_form("Final", "Special typing construct to indicate final names.",
                         allow_special_forms=True)
TypeGuard = _single_arg_form("TypeGuard", "Special typing construct for type guards.")
TypeIs = _single_arg_form("TypeIs", "Special typing construct for narrowing functions.")
Required = _single_arg_form("Required", "A required key of a TypedDict.",
                            short_message=True)
NotRequired = _single_arg_form("NotRequired", "A potentially missing key of a TypedDict.",
                               short_message=True)
ReadOnly = _single_arg_form("ReadOnly", "A read-only key of a TypedDict.",
                            short_message=True)
Unpack = _single_arg_form("Unpack", "Type unpack operator.")


def _flatten_union(parameters):
    flat = []
    for p in parameters:
        if isinstance(p, _UnionGenericAlias) or isinstance(p, types.UnionType):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    unique = []
    for p in flat:
        if p not in unique:
            unique.append(p)
    return tuple(unique)


@_SpecialForm
def Union(self, parameters):
    """Union type; Union[X, Y] means either X or Y."""
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    parameters = tuple(_type_check(p, "Union[arg, ...]: each arg must be a type.")
                       for p in parameters)
    parameters = _flatten_union(parameters)
    if len(parameters) == 1:
        return parameters[0]
    return _UnionGenericAlias(self, parameters)


@_SpecialForm
def Optional(self, parameters):
    """Optional[X] is equivalent to Union[X, None]."""
    arg = _type_check(parameters, "%r requires a single type." % self)
    return Union[arg, type(None)]


@_SpecialForm
def Literal(self, *parameters):
    """Literal[v1, ...]: the value is one of the given literals."""
    parameters = parameters[0] if len(parameters) == 1 else parameters
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    unique = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            candidates = p.__args__
        else:
            candidates = (p,)
        for c in candidates:
            if not any(c == u and type(c) is type(u) for u in unique):
                unique.append(c)
    return _LiteralGenericAlias(self, tuple(unique))


@_SpecialForm
def Concatenate(self, parameters):
    """Concatenate[X, P]: a parameter list X followed by ParamSpec P."""
    if parameters == ():
        raise TypeError("Cannot take a Concatenate of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters)


class _AnnotatedAlias:
    """Annotated[T, x, ...]: T with metadata."""

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        self.__origin__ = origin
        self.__metadata__ = metadata
        self.__args__ = (origin,)
        self.__parameters__ = tuple(_collect_parameters((origin,)))

    def __repr__(self):
        return "typing.Annotated[%s, %s]" % (_type_repr(self.__origin__),
                                             ", ".join(repr(m) for m in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and
                self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    @_tp_cache
    def __getitem__(self, params):
        # Annotated[list[T], x][int] is Annotated[list[int], x].
        if not isinstance(params, tuple):
            params = (params,)
        if not self.__parameters__:
            raise TypeError("%s is not a generic class" % self)
        params = _prepare_params(self, self.__parameters__, params)
        mapping = dict(zip(self.__parameters__, params))
        origin = self.__origin__
        if _is_typevar_like(origin):
            origin = mapping.get(origin, origin)
        else:
            inner = tuple(mapping.get(p, p) for p in origin.__parameters__)
            origin = origin[inner if len(inner) != 1 else inner[0]]
        return _AnnotatedAlias(origin, self.__metadata__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, attr):
        if attr in {"__name__", "__qualname__"}:
            return "Annotated"
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _AnnotatedMeta(type):
    def __repr__(cls):
        return "typing.Annotated"


class Annotated(metaclass=_AnnotatedMeta):
    """Add context-specific metadata to a type: Annotated[T, x]."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")

    @_tp_cache
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two arguments "
                            "(a type and an annotation).")
        origin = _type_check(params[0], "Annotated[t, ...]: t must be a type.")
        return _AnnotatedAlias(origin, tuple(params[1:]))

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError("Cannot subclass typing.Annotated")


# -- generic aliases -------------------------------------------------------------------------
class _GenericAlias:
    """X[args] for a typing construct or class: keeps origin and args for introspection."""

    def __init__(self, origin, args, *, name=None, inst=True):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = tuple(_collect_parameters(args))
        self._name = name
        self._inst = inst
        if name is None and isinstance(origin, type) and origin.__module__ != "typing":
            self.__module__ = origin.__module__

    def _display_name(self):
        if self._name:
            return "typing." + self._name
        return _type_repr(self.__origin__)

    def __repr__(self):
        if isinstance(self.__origin__, _SpecialForm):
            name = repr(self.__origin__)
        else:
            name = self._display_name()
        if not self.__args__:
            return "%s[()]" % name
        return "%s[%s]" % (name, ", ".join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    @_tp_cache
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not self.__parameters__:
            raise TypeError("%s is not a generic class" % self)
        params = _prepare_params(self, self.__parameters__, params)
        mapping = dict(zip(self.__parameters__, params))

        def substitute(arg):
            if _is_typevar_like(arg):
                return mapping.get(arg, arg)
            if isinstance(arg, (list, tuple)):
                return type(arg)(substitute(a) for a in arg)
            if getattr(arg, "__parameters__", None):
                inner = tuple(mapping.get(p, p) for p in arg.__parameters__)
                return arg[inner if len(inner) != 1 else inner[0]]
            return arg
        return self.copy_with(tuple(substitute(a) for a in self.__args__))

    def copy_with(self, args):
        return type(self)(self.__origin__, args, name=self._name, inst=self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError("Type %s cannot be instantiated; use %s() instead"
                            % (self._name, self.__origin__.__name__.lower()))
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if isinstance(origin, _SpecialForm):
            raise TypeError("Cannot subclass %r" % self)
        result = []
        if origin not in bases:
            result.append(origin)
        index = bases.index(self)
        if not any(isinstance(b, (_GenericAlias, type)) and _is_generic(b)
                   for b in bases[index + 1:]) and Generic not in bases:
            if origin is not Generic and not (isinstance(origin, type)
                                              and issubclass(origin, Generic)):
                result.append(Generic)
        return tuple(result)

    def __getattr__(self, attr):
        if attr in {"__origin__", "__args__"}:
            raise AttributeError(attr)
        if attr in {"__name__", "__qualname__"}:
            # The typing name (List, Optional, ...) or the origin class's name.
            if self._name:
                return self._name
            if isinstance(self, _UnionGenericAlias):
                args = self.__args__
                return "Optional" if len(args) == 2 and type(None) in args else "Union"
            return getattr(self.__origin__, "__name__")
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __reduce__(self):
        # Named aliases (List[int], ...) rebuild through the typing name, so that a copy
        # or unpickled alias is still typing.List[int] and not list[int].
        origin = globals()[self._name] if self._name else self.__origin__
        args = self.__args__
        if len(args) == 1 and not isinstance(args[0], tuple):
            args = args[0]
        return operator.getitem, (origin, args)


def _is_generic(base):
    return isinstance(base, _GenericAlias) or (isinstance(base, type)
                                               and issubclass(base, Generic))


class _TypingEllipsis:
    """Internal placeholder for ... in Tuple[int, ...]."""


class _UnionGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return "typing.Optional[%s]" % _type_repr(other)
        return "typing.Union[%s]" % ", ".join(_type_repr(a) for a in args)

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, types.UnionType)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        # Each argument is checked in order: a subscripted generic raises its TypeError.
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False

    def copy_with(self, args):
        return Union[args]


class _LiteralGenericAlias(_GenericAlias):
    def __repr__(self):
        return "typing.Literal[%s]" % ", ".join(repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return (set((a, type(a)) for a in self.__args__) ==
                set((a, type(a)) for a in other.__args__))

    def __hash__(self):
        return hash(frozenset((a, type(a)) for a in self.__args__))


class _SpecialGenericAlias(_GenericAlias):
    """List, Dict, Iterable, ...: unsubscripted aliases of builtins and collections.abc."""

    def __init__(self, origin, nparams, *, name, inst=True, defaults=()):
        super().__init__(origin, (), name=name, inst=inst)
        self._nparams = nparams
        self._defaults = defaults
        self.__parameters__ = ()

    def __repr__(self):
        return "typing." + self._name

    def __reduce__(self):
        return self._name

    @_tp_cache
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p, "Parameters to generic types must be types.")
                       for p in params)
        if (self._defaults and len(params) < self._nparams and
                len(params) >= self._nparams - len(self._defaults)):
            params = params + self._defaults[len(params) - self._nparams:]
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError("Too %s arguments for %s; actual %d, expected %d"
                            % ("many" if len(params) > self._nparams else "few", self,
                               len(params), self._nparams))
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        return issubclass(cls, self.__origin__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__

    def __hash__(self):
        return hash(self.__origin__)

    def __or__(self, right):
        return Union[self, right]


def _is_param_expr(arg):
    # A ParamSpec, Concatenate[...], ... or an argument list standing for a whole
    # parameter list.
    return (arg is ... or isinstance(arg, (tuple, list, ParamSpec)) or
            type(arg).__name__ == "ParamSpec" or
            (isinstance(arg, _GenericAlias) and arg.__origin__ is Concatenate))


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        if len(self.__args__) == 2 and (self.__args__[0] is ... or
                                        _is_param_expr(self.__args__[0])):
            return "typing.Callable[%s, %s]" % (_type_repr(self.__args__[0]),
                                                _type_repr(self.__args__[1]))
        return "typing.Callable[[%s], %s]" % (", ".join(_type_repr(a)
                                                        for a in self.__args__[:-1]),
                                              _type_repr(self.__args__[-1]))

    def copy_with(self, args):
        if len(args) == 2 and isinstance(args[0], tuple):
            # A ParamSpec first argument was substituted with an argument list.
            args = args[0] + (args[1],)
        return _CallableGenericAlias(self.__origin__, args, name="Callable")

    def __reduce__(self):
        args = self.__args__
        if not (len(args) == 2 and _is_param_expr(args[0])):
            args = list(args[:-1]), args[-1]
        return operator.getitem, (Callable, args)


class _CallableType(_SpecialGenericAlias):
    @_tp_cache
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        result = _type_check(result, "Callable[args, result]: result must be a type.")
        if isinstance(args, list):
            # Argument types are only converted (None, strings), not checked.
            args = [type(None) if a is None else ForwardRef(a) if isinstance(a, str) else a
                    for a in args]
            flat = tuple(args) + (result,)
        elif args is ...:
            flat = (..., result)
        else:
            flat = (args, result)
        return _CallableGenericAlias(self.__origin__, flat, name="Callable")


class _TupleType(_SpecialGenericAlias):
    @_tp_cache
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            return _GenericAlias(tuple, params[:-1] + (_TypingEllipsis,), name="Tuple",
                                 inst=False)
        params = tuple(_type_check(p, "Tuple[t0, t1, ...]: each t must be a type.")
                       for p in params)
        return _GenericAlias(tuple, params, name="Tuple", inst=False)


_abc = collections.abc
Hashable = _SpecialGenericAlias(_abc.Hashable, 0, name="Hashable")
Awaitable = _SpecialGenericAlias(_abc.Awaitable, 1, name="Awaitable")
Coroutine = _SpecialGenericAlias(_abc.Coroutine, 3, name="Coroutine")
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, 1, name="AsyncIterable")
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, 1, name="AsyncIterator")
Iterable = _SpecialGenericAlias(_abc.Iterable, 1, name="Iterable")
Iterator = _SpecialGenericAlias(_abc.Iterator, 1, name="Iterator")
Reversible = _SpecialGenericAlias(_abc.Reversible, 1, name="Reversible")
Sized = _SpecialGenericAlias(_abc.Sized, 0, name="Sized")
Container = _SpecialGenericAlias(_abc.Container, 1, name="Container")
Collection = _SpecialGenericAlias(_abc.Collection, 1, name="Collection")
Callable = _CallableType(_abc.Callable, 2, name="Callable")
AbstractSet = _SpecialGenericAlias(_abc.Set, 1, name="AbstractSet")
MutableSet = _SpecialGenericAlias(_abc.MutableSet, 1, name="MutableSet")
Mapping = _SpecialGenericAlias(_abc.Mapping, 2, name="Mapping")
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, 2, name="MutableMapping")
Sequence = _SpecialGenericAlias(_abc.Sequence, 1, name="Sequence")
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, 1, name="MutableSequence")
ByteString = _SpecialGenericAlias(getattr(_abc, "ByteString", bytes), 0, name="ByteString")
Tuple = _TupleType(tuple, -1, inst=False, name="Tuple")
List = _SpecialGenericAlias(list, 1, inst=False, name="List")
Deque = _SpecialGenericAlias(collections.deque, 1, name="Deque")
Set = _SpecialGenericAlias(set, 1, inst=False, name="Set")
FrozenSet = _SpecialGenericAlias(frozenset, 1, inst=False, name="FrozenSet")
MappingView = _SpecialGenericAlias(_abc.MappingView, 1, name="MappingView")
KeysView = _SpecialGenericAlias(_abc.KeysView, 1, name="KeysView")
ItemsView = _SpecialGenericAlias(_abc.ItemsView, 2, name="ItemsView")
ValuesView = _SpecialGenericAlias(_abc.ValuesView, 1, name="ValuesView")
Dict = _SpecialGenericAlias(dict, 2, inst=False, name="Dict")
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2, name="DefaultDict")
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2, name="OrderedDict")
Counter = _SpecialGenericAlias(collections.Counter, 1, name="Counter")
ChainMap = _SpecialGenericAlias(collections.ChainMap, 2, name="ChainMap")
Generator = _SpecialGenericAlias(_abc.Generator, 3, name="Generator",
                                 defaults=(type(None), type(None)))
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, 2, name="AsyncGenerator",
                                      defaults=(type(None),))
Type = _SpecialGenericAlias(type, 1, inst=False, name="Type")
Text = str

try:
    import contextlib as _contextlib
    ContextManager = _SpecialGenericAlias(_contextlib.AbstractContextManager, 2,
                                          name="ContextManager", defaults=(bool | None,))
    AsyncContextManager = _SpecialGenericAlias(_contextlib.AbstractAsyncContextManager, 2,
                                               name="AsyncContextManager",
                                               defaults=(bool | None,))
except (ImportError, AttributeError):
    pass


# -- type variables ----------------------------------------------------------------------------
class _NoDefaultType:
    __slots__ = ()

    def __repr__(self):
        return "typing.NoDefault"

    def __reduce__(self):
        return "NoDefault"


NoDefault = _NoDefaultType()


def _caller_module(depth=2):
    try:
        return sys._getframe(depth).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError):
        return None


class TypeVar:
    """Type variable: T = TypeVar('T'), optionally with constraints or a bound."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=NoDefault):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if infer_variance and (covariant or contravariant):
            raise ValueError("Variance cannot be specified with infer_variance.")
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        self.__constraints__ = tuple(_type_check(c, "TypeVar(name, constraint, ...): "
                                                    "constraints must be types.")
                                     for c in constraints)
        self.__bound__ = None if bound is None else _type_check(bound, "Bound must be a type.")
        self.__default__ = default
        module = _caller_module()
        if module != "typing":
            self.__module__ = module

    def has_default(self):
        return self.__default__ is not NoDefault

    def __repr__(self):
        if self.__infer_variance__:
            prefix = ""
        elif self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __reduce__(self):
        return self.__name__

    def __typing_subst__(self, arg):
        return _type_check(arg, "Parameters to generic types must be types.")

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError("type 'typing.TypeVar' is not an acceptable base type")


class TypeVarTuple:
    """Type variable tuple: Ts = TypeVarTuple('Ts')."""

    def __init__(self, name, *, default=NoDefault):
        self.__name__ = name
        self.__default__ = default
        module = _caller_module()
        if module != "typing":
            self.__module__ = module

    def has_default(self):
        return self.__default__ is not NoDefault

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__

    def __reduce__(self):
        return self.__name__


class ParamSpecArgs:
    """The type of P.args."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return "%s.args" % self.__origin__.__name__

    def __eq__(self, other):
        return isinstance(other, ParamSpecArgs) and self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecArgs, self.__origin__))


class ParamSpecKwargs:
    """The type of P.kwargs."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return "%s.kwargs" % self.__origin__.__name__

    def __eq__(self, other):
        return isinstance(other, ParamSpecKwargs) and self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecKwargs, self.__origin__))


class ParamSpec:
    """Parameter specification variable: P = ParamSpec('P')."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=NoDefault):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        self.__default__ = default
        module = _caller_module()
        if module != "typing":
            self.__module__ = module

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def has_default(self):
        return self.__default__ is not NoDefault

    def __repr__(self):
        if self.__infer_variance__:
            prefix = ""
        elif self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__

    def __reduce__(self):
        return self.__name__


TypeAliasType = types.GenericAlias   # replaced below by the interpreter's type when known


def _find_type_alias_type():
    try:
        namespace = {}
        exec("type _Probe = int", namespace)
        return type(namespace["_Probe"])
    except SyntaxError:
        return None


TypeAliasType = _find_type_alias_type() or TypeAliasType


# -- Generic and Protocol --------------------------------------------------------------------------
class Generic:
    """Abstract base class for generic types: class C(Generic[T]): ..."""

    __slots__ = ()
    _is_protocol = False

    @_tp_cache
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError("Parameter list to %s[...] cannot be empty" % cls.__qualname__)
            for p in params:
                if not (_is_typevar_like(p) or _is_unpacked(p)):
                    raise TypeError("Parameters to %s[...] must all be type variables or "
                                    "parameter specification variables." % cls.__name__)
            if len(set(params)) != len(params):
                raise TypeError("Parameters to %s[...] must all be unique" % cls.__name__)
        else:
            expected = cls.__dict__.get("__parameters__", ())
            params = _prepare_params(cls, expected, params)
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        orig_bases = cls.__dict__.get("__orig_bases__", ())
        tvars = []
        generic_base = None
        for base in orig_bases:
            if isinstance(base, _GenericAlias) and base.__origin__ in (Generic, Protocol):
                if generic_base is not None:
                    raise TypeError("Cannot inherit from Generic[...] multiple times.")
                generic_base = base
        if generic_base is not None:
            tvars = list(generic_base.__parameters__ or generic_base.__args__)
        else:
            tvars = _collect_parameters(orig_bases)
        cls.__parameters__ = tuple(tvars)


def _has_default(param):
    return getattr(param, "has_default", lambda: False)()


def _prepare_params(owner, expected, params):
    """Check the arguments given for the type parameters `expected` of owner (a generic
    class or alias): ParamSpec arguments become tuples (Z[int, str] means Z[[int, str]]
    when Z's only parameter is a ParamSpec), missing trailing parameters take their
    defaults (PEP 696), and a wrong count raises CPython's TypeError."""
    if not expected:
        return params
    if any(isinstance(p, TypeVarTuple) for p in expected):
        return params
    for i, param in enumerate(expected):
        if not isinstance(param, ParamSpec):
            continue
        if i == len(params) and param.has_default():
            params = params + (param.__default__,)
        if i >= len(params):
            break
        if len(expected) == 1 and not _is_param_expr(params[0]):
            params = (params,)
        elif isinstance(params[i], list):
            params = params[:i] + (tuple(params[i]),) + params[i + 1:]
    if len(params) > len(expected):
        raise TypeError("Too many arguments for %s; actual %d, expected %d"
                        % (owner, len(params), len(expected)))
    if len(params) < len(expected):
        missing = expected[len(params):]
        if not all(_has_default(p) for p in missing):
            required = sum(1 for p in expected if not _has_default(p))
            raise TypeError("Too few arguments for %s; actual %d, expected at least %d"
                            % (owner, len(params), required))
        params = params + tuple(p.__default__ for p in missing)
    return params


def _is_unpacked(obj):
    return isinstance(obj, _GenericAlias) and obj.__origin__ is Unpack


_PROTOCOL_IGNORED = frozenset({
    "__abstractmethods__", "__annotations__", "__dict__", "__doc__", "__init__", "__module__",
    "__new__", "__slots__", "__subclasshook__", "__weakref__", "__class_getitem__",
    "__match_args__", "__static_attributes__", "__firstlineno__", "__parameters__",
    "__orig_bases__", "__protocol_attrs__", "__non_callable_proto_members__",
    "_is_protocol", "_is_runtime_protocol", "__qualname__", "__type_params__",
    "__init_subclass__", "__orig_class__", "__abstractmethods__", "_abc_impl",
})


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in {"Protocol", "Generic"}:
            continue
        annotations = getattr(base, "__annotations__", {})
        for name in list(base.__dict__) + list(annotations):
            if not name.startswith("_abc_") and name not in _PROTOCOL_IGNORED:
                attrs.add(name)
    return attrs


class _ProtocolMeta(type(_abc.Iterable)):
    """Metaclass of Protocol classes: isinstance checks against runtime_checkable ones."""

    def __instancecheck__(cls, instance):
        if cls is Protocol or not getattr(cls, "_is_protocol", False):
            return super().__instancecheck__(instance)
        if not getattr(cls, "_is_runtime_protocol", False):
            raise TypeError("Instance and class checks can only be used with "
                            "@runtime_checkable protocols")
        if cls.__non_callable_proto_members__:
            # ABCMeta's check would go through __subclasscheck__, which refuses data
            # protocols: only a nominal subclass counts before the structural check.
            if type.__instancecheck__(cls, instance):
                return True
        elif super().__instancecheck__(instance):
            return True
        for attr in cls.__protocol_attrs__:
            try:
                value = getattr(instance, attr)
            except AttributeError:
                return False
            if value is None and attr not in cls.__non_callable_proto_members__:
                return False
        return True

    def __subclasscheck__(cls, other):
        if cls is Protocol or not getattr(cls, "_is_protocol", False):
            return super().__subclasscheck__(other)
        if not getattr(cls, "_is_runtime_protocol", False):
            raise TypeError("Instance and class checks can only be used with "
                            "@runtime_checkable protocols")
        if cls.__non_callable_proto_members__:
            raise TypeError("Protocols with non-method members don't support issubclass()."
                            " Non-method members: %s." % str(sorted(
                                cls.__non_callable_proto_members__))[1:-1])
        if not isinstance(other, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if super().__subclasscheck__(other):
            return True
        for attr in cls.__protocol_attrs__:
            for base in other.__mro__:
                if attr in base.__dict__:
                    if base.__dict__[attr] is None:
                        return False
                    break
            else:
                return False
        return True


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes (structural subtyping)."""

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get("_is_protocol", False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        cls.__protocol_attrs__ = _protocol_attrs(cls)
        non_callable = set()
        for attr in cls.__protocol_attrs__:
            try:
                value = getattr(cls, attr)
            except AttributeError:
                non_callable.add(attr)
                continue
            if not callable(value):
                non_callable.add(attr)
        cls.__non_callable_proto_members__ = frozenset(non_callable)
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init

    def __class_getitem__(cls, params):
        return Generic.__class_getitem__.__func__(cls, params)


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError("Protocols cannot be instantiated")


def runtime_checkable(cls):
    """Mark a protocol class as usable with isinstance() and issubclass()."""
    if not issubclass(cls, Generic) or not getattr(cls, "_is_protocol", False):
        raise TypeError("@runtime_checkable can be only applied to protocol classes, got %r"
                        % cls)
    cls._is_runtime_protocol = True
    return cls


def is_protocol(tp):
    return isinstance(tp, type) and getattr(tp, "_is_protocol", False) and tp != Protocol


def get_protocol_members(tp):
    if not is_protocol(tp):
        raise TypeError("%r is not a Protocol" % tp)
    return frozenset(tp.__protocol_attrs__)


def _protocol(name, method, doc):
    namespace = {"__slots__": (), "__doc__": doc, "__module__": "typing",
                 method: lambda self: None}
    cls = _ProtocolMeta(name, (Protocol,), namespace)
    cls._is_runtime_protocol = True
    return cls


SupportsInt = _protocol("SupportsInt", "__int__", "An ABC with one abstract method __int__.")
SupportsFloat = _protocol("SupportsFloat", "__float__",
                          "An ABC with one abstract method __float__.")
SupportsComplex = _protocol("SupportsComplex", "__complex__",
                            "An ABC with one abstract method __complex__.")
SupportsBytes = _protocol("SupportsBytes", "__bytes__",
                          "An ABC with one abstract method __bytes__.")
SupportsIndex = _protocol("SupportsIndex", "__index__",
                          "An ABC with one abstract method __index__.")
SupportsAbs = _protocol("SupportsAbs", "__abs__", "An ABC with one abstract method __abs__.")
SupportsRound = _protocol("SupportsRound", "__round__",
                          "An ABC with one abstract method __round__.")


# -- NamedTuple, TypedDict, NewType ------------------------------------------------------------
def _make_namedtuple(name, fields, module, defaults=()):
    nt = collections.namedtuple(name, [f for f, _ in fields], defaults=defaults,
                                module=module)
    nt.__annotations__ = dict(fields)
    nt.__new__.__annotations__ = dict(fields)
    return nt


class _NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTupleBase and base is not Generic:
                raise TypeError("can only inherit from a NamedTuple type and Generic")
        annotations = ns.get("__annotations__", {})
        fields = list(annotations.items())
        defaults = []
        for field, _ in fields:
            if field in ns:
                defaults.append(ns[field])
            elif defaults:
                raise TypeError("Non-default namedtuple field %s cannot follow default field%s"
                                " %s" % (field, "s" if len(defaults) > 1 else "",
                                         ", ".join(f for f, _ in fields[:len(defaults)])))
        nt = _make_namedtuple(typename, fields, ns.get("__module__", "__main__"),
                              tuple(defaults))
        for key, value in ns.items():
            if key in ("__annotations__", "__module__", "__qualname__", "__orig_bases__"):
                continue
            if key.startswith("_") and key in ("_fields", "_make", "_asdict", "_replace",
                                               "_field_defaults", "_source"):
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in nt._fields:
                setattr(nt, key, value)
        if "__qualname__" in ns:
            nt.__qualname__ = ns["__qualname__"]
        nt.__orig_bases__ = ns.get("__orig_bases__", bases)
        if Generic in bases:
            nt.__bases__ = (tuple, Generic)
            params = []
            for base in nt.__orig_bases__:
                if isinstance(base, _GenericAlias) and base.__origin__ is Generic:
                    params = list(base.__parameters__)
            nt.__parameters__ = tuple(params)
        return nt


_NO_FIELDS = object()


def _warn_no_fields(kind, typename, fields, empty):
    # The 3.13 DeprecationWarning for a functional call without fields (or with None).
    if fields is None:
        what = "Passing `None` as the 'fields' parameter"
    else:
        what = "Failing to pass a value for the 'fields' parameter"
    import warnings
    warnings.warn(f"{what} is deprecated and will be disallowed in Python 3.15. To create a "
                  f"{kind} class with 0 fields using the functional syntax, pass an empty "
                  f"{empty}, e.g. `{typename} = {kind}({typename!r}, "
                  f"{'[]' if kind == 'NamedTuple' else '{}'})`.",
                  DeprecationWarning, stacklevel=3)


def NamedTuple(typename, fields=_NO_FIELDS, /, **kwargs):
    """Typed version of namedtuple: class P(NamedTuple): x: int; y: int = 0."""
    if fields is _NO_FIELDS:
        if kwargs:
            import warnings
            warnings.warn("Creating NamedTuple classes using keyword arguments is deprecated "
                          "and will be disallowed in Python 3.15. Use the class-based or "
                          "functional syntax instead.", DeprecationWarning, stacklevel=2)
        else:
            _warn_no_fields("NamedTuple", typename, fields, "list")
        fields = list(kwargs.items())
    elif fields is None:
        if kwargs:
            raise TypeError("Cannot pass `None` as the 'fields' parameter and also specify "
                            "fields using keyword arguments")
        _warn_no_fields("NamedTuple", typename, fields, "list")
        fields = []
    elif kwargs:
        raise TypeError("Either list of fields or keywords can be provided to NamedTuple, "
                        "not both")
    return _make_namedtuple(typename, list(fields), _caller_module())


_NamedTupleBase = type.__new__(_NamedTupleMeta, "NamedTuple", (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTupleBase,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


def _typeddict_qualifiers(annotation):
    # The set of Required / NotRequired / ReadOnly wrapping an annotation (in any order,
    # possibly inside Annotated[...]).
    qualifiers = set()
    while True:
        if isinstance(annotation, _AnnotatedAlias):
            annotation = annotation.__origin__
            continue
        origin = getattr(annotation, "__origin__", None)
        if (origin in (Required, NotRequired, ReadOnly) and
                isinstance(annotation, _GenericAlias)):
            qualifiers.add(origin)
            annotation = annotation.__args__[0]
            continue
        return qualifiers


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError("cannot inherit from both a TypedDict type and a non-TypedDict "
                                "base class")
        if "__orig_bases__" not in ns:
            ns = dict(ns)
            ns["__orig_bases__"] = bases
        generic = (Generic,) if Generic in bases else ()
        tp_dict = type.__new__(_TypedDictMeta, name, generic + (dict,), ns)
        annotations = {}
        required, optional = set(), set()
        readonly, mutable = set(), set()
        for base in bases:
            annotations.update(base.__dict__.get("__annotations__", {}))
            required |= base.__dict__.get("__required_keys__", set())
            optional |= base.__dict__.get("__optional_keys__", set())
            readonly |= base.__dict__.get("__readonly_keys__", set())
            mutable |= base.__dict__.get("__mutable_keys__", set())
        own = ns.get("__annotations__", {})
        for key, value in own.items():
            qualifiers = _typeddict_qualifiers(value)
            if Required in qualifiers:
                is_required = True
            elif NotRequired in qualifiers:
                is_required = False
            else:
                is_required = total
            (required if is_required else optional).add(key)
            (optional if is_required else required).discard(key)
            is_readonly = ReadOnly in qualifiers
            (readonly if is_readonly else mutable).add(key)
            (mutable if is_readonly else readonly).discard(key)
        annotations.update(own)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required)
        tp_dict.__optional_keys__ = frozenset(optional)
        tp_dict.__readonly_keys__ = frozenset(readonly)
        tp_dict.__mutable_keys__ = frozenset(mutable)
        tp_dict.__total__ = total
        return tp_dict

    __call__ = dict

    def __subclasscheck__(cls, other):
        raise TypeError("TypedDict does not support instance and class checks")

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=_NO_FIELDS, /, *, total=True):
    """A dict with a fixed set of typed keys: class Movie(TypedDict): name: str."""
    if fields is _NO_FIELDS or fields is None:
        _warn_no_fields("TypedDict", typename, fields, "dictionary")
        fields = {}
    ns = {"__annotations__": dict(fields), "__module__": _caller_module()}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDictBase = type.__new__(_TypedDictMeta, "TypedDict", (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDictBase,)


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta) and tp is not _TypedDictBase


class NewType:
    """NewType('UserId', int): a distinct name for a type, an identity function at runtime."""

    __call__ = staticmethod(lambda x: x)

    def __init__(self, name, tp):
        self.__qualname__ = name
        if "." in name:
            name = name.rpartition(".")[-1]
        self.__name__ = name
        self.__supertype__ = tp
        module = _caller_module()
        if module != "typing":
            self.__module__ = module

    def __call__(self, x):
        return x

    def __repr__(self):
        return "%s.%s" % (self.__module__, self.__qualname__)

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __mro_entries__(self, bases):
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError("Cannot subclass an instance of NewType. Perhaps you were "
                                "looking for: `%s = NewType(%r, %s)`"
                                % (subclass_name, subclass_name, superclass_name))
        return (Dummy,)


# -- forward references and get_type_hints -----------------------------------------------------
class ForwardRef:
    """An unevaluated annotation given as a string."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError("Forward reference must be a string -- got %r" % (arg,))
        try:
            self.__forward_code__ = compile(arg, "<string>", "eval")
        except SyntaxError:
            raise SyntaxError("Forward reference must be an expression -- got %r" % (arg,))
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, type_params=None, *, recursive_guard=frozenset()):
        if self.__forward_arg__ in recursive_guard:
            return self
        if self.__forward_module__ is not None:
            globalns = getattr(sys.modules.get(self.__forward_module__), "__dict__", globalns)
        value = eval(self.__forward_code__, globalns, localns)
        value = _type_check(value, "Forward references must evaluate to types.",
                            is_argument=self.__forward_is_argument__,
                            allow_special_forms=self.__forward_is_class__)
        self.__forward_value__ = _eval_type(value, globalns, localns,
                                            recursive_guard | {self.__forward_arg__})
        self.__forward_evaluated__ = True
        return self.__forward_value__

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__ == other.__forward_arg__ and
                self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        module = "" if self.__forward_module__ is None else \
            ", module=%r" % self.__forward_module__
        return "ForwardRef(%r%s)" % (self.__forward_arg__, module)


def _eval_type(t, globalns, localns, recursive_guard=frozenset()):
    if isinstance(t, str):
        t = ForwardRef(t)
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, recursive_guard=recursive_guard)
    if isinstance(t, (_GenericAlias, types.GenericAlias, types.UnionType)) and \
            not isinstance(t, _SpecialGenericAlias):
        args = t.__args__
        new_args = tuple(_eval_type(a, globalns, localns, recursive_guard)
                         if not isinstance(a, list) else
                         [_eval_type(x, globalns, localns, recursive_guard) for x in a]
                         for a in args)
        if new_args == args:
            return t
        if isinstance(t, types.GenericAlias):
            return types.GenericAlias(t.__origin__, new_args)
        if isinstance(t, types.UnionType):
            return functools.reduce(operator.or_, new_args)
        return t.copy_with(new_args)
    return t


def _strip_annotations(t):
    """t without Annotated[...] metadata and TypedDict qualifiers, at any depth."""
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired, ReadOnly):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, (_GenericAlias, types.GenericAlias, types.UnionType)) and \
            not isinstance(t, (_SpecialGenericAlias, _LiteralGenericAlias)):
        args = t.__args__
        stripped = tuple(_strip_annotations(a) for a in args)
        if stripped == args:
            return t
        if isinstance(t, types.GenericAlias):
            return types.GenericAlias(t.__origin__, stripped)
        if isinstance(t, types.UnionType):
            return functools.reduce(operator.or_, stripped)
        return t.copy_with(stripped)
    return t


# Objects without annotations get_type_hints() accepts (builtins give {}).
_ALLOWED_TYPES = (types.FunctionType, types.BuiltinFunctionType, types.MethodType,
                  types.ModuleType, types.WrapperDescriptorType, types.MethodWrapperType,
                  types.MethodDescriptorType)


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of obj with forward references evaluated (and None as NoneType)."""
    if getattr(obj, "__no_type_check__", None):
        return {}
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if globalns is None:
                base_globals = getattr(sys.modules.get(base.__module__), "__dict__", {})
            else:
                base_globals = globalns
            annotations = base.__dict__.get("__annotations__", {})
            if isinstance(annotations, types.GetSetDescriptorType):
                annotations = {}
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in annotations.items():
                if value is None:
                    value = type(None)
                if isinstance(value, str):
                    value = ForwardRef(value, is_argument=False, is_class=True)
                hints[name] = _eval_type(value, base_globals, base_locals)
        return hints if include_extras else {k: _strip_annotations(t)
                                             for k, t in hints.items()}
    if globalns is None:
        if isinstance(obj, types.ModuleType):
            globalns = obj.__dict__
        else:
            nsobj = obj
            while hasattr(nsobj, "__wrapped__"):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, "__globals__", {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    hints = getattr(obj, "__annotations__", None)
    if hints is None:
        if isinstance(obj, _ALLOWED_TYPES):
            return {}
        raise TypeError("%r is not a module, class, method, or function." % (obj,))
    result = {}
    for name, value in dict(hints).items():
        if value is None:
            value = type(None)
        if isinstance(value, str):
            value = ForwardRef(value, is_argument=not isinstance(obj, types.ModuleType),
                               is_class=False)
        result[name] = _eval_type(value, globalns, localns)
    return result if include_extras else {k: _strip_annotations(t) for k, t in result.items()}


def get_origin(tp):
    """The unsubscripted version of a type: get_origin(List[int]) is list."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_GenericAlias, types.GenericAlias, ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, types.UnionType):
        return types.UnionType
    return None


def get_args(tp):
    """The type arguments: get_args(Dict[int, str]) == (int, str)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableGenericAlias) or (isinstance(tp, types.GenericAlias)
                                                  and tp.__origin__ is _abc.Callable):
        args = tp.__args__
        if args and not (args[0] is ... or _is_param_expr(args[0])):
            return (list(args[:-1]), args[-1])
        return args
    if isinstance(tp, (_GenericAlias, types.GenericAlias)) and \
            not isinstance(tp, _SpecialGenericAlias):
        return tp.__args__
    if isinstance(tp, types.UnionType):
        return tp.__args__
    return ()


# -- decorators and helpers ------------------------------------------------------------------------
def cast(typ, val):
    """Cast a value to a type (returns the value unchanged)."""
    return val


def assert_type(val, typ, /):
    """Ask a static type checker to confirm val has the type typ; returns val."""
    return val


def assert_never(arg, /):
    """Statically assert that a line of code is unreachable."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + "..."
    raise AssertionError("Expected code to be unreachable, but got: %s" % value)


def reveal_type(obj, /):
    """Print the runtime type of obj (for use with static type checkers)."""
    print("Runtime type is %r" % type(obj).__name__, file=sys.stderr)
    return obj


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError("You should not call an overloaded function. A series of "
                              "@overload-decorated functions outside a stub module should "
                              "always be followed by an implementation that is not "
                              "@overload-ed.")


def overload(func):
    """Decorator for overloaded functions/methods (the variants are recorded)."""
    f = getattr(func, "__func__", func)
    try:
        key = (f.__module__, f.__qualname__)
        _overload_registry.setdefault(key, []).append(func)
    except AttributeError:
        pass
    return _overload_dummy


def get_overloads(func):
    f = getattr(func, "__func__", func)
    return list(_overload_registry.get((getattr(f, "__module__", None),
                                        getattr(f, "__qualname__", None)), []))


def clear_overloads():
    _overload_registry.clear()


def final(f):
    """Mark a method or class as final (sets __final__ when possible)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def override(method, /):
    """Mark a method as overriding a base-class method (sets __override__)."""
    try:
        method.__override__ = True
    except (AttributeError, TypeError):
        pass
    return method


def no_type_check(arg):
    """Decorator: the annotations of arg are not type hints."""
    if isinstance(arg, type):
        for obj in vars(arg).values():
            if isinstance(obj, types.FunctionType):
                obj.__no_type_check__ = True
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    """Deprecated: make decorator give no_type_check functions."""
    import warnings
    warnings.warn("'typing.no_type_check_decorator' is deprecated and slated for removal in "
                  "Python 3.15", DeprecationWarning, stacklevel=2)

    @functools.wraps(decorator)
    def wrapped_decorator(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        frozen_default=False, field_specifiers=(), **kwargs):
    """Mark a decorator, class or metaclass as creating dataclass-like classes."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default, "order_default": order_default,
            "kw_only_default": kw_only_default, "frozen_default": frozen_default,
            "field_specifiers": field_specifiers, "kwargs": kwargs,
        }
        return cls_or_fn
    return decorator


AnyStr = TypeVar("AnyStr", bytes, str)


class IO(Generic[AnyStr]):
    """Generic base class for I/O classes."""
    __slots__ = ()


class BinaryIO(IO[bytes]):
    """Typed version of the return of open() in binary mode."""
    __slots__ = ()


class TextIO(IO[str]):
    """Typed version of the return of open() in text mode."""
    __slots__ = ()


Pattern = _SpecialGenericAlias(type("Pattern", (), {"__module__": "re"}), 1, name="Pattern")
Match = _SpecialGenericAlias(type("Match", (), {"__module__": "re"}), 1, name="Match")
