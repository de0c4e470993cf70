"""Container datatypes: namedtuple, deque, ChainMap, Counter, OrderedDict, defaultdict,
UserDict, UserList and UserString.  deque and defaultdict are implemented in C
(Modules/_collectionsmodule.c)."""

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList', 'UserString',
           'defaultdict', 'deque', 'namedtuple']

import _collections_abc
import sys as _sys
from keyword import iskeyword as _iskeyword
from operator import itemgetter as _itemgetter
from reprlib import recursive_repr as _recursive_repr

from _collections import deque, defaultdict

_collections_abc.MutableSequence.register(deque)


# ---- OrderedDict ---------------------------------------------------------------------------

class OrderedDict(dict):
    """A dict that also lets you reorder it: move_to_end(key, last=True),
    popitem(last=True); comparisons between OrderedDicts are order-sensitive.

    Built on the insertion order plain dicts keep: moving a key to the end is a pop and a
    re-insertion; moving it to the front rebuilds the order (O(n), rarely used)."""

    def __init__(self, other=(), /, **kwds):
        self.update(other, **kwds)

    def move_to_end(self, key, last=True):
        """Move an existing key to the end (or the beginning if last is false); KeyError
        if it is missing."""
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        """Remove and return a (key, value) pair: the last inserted if last is true, the
        first otherwise."""
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self)) if last else next(iter(self))
        return key, dict.pop(self, key)

    def update(self, other=(), /, **kwds):
        """Update from a mapping or an iterable of pairs, then from keyword arguments
        (through __setitem__, so subclasses see every assignment)."""
        if isinstance(other, _collections_abc.Mapping) or hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        """Return self[key], first inserting default if key is missing."""
        if key in self:
            return self[key]
        self[key] = default
        return default

    def copy(self):
        """A shallow copy of the same type and order."""
        return self.__class__(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """A new ordered dictionary with the keys of iterable, all mapped to value."""
        new = cls()
        for key in iterable:
            new[key] = value
        return new

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and all(a == b for a, b in zip(self, other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    @_recursive_repr()
    def __repr__(self):
        if not self:
            return '%s()' % (self.__class__.__name__,)
        return '%s(%r)' % (self.__class__.__name__, dict(self.items()))

    def __reduce__(self):
        state = dict(vars(self)) or None
        return self.__class__, (), state, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


# ---- namedtuple ----------------------------------------------------------------------------

def _check_names(typename, field_names, rename):
    """Validate (and with rename, repair) the type and field names."""
    names = list(field_names)
    if rename:
        seen = set()
        for index, name in enumerate(names):
            if (not name.isidentifier() or _iskeyword(name) or name.startswith('_') or
                    name in seen):
                names[index] = f'_{index}'
            seen.add(name)
    for name in [typename] + names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: '
                             f'{name!r}')
        if _iskeyword(name):
            raise ValueError(f'Type names and field names cannot be a keyword: {name!r}')
    seen = set()
    for name in names:
        if name.startswith('_') and not rename:
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    return tuple(_sys.intern(name) for name in names)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Return a new tuple subclass named typename with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point(11, y=22).x
    11
    """
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    typename = _sys.intern(str(typename))
    fields = _check_names(typename, map(str, field_names), rename)
    count = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > count:
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(fields[count - len(defaults):], defaults))

    # __new__ is compiled from source so that it has the real signature Point(x, y).
    params = ', '.join(fields)
    source = (f'def __new__(_cls, {params}):\n'
              f'    return _tuple_new(_cls, ({params}{"," if count == 1 else ""}))\n')
    namespace = {'_tuple_new': tuple.__new__, '__builtins__': {},
                 '__name__': f'namedtuple_{typename}'}
    exec(source, namespace)
    new = namespace['__new__']
    new.__doc__ = f'Create new instance of {typename}({params})'
    if defaults is not None:
        new.__defaults__ = defaults

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != count:
            raise TypeError(f'Expected {count} arguments, got {len(result)}')
        return result
    _make.__doc__ = f'Make a new {typename} object from a sequence or iterable'

    def _replace(self, /, **changes):
        result = self._make([changes.pop(name, value) for name, value in zip(fields, self)])
        if changes:
            raise TypeError(f'Got unexpected field names: {list(changes)!r}')
        return result
    _replace.__doc__ = f'Return a new {typename} object replacing specified fields with new values'

    template = '(' + ', '.join(f'{name}=%r' for name in fields) + ')'

    def __repr__(self):
        """Return a nicely formatted representation string"""
        return self.__class__.__name__ + template % self

    def _asdict(self):
        """Return a new dict which maps field names to their values."""
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        """Return self as a plain tuple.  Used by copy and pickle."""
        return tuple(self)

    for function in (new, _make, _replace, __repr__, _asdict, __getnewargs__):
        function.__qualname__ = f'{typename}.{function.__name__}'

    body = {
        '__doc__': f'{typename}({params})',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': new,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__replace__': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
    }
    for index, name in enumerate(fields):
        body[name] = property(_itemgetter(index), doc=f'Alias for field number {index}')
    cls = type(typename, (tuple,), body)
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = None
    if module is not None:
        cls.__module__ = module
    return cls


# ---- Counter -------------------------------------------------------------------------------

def _count_elements(mapping, iterable):
    """Add one to mapping[element] for each element of iterable."""
    get = mapping.get
    for element in iterable:
        mapping[element] = get(element, 0) + 1


try:
    from _collections import _count_elements
except ImportError:
    pass


class Counter(dict):
    """A dict that counts hashable things: Counter('abca') == {'a': 2, 'b': 1, 'c': 1}.

    Missing keys count zero.  Counters add, subtract, intersect (minimum) and unite
    (maximum) with the operators + - & |; results keep positive counts only."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        """The sum of the counts."""
        return sum(self.values())

    def most_common(self, n=None):
        """The n most common elements with their counts, most common first (all of them
        when n is None); equal counts keep insertion order."""
        if n is None:
            return sorted(self.items(), key=_itemgetter(1), reverse=True)
        import heapq
        return heapq.nlargest(n, self.items(), key=_itemgetter(1))

    def elements(self):
        """Iterate over the elements, each repeated as many times as its count (elements
        with a count below one are left out)."""
        for element, count in self.items():
            for _ in range(count):
                yield element

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Add counts: from an iterable of elements, or from another mapping of counts."""
        if iterable is not None:
            if isinstance(iterable, _collections_abc.Mapping):
                if self:
                    for element, count in iterable.items():
                        self[element] = self.get(element, 0) + count
                else:
                    super().update(iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Subtract counts (results may be zero or negative)."""
        if iterable is not None:
            if isinstance(iterable, _collections_abc.Mapping):
                pairs = iterable.items()
            else:
                pairs = ((element, 1) for element in iterable)
            for element, count in pairs:
                self[element] = self.get(element, 0) - count
        if kwds:
            self.subtract(kwds)

    def copy(self):
        """A shallow copy."""
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, element):
        """Like dict.__delitem__ but a missing element is not an error."""
        if element in self:
            super().__delitem__(element)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self)
        return f'{self.__class__.__name__}({shown!r})'

    # Comparisons treat missing elements as zero counts.
    def _all_keys(self, other):
        return set(self) | set(other)

    def _compare(self, other, test):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(test(self[e], other[e]) for e in self._all_keys(other))

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def _combine(self, other, op):
        """A new Counter of op(self[e], other[e]) over every element, positive results
        only, in the order elements first appear in self, then other."""
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element in list(self) + [e for e in other if e not in self]:
            count = op(self[element], other[element])
            if count > 0:
                result[element] = count
        return result

    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b)

    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b)

    def __or__(self, other):
        return self._combine(other, max)

    def __and__(self, other):
        return self._combine(other, min)

    def __pos__(self):
        return Counter({e: c for e, c in self.items() if c > 0})

    def __neg__(self):
        return Counter({e: -c for e, c in self.items() if c < 0})

    def _keep_positive(self):
        for element in [e for e, c in self.items() if not c > 0]:
            del self[element]
        return self

    def __iadd__(self, other):
        for element, count in other.items():
            self[element] += count
        return self._keep_positive()

    def __isub__(self, other):
        for element, count in other.items():
            self[element] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for element, count in other.items():
            if count > self[element]:
                self[element] = count
        return self._keep_positive()

    def __iand__(self, other):
        for element, count in self.items():
            if other[element] < count:
                self[element] = other[element]
        return self._keep_positive()


# ---- ChainMap ------------------------------------------------------------------------------

class ChainMap(_collections_abc.MutableMapping):
    """A view of several mappings as one: lookups search maps in order; assignments,
    deletions and clear() act on the first map only."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        order = {}
        for mapping in reversed(self.maps):
            order.update(dict.fromkeys(mapping))
        return iter(order)

    def __contains__(self, key):
        return any(key in mapping for mapping in self.maps)

    def __bool__(self):
        return any(self.maps)

    @_recursive_repr()
    def __repr__(self):
        return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

    @classmethod
    def fromkeys(cls, iterable, value=None, /):
        """A ChainMap over one new dict with the keys of iterable."""
        return cls(dict.fromkeys(iterable, value))

    def copy(self):
        """A new ChainMap with a copy of maps[0] and the other maps shared."""
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """A new ChainMap with m (default: a new dict with kwargs) in front of the maps."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        """A new ChainMap of all the maps but the first."""
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        """Remove and return a pair from maps[0] (KeyError if it is empty)."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        """Remove key from maps[0] and return its value (KeyError if it is not there)."""
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        """Clear maps[0] only."""
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        result = self.copy()
        result.maps[0].update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        merged = dict(other)
        for mapping in reversed(self.maps):
            merged.update(mapping)
        return self.__class__(merged)


# ---- UserDict, UserList, UserString --------------------------------------------------------

class UserDict(_collections_abc.MutableMapping):
    """A dict-like class keeping its contents in the plain dict self.data (for
    subclassing)."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        missing = getattr(self.__class__, "__missing__", None)
        if missing is not None:
            return missing(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __repr__(self):
        return repr(self.data)

    def _other_data(self, other):
        if isinstance(other, UserDict):
            return other.data
        if isinstance(other, dict):
            return other
        return None

    def __or__(self, other):
        data = self._other_data(other)
        return NotImplemented if data is None else self.__class__(self.data | data)

    def __ror__(self, other):
        data = self._other_data(other)
        return NotImplemented if data is None else self.__class__(data | self.data)

    def __ior__(self, other):
        data = self._other_data(other)
        self.data |= other if data is None else data
        return self

    def __copy__(self):
        new = self.__class__.__new__(self.__class__)
        new.__dict__.update(self.__dict__)
        new.__dict__["data"] = self.data.copy()
        return new

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        import copy
        return copy.copy(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new


class UserList(_collections_abc.MutableSequence):
    """A list-like class keeping its contents in the plain list self.data (for
    subclassing)."""

    def __init__(self, initlist=None):
        if initlist is None:
            self.data = []
        elif isinstance(initlist, UserList):
            self.data = initlist.data[:]
        else:
            self.data = list(initlist)

    @staticmethod
    def _unwrap(other):
        return other.data if isinstance(other, UserList) else other

    def __repr__(self):
        return repr(self.data)

    def __lt__(self, other):
        return self.data < self._unwrap(other)

    def __le__(self, other):
        return self.data <= self._unwrap(other)

    def __eq__(self, other):
        return self.data == self._unwrap(other)

    def __gt__(self, other):
        return self.data > self._unwrap(other)

    def __ge__(self, other):
        return self.data >= self._unwrap(other)

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        other = self._unwrap(other)
        return self.__class__(self.data + (other if isinstance(other, list) else list(other)))

    def __radd__(self, other):
        other = self._unwrap(other)
        return self.__class__((other if isinstance(other, list) else list(other)) + self.data)

    def __iadd__(self, other):
        self.data += self._unwrap(other) if isinstance(other, UserList) else list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        new = self.__class__.__new__(self.__class__)
        new.__dict__.update(self.__dict__)
        new.__dict__["data"] = self.data[:]
        return new

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        self.data.extend(self._unwrap(other))


class UserString(_collections_abc.Sequence):
    """A str-like class keeping its contents in the plain str self.data (for
    subclassing).  Methods returning strings return instances of the class."""

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    @staticmethod
    def _unwrap(other):
        return other.data if isinstance(other, UserString) else other

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def __eq__(self, other):
        return self.data == self._unwrap(other)

    def __lt__(self, other):
        return self.data < self._unwrap(other)

    def __le__(self, other):
        return self.data <= self._unwrap(other)

    def __gt__(self, other):
        return self.data > self._unwrap(other)

    def __ge__(self, other):
        return self.data >= self._unwrap(other)

    def __contains__(self, char):
        return self._unwrap(char) in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        other = self._unwrap(other)
        return self.__class__(self.data + (other if isinstance(other, str) else str(other)))

    def __radd__(self, other):
        return self.__class__((other if isinstance(other, str) else str(other)) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    def encode(self, encoding='utf-8', errors='strict'):
        return self.data.encode('utf-8' if encoding is None else encoding,
                                'strict' if errors is None else errors)

    maketrans = str.maketrans


def _user_string_methods():
    """Give UserString the str methods: those returning str wrap the result in the class;
    the others return the plain result.  String arguments may be UserStrings."""
    wrapping = ('capitalize', 'casefold', 'center', 'expandtabs', 'ljust', 'lower', 'lstrip',
                'removeprefix', 'removesuffix', 'replace', 'rjust', 'rstrip', 'strip',
                'swapcase', 'title', 'translate', 'upper', 'zfill')
    plain = ('count', 'endswith', 'find', 'format', 'format_map', 'index', 'isalnum',
             'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower',
             'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper', 'join',
             'partition', 'rfind', 'rindex', 'rpartition', 'rsplit', 'split', 'splitlines',
             'startswith')

    def make(name, wrap):
        str_method = getattr(str, name)

        def method(self, *args, **kwargs):
            args = [UserString._unwrap(a) for a in args]
            result = str_method(self.data, *args, **kwargs)
            return self.__class__(result) if wrap else result
        method.__name__ = name
        method.__qualname__ = 'UserString.' + name
        method.__doc__ = str_method.__doc__
        return method

    for name in wrapping:
        setattr(UserString, name, make(name, True))
    for name in plain:
        setattr(UserString, name, make(name, False))


_user_string_methods()
del _user_string_methods
