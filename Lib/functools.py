"""Higher-order functions and operations on callable objects: reduce, partial,
partialmethod, lru_cache/cache, wraps/update_wrapper, total_ordering, cmp_to_key,
cached_property, singledispatch and singledispatchmethod."""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce', 'partial',
           'partialmethod', 'singledispatch', 'singledispatchmethod', 'cached_property']

from abc import get_cache_token
from reprlib import recursive_repr
try:
    from _thread import RLock
except ImportError:          # before the threads module exists: one thread only
    class RLock:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False


WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__', '__type_params__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the assigned attributes, update the dicts named in
    updated, and set wrapper.__wrapped__ = wrapped.  Return wrapper."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory applying update_wrapper() to a wrapper function."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


# ---- total_ordering ------------------------------------------------------------------------

# For each root comparison, how to derive the other three from it: combine(r, a, b) gives
# the answer for a OP b from r, the root's (non-NotImplemented) answer for a ROOT b, asking
# a == b or a != b only when needed (and returning their results as they are).
_DERIVATIONS = {
    '__lt__': {'__gt__': lambda r, a, b: not r and a != b,
               '__le__': lambda r, a, b: r or a == b,
               '__ge__': lambda r, a, b: not r},
    '__le__': {'__ge__': lambda r, a, b: not r or a == b,
               '__lt__': lambda r, a, b: r and a != b,
               '__gt__': lambda r, a, b: not r},
    '__gt__': {'__lt__': lambda r, a, b: not r and a != b,
               '__ge__': lambda r, a, b: r or a == b,
               '__le__': lambda r, a, b: not r},
    '__ge__': {'__le__': lambda r, a, b: not r or a == b,
               '__gt__': lambda r, a, b: r and a != b,
               '__lt__': lambda r, a, b: not r},
}


def _derive(root, name, combine):
    def derived(self, other):
        result = getattr(type(self), root)(self, other)
        if result is NotImplemented:
            return result
        return combine(result, self, other)
    derived.__name__ = name
    derived.__qualname__ = f'_{name.strip("_")}_from_{root.strip("_")}'
    return derived


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods from the one defined (the
    preferred order being __lt__, __le__, __gt__, __ge__)."""
    roots = {op for op in _DERIVATIONS if getattr(cls, op, None) is not getattr(object, op,
                                                                                 None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for name, combine in _DERIVATIONS[root].items():
        if name not in roots:
            setattr(cls, name, _derive(root, name, combine))
    return cls


# ---- cmp_to_key ----------------------------------------------------------------------------

class _KeyWrapper:
    """What cmp_to_key() returns: called with an object, it makes a wrapper of that
    object whose comparisons call the cmp function.  Wrappers of any cmp_to_key() call
    compare with each other (each using its own cmp), never with other types."""

    __slots__ = ('_cmp', 'obj')

    def __call__(self, /, *args, **kwargs):
        if kwargs:
            if 'obj' not in kwargs and not args:
                raise TypeError("K() missing required argument 'obj' (pos 1)")
            if args or len(kwargs) != 1:
                raise TypeError("K() takes at most 1 argument (%d given)"
                                % (len(args) + len(kwargs)))
            args = (kwargs['obj'],)
        if len(args) != 1:
            if not args:
                raise TypeError("K() missing required argument 'obj' (pos 1)")
            raise TypeError(f"K() takes at most 1 argument ({len(args)} given)")
        key = _new_key_wrapper(_KeyWrapper)
        key._cmp = self._cmp
        key.obj = args[0]
        return key

    def __lt__(self, other):
        if type(other) is not _KeyWrapper:
            raise TypeError("other argument must be K instance")
        return self._cmp(self.obj, other.obj) < 0

    def __gt__(self, other):
        if type(other) is not _KeyWrapper:
            raise TypeError("other argument must be K instance")
        return self._cmp(self.obj, other.obj) > 0

    def __eq__(self, other):
        if type(other) is not _KeyWrapper:
            raise TypeError("other argument must be K instance")
        return self._cmp(self.obj, other.obj) == 0

    def __ne__(self, other):
        if type(other) is not _KeyWrapper:
            raise TypeError("other argument must be K instance")
        return self._cmp(self.obj, other.obj) != 0

    def __le__(self, other):
        if type(other) is not _KeyWrapper:
            raise TypeError("other argument must be K instance")
        return self._cmp(self.obj, other.obj) <= 0

    def __ge__(self, other):
        if type(other) is not _KeyWrapper:
            raise TypeError("other argument must be K instance")
        return self._cmp(self.obj, other.obj) >= 0

    __hash__ = None


_KeyWrapper.__name__ = _KeyWrapper.__qualname__ = 'KeyWrapper'
_new_key_wrapper = object.__new__


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    key = _new_key_wrapper(_KeyWrapper)
    key._cmp = mycmp
    key.obj = None
    return key


# ---- reduce --------------------------------------------------------------------------------

_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing, /):
    """reduce(function, iterable[, initial], /) -> value

    Apply a function of two arguments cumulatively to the items of an iterable, from left to
    right, so as to reduce the iterable to a single value."""
    try:
        it = iter(iterable)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


# ---- partial -------------------------------------------------------------------------------

class _ReadOnlySlot:
    """A read-only attribute (AttributeError 'readonly attribute' on assignment, as a C
    member) whose value lives in the private slot '_' + name."""

    def __init__(self, name, doc):
        self.name = name
        self.slot = '_' + name
        self.__doc__ = doc

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return getattr(obj, self.slot)

    def __set__(self, obj, value):
        raise AttributeError("readonly attribute")

    def __delete__(self, obj):
        raise AttributeError("readonly attribute")


class partial:
    """New function with partial application of the given arguments and keywords."""

    # func, args and keywords are read-only (as CPython's members): the values live in
    # private slots behind _ReadOnlySlot descriptors.
    __slots__ = "_func", "_args", "_keywords", "__dict__", "__weakref__"

    def __new__(cls, /, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func, *args = args
        args = tuple(args)
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial) and not func.__dict__:
            # flattened only when the inner partial carries no attributes of its own
            args = func._args + args
            keywords = {**func._keywords, **keywords}
            func = func._func
        self = super(partial, cls).__new__(cls)
        self._func = func
        self._args = args
        self._keywords = keywords
        return self

    func = _ReadOnlySlot("func", "function object to use in future partial calls")
    args = _ReadOnlySlot("args", "tuple of arguments to future partial calls")
    keywords = _ReadOnlySlot("keywords", "dictionary of keyword arguments to future "
                             "partial calls")

    def __call__(self, /, *args, **keywords):
        keywords = {**self._keywords, **keywords}
        return self._func(*self._args, *args, **keywords)

    # CPython 3.13 also has __get__ (returning self, with a FutureWarning when reached
    # through an instance); it waits here until Lib/inspect.py's ismethoddescriptor()
    # exempts partial objects as CPython's does (else inspect.signature(partial(...))
    # takes them for builtins).  See NEEDS.md.

    @recursive_repr()
    def __repr__(self):
        qualname = type(self).__qualname__
        module = type(self).__module__
        args = [repr(self.func)]
        args.extend(repr(x) for x in self.args)
        args.extend(f"{k}={v!r}" for (k, v) in self.keywords.items())
        return f"{module}.{qualname}({', '.join(args)})"

    def __reduce__(self):
        return type(self), (self._func,), (self._func, self._args, self._keywords,
                                           self.__dict__ or None)

    def __setstate__(self, state):
        if not isinstance(state, tuple):
            raise TypeError("argument to __setstate__ must be a tuple")
        if len(state) != 4:
            raise TypeError(f"expected 4 items in state, got {len(state)}")
        func, args, kwds, namespace = state
        if (not callable(func) or not isinstance(args, tuple) or
                (kwds is not None and not isinstance(kwds, dict)) or
                (namespace is not None and not isinstance(namespace, dict))):
            raise TypeError("invalid partial state")
        args = tuple(args)
        if kwds is None:
            kwds = {}
        elif type(kwds) is not dict:
            kwds = dict(kwds)
        if namespace is None:
            namespace = {}
        self.__dict__ = namespace
        self._func = func
        self._args = args
        self._keywords = kwds

    def __get__(self, obj, objtype=None):
        # 3.13: still not bound to the instance, but warned about (3.14 binds it).
        if obj is None:
            return self
        import warnings
        warnings.warn('functools.partial will be a method descriptor in future Python '
                      'versions; wrap it in staticmethod() if you want to preserve the old '
                      'behavior', FutureWarning, 2)
        return self

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)



class partialmethod:
    """Method descriptor with partial application of the given arguments and keywords:
    behaves like partial except that it is designed to be used as a method definition."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("{!r} is not callable or a descriptor".format(func))
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(map(repr, self.args))
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        cls = type(self)
        return f"{cls.__module__}.{cls.__qualname__}({', '.join(parts)})"

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, "__get__", None)
        result = None
        if get is not None and not isinstance(self.func, partial):
            new_func = get(obj, cls)
            if new_func is not self.func:
                result = partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    pass
        if result is None:
            result = self._make_unbound_method().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def _unwrap_partial(func):
    while isinstance(func, partial):
        func = func.func
    return func


# ---- lru_cache -----------------------------------------------------------------------------

class _HashedSeq(list):
    """A list that caches its hash, used as the key of multi-argument calls."""

    __slots__ = 'hashvalue'

    def __init__(self, tup, hash=hash):
        self[:] = tup
        self.hashvalue = hash(tup)

    def __hash__(self):
        return self.hashvalue


def _make_key(args, kwds, typed, kwd_mark=(object(),), fasttypes={int, str},
              tuple=tuple, type=type, len=len):
    """Make a cache key from positional and keyword arguments (flat, hash computed once)."""
    key = args
    if kwds:
        key += kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in fasttypes:
        return key[0]
    return _HashedSeq(key)


class _CacheInfo(tuple):
    """CacheInfo(hits, misses, maxsize, currsize): statistics of an lru_cache."""

    __slots__ = ()
    _fields = ('hits', 'misses', 'maxsize', 'currsize')

    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])

    def __repr__(self):
        return 'CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)' % tuple(self)

    __match_args__ = _fields

    def _asdict(self):
        return dict(zip(self._fields, self))

    @classmethod
    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != 4:
            raise TypeError(f'Expected 4 arguments, got {len(values)}')
        return tuple.__new__(cls, values)

    def _replace(self, /, **kwds):
        result = self._make(kwds.pop(name, value) for name, value in zip(self._fields, self))
        if kwds:
            raise TypeError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    __replace__ = _replace

    def __getnewargs__(self):
        return tuple(self)


_CacheInfo.__name__ = _CacheInfo.__qualname__ = 'CacheInfo'


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    With maxsize None the cache grows without bound.  With typed true, arguments of
    different types are cached separately (3 and 3.0).  The wrapped function has
    cache_info(), cache_clear() and cache_parameters()."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo):
    """The caching wrapper.  The cache is a dict kept in recency order (least recently used
    first): a hit moves its key to the end, a miss on a full cache evicts the first key.
    One lock guards the dict order and the statistics; the user function runs without
    it, so two threads may compute the same missing value concurrently."""
    if not callable(user_function):
        raise TypeError("the first argument must be callable")
    cache = {}
    lock = RLock()
    stats = [0, 0]   # hits, misses
    missing = object()
    make_key = _make_key

    if maxsize == 0:
        def wrapper(*args, **kwds):
            with lock:
                stats[1] += 1
            return user_function(*args, **kwds)
    else:
        def wrapper(*args, **kwds):
            key = make_key(args, kwds, typed)
            with lock:
                result = cache.get(key, missing)
                if result is not missing:
                    stats[0] += 1
                    if maxsize is not None:
                        cache[key] = cache.pop(key)   # now the most recently used
                    return result
                stats[1] += 1
            result = user_function(*args, **kwds)
            with lock:
                # A recursive or concurrent call may have stored the key meanwhile: a
                # bounded cache keeps that first result, an unbounded one the last (as
                # CPython's two C wrappers do).
                if maxsize is None:
                    cache[key] = result
                elif key not in cache:
                    if len(cache) >= maxsize:
                        del cache[next(iter(cache))]
                    cache[key] = result
            return result

    def cache_info():
        """Report cache statistics"""
        with lock:
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        with lock:
            cache.clear()
            stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# ---- singledispatch ------------------------------------------------------------------------

def _merge_linearizations(sequences):
    """C3 merge: repeatedly take the first head that is in no other sequence's tail."""
    pending = [list(seq) for seq in sequences if seq]
    merged = []
    while pending:
        for seq in pending:
            head = seq[0]
            if not any(head in other[1:] for other in pending):
                break
        else:
            raise RuntimeError("Inconsistent hierarchy")
        merged.append(head)
        for seq in pending:
            if seq[0] is head:
                del seq[0]
        pending = [seq for seq in pending if seq]
    return merged


def _woven_mro(cls, abcs):
    """cls's MRO with the ABCs of abcs that cls implements woven in as extra bases.
    An ABC becomes a base of the most derived class that implements it while none of
    that class's own bases do; it goes after the class's explicit ABC bases and before
    its other bases (so it takes precedence over concrete bases that lack it)."""
    if not abcs:
        return list(cls.__mro__)
    bases = cls.__bases__
    split = 0
    for i, base in enumerate(bases):
        if hasattr(base, '__abstractmethods__'):
            split = i + 1
    own = [a for a in abcs
           if issubclass(cls, a) and not any(issubclass(b, a) for b in bases)]
    rest = [a for a in abcs if a not in own]
    leading, trailing = bases[:split], bases[split:]
    return _merge_linearizations(
        [[cls]]
        + [_woven_mro(b, rest) for b in leading]
        + [_woven_mro(a, rest) for a in own]
        + [_woven_mro(b, rest) for b in trailing]
        + [list(leading) + own + list(trailing)])


def _dispatch_mro(cls, types):
    """The MRO searched to dispatch on cls: its own MRO extended with those of the
    registered types that cls is an implicit or virtual subclass of (ABCs)."""
    from types import GenericAlias
    mro = cls.__mro__
    related = [t for t in types
               if t not in mro and hasattr(t, '__mro__')
               and not isinstance(t, GenericAlias) and issubclass(cls, t)]
    # Bases of other related types come along with them.
    related = [t for t in related
               if not any(t is not o and t in o.__mro__ for o in related)]
    # A direct subclass of a related ABC that cls also implements fixes the relative
    # order of the related ABCs it derives from (the fullest such subclass first).
    chosen = set(related)
    ordered = []
    for t in related:
        lines = [[s for s in sub.__mro__ if s in chosen]
                 for sub in t.__subclasses__()
                 if sub not in mro and issubclass(cls, sub)]
        if not lines:
            ordered.append(t)
            continue
        lines.sort(key=len, reverse=True)
        for line in lines:
            for s in line:
                if s not in ordered:
                    ordered.append(s)
    return _woven_mro(cls, ordered)


def _find_impl(cls, registry):
    """The implementation for cls: the first registered type in the dispatch MRO (see
    _dispatch_mro).  When that match is an ABC cls only implements implicitly and the
    next type of the MRO is an unrelated registered one of the same kind, the choice
    would be arbitrary: RuntimeError."""
    mro = _dispatch_mro(cls, registry.keys())
    real = cls.__mro__
    match = None
    for t in mro:
        if match is not None:
            if (t in registry and t not in real and match not in real
                    and not issubclass(match, t)):
                raise RuntimeError("Ambiguous dispatch: {} or {}".format(match, t))
            break
        if t in registry:
            match = t
    return registry.get(match)


def _dispatch_annotations(func):
    """The annotations of func (or, for a classmethod/staticmethod, of the function it
    wraps), with string annotations evaluated as typing.get_type_hints() does."""
    ann = getattr(func, '__annotations__', None)
    target = func
    if not ann and hasattr(func, '__func__'):
        target = func.__func__
        ann = getattr(target, '__annotations__', None)
    if not ann:
        return {}
    if any(isinstance(value, str) for value in ann.values()):
        from typing import get_type_hints
        return get_type_hints(target)
    return dict(ann)


def _union_args(cls):
    """The members of a union type (int | str, typing.Union[int, str], typing.Optional[X]),
    or None when cls is not a union."""
    import types
    if isinstance(cls, types.UnionType):
        return cls.__args__
    if type(cls).__module__ == 'typing':
        import typing
        if typing.get_origin(cls) is typing.Union:
            return typing.get_args(cls)
    return None


def singledispatch(func):
    """Single-dispatch generic function decorator: the implementation is chosen by the type
    of the first argument; register alternatives with func.register(type)."""
    import types
    import weakref

    registry = {}
    dispatch_cache = weakref.WeakKeyDictionary()
    cache_token = None

    def dispatch(cls):
        """Return the implementation for cls from the registry."""
        nonlocal cache_token
        if cache_token is not None:
            current_token = get_cache_token()
            if cache_token != current_token:
                dispatch_cache.clear()
                cache_token = current_token
        try:
            impl = dispatch_cache[cls]
        except KeyError:
            try:
                impl = registry[cls]
            except KeyError:
                impl = _find_impl(cls, registry)
            dispatch_cache[cls] = impl
        return impl

    def _is_valid_dispatch_type(cls):
        if isinstance(cls, type):
            return True
        args = _union_args(cls)
        return args is not None and all(isinstance(arg, type) for arg in args)

    def register(cls, func=None):
        """Register func as the implementation for cls (also usable as a decorator, with
        the type taken from the first parameter's annotation)."""
        nonlocal cache_token
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f"Invalid first argument to `register()`. "
                                f"{cls!r} is not a class or union type.")
            func = cls
            ann = _dispatch_annotations(func)
            if not ann:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function.")
            argname, cls = next(iter(ann.items()))
            if not _is_valid_dispatch_type(cls):
                if _union_args(cls) is not None:
                    raise TypeError(f"Invalid annotation for {argname!r}. "
                                    f"{cls!r} not all arguments are classes.")
                raise TypeError(f"Invalid annotation for {argname!r}. "
                                f"{cls!r} is not a class.")
        args = _union_args(cls)
        if args is not None:
            for arg in args:
                registry[arg] = func
        else:
            registry[cls] = func
        if cache_token is None and hasattr(cls, '__abstractmethods__'):
            cache_token = get_cache_token()
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = types.MappingProxyType(registry)
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor: dispatches on the type of the first
    non-self argument."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """Register method as the implementation for cls."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            if not args:
                funcname = getattr(self.func, '__name__', 'singledispatchmethod method')
                raise TypeError(f'{funcname} requires at least 1 positional argument')
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---- cached_property -----------------------------------------------------------------------

_NOT_FOUND = object()


class cached_property:
    """A property whose value is computed once per instance and then stored in the
    instance's __dict__ (so later lookups find it as a plain attribute)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError("Cannot assign the same cached_property to two different names "
                            f"({self.attrname!r} and {name!r}).")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError("Cannot use cached_property instance without calling "
                            "__set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = (f"No '__dict__' attribute on {type(instance).__name__!r} "
                   f"instance to cache {self.attrname!r} property.")
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            try:
                cache[self.attrname] = val
            except TypeError:
                msg = (f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                       f"does not support item assignment for caching {self.attrname!r} "
                       f"property.")
                raise TypeError(msg) from None
        return val

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)
