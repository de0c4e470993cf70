"""Data classes (PEP 557): a decorator that writes __init__, __repr__, __eq__ and friends
from a class's annotated fields.

Design: @dataclass collects Field objects from the class and its dataclass bases (in MRO
order), then builds each generated method as Python source and compiles it once with the
defaults and factories it needs bound as globals of that source.  The behaviour (argument
order, defaults, frozen/eq/order/unsafe_hash rules, error messages) follows CPython 3.13's
documentation.
"""

import copy
import sys
import types
from reprlib import recursive_repr

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    """Raised when assigning to or deleting a field of a frozen dataclass instance."""


class _Sentinel:
    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return self._name


class _MISSING_TYPE:
    """Type of MISSING, the marker of a field without a default (repr is object's)."""


MISSING = _MISSING_TYPE()
_HAS_DEFAULT_FACTORY = _Sentinel('<factory>')


class _KW_ONLY_TYPE:
    """Type of KW_ONLY: a pseudo-field annotation marking the fields after it keyword-only."""


KW_ONLY = _KW_ONLY_TYPE()
_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT = '__post_init__'

# Field kinds.
class _FieldKind:
    """A field's kind; its repr is the name CPython shows in Field reprs."""

    __slots__ = ('name',)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_REGULAR = _FieldKind('_FIELD')
_CLASSVAR = _FieldKind('_FIELD_CLASSVAR')
_INITVAR = _FieldKind('_FIELD_INITVAR')


class InitVar:
    """Annotation for an init-only pseudo-field: passed to __init__ and __post_init__ but
    not stored."""

    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        name = getattr(self.type, '__qualname__', None) or repr(self.type)
        return f'dataclasses.InitVar[{name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """Describes one field: name, type, default, default_factory, and the flags init,
    repr, hash, compare, kw_only, plus user metadata."""

    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = types.MappingProxyType(dict(metadata)) if metadata else _EMPTY
        self.kw_only = kw_only
        self._field_type = None

    @recursive_repr()
    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        # A default that is a descriptor gets __set_name__ as a class attribute would.
        hook = getattr(type(self.default), '__set_name__', None)
        if hook is not None:
            hook(self.default, owner, name)

    __class_getitem__ = classmethod(types.GenericAlias)


_EMPTY = types.MappingProxyType({})


class _DataclassParams:
    """The decorator arguments, kept in __dataclass_params__."""

    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen', 'match_args',
                 'kw_only', 'slots', 'weakref_slot')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                 slots, weakref_slot):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen
        self.match_args = match_args
        self.kw_only = kw_only
        self.slots = slots
        self.weakref_slot = weakref_slot

    def __repr__(self):
        return ('_DataclassParams(' + ','.join(f'{name}={getattr(self, name)!r}'
                                               for name in self.__slots__) + ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields.

    default is the default value; default_factory a 0-argument callable producing it;
    init, repr, compare include the field in __init__, __repr__ and comparisons; hash
    includes it in __hash__ (None: follow compare); metadata is a read-only mapping for
    third parties; kw_only makes it keyword-only in __init__."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _string_annotation_names(cls, annotation, module, predicate):
    """Whether a string annotation such as 'ClassVar[int]' or 'typing.ClassVar' names an
    object satisfying predicate: its leading name (or module.name) is looked up in the
    namespace of the module defining cls, and a module prefix must be bound to `module`."""
    text = annotation.lstrip()
    parts = []
    for _ in range(2):
        end = 0
        while end < len(text) and (text[end].isalnum() or text[end] == '_'):
            end += 1
        if end == 0:
            break
        parts.append(text[:end])
        text = text[end:].lstrip()
        if not text.startswith('.'):
            break
        text = text[1:].lstrip()
    if not parts:
        return False
    namespace = getattr(sys.modules.get(cls.__module__), '__dict__', None)
    if not namespace:
        return False
    if len(parts) == 1:
        return predicate(namespace.get(parts[0]))
    return (module is not None and namespace.get(parts[0]) is module and
            predicate(getattr(module, parts[1], None)))


def _is_classvar(annotation, cls=None):
    if isinstance(annotation, str):
        return cls is not None and _string_annotation_names(
            cls, annotation, sys.modules.get('typing'), _is_classvar)
    typing = sys.modules.get('typing')
    if typing is None:
        return False
    return (annotation is typing.ClassVar or
            (type(annotation) is getattr(typing, '_GenericAlias', None) and
             getattr(annotation, '__origin__', None) is typing.ClassVar))


def _is_initvar(annotation, cls=None):
    if isinstance(annotation, str):
        return cls is not None and _string_annotation_names(
            cls, annotation, sys.modules[__name__], _is_initvar)
    return annotation is InitVar or type(annotation) is InitVar


def _is_kw_only_marker(annotation, cls=None):
    if isinstance(annotation, str):
        return cls is not None and _string_annotation_names(
            cls, annotation, sys.modules[__name__], _is_kw_only_marker)
    return annotation is KW_ONLY


def _make_field(cls, name, annotation, kw_only):
    """The Field for one annotated class attribute."""
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if isinstance(default, types.MemberDescriptorType):
            default = MISSING    # a __slots__ member, not a default value
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _REGULAR
    if _is_classvar(annotation, cls):
        f._field_type = _CLASSVAR
    elif _is_initvar(annotation, cls):
        f._field_type = _INITVAR
    if f._field_type in (_CLASSVAR, _INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type in (_REGULAR, _INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies kw_only')
    if f._field_type is _REGULAR and f.default is not MISSING:
        if f.default.__class__.__hash__ is None:
            raise ValueError(f'mutable default {type(f.default)} for field {f.name} is not '
                             f'allowed: use default_factory')
    return f


def _own_annotations(cls):
    annotations = cls.__dict__.get('__annotations__')
    if annotations is None:
        return {}
    return annotations


def _collect_fields(cls, kw_only):
    """Fields of cls: inherited dataclass fields first (MRO order, later bases overriding
    earlier ones), then the class's own annotations in definition order."""
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = base.__dict__.get(_FIELDS)
        if base_fields is not None:
            for f in base_fields.values():
                fields[f.name] = f
    seen_kw_only_marker = False
    for name, annotation in _own_annotations(cls).items():
        if _is_kw_only_marker(annotation, cls):
            if seen_kw_only_marker:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been '
                                f'specified')
            seen_kw_only_marker = True
            kw_only = True
            continue
        fields[name] = _make_field(cls, name, annotation, kw_only)
    # Own fields given as field() objects: replace the class attribute by the default.
    for name in _own_annotations(cls):
        value = cls.__dict__.get(name, MISSING)
        if isinstance(value, Field):
            f = fields.get(name)
            if f is None:
                continue
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in _own_annotations(cls):
            raise TypeError(f'{name!r} is a field but has no type annotation')
    return fields


class _Source:
    """Collects the source of the generated methods and the globals they use."""

    def __init__(self, cls):
        self.cls = cls
        self.globals = {'MISSING': MISSING, '_HAS_DEFAULT_FACTORY': _HAS_DEFAULT_FACTORY,
                        '__dataclass_builtins_object__': object,
                        'FrozenInstanceError': FrozenInstanceError}
        module = sys.modules.get(cls.__module__)
        self.module_globals = module.__dict__ if module is not None else {}

    def name_for(self, prefix, value):
        """A global name bound to value in the generated code."""
        key = f'__dataclass_{prefix}_{len(self.globals)}__'
        self.globals[key] = value
        return key

    def build(self, name, params, body, return_annotation=MISSING, annotations=None):
        """Compile def name(params): body (a list of lines) and return the function;
        annotations (parameter name -> type) and return_annotation become __annotations__."""
        lines = body or ['pass']
        text = f'def {name}({", ".join(params)}):\n' + ''.join(f'  {line}\n' for line in lines)
        namespace = {}
        exec(text, {**self.module_globals, **self.globals}, namespace)
        fn = namespace[name]
        fn.__qualname__ = f'{self.cls.__qualname__}.{fn.__name__}'
        if return_annotation is not MISSING or annotations:
            fn.__annotations__ = dict(annotations or {})
            if return_annotation is not MISSING:
                fn.__annotations__['return'] = return_annotation
        return fn


def _set_new_attribute(cls, name, value):
    """Add value as cls.name unless the class defines name itself; return True if it was
    already defined."""
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _init_fn(source, fields, std_fields, kw_only_fields, frozen, has_post_init, self_name):
    """Generate __init__."""
    seen_default = None
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = f
            elif seen_default is not None:
                raise TypeError(f'non-default argument {f.name!r} follows default argument '
                                f'{seen_default.name!r}')

    def param(f):
        if f.default is not MISSING:
            return f'{f.name}={source.name_for("dflt", f.default)}'
        if f.default_factory is not MISSING:
            return f'{f.name}=_HAS_DEFAULT_FACTORY'
        return f.name

    def assign(name, value):
        if frozen:
            return f'__dataclass_builtins_object__.__setattr__({self_name}, {name!r}, {value})'
        return f'{self_name}.{name} = {value}'

    body = []
    for f in fields.values():
        if f._field_type is _CLASSVAR:
            continue
        if f.default_factory is not MISSING:
            factory = source.name_for('factory', f.default_factory)
            if f.init:
                value = f'{factory}() if {f.name} is _HAS_DEFAULT_FACTORY else {f.name}'
            else:
                value = f'{factory}()'
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            value = source.name_for('dflt', f.default)
        else:
            continue
        if f._field_type is _REGULAR:
            body.append(assign(f.name, value))
    if has_post_init:
        initvars = ', '.join(f.name for f in fields.values() if f._field_type is _INITVAR)
        body.append(f'{self_name}.{_POST_INIT}({initvars})')
    params = [self_name] + [param(f) for f in std_fields if f.init]
    kw = [param(f) for f in kw_only_fields if f.init]
    if kw:
        params += ['*'] + kw
    annotations = {f.name: f.type for f in list(std_fields) + list(kw_only_fields) if f.init}
    return source.build('__init__', params, body, return_annotation=None,
                        annotations=annotations)


def _tuple_expr(prefix, fields):
    if not fields:
        return '()'
    return '(' + ''.join(f'{prefix}.{f.name},' for f in fields) + ')'


def _frozen_methods(source, cls, fields):
    field_names = tuple(f.name for f in fields.values() if f._field_type is _REGULAR)
    names = source.name_for('names', field_names)
    cls_name = source.name_for('cls', cls)
    condition = f'type(self) is {cls_name} or name in {names}'
    setattr_fn = source.build('__setattr__', ['self', 'name', 'value'], [
        f'if {condition}:',
        '  raise FrozenInstanceError(f"cannot assign to field {name!r}")',
        f'super({cls_name}, self).__setattr__(name, value)'])
    delattr_fn = source.build('__delattr__', ['self', 'name'], [
        f'if {condition}:',
        '  raise FrozenInstanceError(f"cannot delete field {name!r}")',
        f'super({cls_name}, self).__delattr__(name)'])
    return setattr_fn, delattr_fn


def _hash_action(cls, unsafe_hash, eq, frozen):
    """What to do about __hash__: 'set', 'none' (make unhashable), 'fail', or None (leave
    as is), per the table in the dataclasses documentation."""
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))
    if unsafe_hash:
        if has_explicit_hash:
            return 'fail'
        return 'set'
    if eq and frozen:
        return None if has_explicit_hash else 'set'
    if eq and not frozen:
        return None if has_explicit_hash else 'none'
    return None


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                   slots, weakref_slot):
    fields = _collect_fields(cls, kw_only)
    # Frozen-ness must agree with the dataclass bases.
    any_frozen_base = False
    has_dataclass_bases = False
    for base in cls.__mro__[1:]:
        params = base.__dict__.get(_PARAMS)
        if params is not None:
            has_dataclass_bases = True
            if params.frozen:
                any_frozen_base = True
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    setattr(cls, _FIELDS, fields)
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen,
                                           match_args, kw_only, slots, weakref_slot))
    if order and not eq:
        raise ValueError('eq must be true if order is true')
    source = _Source(cls)
    all_init = [f for f in fields.values() if f._field_type in (_REGULAR, _INITVAR)]
    std_fields = [f for f in all_init if not f.kw_only]
    kw_only_fields = [f for f in all_init if f.kw_only]
    regular = [f for f in fields.values() if f._field_type is _REGULAR]
    if init:
        self_name = '__dataclass_self__' if 'self' in fields else 'self'
        _set_new_attribute(cls, '__init__', _init_fn(source, fields, std_fields,
                                                     kw_only_fields, frozen,
                                                     hasattr(cls, _POST_INIT), self_name))
    if repr:
        shown = [f for f in regular if f.repr]
        parts = ', '.join(f'{f.name}={{self.{f.name}!r}}' for f in shown)
        fn = source.build('__repr__', ['self'],
                          [f'return f"{{self.__class__.__qualname__}}({parts})"'])
        _set_new_attribute(cls, '__repr__', recursive_repr()(fn))
    if eq:
        compared = [f for f in regular if f.compare]
        fn = source.build('__eq__', ['self', 'other'], [
            'if self is other:',
            '  return True',
            'if other.__class__ is self.__class__:',
            # Field by field (as CPython 3.13), not as tuples: tuple comparison would
            # take identical objects as equal (a NaN field would compare equal).
            '  return ' + (' and '.join(f'self.{f.name} == other.{f.name}' for f in compared)
                           or 'True'),
            'return NotImplemented'])
        _set_new_attribute(cls, '__eq__', fn)
    if order:
        compared = [f for f in regular if f.compare]
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'),
                         ('__ge__', '>=')):
            fn = source.build(name, ['self', 'other'], [
                'if other.__class__ is self.__class__:',
                f'  return {_tuple_expr("self", compared)} {op} '
                f'{_tuple_expr("other", compared)}',
                'return NotImplemented'])
            if _set_new_attribute(cls, name, fn):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__} '
                                f'Consider using functools.total_ordering')
    if frozen:
        for fn in _frozen_methods(source, cls, fields):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError(f'Cannot overwrite attribute {fn.__name__} in class '
                                f'{cls.__name__}')
    action = _hash_action(cls, unsafe_hash, eq, frozen)
    if action == 'fail':
        raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
    if action == 'none':
        cls.__hash__ = None
    elif action == 'set':
        hashed = [f for f in regular if (f.compare if f.hash is None else f.hash)]
        cls.__hash__ = source.build('__hash__', ['self'],
                                    [f'return hash({_tuple_expr("self", hashed)})'])
    if not getattr(cls, '__doc__'):
        try:
            import inspect
            text_sig = str(inspect.signature(cls)).replace(' -> None', '')
        except (ImportError, TypeError, ValueError):
            text_sig = '(' + ', '.join(f.name for f in all_init) + ')'
        cls.__doc__ = cls.__name__ + text_sig
    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_fields))
    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)
    abc = sys.modules.get('abc')
    if abc is not None:
        abc.update_abstractmethods(cls)
    cls.__replace__ = _replace
    return cls


def _add_slots(cls, is_frozen, weakref_slot):
    """Recreate cls with __slots__ for its fields (a class's slots cannot be added after
    it is created)."""
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(getattr(base, '__slots__', ()) or ())
    slots = tuple(name for name in field_names if name not in inherited)
    if weakref_slot and '__weakref__' not in inherited:
        slots += ('__weakref__',)
    cls_dict['__slots__'] = slots
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    new_cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        new_cls.__qualname__ = qualname
    if is_frozen:
        if '__getstate__' not in cls_dict:
            new_cls.__getstate__ = _slots_getstate
        if '__setstate__' not in cls_dict:
            new_cls.__setstate__ = _slots_setstate
    # Methods that use zero-argument super() refer to the old class through __class__.
    for value in new_cls.__dict__.values():
        func = getattr(value, '__func__', value)
        closure = getattr(func, '__closure__', None)
        code = getattr(func, '__code__', None)
        if closure and code is not None and '__class__' in code.co_freevars:
            cell = closure[code.co_freevars.index('__class__')]
            if cell.cell_contents is cls:
                cell.cell_contents = new_cls
    return new_cls


def _slots_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _slots_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class.

    init, repr, eq add __init__, __repr__ and __eq__; order adds the rich comparisons;
    unsafe_hash forces a __hash__; frozen makes instances read-only; match_args adds
    __match_args__; kw_only makes every field keyword-only; slots adds __slots__;
    weakref_slot adds a __weakref__ slot (with slots)."""

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots, weakref_slot)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """Return a tuple of the Field objects of a dataclass (class or instance), excluding
    ClassVar and InitVar pseudo-fields."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _REGULAR)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Return True if obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new dict mapping field names to
    values, recursing into dataclasses, lists, tuples and dicts (values are deep-copied)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if type(obj) in (int, float, str, bool, type(None), bytes):
        return obj
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        if hasattr(type(obj), 'default_factory'):
            result = type(obj)(obj.default_factory)
            for k, v in obj.items():
                result[_asdict_inner(k, dict_factory)] = _asdict_inner(v, dict_factory)
            return result
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new tuple, recursing like asdict()."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False, module=None):
    """Create a dataclass named cls_name; fields is an iterable of names, (name, type) or
    (name, type, Field) items."""
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        import keyword
        if keyword.iskeyword(name):
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in seen:
            raise TypeError(f'Field name duplicated: {name!r}')
        seen.add(name)
        annotations[name] = tp

    def exec_body(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns['__annotations__'] = annotations
    cls = types.new_class(cls_name, bases, {}, exec_body)
    if module is None:
        try:
            module = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'
    cls.__module__ = module
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def _replace(self, /, **changes):
    for f in getattr(self, _FIELDS).values():
        if f._field_type is _CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise TypeError(f'field {f.name} is declared with init=False, it cannot be '
                                f'specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _INITVAR and f.default is MISSING:
                raise TypeError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(self, f.name)
    return self.__class__(**changes)


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    return _replace(obj, **changes)
