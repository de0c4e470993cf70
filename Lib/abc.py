"""Abstract Base Classes (PEP 3119): ABCMeta, ABC, abstractmethod and friends.

Instantiating a class that still has abstract methods raises TypeError: ABCMeta sets
__abstractmethods__, and object.__new__ refuses types whose __abstractmethods__ is non-empty.
"""

from _weakref import ref as _ref
try:
    from _abc import _set_collection_flag, _collection_flag
    # C fast paths answering isinstance()/issubclass() from the caches below.
    from _abc import _instancecheck, _subclasscheck
except ImportError:          # on other implementations (tests run against CPython)
    def _set_collection_flag(cls, flag):
        pass

    def _collection_flag(cls):
        return 0

    _instancecheck = _subclasscheck = None


def abstractmethod(funcobj):
    """A decorator indicating abstract methods: a class whose metaclass is ABCMeta cannot be
    instantiated unless all of its abstract methods are overridden."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """Deprecated: use classmethod with abstractmethod instead."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """Deprecated: use staticmethod with abstractmethod instead."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """Deprecated: use property with abstractmethod instead."""
    __isabstractmethod__ = True


class _WeakClassSet(set):
    """A set of weak references to classes (registries and caches).  Membership is tested
    with `_ref(cls) in s`, a plain set lookup: weak references to a live object hash and
    compare like the object.  Entries remove themselves when their class dies."""

    __slots__ = ()

    def add_class(self, cls):
        def _remove(wr, selfref=_ref(self)):
            owner = selfref()
            if owner is not None:
                owner.discard(wr)
        self.add(_ref(cls, _remove))

    def classes(self):
        """The live classes in the set (a list, safe against concurrent changes)."""
        return [cls for cls in (wr() for wr in self.copy()) if cls is not None]


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes.

    Classes may be registered as "virtual subclasses" of an ABC with register(); isinstance
    and issubclass then accept them, and __subclasshook__ may decide membership."""

    _abc_invalidation_counter = 0

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        tpflags = namespace.pop('__abc_tpflags__', 0)
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        if tpflags:
            _set_collection_flag(cls, tpflags)
        abstracts = {name for name, value in namespace.items()
                     if getattr(value, "__isabstractmethod__", False)}
        for base in bases:
            for name in getattr(base, "__abstractmethods__", set()):
                value = getattr(cls, name, None)
                if getattr(value, "__isabstractmethod__", False):
                    abstracts.add(name)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = _WeakClassSet()
        cls._abc_cache = _WeakClassSet()
        cls._abc_negative_cache = _WeakClassSet()
        cls._abc_negative_cache_version = ABCMeta._abc_invalidation_counter
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC; return the subclass (usable as a class
        decorator)."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.add_class(subclass)
        ABCMeta._abc_invalidation_counter += 1
        flag = _collection_flag(cls)
        if flag:
            _set_collection_flag(subclass, flag)
        return subclass

    def _abc_slow_instancecheck(cls, instance):
        """isinstance(instance, cls) when the caches do not answer it."""
        subclass = instance.__class__
        try:
            key = _ref(subclass)
        except TypeError:
            key = None
        if key is not None and key in cls._abc_cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (key is not None and
                    cls._abc_negative_cache_version == ABCMeta._abc_invalidation_counter and
                    key in cls._abc_negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def _abc_slow_subclasscheck(cls, subclass):
        """issubclass(subclass, cls) when the caches do not answer it; fills them."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        key = _ref(subclass)
        if key in cls._abc_cache:
            return True
        if cls._abc_negative_cache_version < ABCMeta._abc_invalidation_counter:
            cls._abc_negative_cache = _WeakClassSet()
            cls._abc_negative_cache_version = ABCMeta._abc_invalidation_counter
        elif key in cls._abc_negative_cache:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            assert isinstance(ok, bool)
            if ok:
                cls._abc_cache.add_class(subclass)
            else:
                cls._abc_negative_cache.add_class(subclass)
            return ok
        if cls in getattr(subclass, '__mro__', ()):
            cls._abc_cache.add_class(subclass)
            return True
        for rcls in cls._abc_registry.classes():
            if issubclass(subclass, rcls):
                cls._abc_cache.add_class(subclass)
                return True
        for scls in cls.__subclasses__():
            if issubclass(subclass, scls):
                cls._abc_cache.add_class(subclass)
                return True
        cls._abc_negative_cache.add_class(subclass)
        return False

    if _instancecheck is not None:
        __instancecheck__ = _instancecheck
        __subclasscheck__ = _subclasscheck
    else:
        def __instancecheck__(cls, instance):
            """Override for isinstance(instance, cls)."""
            return cls._abc_slow_instancecheck(instance)

        def __subclasscheck__(cls, subclass):
            """Override for issubclass(subclass, cls)."""
            return cls._abc_slow_subclasscheck(subclass)

    def _dump_registry(cls, file=None):
        """Debug helper to print the ABC registry."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        for name in ('_abc_registry', '_abc_cache', '_abc_negative_cache'):
            print(f"{name}: {set(getattr(cls, name).classes())!r}", file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_cache.clear()
        cls._abc_negative_cache.clear()


def get_cache_token():
    """Returns the current ABC cache token; it changes whenever a class is registered."""
    return ABCMeta._abc_invalidation_counter


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class (after methods were added
    or removed once the class was created)."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using inheritance."""
    __slots__ = ()
