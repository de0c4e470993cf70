"""Shallow and deep copies: copy(x), deepcopy(x[, memo]) and replace(obj, **changes).

Classes control copying with __copy__ and __deepcopy__(memo); otherwise the pickle
reduction protocol (copyreg.dispatch_table, __reduce_ex__(4), __reduce__) describes how to
rebuild the object, and the copy is rebuilt from that description.  Immutable atoms
(numbers, strings, functions, classes, ...) are returned as they are.
"""

import types
import weakref
from copyreg import dispatch_table

__all__ = ["Error", "copy", "deepcopy", "replace"]


class Error(Exception):
    pass


error = Error

# Types whose instances are never copied, shallow or deep.
_ATOMIC = frozenset({
    types.NoneType, types.EllipsisType, types.NotImplementedType, int, float, bool, complex,
    str, bytes, range, types.CodeType, types.BuiltinFunctionType, types.FunctionType,
    weakref.ref, property,
})

# Shallow copies of built-in containers; immutable containers are returned as they are.
_SHALLOW = {list: list.copy, dict: dict.copy, set: set.copy, bytearray: bytearray.copy,
            tuple: lambda t: t, frozenset: lambda s: s, slice: lambda s: s}


def _reduction(x, cls, deep):
    """The reduction tuple describing how to rebuild x (or a string: x is a global).
    A shallow copy looks __reduce_ex__ up on the class, a deep copy on the instance."""
    reducer = dispatch_table.get(cls)
    if reducer is not None:
        return reducer(x)
    if deep:
        reduce_ex = getattr(x, "__reduce_ex__", None)
        if reduce_ex is not None:
            return reduce_ex(4)
    else:
        reduce_ex = getattr(cls, "__reduce_ex__", None)
        if reduce_ex is not None:
            return reduce_ex(x, 4)
    reduce = getattr(x, "__reduce__", None)
    if reduce is not None:
        return reduce()
    raise Error("un(%s)copyable object of type %s" % ("deep" if deep else "shallow", cls))


def copy(x):
    """Return a shallow copy of x."""
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        return x
    shallow = _SHALLOW.get(cls)
    if shallow is not None:
        return shallow(x)
    hook = getattr(cls, "__copy__", None)
    if hook is not None:
        return hook(x)
    rv = _reduction(x, cls, False)
    if isinstance(rv, str):
        return x
    return _rebuild(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """Return a deep copy of x.  memo maps id(original) to its copy, so that shared and
    recursive structures are copied once."""
    if memo is None:
        memo = {}
    else:
        done = memo.get(id(x), _nil)
        if done is not _nil:
            return done
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        return x
    deep = _DEEP.get(cls)
    if deep is not None:
        result = deep(x, memo)
    else:
        hook = getattr(x, "__deepcopy__", None)
        if hook is not None:
            result = hook(memo)
        else:
            rv = _reduction(x, cls, True)
            result = x if isinstance(rv, str) else _rebuild(x, memo, *rv)
    if result is not x:
        memo[id(x)] = result
        # Keep x alive until the copy is finished, so its id cannot be reused meanwhile.
        memo.setdefault(id(memo), []).append(x)
    return result


def _deep_list(x, memo):
    result = []
    memo[id(x)] = result
    for item in x:
        result.append(deepcopy(item, memo))
    return result


def _deep_dict(x, memo):
    result = {}
    memo[id(x)] = result
    for key, value in x.items():
        result[deepcopy(key, memo)] = deepcopy(value, memo)
    return result


def _deep_tuple(x, memo):
    items = [deepcopy(item, memo) for item in x]
    # The tuple may have been copied while copying its items (a cycle through a list).
    if id(x) in memo:
        return memo[id(x)]
    if all(a is b for a, b in zip(items, x)):
        return x
    return tuple(items)


def _deep_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_DEEP = {list: _deep_list, dict: _deep_dict, tuple: _deep_tuple,
         types.MethodType: _deep_method}


def _rebuild(x, memo, func, args, state=None, listitems=None, dictitems=None, *,
             deepcopy=deepcopy):
    """Rebuild an object from a reduction: call func(*args), then restore state and append
    list items and dict items.  With a memo, every part is deep-copied first."""
    def dup(part):
        return part if memo is None else deepcopy(part, memo)

    if memo is not None and args:
        args = [dup(arg) for arg in args]
    result = func(*args)
    if memo is not None:
        memo[id(x)] = result
    if state is not None:
        state = dup(state)
        if hasattr(result, '__setstate__'):
            result.__setstate__(state)
        else:
            slots = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slots = state
            if state:
                result.__dict__.update(state)
            if slots:
                for name, value in slots.items():
                    setattr(result, name, value)
    if listitems is not None:
        for item in listitems:
            result.append(dup(item))
    if dictitems is not None:
        for key, value in dictitems:
            result[dup(key)] = dup(value)
    return result


def replace(obj, /, **changes):
    """Return a copy of obj with the given fields changed (3.13): obj's class must define
    __replace__ (named tuples, dataclasses, ...)."""
    cls = obj.__class__          # (not type(obj): proxies may claim another class)
    hook = getattr(cls, '__replace__', None)
    if hook is None:
        raise TypeError(f"replace() does not support {cls.__name__} objects")
    return hook(obj, **changes)
