"""Tests for the pickle module: round trips for protocols 0 to 5, byte-exact output
compared with bytes captured from CPython 3.13, and the Pickler/Unpickler hooks."""

import collections
import copyreg
import enum
import io
import pickle
import sys
import unittest

# Test classes live in a module of their own, 'pickle_fixture', so that the pickled
# bytes do not depend on the name this file is imported under.
fixture = type(sys)('pickle_fixture')
sys.modules['pickle_fixture'] = fixture


def in_fixture(obj):
    obj.__module__ = 'pickle_fixture'
    for value in list(vars(obj).values()) if isinstance(obj, type) else ():
        function = getattr(value, '__func__', value)
        qualname = getattr(function, '__qualname__', '')
        is_code = isinstance(function, type) or type(function) is type(in_fixture)
        if is_code and qualname.startswith(obj.__qualname__ + '.'):
            function.__module__ = 'pickle_fixture'
    setattr(fixture, obj.__name__, obj)
    return obj


@in_fixture
class Plain:
    def __init__(self):
        self.a = 1
        self.b = [1, 2]

    def __eq__(self, other):
        return type(other) is Plain and self.__dict__ == other.__dict__


@in_fixture
class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = 1

    def __eq__(self, other):
        return (type(other) is Slotted and self.a == other.a
                and hasattr(self, 'b') == hasattr(other, 'b'))


@in_fixture
class WithState:
    def __init__(self, v=3):
        self.v = v

    def __getstate__(self):
        return {'vv': self.v}

    def __setstate__(self, state):
        self.v = state['vv']

    def __eq__(self, other):
        return type(other) is WithState and self.v == other.v


@in_fixture
class MyList(list):
    pass


@in_fixture
class MyDict(dict):
    pass


@in_fixture
class KwOnly:
    def __new__(cls, a, *, b):
        self = object.__new__(cls)
        self.a = a
        self.b = b
        return self

    def __getnewargs_ex__(self):
        return (self.a,), {'b': self.b}

    def __eq__(self, other):
        return type(other) is KwOnly and (self.a, self.b) == (other.a, other.b)


@in_fixture
class NewArgs(int):
    def __new__(cls, value):
        return int.__new__(cls, value)

    def __getnewargs__(self):
        return (int(self),)


@in_fixture
class Outer:
    class Inner:
        pass


@in_fixture
class Color(enum.Enum):
    RED = 1
    GREEN = 2


Point = in_fixture(collections.namedtuple('Point', 'x y'))


@in_fixture
class Setter:
    def __init__(self):
        self.log = []

    def __reduce__(self):
        return (Setter, (), 'st', None, None, fixture_state_setter)

    def __eq__(self, other):
        return type(other) is Setter


def fixture_state_setter(obj, state):
    obj.log.append(state)


in_fixture(fixture_state_setter)


def module_function():
    return 42


in_fixture(module_function)

module_lambda = lambda: 1
module_lambda.__module__ = 'pickle_fixture'


def make_samples():
    """Return {name: object} for the byte-exact tests (deterministic order only)."""
    shared = 'shared'
    recursive_list = []
    recursive_list.append(recursive_list)
    recursive_dict = {}
    recursive_dict['self'] = recursive_dict
    recursive_tuple = ([],)
    recursive_tuple[0].append(recursive_tuple)
    my_list = MyList([1, 2])
    my_list.x = 5
    return {
        'none': None, 'true': True, 'false': False,
        'int0': 0, 'int255': 255, 'int256': 256, 'int65535': 65535, 'int65536': 65536,
        'intm1': -1, 'intm129': -129, 'int_max32': 2**31 - 1, 'int_min32': -2**31,
        'int_2_31': 2**31, 'int_m2_31m1': -2**31 - 1, 'int_2_64': 2**64, 'int_m2_64': -2**64,
        'int_m128': -128, 'int_128': 128, 'int_m32768': -32768, 'int_huge': 2**2100,
        'float': 1.5, 'float_neg0': -0.0, 'float_big': 1e300, 'float_inf': float('inf'),
        'float_third': 1 / 3,
        'str': 'abc', 'str_empty': '', 'str_escapes': 'a\n\\\r\x00\x1a\u1234\U0001f600',
        'str_300': 'x' * 300, 'str_surrogate': 'a\udc80',
        'bytes_empty': b'', 'bytes': b'abc', 'bytes_300': b'x' * 300,
        'bytearray': bytearray(b'abc'), 'bytearray_empty': bytearray(),
        'tuple0': (), 'tuple1': (1,), 'tuple2': (1, 2), 'tuple3': (1, 2, 3),
        'tuple4': (1, 2, 3, 4), 'list0': [], 'list1': [1], 'list2': [1, 2],
        'dict0': {}, 'dict1': {1: 2}, 'dict2': {1: 2, 'k': None},
        'set0': set(), 'set2': {1, 2}, 'frozenset0': frozenset(), 'frozenset1': frozenset({3}),
        'memo': [shared, shared, (shared, shared)],
        'rec_list': recursive_list, 'rec_dict': recursive_dict, 'rec_tuple': recursive_tuple,
        'complex': complex(1, 2), 'range': range(1, 10, 2), 'slice': slice(1, 2, 3),
        'nonetype': type(None), 'notimpltype': type(NotImplemented), 'ellipsistype': type(...),
        'ellipsis': ..., 'notimpl': NotImplemented, 'len': len, 'int_type': int,
        'str_type': str, 'valueerror': ValueError, 'from_bytes': int.from_bytes,
        'dict_fromkeys': dict.fromkeys,
        'ordered_dict': collections.OrderedDict(a=1),
        'plain_class': Plain, 'plain': Plain(), 'slotted': Slotted(), 'with_state': WithState(),
        'my_list': my_list, 'my_dict': MyDict(a=1), 'kwonly': KwOnly(1, b=2),
        'newargs': NewArgs(7), 'inner_class': Outer.Inner, 'enum_member': Color.GREEN,
        'namedtuple': Point(1, 2), 'function': module_function, 'setter': Setter(),
    }


# (name, protocol) -> bytes written by CPython 3.13's pickle.dumps(obj, protocol).
EXPECTED = {
    ('none', 0): b'N.',
    ('none', 1): b'N.',
    ('none', 2): b'\x80\x02N.',
    ('none', 3): b'\x80\x03N.',
    ('none', 4): b'\x80\x04N.',
    ('none', 5): b'\x80\x05N.',
    ('true', 0): b'I01\n.',
    ('true', 1): b'I01\n.',
    ('true', 2): b'\x80\x02\x88.',
    ('true', 3): b'\x80\x03\x88.',
    ('true', 4): b'\x80\x04\x88.',
    ('true', 5): b'\x80\x05\x88.',
    ('false', 0): b'I00\n.',
    ('false', 1): b'I00\n.',
    ('false', 2): b'\x80\x02\x89.',
    ('false', 3): b'\x80\x03\x89.',
    ('false', 4): b'\x80\x04\x89.',
    ('false', 5): b'\x80\x05\x89.',
    ('int0', 0): b'I0\n.',
    ('int0', 1): b'K\x00.',
    ('int0', 2): b'\x80\x02K\x00.',
    ('int0', 3): b'\x80\x03K\x00.',
    ('int0', 4): b'\x80\x04K\x00.',
    ('int0', 5): b'\x80\x05K\x00.',
    ('int255', 0): b'I255\n.',
    ('int255', 1): b'K\xff.',
    ('int255', 2): b'\x80\x02K\xff.',
    ('int255', 3): b'\x80\x03K\xff.',
    ('int255', 4): b'\x80\x04K\xff.',
    ('int255', 5): b'\x80\x05K\xff.',
    ('int256', 0): b'I256\n.',
    ('int256', 1): b'M\x00\x01.',
    ('int256', 2): b'\x80\x02M\x00\x01.',
    ('int256', 3): b'\x80\x03M\x00\x01.',
    ('int256', 4): b'\x80\x04\x95\x04\x00\x00\x00\x00\x00\x00\x00M\x00\x01.',
    ('int256', 5): b'\x80\x05\x95\x04\x00\x00\x00\x00\x00\x00\x00M\x00\x01.',
    ('int65535', 0): b'I65535\n.',
    ('int65535', 1): b'M\xff\xff.',
    ('int65535', 2): b'\x80\x02M\xff\xff.',
    ('int65535', 3): b'\x80\x03M\xff\xff.',
    ('int65535', 4): b'\x80\x04\x95\x04\x00\x00\x00\x00\x00\x00\x00M\xff\xff.',
    ('int65535', 5): b'\x80\x05\x95\x04\x00\x00\x00\x00\x00\x00\x00M\xff\xff.',
    ('int65536', 0): b'I65536\n.',
    ('int65536', 1): b'J\x00\x00\x01\x00.',
    ('int65536', 2): b'\x80\x02J\x00\x00\x01\x00.',
    ('int65536', 3): b'\x80\x03J\x00\x00\x01\x00.',
    ('int65536', 4): b'\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x00\x00\x01\x00.',
    ('int65536', 5): b'\x80\x05\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x00\x00\x01\x00.',
    ('intm1', 0): b'I-1\n.',
    ('intm1', 1): b'J\xff\xff\xff\xff.',
    ('intm1', 2): b'\x80\x02J\xff\xff\xff\xff.',
    ('intm1', 3): b'\x80\x03J\xff\xff\xff\xff.',
    ('intm1', 4): b'\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\xff\xff\xff\xff.',
    ('intm1', 5): b'\x80\x05\x95\x06\x00\x00\x00\x00\x00\x00\x00J\xff\xff\xff\xff.',
    ('intm129', 0): b'I-129\n.',
    ('intm129', 1): b'J\x7f\xff\xff\xff.',
    ('intm129', 2): b'\x80\x02J\x7f\xff\xff\xff.',
    ('intm129', 3): b'\x80\x03J\x7f\xff\xff\xff.',
    ('intm129', 4): b'\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x7f\xff\xff\xff.',
    ('intm129', 5): b'\x80\x05\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x7f\xff\xff\xff.',
    ('int_max32', 0): b'I2147483647\n.',
    ('int_max32', 1): b'J\xff\xff\xff\x7f.',
    ('int_max32', 2): b'\x80\x02J\xff\xff\xff\x7f.',
    ('int_max32', 3): b'\x80\x03J\xff\xff\xff\x7f.',
    ('int_max32', 4): b'\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\xff\xff\xff\x7f.',
    ('int_max32', 5): b'\x80\x05\x95\x06\x00\x00\x00\x00\x00\x00\x00J\xff\xff\xff\x7f.',
    ('int_min32', 0): b'I-2147483648\n.',
    ('int_min32', 1): b'J\x00\x00\x00\x80.',
    ('int_min32', 2): b'\x80\x02J\x00\x00\x00\x80.',
    ('int_min32', 3): b'\x80\x03J\x00\x00\x00\x80.',
    ('int_min32', 4): b'\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x00\x00\x00\x80.',
    ('int_min32', 5): b'\x80\x05\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x00\x00\x00\x80.',
    ('int_2_31', 0): b'L2147483648L\n.',
    ('int_2_31', 1): b'L2147483648L\n.',
    ('int_2_31', 2): b'\x80\x02\x8a\x05\x00\x00\x00\x80\x00.',
    ('int_2_31', 3): b'\x80\x03\x8a\x05\x00\x00\x00\x80\x00.',
    ('int_2_31', 4): b'\x80\x04\x95\x08\x00\x00\x00\x00\x00\x00\x00\x8a\x05\x00\x00\x00\x80\x00.',
    ('int_2_31', 5): b'\x80\x05\x95\x08\x00\x00\x00\x00\x00\x00\x00\x8a\x05\x00\x00\x00\x80\x00.',
    ('int_m2_31m1', 0): b'L-2147483649L\n.',
    ('int_m2_31m1', 1): b'L-2147483649L\n.',
    ('int_m2_31m1', 2): b'\x80\x02\x8a\x05\xff\xff\xff\x7f\xff.',
    ('int_m2_31m1', 3): b'\x80\x03\x8a\x05\xff\xff\xff\x7f\xff.',
    ('int_m2_31m1', 4): (
        b'\x80\x04\x95\x08\x00\x00\x00\x00\x00\x00\x00\x8a\x05\xff\xff\xff\x7f\xff.'),
    ('int_m2_31m1', 5): (
        b'\x80\x05\x95\x08\x00\x00\x00\x00\x00\x00\x00\x8a\x05\xff\xff\xff\x7f\xff.'),
    ('int_2_64', 0): b'L18446744073709551616L\n.',
    ('int_2_64', 1): b'L18446744073709551616L\n.',
    ('int_2_64', 2): b'\x80\x02\x8a\t\x00\x00\x00\x00\x00\x00\x00\x00\x01.',
    ('int_2_64', 3): b'\x80\x03\x8a\t\x00\x00\x00\x00\x00\x00\x00\x00\x01.',
    ('int_2_64', 4): (
        b'\x80\x04\x95\x0c\x00\x00\x00\x00\x00\x00\x00\x8a\t\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x01.'),
    ('int_2_64', 5): (
        b'\x80\x05\x95\x0c\x00\x00\x00\x00\x00\x00\x00\x8a\t\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x01.'),
    ('int_m2_64', 0): b'L-18446744073709551616L\n.',
    ('int_m2_64', 1): b'L-18446744073709551616L\n.',
    ('int_m2_64', 2): b'\x80\x02\x8a\t\x00\x00\x00\x00\x00\x00\x00\x00\xff.',
    ('int_m2_64', 3): b'\x80\x03\x8a\t\x00\x00\x00\x00\x00\x00\x00\x00\xff.',
    ('int_m2_64', 4): (
        b'\x80\x04\x95\x0c\x00\x00\x00\x00\x00\x00\x00\x8a\t\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\xff.'),
    ('int_m2_64', 5): (
        b'\x80\x05\x95\x0c\x00\x00\x00\x00\x00\x00\x00\x8a\t\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\xff.'),
    ('int_m128', 0): b'I-128\n.',
    ('int_m128', 1): b'J\x80\xff\xff\xff.',
    ('int_m128', 2): b'\x80\x02J\x80\xff\xff\xff.',
    ('int_m128', 3): b'\x80\x03J\x80\xff\xff\xff.',
    ('int_m128', 4): b'\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x80\xff\xff\xff.',
    ('int_m128', 5): b'\x80\x05\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x80\xff\xff\xff.',
    ('int_128', 0): b'I128\n.',
    ('int_128', 1): b'K\x80.',
    ('int_128', 2): b'\x80\x02K\x80.',
    ('int_128', 3): b'\x80\x03K\x80.',
    ('int_128', 4): b'\x80\x04K\x80.',
    ('int_128', 5): b'\x80\x05K\x80.',
    ('int_m32768', 0): b'I-32768\n.',
    ('int_m32768', 1): b'J\x00\x80\xff\xff.',
    ('int_m32768', 2): b'\x80\x02J\x00\x80\xff\xff.',
    ('int_m32768', 3): b'\x80\x03J\x00\x80\xff\xff.',
    ('int_m32768', 4): b'\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x00\x80\xff\xff.',
    ('int_m32768', 5): b'\x80\x05\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x00\x80\xff\xff.',
    ('int_huge', 0): (
        b'L14554285650048630936189023844933064972880944205921705634594558765474935687622524'
        b'125920961121874445691118538159955887574637547510391404866929774571892177342782343'
        b'315841912076553661019821384015759855485389225649975402490196641168318999150104247'
        b'608845967972798198694541804320274866124821174833982509190335174467627930429399116'
        b'544304369172677070020697287955090819664042533892157129331656855987084512113332806'
        b'713217070123996799583521268238416888147139508172082937617498945082597196649465706'
        b'489934027614076979408177779637114354728780748374038537533465966842488213314066139'
        b'4443058747655483603144141890006567217223554270198636103730385125376L\n.'),
    ('int_huge', 1): (
        b'L14554285650048630936189023844933064972880944205921705634594558765474935687622524'
        b'125920961121874445691118538159955887574637547510391404866929774571892177342782343'
        b'315841912076553661019821384015759855485389225649975402490196641168318999150104247'
        b'608845967972798198694541804320274866124821174833982509190335174467627930429399116'
        b'544304369172677070020697287955090819664042533892157129331656855987084512113332806'
        b'713217070123996799583521268238416888147139508172082937617498945082597196649465706'
        b'489934027614076979408177779637114354728780748374038537533465966842488213314066139'
        b'4443058747655483603144141890006567217223554270198636103730385125376L\n.'),
    ('int_huge', 2): (
        b'\x80\x02\x8b\x07\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10.'),
    ('int_huge', 3): (
        b'\x80\x03\x8b\x07\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10.'),
    ('int_huge', 4): (
        b'\x80\x04\x95\r\x01\x00\x00\x00\x00\x00\x00\x8b\x07\x01\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10.'),
    ('int_huge', 5): (
        b'\x80\x05\x95\r\x01\x00\x00\x00\x00\x00\x00\x8b\x07\x01\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10.'),
    ('float', 0): b'F1.5\n.',
    ('float', 1): b'G?\xf8\x00\x00\x00\x00\x00\x00.',
    ('float', 2): b'\x80\x02G?\xf8\x00\x00\x00\x00\x00\x00.',
    ('float', 3): b'\x80\x03G?\xf8\x00\x00\x00\x00\x00\x00.',
    ('float', 4): b'\x80\x04\x95\n\x00\x00\x00\x00\x00\x00\x00G?\xf8\x00\x00\x00\x00\x00\x00.',
    ('float', 5): b'\x80\x05\x95\n\x00\x00\x00\x00\x00\x00\x00G?\xf8\x00\x00\x00\x00\x00\x00.',
    ('float_neg0', 0): b'F-0.0\n.',
    ('float_neg0', 1): b'G\x80\x00\x00\x00\x00\x00\x00\x00.',
    ('float_neg0', 2): b'\x80\x02G\x80\x00\x00\x00\x00\x00\x00\x00.',
    ('float_neg0', 3): b'\x80\x03G\x80\x00\x00\x00\x00\x00\x00\x00.',
    ('float_neg0', 4): (
        b'\x80\x04\x95\n\x00\x00\x00\x00\x00\x00\x00G\x80\x00\x00\x00\x00\x00\x00\x00.'),
    ('float_neg0', 5): (
        b'\x80\x05\x95\n\x00\x00\x00\x00\x00\x00\x00G\x80\x00\x00\x00\x00\x00\x00\x00.'),
    ('float_big', 0): b'F1e+300\n.',
    ('float_big', 1): b'G~7\xe4<\x88\x00u\x9c.',
    ('float_big', 2): b'\x80\x02G~7\xe4<\x88\x00u\x9c.',
    ('float_big', 3): b'\x80\x03G~7\xe4<\x88\x00u\x9c.',
    ('float_big', 4): b'\x80\x04\x95\n\x00\x00\x00\x00\x00\x00\x00G~7\xe4<\x88\x00u\x9c.',
    ('float_big', 5): b'\x80\x05\x95\n\x00\x00\x00\x00\x00\x00\x00G~7\xe4<\x88\x00u\x9c.',
    ('float_inf', 0): b'Finf\n.',
    ('float_inf', 1): b'G\x7f\xf0\x00\x00\x00\x00\x00\x00.',
    ('float_inf', 2): b'\x80\x02G\x7f\xf0\x00\x00\x00\x00\x00\x00.',
    ('float_inf', 3): b'\x80\x03G\x7f\xf0\x00\x00\x00\x00\x00\x00.',
    ('float_inf', 4): (
        b'\x80\x04\x95\n\x00\x00\x00\x00\x00\x00\x00G\x7f\xf0\x00\x00\x00\x00\x00\x00.'),
    ('float_inf', 5): (
        b'\x80\x05\x95\n\x00\x00\x00\x00\x00\x00\x00G\x7f\xf0\x00\x00\x00\x00\x00\x00.'),
    ('float_third', 0): b'F0.3333333333333333\n.',
    ('float_third', 1): b'G?\xd5UUUUUU.',
    ('float_third', 2): b'\x80\x02G?\xd5UUUUUU.',
    ('float_third', 3): b'\x80\x03G?\xd5UUUUUU.',
    ('float_third', 4): b'\x80\x04\x95\n\x00\x00\x00\x00\x00\x00\x00G?\xd5UUUUUU.',
    ('float_third', 5): b'\x80\x05\x95\n\x00\x00\x00\x00\x00\x00\x00G?\xd5UUUUUU.',
    ('str', 0): b'Vabc\np0\n.',
    ('str', 1): b'X\x03\x00\x00\x00abcq\x00.',
    ('str', 2): b'\x80\x02X\x03\x00\x00\x00abcq\x00.',
    ('str', 3): b'\x80\x03X\x03\x00\x00\x00abcq\x00.',
    ('str', 4): b'\x80\x04\x95\x07\x00\x00\x00\x00\x00\x00\x00\x8c\x03abc\x94.',
    ('str', 5): b'\x80\x05\x95\x07\x00\x00\x00\x00\x00\x00\x00\x8c\x03abc\x94.',
    ('str_empty', 0): b'V\np0\n.',
    ('str_empty', 1): b'X\x00\x00\x00\x00q\x00.',
    ('str_empty', 2): b'\x80\x02X\x00\x00\x00\x00q\x00.',
    ('str_empty', 3): b'\x80\x03X\x00\x00\x00\x00q\x00.',
    ('str_empty', 4): b'\x80\x04\x95\x04\x00\x00\x00\x00\x00\x00\x00\x8c\x00\x94.',
    ('str_empty', 5): b'\x80\x05\x95\x04\x00\x00\x00\x00\x00\x00\x00\x8c\x00\x94.',
    ('str_escapes', 0): b'Va\\u000a\\u005c\\u000d\\u0000\\u001a\\u1234\\U0001f600\np0\n.',
    ('str_escapes', 1): b'X\r\x00\x00\x00a\n\\\r\x00\x1a\xe1\x88\xb4\xf0\x9f\x98\x80q\x00.',
    ('str_escapes', 2): (
        b'\x80\x02X\r\x00\x00\x00a\n\\\r\x00\x1a\xe1\x88\xb4\xf0\x9f\x98\x80q\x00.'),
    ('str_escapes', 3): (
        b'\x80\x03X\r\x00\x00\x00a\n\\\r\x00\x1a\xe1\x88\xb4\xf0\x9f\x98\x80q\x00.'),
    ('str_escapes', 4): (
        b'\x80\x04\x95\x11\x00\x00\x00\x00\x00\x00\x00\x8c\ra\n\\\r\x00\x1a\xe1\x88\xb4\xf0'
        b'\x9f\x98\x80\x94.'),
    ('str_escapes', 5): (
        b'\x80\x05\x95\x11\x00\x00\x00\x00\x00\x00\x00\x8c\ra\n\\\r\x00\x1a\xe1\x88\xb4\xf0'
        b'\x9f\x98\x80\x94.'),
    ('str_300', 0): (
        b'Vxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\np0\n.'),
    ('str_300', 1): (
        b'X,\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxq\x00.'),
    ('str_300', 2): (
        b'\x80\x02X,\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxq'
        b'\x00.'),
    ('str_300', 3): (
        b'\x80\x03X,\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxq'
        b'\x00.'),
    ('str_300', 4): (
        b'\x80\x04\x953\x01\x00\x00\x00\x00\x00\x00X,\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\x94.'),
    ('str_300', 5): (
        b'\x80\x05\x953\x01\x00\x00\x00\x00\x00\x00X,\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\x94.'),
    ('str_surrogate', 0): b'Va\\udc80\np0\n.',
    ('str_surrogate', 1): b'X\x04\x00\x00\x00a\xed\xb2\x80q\x00.',
    ('str_surrogate', 2): b'\x80\x02X\x04\x00\x00\x00a\xed\xb2\x80q\x00.',
    ('str_surrogate', 3): b'\x80\x03X\x04\x00\x00\x00a\xed\xb2\x80q\x00.',
    ('str_surrogate', 4): (
        b'\x80\x04\x95\x08\x00\x00\x00\x00\x00\x00\x00\x8c\x04a\xed\xb2\x80\x94.'),
    ('str_surrogate', 5): (
        b'\x80\x05\x95\x08\x00\x00\x00\x00\x00\x00\x00\x8c\x04a\xed\xb2\x80\x94.'),
    ('bytes_empty', 0): b'c__builtin__\nbytes\np0\n(tRp1\n.',
    ('bytes_empty', 1): b'c__builtin__\nbytes\nq\x00)Rq\x01.',
    ('bytes_empty', 2): b'\x80\x02c__builtin__\nbytes\nq\x00)Rq\x01.',
    ('bytes_empty', 3): b'\x80\x03C\x00q\x00.',
    ('bytes_empty', 4): b'\x80\x04\x95\x04\x00\x00\x00\x00\x00\x00\x00C\x00\x94.',
    ('bytes_empty', 5): b'\x80\x05\x95\x04\x00\x00\x00\x00\x00\x00\x00C\x00\x94.',
    ('bytes', 0): b'c_codecs\nencode\np0\n(Vabc\np1\nVlatin1\np2\ntp3\nRp4\n.',
    ('bytes', 1): (
        b'c_codecs\nencode\nq\x00(X\x03\x00\x00\x00abcq\x01X\x06\x00\x00\x00latin1q\x02tq'
        b'\x03Rq\x04.'),
    ('bytes', 2): (
        b'\x80\x02c_codecs\nencode\nq\x00X\x03\x00\x00\x00abcq\x01X\x06\x00\x00\x00latin1q'
        b'\x02\x86q\x03Rq\x04.'),
    ('bytes', 3): b'\x80\x03C\x03abcq\x00.',
    ('bytes', 4): b'\x80\x04\x95\x07\x00\x00\x00\x00\x00\x00\x00C\x03abc\x94.',
    ('bytes', 5): b'\x80\x05\x95\x07\x00\x00\x00\x00\x00\x00\x00C\x03abc\x94.',
    ('bytes_300', 0): (
        b'c_codecs\nencode\np0\n(Vxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'\np1\nVlatin1\np2\ntp3\nRp4\n.'),
    ('bytes_300', 1): (
        b'c_codecs\nencode\nq\x00(X,\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxq\x01X\x06\x00\x00\x00latin1q\x02tq\x03Rq\x04.'),
    ('bytes_300', 2): (
        b'\x80\x02c_codecs\nencode\nq\x00X,\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxq\x01X\x06\x00\x00\x00latin1q\x02\x86q\x03Rq\x04.'),
    ('bytes_300', 3): (
        b'\x80\x03B,\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxq'
        b'\x00.'),
    ('bytes_300', 4): (
        b'\x80\x04\x953\x01\x00\x00\x00\x00\x00\x00B,\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\x94.'),
    ('bytes_300', 5): (
        b'\x80\x05\x953\x01\x00\x00\x00\x00\x00\x00B,\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
        b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\x94.'),
    ('bytearray', 0): (
        b'c__builtin__\nbytearray\np0\n(c_codecs\nencode\np1\n(Vabc\np2\nVlatin1\np3\ntp4\n'
        b'Rp5\ntp6\nRp7\n.'),
    ('bytearray', 1): (
        b'c__builtin__\nbytearray\nq\x00(c_codecs\nencode\nq\x01(X\x03\x00\x00\x00abcq\x02X'
        b'\x06\x00\x00\x00latin1q\x03tq\x04Rq\x05tq\x06Rq\x07.'),
    ('bytearray', 2): (
        b'\x80\x02c__builtin__\nbytearray\nq\x00c_codecs\nencode\nq\x01X\x03\x00\x00\x00abc'
        b'q\x02X\x06\x00\x00\x00latin1q\x03\x86q\x04Rq\x05\x85q\x06Rq\x07.'),
    ('bytearray', 3): b'\x80\x03cbuiltins\nbytearray\nq\x00C\x03abcq\x01\x85q\x02Rq\x03.',
    ('bytearray', 4): (
        b'\x80\x04\x95$\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\tbytearray\x94'
        b'\x93\x94C\x03abc\x94\x85\x94R\x94.'),
    ('bytearray', 5): (
        b'\x80\x05\x95\x0e\x00\x00\x00\x00\x00\x00\x00\x96\x03\x00\x00\x00\x00\x00\x00\x00a'
        b'bc\x94.'),
    ('bytearray_empty', 0): b'c__builtin__\nbytearray\np0\n(tRp1\n.',
    ('bytearray_empty', 1): b'c__builtin__\nbytearray\nq\x00)Rq\x01.',
    ('bytearray_empty', 2): b'\x80\x02c__builtin__\nbytearray\nq\x00)Rq\x01.',
    ('bytearray_empty', 3): b'\x80\x03cbuiltins\nbytearray\nq\x00)Rq\x01.',
    ('bytearray_empty', 4): (
        b'\x80\x04\x95\x1d\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\tbytearray'
        b'\x94\x93\x94)R\x94.'),
    ('bytearray_empty', 5): (
        b'\x80\x05\x95\x0b\x00\x00\x00\x00\x00\x00\x00\x96\x00\x00\x00\x00\x00\x00\x00\x00'
        b'\x94.'),
    ('tuple0', 0): b'(t.',
    ('tuple0', 1): b').',
    ('tuple0', 2): b'\x80\x02).',
    ('tuple0', 3): b'\x80\x03).',
    ('tuple0', 4): b'\x80\x04).',
    ('tuple0', 5): b'\x80\x05).',
    ('tuple1', 0): b'(I1\ntp0\n.',
    ('tuple1', 1): b'(K\x01tq\x00.',
    ('tuple1', 2): b'\x80\x02K\x01\x85q\x00.',
    ('tuple1', 3): b'\x80\x03K\x01\x85q\x00.',
    ('tuple1', 4): b'\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x01\x85\x94.',
    ('tuple1', 5): b'\x80\x05\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x01\x85\x94.',
    ('tuple2', 0): b'(I1\nI2\ntp0\n.',
    ('tuple2', 1): b'(K\x01K\x02tq\x00.',
    ('tuple2', 2): b'\x80\x02K\x01K\x02\x86q\x00.',
    ('tuple2', 3): b'\x80\x03K\x01K\x02\x86q\x00.',
    ('tuple2', 4): b'\x80\x04\x95\x07\x00\x00\x00\x00\x00\x00\x00K\x01K\x02\x86\x94.',
    ('tuple2', 5): b'\x80\x05\x95\x07\x00\x00\x00\x00\x00\x00\x00K\x01K\x02\x86\x94.',
    ('tuple3', 0): b'(I1\nI2\nI3\ntp0\n.',
    ('tuple3', 1): b'(K\x01K\x02K\x03tq\x00.',
    ('tuple3', 2): b'\x80\x02K\x01K\x02K\x03\x87q\x00.',
    ('tuple3', 3): b'\x80\x03K\x01K\x02K\x03\x87q\x00.',
    ('tuple3', 4): b'\x80\x04\x95\t\x00\x00\x00\x00\x00\x00\x00K\x01K\x02K\x03\x87\x94.',
    ('tuple3', 5): b'\x80\x05\x95\t\x00\x00\x00\x00\x00\x00\x00K\x01K\x02K\x03\x87\x94.',
    ('tuple4', 0): b'(I1\nI2\nI3\nI4\ntp0\n.',
    ('tuple4', 1): b'(K\x01K\x02K\x03K\x04tq\x00.',
    ('tuple4', 2): b'\x80\x02(K\x01K\x02K\x03K\x04tq\x00.',
    ('tuple4', 3): b'\x80\x03(K\x01K\x02K\x03K\x04tq\x00.',
    ('tuple4', 4): b'\x80\x04\x95\x0c\x00\x00\x00\x00\x00\x00\x00(K\x01K\x02K\x03K\x04t\x94.',
    ('tuple4', 5): b'\x80\x05\x95\x0c\x00\x00\x00\x00\x00\x00\x00(K\x01K\x02K\x03K\x04t\x94.',
    ('list0', 0): b'(lp0\n.',
    ('list0', 1): b']q\x00.',
    ('list0', 2): b'\x80\x02]q\x00.',
    ('list0', 3): b'\x80\x03]q\x00.',
    ('list0', 4): b'\x80\x04]\x94.',
    ('list0', 5): b'\x80\x05]\x94.',
    ('list1', 0): b'(lp0\nI1\na.',
    ('list1', 1): b']q\x00K\x01a.',
    ('list1', 2): b'\x80\x02]q\x00K\x01a.',
    ('list1', 3): b'\x80\x03]q\x00K\x01a.',
    ('list1', 4): b'\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00]\x94K\x01a.',
    ('list1', 5): b'\x80\x05\x95\x06\x00\x00\x00\x00\x00\x00\x00]\x94K\x01a.',
    ('list2', 0): b'(lp0\nI1\naI2\na.',
    ('list2', 1): b']q\x00(K\x01K\x02e.',
    ('list2', 2): b'\x80\x02]q\x00(K\x01K\x02e.',
    ('list2', 3): b'\x80\x03]q\x00(K\x01K\x02e.',
    ('list2', 4): b'\x80\x04\x95\t\x00\x00\x00\x00\x00\x00\x00]\x94(K\x01K\x02e.',
    ('list2', 5): b'\x80\x05\x95\t\x00\x00\x00\x00\x00\x00\x00]\x94(K\x01K\x02e.',
    ('dict0', 0): b'(dp0\n.',
    ('dict0', 1): b'}q\x00.',
    ('dict0', 2): b'\x80\x02}q\x00.',
    ('dict0', 3): b'\x80\x03}q\x00.',
    ('dict0', 4): b'\x80\x04}\x94.',
    ('dict0', 5): b'\x80\x05}\x94.',
    ('dict1', 0): b'(dp0\nI1\nI2\ns.',
    ('dict1', 1): b'}q\x00K\x01K\x02s.',
    ('dict1', 2): b'\x80\x02}q\x00K\x01K\x02s.',
    ('dict1', 3): b'\x80\x03}q\x00K\x01K\x02s.',
    ('dict1', 4): b'\x80\x04\x95\x08\x00\x00\x00\x00\x00\x00\x00}\x94K\x01K\x02s.',
    ('dict1', 5): b'\x80\x05\x95\x08\x00\x00\x00\x00\x00\x00\x00}\x94K\x01K\x02s.',
    ('dict2', 0): b'(dp0\nI1\nI2\nsVk\np1\nNs.',
    ('dict2', 1): b'}q\x00(K\x01K\x02X\x01\x00\x00\x00kq\x01Nu.',
    ('dict2', 2): b'\x80\x02}q\x00(K\x01K\x02X\x01\x00\x00\x00kq\x01Nu.',
    ('dict2', 3): b'\x80\x03}q\x00(K\x01K\x02X\x01\x00\x00\x00kq\x01Nu.',
    ('dict2', 4): b'\x80\x04\x95\x0e\x00\x00\x00\x00\x00\x00\x00}\x94(K\x01K\x02\x8c\x01k\x94Nu.',
    ('dict2', 5): b'\x80\x05\x95\x0e\x00\x00\x00\x00\x00\x00\x00}\x94(K\x01K\x02\x8c\x01k\x94Nu.',
    ('set0', 0): b'c__builtin__\nset\np0\n((lp1\ntp2\nRp3\n.',
    ('set0', 1): b'c__builtin__\nset\nq\x00(]q\x01tq\x02Rq\x03.',
    ('set0', 2): b'\x80\x02c__builtin__\nset\nq\x00]q\x01\x85q\x02Rq\x03.',
    ('set0', 3): b'\x80\x03cbuiltins\nset\nq\x00]q\x01\x85q\x02Rq\x03.',
    ('set0', 4): b'\x80\x04\x8f\x94.',
    ('set0', 5): b'\x80\x05\x8f\x94.',
    ('set2', 0): b'c__builtin__\nset\np0\n((lp1\nI1\naI2\natp2\nRp3\n.',
    ('set2', 1): b'c__builtin__\nset\nq\x00(]q\x01(K\x01K\x02etq\x02Rq\x03.',
    ('set2', 2): b'\x80\x02c__builtin__\nset\nq\x00]q\x01(K\x01K\x02e\x85q\x02Rq\x03.',
    ('set2', 3): b'\x80\x03cbuiltins\nset\nq\x00]q\x01(K\x01K\x02e\x85q\x02Rq\x03.',
    ('set2', 4): b'\x80\x04\x95\t\x00\x00\x00\x00\x00\x00\x00\x8f\x94(K\x01K\x02\x90.',
    ('set2', 5): b'\x80\x05\x95\t\x00\x00\x00\x00\x00\x00\x00\x8f\x94(K\x01K\x02\x90.',
    ('frozenset0', 0): b'c__builtin__\nfrozenset\np0\n((lp1\ntp2\nRp3\n.',
    ('frozenset0', 1): b'c__builtin__\nfrozenset\nq\x00(]q\x01tq\x02Rq\x03.',
    ('frozenset0', 2): b'\x80\x02c__builtin__\nfrozenset\nq\x00]q\x01\x85q\x02Rq\x03.',
    ('frozenset0', 3): b'\x80\x03cbuiltins\nfrozenset\nq\x00]q\x01\x85q\x02Rq\x03.',
    ('frozenset0', 4): b'\x80\x04\x95\x04\x00\x00\x00\x00\x00\x00\x00(\x91\x94.',
    ('frozenset0', 5): b'\x80\x05\x95\x04\x00\x00\x00\x00\x00\x00\x00(\x91\x94.',
    ('frozenset1', 0): b'c__builtin__\nfrozenset\np0\n((lp1\nI3\natp2\nRp3\n.',
    ('frozenset1', 1): b'c__builtin__\nfrozenset\nq\x00(]q\x01K\x03atq\x02Rq\x03.',
    ('frozenset1', 2): b'\x80\x02c__builtin__\nfrozenset\nq\x00]q\x01K\x03a\x85q\x02Rq\x03.',
    ('frozenset1', 3): b'\x80\x03cbuiltins\nfrozenset\nq\x00]q\x01K\x03a\x85q\x02Rq\x03.',
    ('frozenset1', 4): b'\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00(K\x03\x91\x94.',
    ('frozenset1', 5): b'\x80\x05\x95\x06\x00\x00\x00\x00\x00\x00\x00(K\x03\x91\x94.',
    ('memo', 0): b'(lp0\nVshared\np1\nag1\na(g1\ng1\ntp2\na.',
    ('memo', 1): b']q\x00(X\x06\x00\x00\x00sharedq\x01h\x01(h\x01h\x01tq\x02e.',
    ('memo', 2): b'\x80\x02]q\x00(X\x06\x00\x00\x00sharedq\x01h\x01h\x01h\x01\x86q\x02e.',
    ('memo', 3): b'\x80\x03]q\x00(X\x06\x00\x00\x00sharedq\x01h\x01h\x01h\x01\x86q\x02e.',
    ('memo', 4): (
        b'\x80\x04\x95\x16\x00\x00\x00\x00\x00\x00\x00]\x94(\x8c\x06shared\x94h\x01h\x01h'
        b'\x01\x86\x94e.'),
    ('memo', 5): (
        b'\x80\x05\x95\x16\x00\x00\x00\x00\x00\x00\x00]\x94(\x8c\x06shared\x94h\x01h\x01h'
        b'\x01\x86\x94e.'),
    ('rec_list', 0): b'(lp0\ng0\na.',
    ('rec_list', 1): b']q\x00h\x00a.',
    ('rec_list', 2): b'\x80\x02]q\x00h\x00a.',
    ('rec_list', 3): b'\x80\x03]q\x00h\x00a.',
    ('rec_list', 4): b'\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00]\x94h\x00a.',
    ('rec_list', 5): b'\x80\x05\x95\x06\x00\x00\x00\x00\x00\x00\x00]\x94h\x00a.',
    ('rec_dict', 0): b'(dp0\nVself\np1\ng0\ns.',
    ('rec_dict', 1): b'}q\x00X\x04\x00\x00\x00selfq\x01h\x00s.',
    ('rec_dict', 2): b'\x80\x02}q\x00X\x04\x00\x00\x00selfq\x01h\x00s.',
    ('rec_dict', 3): b'\x80\x03}q\x00X\x04\x00\x00\x00selfq\x01h\x00s.',
    ('rec_dict', 4): b'\x80\x04\x95\r\x00\x00\x00\x00\x00\x00\x00}\x94\x8c\x04self\x94h\x00s.',
    ('rec_dict', 5): b'\x80\x05\x95\r\x00\x00\x00\x00\x00\x00\x00}\x94\x8c\x04self\x94h\x00s.',
    ('rec_tuple', 0): b'((lp0\n(g0\ntp1\na00g1\n.',
    ('rec_tuple', 1): b'(]q\x00(h\x00tq\x01a1h\x01.',
    ('rec_tuple', 2): b'\x80\x02]q\x00h\x00\x85q\x01a0h\x01.',
    ('rec_tuple', 3): b'\x80\x03]q\x00h\x00\x85q\x01a0h\x01.',
    ('rec_tuple', 4): b'\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00]\x94h\x00\x85\x94a0h\x01.',
    ('rec_tuple', 5): b'\x80\x05\x95\x0b\x00\x00\x00\x00\x00\x00\x00]\x94h\x00\x85\x94a0h\x01.',
    ('complex', 0): b'c__builtin__\ncomplex\np0\n(F1.0\nF2.0\ntp1\nRp2\n.',
    ('complex', 1): (
        b'c__builtin__\ncomplex\nq\x00(G?\xf0\x00\x00\x00\x00\x00\x00G@\x00\x00\x00\x00\x00'
        b'\x00\x00tq\x01Rq\x02.'),
    ('complex', 2): (
        b'\x80\x02c__builtin__\ncomplex\nq\x00G?\xf0\x00\x00\x00\x00\x00\x00G@\x00\x00\x00'
        b'\x00\x00\x00\x00\x86q\x01Rq\x02.'),
    ('complex', 3): (
        b'\x80\x03cbuiltins\ncomplex\nq\x00G?\xf0\x00\x00\x00\x00\x00\x00G@\x00\x00\x00\x00'
        b'\x00\x00\x00\x86q\x01Rq\x02.'),
    ('complex', 4): (
        b'\x80\x04\x95.\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x07complex\x94'
        b'\x93\x94G?\xf0\x00\x00\x00\x00\x00\x00G@\x00\x00\x00\x00\x00\x00\x00\x86\x94R\x94'
        b'.'),
    ('complex', 5): (
        b'\x80\x05\x95.\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x07complex\x94'
        b'\x93\x94G?\xf0\x00\x00\x00\x00\x00\x00G@\x00\x00\x00\x00\x00\x00\x00\x86\x94R\x94'
        b'.'),
    ('range', 0): b'c__builtin__\nxrange\np0\n(I1\nI10\nI2\ntp1\nRp2\n.',
    ('range', 1): b'c__builtin__\nxrange\nq\x00(K\x01K\nK\x02tq\x01Rq\x02.',
    ('range', 2): b'\x80\x02c__builtin__\nxrange\nq\x00K\x01K\nK\x02\x87q\x01Rq\x02.',
    ('range', 3): b'\x80\x03cbuiltins\nrange\nq\x00K\x01K\nK\x02\x87q\x01Rq\x02.',
    ('range', 4): (
        b'\x80\x04\x95 \x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x05range\x94'
        b'\x93\x94K\x01K\nK\x02\x87\x94R\x94.'),
    ('range', 5): (
        b'\x80\x05\x95 \x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x05range\x94'
        b'\x93\x94K\x01K\nK\x02\x87\x94R\x94.'),
    ('slice', 0): b'c__builtin__\nslice\np0\n(I1\nI2\nI3\ntp1\nRp2\n.',
    ('slice', 1): b'c__builtin__\nslice\nq\x00(K\x01K\x02K\x03tq\x01Rq\x02.',
    ('slice', 2): b'\x80\x02c__builtin__\nslice\nq\x00K\x01K\x02K\x03\x87q\x01Rq\x02.',
    ('slice', 3): b'\x80\x03cbuiltins\nslice\nq\x00K\x01K\x02K\x03\x87q\x01Rq\x02.',
    ('slice', 4): (
        b'\x80\x04\x95 \x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x05slice\x94'
        b'\x93\x94K\x01K\x02K\x03\x87\x94R\x94.'),
    ('slice', 5): (
        b'\x80\x05\x95 \x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x05slice\x94'
        b'\x93\x94K\x01K\x02K\x03\x87\x94R\x94.'),
    ('nonetype', 0): b'c__builtin__\ntype\np0\n(Ntp1\nRp2\n.',
    ('nonetype', 1): b'c__builtin__\ntype\nq\x00(Ntq\x01Rq\x02.',
    ('nonetype', 2): b'\x80\x02c__builtin__\ntype\nq\x00N\x85q\x01Rq\x02.',
    ('nonetype', 3): b'\x80\x03cbuiltins\ntype\nq\x00N\x85q\x01Rq\x02.',
    ('nonetype', 4): (
        b'\x80\x04\x95\x1a\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x04type\x94'
        b'\x93\x94N\x85\x94R\x94.'),
    ('nonetype', 5): (
        b'\x80\x05\x95\x1a\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x04type\x94'
        b'\x93\x94N\x85\x94R\x94.'),
    ('notimpltype', 0): b'c__builtin__\ntype\np0\n(c__builtin__\nNotImplemented\np1\ntp2\nRp3\n.',
    ('notimpltype', 1): (
        b'c__builtin__\ntype\nq\x00(c__builtin__\nNotImplemented\nq\x01tq\x02Rq\x03.'),
    ('notimpltype', 2): (
        b'\x80\x02c__builtin__\ntype\nq\x00c__builtin__\nNotImplemented\nq\x01\x85q\x02Rq'
        b'\x03.'),
    ('notimpltype', 3): (
        b'\x80\x03cbuiltins\ntype\nq\x00cbuiltins\nNotImplemented\nq\x01\x85q\x02Rq\x03.'),
    ('notimpltype', 4): (
        b'\x80\x04\x95.\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x04type\x94\x93'
        b'\x94h\x00\x8c\x0eNotImplemented\x94\x93\x94\x85\x94R\x94.'),
    ('notimpltype', 5): (
        b'\x80\x05\x95.\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x04type\x94\x93'
        b'\x94h\x00\x8c\x0eNotImplemented\x94\x93\x94\x85\x94R\x94.'),
    ('ellipsistype', 0): b'c__builtin__\ntype\np0\n(c__builtin__\nEllipsis\np1\ntp2\nRp3\n.',
    ('ellipsistype', 1): b'c__builtin__\ntype\nq\x00(c__builtin__\nEllipsis\nq\x01tq\x02Rq\x03.',
    ('ellipsistype', 2): (
        b'\x80\x02c__builtin__\ntype\nq\x00c__builtin__\nEllipsis\nq\x01\x85q\x02Rq\x03.'),
    ('ellipsistype', 3): (
        b'\x80\x03cbuiltins\ntype\nq\x00cbuiltins\nEllipsis\nq\x01\x85q\x02Rq\x03.'),
    ('ellipsistype', 4): (
        b'\x80\x04\x95(\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x04type\x94\x93'
        b'\x94h\x00\x8c\x08Ellipsis\x94\x93\x94\x85\x94R\x94.'),
    ('ellipsistype', 5): (
        b'\x80\x05\x95(\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x04type\x94\x93'
        b'\x94h\x00\x8c\x08Ellipsis\x94\x93\x94\x85\x94R\x94.'),
    ('ellipsis', 0): b'c__builtin__\nEllipsis\np0\n.',
    ('ellipsis', 1): b'c__builtin__\nEllipsis\nq\x00.',
    ('ellipsis', 2): b'\x80\x02c__builtin__\nEllipsis\nq\x00.',
    ('ellipsis', 3): b'\x80\x03cbuiltins\nEllipsis\nq\x00.',
    ('ellipsis', 4): (
        b'\x80\x04\x95\x19\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x08Ellipsis'
        b'\x94\x93\x94.'),
    ('ellipsis', 5): (
        b'\x80\x05\x95\x19\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x08Ellipsis'
        b'\x94\x93\x94.'),
    ('notimpl', 0): b'c__builtin__\nNotImplemented\np0\n.',
    ('notimpl', 1): b'c__builtin__\nNotImplemented\nq\x00.',
    ('notimpl', 2): b'\x80\x02c__builtin__\nNotImplemented\nq\x00.',
    ('notimpl', 3): b'\x80\x03cbuiltins\nNotImplemented\nq\x00.',
    ('notimpl', 4): (
        b'\x80\x04\x95\x1f\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x0eNotImplem'
        b'ented\x94\x93\x94.'),
    ('notimpl', 5): (
        b'\x80\x05\x95\x1f\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x0eNotImplem'
        b'ented\x94\x93\x94.'),
    ('len', 0): b'c__builtin__\nlen\np0\n.',
    ('len', 1): b'c__builtin__\nlen\nq\x00.',
    ('len', 2): b'\x80\x02c__builtin__\nlen\nq\x00.',
    ('len', 3): b'\x80\x03cbuiltins\nlen\nq\x00.',
    ('len', 4): (
        b'\x80\x04\x95\x14\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x03len\x94'
        b'\x93\x94.'),
    ('len', 5): (
        b'\x80\x05\x95\x14\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x03len\x94'
        b'\x93\x94.'),
    ('int_type', 0): b'c__builtin__\nlong\np0\n.',
    ('int_type', 1): b'c__builtin__\nlong\nq\x00.',
    ('int_type', 2): b'\x80\x02c__builtin__\nlong\nq\x00.',
    ('int_type', 3): b'\x80\x03cbuiltins\nint\nq\x00.',
    ('int_type', 4): (
        b'\x80\x04\x95\x14\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x03int\x94'
        b'\x93\x94.'),
    ('int_type', 5): (
        b'\x80\x05\x95\x14\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x03int\x94'
        b'\x93\x94.'),
    ('str_type', 0): b'c__builtin__\nunicode\np0\n.',
    ('str_type', 1): b'c__builtin__\nunicode\nq\x00.',
    ('str_type', 2): b'\x80\x02c__builtin__\nunicode\nq\x00.',
    ('str_type', 3): b'\x80\x03cbuiltins\nstr\nq\x00.',
    ('str_type', 4): (
        b'\x80\x04\x95\x14\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x03str\x94'
        b'\x93\x94.'),
    ('str_type', 5): (
        b'\x80\x05\x95\x14\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x03str\x94'
        b'\x93\x94.'),
    ('valueerror', 0): b'cexceptions\nValueError\np0\n.',
    ('valueerror', 1): b'cexceptions\nValueError\nq\x00.',
    ('valueerror', 2): b'\x80\x02cexceptions\nValueError\nq\x00.',
    ('valueerror', 3): b'\x80\x03cbuiltins\nValueError\nq\x00.',
    ('valueerror', 4): (
        b'\x80\x04\x95\x1b\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\nValueError'
        b'\x94\x93\x94.'),
    ('valueerror', 5): (
        b'\x80\x05\x95\x1b\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\nValueError'
        b'\x94\x93\x94.'),
    ('from_bytes', 0): (
        b'c__builtin__\ngetattr\np0\n(c__builtin__\nlong\np1\nVfrom_bytes\np2\ntp3\nRp4\n.'),
    ('from_bytes', 1): (
        b'c__builtin__\ngetattr\nq\x00(c__builtin__\nlong\nq\x01X\n\x00\x00\x00from_bytesq'
        b'\x02tq\x03Rq\x04.'),
    ('from_bytes', 2): (
        b'\x80\x02c__builtin__\ngetattr\nq\x00c__builtin__\nlong\nq\x01X\n\x00\x00\x00from_'
        b'bytesq\x02\x86q\x03Rq\x04.'),
    ('from_bytes', 3): (
        b'\x80\x03cbuiltins\ngetattr\nq\x00cbuiltins\nint\nq\x01X\n\x00\x00\x00from_bytesq'
        b'\x02\x86q\x03Rq\x04.'),
    ('from_bytes', 4): (
        b'\x80\x04\x95<\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x07getattr\x94'
        b'\x93\x94\x8c\x08builtins\x94\x8c\x03int\x94\x93\x94\x8c\nfrom_bytes\x94\x86\x94R'
        b'\x94.'),
    ('from_bytes', 5): (
        b'\x80\x05\x95<\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x07getattr\x94'
        b'\x93\x94\x8c\x08builtins\x94\x8c\x03int\x94\x93\x94\x8c\nfrom_bytes\x94\x86\x94R'
        b'\x94.'),
    ('dict_fromkeys', 0): (
        b'c__builtin__\ngetattr\np0\n(c__builtin__\ndict\np1\nVfromkeys\np2\ntp3\nRp4\n.'),
    ('dict_fromkeys', 1): (
        b'c__builtin__\ngetattr\nq\x00(c__builtin__\ndict\nq\x01X\x08\x00\x00\x00fromkeysq'
        b'\x02tq\x03Rq\x04.'),
    ('dict_fromkeys', 2): (
        b'\x80\x02c__builtin__\ngetattr\nq\x00c__builtin__\ndict\nq\x01X\x08\x00\x00\x00fro'
        b'mkeysq\x02\x86q\x03Rq\x04.'),
    ('dict_fromkeys', 3): (
        b'\x80\x03cbuiltins\ngetattr\nq\x00cbuiltins\ndict\nq\x01X\x08\x00\x00\x00fromkeysq'
        b'\x02\x86q\x03Rq\x04.'),
    ('dict_fromkeys', 4): (
        b'\x80\x04\x95;\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x07getattr\x94'
        b'\x93\x94\x8c\x08builtins\x94\x8c\x04dict\x94\x93\x94\x8c\x08fromkeys\x94\x86\x94R'
        b'\x94.'),
    ('dict_fromkeys', 5): (
        b'\x80\x05\x95;\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x07getattr\x94'
        b'\x93\x94\x8c\x08builtins\x94\x8c\x04dict\x94\x93\x94\x8c\x08fromkeys\x94\x86\x94R'
        b'\x94.'),
    ('ordered_dict', 0): b'ccollections\nOrderedDict\np0\n(tRp1\nVa\np2\nI1\ns.',
    ('ordered_dict', 1): b'ccollections\nOrderedDict\nq\x00)Rq\x01X\x01\x00\x00\x00aq\x02K\x01s.',
    ('ordered_dict', 2): (
        b'\x80\x02ccollections\nOrderedDict\nq\x00)Rq\x01X\x01\x00\x00\x00aq\x02K\x01s.'),
    ('ordered_dict', 3): (
        b'\x80\x03ccollections\nOrderedDict\nq\x00)Rq\x01X\x01\x00\x00\x00aq\x02K\x01s.'),
    ('ordered_dict', 4): (
        b'\x80\x04\x95)\x00\x00\x00\x00\x00\x00\x00\x8c\x0bcollections\x94\x8c\x0bOrderedDi'
        b'ct\x94\x93\x94)R\x94\x8c\x01a\x94K\x01s.'),
    ('ordered_dict', 5): (
        b'\x80\x05\x95)\x00\x00\x00\x00\x00\x00\x00\x8c\x0bcollections\x94\x8c\x0bOrderedDi'
        b'ct\x94\x93\x94)R\x94\x8c\x01a\x94K\x01s.'),
    ('plain_class', 0): b'cpickle_fixture\nPlain\np0\n.',
    ('plain_class', 1): b'cpickle_fixture\nPlain\nq\x00.',
    ('plain_class', 2): b'\x80\x02cpickle_fixture\nPlain\nq\x00.',
    ('plain_class', 3): b'\x80\x03cpickle_fixture\nPlain\nq\x00.',
    ('plain_class', 4): (
        b'\x80\x04\x95\x1c\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x05Pla'
        b'in\x94\x93\x94.'),
    ('plain_class', 5): (
        b'\x80\x05\x95\x1c\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x05Pla'
        b'in\x94\x93\x94.'),
    ('plain', 0): (
        b'ccopy_reg\n_reconstructor\np0\n(cpickle_fixture\nPlain\np1\nc__builtin__\nobject'
        b'\np2\nNtp3\nRp4\n(dp5\nVa\np6\nI1\nsVb\np7\n(lp8\nI1\naI2\nasb.'),
    ('plain', 1): (
        b'ccopy_reg\n_reconstructor\nq\x00(cpickle_fixture\nPlain\nq\x01c__builtin__\nobjec'
        b't\nq\x02Ntq\x03Rq\x04}q\x05(X\x01\x00\x00\x00aq\x06K\x01X\x01\x00\x00\x00bq\x07]q'
        b'\x08(K\x01K\x02eub.'),
    ('plain', 2): (
        b'\x80\x02cpickle_fixture\nPlain\nq\x00)\x81q\x01}q\x02(X\x01\x00\x00\x00aq\x03K'
        b'\x01X\x01\x00\x00\x00bq\x04]q\x05(K\x01K\x02eub.'),
    ('plain', 3): (
        b'\x80\x03cpickle_fixture\nPlain\nq\x00)\x81q\x01}q\x02(X\x01\x00\x00\x00aq\x03K'
        b'\x01X\x01\x00\x00\x00bq\x04]q\x05(K\x01K\x02eub.'),
    ('plain', 4): (
        b'\x80\x04\x956\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x05Plain'
        b'\x94\x93\x94)\x81\x94}\x94(\x8c\x01a\x94K\x01\x8c\x01b\x94]\x94(K\x01K\x02eub.'),
    ('plain', 5): (
        b'\x80\x05\x956\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x05Plain'
        b'\x94\x93\x94)\x81\x94}\x94(\x8c\x01a\x94K\x01\x8c\x01b\x94]\x94(K\x01K\x02eub.'),
    ('slotted', 2): (
        b'\x80\x02cpickle_fixture\nSlotted\nq\x00)\x81q\x01N}q\x02X\x01\x00\x00\x00aq\x03K'
        b'\x01s\x86q\x04b.'),
    ('slotted', 3): (
        b'\x80\x03cpickle_fixture\nSlotted\nq\x00)\x81q\x01N}q\x02X\x01\x00\x00\x00aq\x03K'
        b'\x01s\x86q\x04b.'),
    ('slotted', 4): (
        b'\x80\x04\x95.\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x07Slotte'
        b'd\x94\x93\x94)\x81\x94N}\x94\x8c\x01a\x94K\x01s\x86\x94b.'),
    ('slotted', 5): (
        b'\x80\x05\x95.\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x07Slotte'
        b'd\x94\x93\x94)\x81\x94N}\x94\x8c\x01a\x94K\x01s\x86\x94b.'),
    ('with_state', 0): (
        b'ccopy_reg\n_reconstructor\np0\n(cpickle_fixture\nWithState\np1\nc__builtin__\nobj'
        b'ect\np2\nNtp3\nRp4\n(dp5\nVvv\np6\nI3\nsb.'),
    ('with_state', 1): (
        b'ccopy_reg\n_reconstructor\nq\x00(cpickle_fixture\nWithState\nq\x01c__builtin__\no'
        b'bject\nq\x02Ntq\x03Rq\x04}q\x05X\x02\x00\x00\x00vvq\x06K\x03sb.'),
    ('with_state', 2): (
        b'\x80\x02cpickle_fixture\nWithState\nq\x00)\x81q\x01}q\x02X\x02\x00\x00\x00vvq\x03'
        b'K\x03sb.'),
    ('with_state', 3): (
        b'\x80\x03cpickle_fixture\nWithState\nq\x00)\x81q\x01}q\x02X\x02\x00\x00\x00vvq\x03'
        b'K\x03sb.'),
    ('with_state', 4): (
        b'\x80\x04\x95.\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\tWithStat'
        b'e\x94\x93\x94)\x81\x94}\x94\x8c\x02vv\x94K\x03sb.'),
    ('with_state', 5): (
        b'\x80\x05\x95.\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\tWithStat'
        b'e\x94\x93\x94)\x81\x94}\x94\x8c\x02vv\x94K\x03sb.'),
    ('my_list', 0): (
        b'ccopy_reg\n_reconstructor\np0\n(cpickle_fixture\nMyList\np1\nc__builtin__\nlist\n'
        b'p2\n(lp3\nI1\naI2\natp4\nRp5\n(dp6\nVx\np7\nI5\nsb.'),
    ('my_list', 1): (
        b'ccopy_reg\n_reconstructor\nq\x00(cpickle_fixture\nMyList\nq\x01c__builtin__\nlist'
        b'\nq\x02]q\x03(K\x01K\x02etq\x04Rq\x05}q\x06X\x01\x00\x00\x00xq\x07K\x05sb.'),
    ('my_list', 2): (
        b'\x80\x02cpickle_fixture\nMyList\nq\x00)\x81q\x01(K\x01K\x02e}q\x02X\x01\x00\x00'
        b'\x00xq\x03K\x05sb.'),
    ('my_list', 3): (
        b'\x80\x03cpickle_fixture\nMyList\nq\x00)\x81q\x01(K\x01K\x02e}q\x02X\x01\x00\x00'
        b'\x00xq\x03K\x05sb.'),
    ('my_list', 4): (
        b'\x80\x04\x950\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x06MyList'
        b'\x94\x93\x94)\x81\x94(K\x01K\x02e}\x94\x8c\x01x\x94K\x05sb.'),
    ('my_list', 5): (
        b'\x80\x05\x950\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x06MyList'
        b'\x94\x93\x94)\x81\x94(K\x01K\x02e}\x94\x8c\x01x\x94K\x05sb.'),
    ('my_dict', 0): (
        b'ccopy_reg\n_reconstructor\np0\n(cpickle_fixture\nMyDict\np1\nc__builtin__\ndict\n'
        b'p2\n(dp3\nVa\np4\nI1\nstp5\nRp6\n.'),
    ('my_dict', 1): (
        b'ccopy_reg\n_reconstructor\nq\x00(cpickle_fixture\nMyDict\nq\x01c__builtin__\ndict'
        b'\nq\x02}q\x03X\x01\x00\x00\x00aq\x04K\x01stq\x05Rq\x06.'),
    ('my_dict', 2): (
        b'\x80\x02cpickle_fixture\nMyDict\nq\x00)\x81q\x01X\x01\x00\x00\x00aq\x02K\x01s.'),
    ('my_dict', 3): (
        b'\x80\x03cpickle_fixture\nMyDict\nq\x00)\x81q\x01X\x01\x00\x00\x00aq\x02K\x01s.'),
    ('my_dict', 4): (
        b"\x80\x04\x95'\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x06MyDict"
        b'\x94\x93\x94)\x81\x94\x8c\x01a\x94K\x01s.'),
    ('my_dict', 5): (
        b"\x80\x05\x95'\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x06MyDict"
        b'\x94\x93\x94)\x81\x94\x8c\x01a\x94K\x01s.'),
    ('kwonly', 0): (
        b'ccopy_reg\n_reconstructor\np0\n(cpickle_fixture\nKwOnly\np1\nc__builtin__\nobject'
        b'\np2\nNtp3\nRp4\n(dp5\nVa\np6\nI1\nsVb\np7\nI2\nsb.'),
    ('kwonly', 1): (
        b'ccopy_reg\n_reconstructor\nq\x00(cpickle_fixture\nKwOnly\nq\x01c__builtin__\nobje'
        b'ct\nq\x02Ntq\x03Rq\x04}q\x05(X\x01\x00\x00\x00aq\x06K\x01X\x01\x00\x00\x00bq\x07K'
        b'\x02ub.'),
    ('kwonly', 2): (
        b'\x80\x02cfunctools\npartial\nq\x00c__builtin__\ngetattr\nq\x01cpickle_fixture\nKw'
        b'Only\nX\x07\x00\x00\x00__new__q\x02\x86Rq\x03\x85q\x04Rq\x05(h\x03cpickle_fixture'
        b'\nKwOnly\nq\x06K\x01\x86q\x07}q\x08X\x01\x00\x00\x00bq\tK\x02sNtq\nb)Rq\x0b}q\x0c'
        b'(X\x01\x00\x00\x00aq\rK\x01h\tK\x02ub.'),
    ('kwonly', 3): (
        b'\x80\x03cfunctools\npartial\nq\x00cbuiltins\ngetattr\nq\x01cpickle_fixture\nKwOnl'
        b'y\nX\x07\x00\x00\x00__new__q\x02\x86Rq\x03\x85q\x04Rq\x05(h\x03cpickle_fixture\nK'
        b'wOnly\nq\x06K\x01\x86q\x07}q\x08X\x01\x00\x00\x00bq\tK\x02sNtq\nb)Rq\x0b}q\x0c(X'
        b'\x01\x00\x00\x00aq\rK\x01h\tK\x02ub.'),
    ('kwonly', 4): (
        b'\x80\x04\x95;\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x06KwOnly'
        b'\x94\x93\x94K\x01\x85\x94}\x94\x8c\x01b\x94K\x02s\x92\x94}\x94(\x8c\x01a\x94K\x01'
        b'h\x05K\x02ub.'),
    ('kwonly', 5): (
        b'\x80\x05\x95;\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x06KwOnly'
        b'\x94\x93\x94K\x01\x85\x94}\x94\x8c\x01b\x94K\x02s\x92\x94}\x94(\x8c\x01a\x94K\x01'
        b'h\x05K\x02ub.'),
    ('newargs', 0): (
        b'ccopy_reg\n_reconstructor\np0\n(cpickle_fixture\nNewArgs\np1\nc__builtin__\nlong'
        b'\np2\nI7\ntp3\nRp4\n.'),
    ('newargs', 1): (
        b'ccopy_reg\n_reconstructor\nq\x00(cpickle_fixture\nNewArgs\nq\x01c__builtin__\nlon'
        b'g\nq\x02K\x07tq\x03Rq\x04.'),
    ('newargs', 2): b'\x80\x02cpickle_fixture\nNewArgs\nq\x00K\x07\x85q\x01\x81q\x02.',
    ('newargs', 3): b'\x80\x03cpickle_fixture\nNewArgs\nq\x00K\x07\x85q\x01\x81q\x02.',
    ('newargs', 4): (
        b'\x80\x04\x95$\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x07NewArg'
        b's\x94\x93\x94K\x07\x85\x94\x81\x94.'),
    ('newargs', 5): (
        b'\x80\x05\x95$\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x07NewArg'
        b's\x94\x93\x94K\x07\x85\x94\x81\x94.'),
    ('inner_class', 0): b'c__builtin__\ngetattr\np0\n(cpickle_fixture\nOuter\nVInner\np1\ntRp2\n.',
    ('inner_class', 1): (
        b'c__builtin__\ngetattr\nq\x00(cpickle_fixture\nOuter\nX\x05\x00\x00\x00Innerq\x01t'
        b'Rq\x02.'),
    ('inner_class', 2): (
        b'\x80\x02c__builtin__\ngetattr\nq\x00cpickle_fixture\nOuter\nX\x05\x00\x00\x00Inne'
        b'rq\x01\x86Rq\x02.'),
    ('inner_class', 3): (
        b'\x80\x03cbuiltins\ngetattr\nq\x00cpickle_fixture\nOuter\nX\x05\x00\x00\x00Innerq'
        b'\x01\x86Rq\x02.'),
    ('inner_class', 4): (
        b'\x80\x04\x95"\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x0bOuter.'
        b'Inner\x94\x93\x94.'),
    ('inner_class', 5): (
        b'\x80\x05\x95"\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x0bOuter.'
        b'Inner\x94\x93\x94.'),
    ('enum_member', 0): b'cpickle_fixture\nColor\np0\n(I2\ntp1\nRp2\n.',
    ('enum_member', 1): b'cpickle_fixture\nColor\nq\x00(K\x02tq\x01Rq\x02.',
    ('enum_member', 2): b'\x80\x02cpickle_fixture\nColor\nq\x00K\x02\x85q\x01Rq\x02.',
    ('enum_member', 3): b'\x80\x03cpickle_fixture\nColor\nq\x00K\x02\x85q\x01Rq\x02.',
    ('enum_member', 4): (
        b'\x80\x04\x95"\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x05Color'
        b'\x94\x93\x94K\x02\x85\x94R\x94.'),
    ('enum_member', 5): (
        b'\x80\x05\x95"\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x05Color'
        b'\x94\x93\x94K\x02\x85\x94R\x94.'),
    ('namedtuple', 0): (
        b'ccopy_reg\n_reconstructor\np0\n(cpickle_fixture\nPoint\np1\nc__builtin__\ntuple\n'
        b'p2\n(I1\nI2\ntp3\ntp4\nRp5\n.'),
    ('namedtuple', 1): (
        b'ccopy_reg\n_reconstructor\nq\x00(cpickle_fixture\nPoint\nq\x01c__builtin__\ntuple'
        b'\nq\x02(K\x01K\x02tq\x03tq\x04Rq\x05.'),
    ('namedtuple', 2): b'\x80\x02cpickle_fixture\nPoint\nq\x00K\x01K\x02\x86q\x01\x81q\x02.',
    ('namedtuple', 3): b'\x80\x03cpickle_fixture\nPoint\nq\x00K\x01K\x02\x86q\x01\x81q\x02.',
    ('namedtuple', 4): (
        b'\x80\x04\x95$\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x05Point'
        b'\x94\x93\x94K\x01K\x02\x86\x94\x81\x94.'),
    ('namedtuple', 5): (
        b'\x80\x05\x95$\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x05Point'
        b'\x94\x93\x94K\x01K\x02\x86\x94\x81\x94.'),
    ('function', 0): b'cpickle_fixture\nmodule_function\np0\n.',
    ('function', 1): b'cpickle_fixture\nmodule_function\nq\x00.',
    ('function', 2): b'\x80\x02cpickle_fixture\nmodule_function\nq\x00.',
    ('function', 3): b'\x80\x03cpickle_fixture\nmodule_function\nq\x00.',
    ('function', 4): (
        b'\x80\x04\x95&\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x0fmodule'
        b'_function\x94\x93\x94.'),
    ('function', 5): (
        b'\x80\x05\x95&\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x0fmodule'
        b'_function\x94\x93\x94.'),
    ('setter', 0): (
        b'cpickle_fixture\nSetter\np0\n(tRp1\ncpickle_fixture\nfixture_state_setter\np2\ng1'
        b'\nVst\np3\n\x86R0.'),
    ('setter', 1): (
        b'cpickle_fixture\nSetter\nq\x00)Rq\x01cpickle_fixture\nfixture_state_setter\nq\x02'
        b'h\x01X\x02\x00\x00\x00stq\x03\x86R0.'),
    ('setter', 2): (
        b'\x80\x02cpickle_fixture\nSetter\nq\x00)Rq\x01cpickle_fixture\nfixture_state_sette'
        b'r\nq\x02h\x01X\x02\x00\x00\x00stq\x03\x86R0.'),
    ('setter', 3): (
        b'\x80\x03cpickle_fixture\nSetter\nq\x00)Rq\x01cpickle_fixture\nfixture_state_sette'
        b'r\nq\x02h\x01X\x02\x00\x00\x00stq\x03\x86R0.'),
    ('setter', 4): (
        b'\x80\x04\x95E\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x06Setter'
        b'\x94\x93\x94)R\x94h\x00\x8c\x14fixture_state_setter\x94\x93\x94h\x03\x8c\x02st'
        b'\x94\x86R0.'),
    ('setter', 5): (
        b'\x80\x05\x95E\x00\x00\x00\x00\x00\x00\x00\x8c\x0epickle_fixture\x94\x8c\x06Setter'
        b'\x94\x93\x94)R\x94h\x00\x8c\x14fixture_state_setter\x94\x93\x94h\x03\x8c\x02st'
        b'\x94\x86R0.'),
}


def big_samples():
    """Objects needing several batches (1000 items) or frames (64 KiB)."""
    return {
        'list1001': list(range(1001)), 'list2001': list(range(2001)),
        'dict1001': {i: i for i in range(1001)}, 'set1001': set(range(1001)),
        'big_bytes_list': [b'\x00' * 70000, 'y' * 70000, b'z'],
        'nested_lists': [[i] * 10 for i in range(3000)],
        'many_strs': ['q%d' % i for i in range(10000)],
    }


# (name, protocol) -> (length, sum of bytes, first 40 bytes, last 40 bytes) of the pickle.
BIG_EXPECTED = {
    ('list1001', 0): (
        5903, 332957,
        b'(lp0\nI0\naI1\naI2\naI3\n',
        b'I998\naI999\naI1000\na.'),
    ('list1001', 1): (
        2755, 203514,
        b']q\x00(K\x00K\x01K\x02K\x03K\x04K\x05K\x06K\x07',
        b'\x03M\xe4\x03M\xe5\x03M\xe6\x03M\xe7\x03e(M\xe8\x03e.'),
    ('list1001', 2): (
        2757, 203644,
        b'\x80\x02]q\x00(K\x00K\x01K\x02K\x03K\x04K\x05K\x06',
        b'\x03M\xe4\x03M\xe5\x03M\xe6\x03M\xe7\x03e(M\xe8\x03e.'),
    ('list1001', 3): (
        2757, 203645,
        b'\x80\x03]q\x00(K\x00K\x01K\x02K\x03K\x04K\x05K\x06',
        b'\x03M\xe4\x03M\xe5\x03M\xe6\x03M\xe7\x03e(M\xe8\x03e.'),
    ('list1001', 4): (
        2765, 204034,
        b'\x80\x04\x95\xc2\n\x00\x00\x00\x00\x00\x00]\x94(K\x00K\x01K\x02',
        b'\x03M\xe4\x03M\xe5\x03M\xe6\x03M\xe7\x03e(M\xe8\x03e.'),
    ('list1001', 5): (
        2765, 204035,
        b'\x80\x05\x95\xc2\n\x00\x00\x00\x00\x00\x00]\x94(K\x00K\x01K\x02',
        b'\x03M\xe4\x03M\xe5\x03M\xe6\x03M\xe7\x03e(M\xe8\x03e.'),
    ('list2001', 0): (
        12903, 719458,
        b'(lp0\nI0\naI1\naI2\naI3\n',
        b'998\naI1999\naI2000\na.'),
    ('list2001', 1): (
        5757, 411295,
        b']q\x00(K\x00K\x01K\x02K\x03K\x04K\x05K\x06K\x07',
        b'\x07M\xcc\x07M\xcd\x07M\xce\x07M\xcf\x07e(M\xd0\x07e.'),
    ('list2001', 2): (
        5759, 411425,
        b'\x80\x02]q\x00(K\x00K\x01K\x02K\x03K\x04K\x05K\x06',
        b'\x07M\xcc\x07M\xcd\x07M\xce\x07M\xcf\x07e(M\xd0\x07e.'),
    ('list2001', 3): (
        5759, 411426,
        b'\x80\x03]q\x00(K\x00K\x01K\x02K\x03K\x04K\x05K\x06',
        b'\x07M\xcc\x07M\xcd\x07M\xce\x07M\xcf\x07e(M\xd0\x07e.'),
    ('list2001', 4): (
        5767, 411757,
        b'\x80\x04\x95|\x16\x00\x00\x00\x00\x00\x00]\x94(K\x00K\x01K\x02',
        b'\x07M\xcc\x07M\xcd\x07M\xce\x07M\xcf\x07e(M\xd0\x07e.'),
    ('list2001', 5): (
        5767, 411758,
        b'\x80\x05\x95|\x16\x00\x00\x00\x00\x00\x00]\x94(K\x00K\x01K\x02',
        b'\x07M\xcc\x07M\xcd\x07M\xce\x07M\xcf\x07e(M\xd0\x07e.'),
    ('dict1001', 0): (
        10799, 586463,
        b'(dp0\nI0\nI0\nsI1\nI1\nsI',
        b'I999\nsI1000\nI1000\ns.'),
    ('dict1001', 1): (
        5502, 406558,
        b'}q\x00(K\x00K\x00K\x01K\x01K\x02K\x02K\x03K\x03',
        b'\x03M\xe6\x03M\xe7\x03M\xe7\x03u(M\xe8\x03M\xe8\x03u.'),
    ('dict1001', 2): (
        5504, 406688,
        b'\x80\x02}q\x00(K\x00K\x00K\x01K\x01K\x02K\x02K\x03',
        b'\x03M\xe6\x03M\xe7\x03M\xe7\x03u(M\xe8\x03M\xe8\x03u.'),
    ('dict1001', 3): (
        5504, 406689,
        b'\x80\x03}q\x00(K\x00K\x00K\x01K\x01K\x02K\x02K\x03',
        b'\x03M\xe6\x03M\xe7\x03M\xe7\x03u(M\xe8\x03M\xe8\x03u.'),
    ('dict1001', 4): (
        5512, 407020,
        b'\x80\x04\x95}\x15\x00\x00\x00\x00\x00\x00}\x94(K\x00K\x00K\x01',
        b'\x03M\xe6\x03M\xe7\x03M\xe7\x03u(M\xe8\x03M\xe8\x03u.'),
    ('dict1001', 5): (
        5512, 407021,
        b'\x80\x05\x95}\x15\x00\x00\x00\x00\x00\x00}\x94(K\x00K\x00K\x01',
        b'\x03M\xe6\x03M\xe7\x03M\xe7\x03u(M\xe8\x03M\xe8\x03u.'),
    ('set1001', 0): (
        5932, 335301,
        b'c__builtin__\nset\np0\n',
        b'99\naI1000\natp2\nRp3\n.'),
    ('set1001', 1): (
        2781, 205687,
        b'c__builtin__\nset\nq\x00(',
        b'\x03M\xe6\x03M\xe7\x03e(M\xe8\x03etq\x02Rq\x03.'),
    ('set1001', 2): (
        2782, 205794,
        b'\x80\x02c__builtin__\nset\nq',
        b'\x03M\xe6\x03M\xe7\x03e(M\xe8\x03e\x85q\x02Rq\x03.'),
    ('set1001', 3): (
        2779, 205530,
        b'\x80\x03cbuiltins\nset\nq\x00]q',
        b'\x03M\xe6\x03M\xe7\x03e(M\xe8\x03e\x85q\x02Rq\x03.'),
    ('set1001', 4): (
        2765, 204170,
        b'\x80\x04\x95\xc2\n\x00\x00\x00\x00\x00\x00\x8f\x94(K\x00K\x01K\x02',
        b'\x03M\xe4\x03M\xe5\x03M\xe6\x03M\xe7\x03\x90(M\xe8\x03\x90.'),
    ('set1001', 5): (
        2765, 204171,
        b'\x80\x05\x95\xc2\n\x00\x00\x00\x00\x00\x00\x8f\x94(K\x00K\x01K\x02',
        b'\x03M\xe4\x03M\xe5\x03M\xe6\x03M\xe7\x03\x90(M\xe8\x03\x90.'),
    ('big_bytes_list', 0): (
        490079, 36545584,
        b'(lp0\nc_codecs\nencode',
        b'(Vz\np7\ng3\ntp8\nRp9\na.'),
    ('big_bytes_list', 1): (
        140077, 8474930,
        b']q\x00(c_codecs\nencode\n',
        b'\x01(X\x01\x00\x00\x00zq\x07h\x03tq\x08Rq\te.'),
    ('big_bytes_list', 2): (
        140077, 8475016,
        b'\x80\x02]q\x00(c_codecs\nencod',
        b'h\x01X\x01\x00\x00\x00zq\x07h\x03\x86q\x08Rq\te.'),
    ('big_bytes_list', 3): (
        140027, 8471473,
        b'\x80\x03]q\x00(Bp\x11\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00',
        b'yyyyyyyyyyyq\x02C\x01zq\x03e.'),
    ('big_bytes_list', 4): (
        140032, 8471764,
        b'\x80\x04]\x94(Bp\x11\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00',
        b'yyyy\x95\x07\x00\x00\x00\x00\x00\x00\x00\x94C\x01z\x94e.'),
    ('big_bytes_list', 5): (
        140032, 8471765,
        b'\x80\x05]\x94(Bp\x11\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00',
        b'yyyy\x95\x07\x00\x00\x00\x00\x00\x00\x00\x94C\x01z\x94e.'),
    ('nested_lists', 0): (
        224799, 12729931,
        b'(lp0\n(lp1\nI0\naI0\naI0',
        b'99\naI2999\naI2999\naa.'),
    ('nested_lists', 1): (
        110685, 7661275,
        b']q\x00(]q\x01(K\x00K\x00K\x00K\x00K\x00K\x00',
        b'\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bee.'),
    ('nested_lists', 2): (
        110687, 7661405,
        b'\x80\x02]q\x00(]q\x01(K\x00K\x00K\x00K\x00K\x00',
        b'\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bee.'),
    ('nested_lists', 3): (
        110687, 7661406,
        b'\x80\x03]q\x00(]q\x01(K\x00K\x00K\x00K\x00K\x00',
        b'\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bee.'),
    ('nested_lists', 4): (
        99469, 7372074,
        b'\x80\x04\x95\x00\x00\x01\x00\x00\x00\x00\x00]\x94(]\x94(K\x00K',
        b'\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bee.'),
    ('nested_lists', 5): (
        99469, 7372075,
        b'\x80\x05\x95\x00\x00\x01\x00\x00\x00\x00\x00]\x94(]\x94(K\x00K',
        b'\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bM\xb7\x0bee.'),
    ('many_strs', 0): (
        137790, 8373997,
        b'(lp0\nVq0\np1\naVq1\np2\n',
        b'99\naVq9999\np10000\na.'),
    ('many_strs', 1): (
        148149, 6710472,
        b']q\x00(X\x02\x00\x00\x00q0q\x01X\x02\x00\x00\x00q1',
        b"'\x00\x00X\x05\x00\x00\x00q9999r\x10'\x00\x00e."),
    ('many_strs', 2): (
        148151, 6710602,
        b'\x80\x02]q\x00(X\x02\x00\x00\x00q0q\x01X\x02\x00\x00\x00',
        b"'\x00\x00X\x05\x00\x00\x00q9999r\x10'\x00\x00e."),
    ('many_strs', 3): (
        148151, 6710603,
        b'\x80\x03]q\x00(X\x02\x00\x00\x00q0q\x01X\x02\x00\x00\x00',
        b"'\x00\x00X\x05\x00\x00\x00q9999r\x10'\x00\x00e."),
    ('many_strs', 4): (
        78933, 6107855,
        b'\x80\x04\x95\x05\x00\x01\x00\x00\x00\x00\x00]\x94(\x8c\x02q0\x94\x8c',
        b'7\x94\x8c\x05q9998\x94\x8c\x05q9999\x94e.'),
    ('many_strs', 5): (
        78933, 6107856,
        b'\x80\x05\x95\x05\x00\x01\x00\x00\x00\x00\x00]\x94(\x8c\x02q0\x94\x8c',
        b'7\x94\x8c\x05q9998\x94\x8c\x05q9999\x94e.'),
}


def checksum(data):
    return (len(data), sum(data), data[:20], data[-20:])


class ByteExactTests(unittest.TestCase):
    def test_samples(self):
        samples = make_samples()
        for (name, proto), expected in EXPECTED.items():
            with self.subTest(name=name, proto=proto):
                self.assertEqual(pickle.dumps(samples[name], proto), expected)

    def test_framing_of_big_objects(self):
        samples = big_samples()
        for (name, proto), expected in BIG_EXPECTED.items():
            with self.subTest(name=name, proto=proto):
                self.assertEqual(checksum(pickle.dumps(samples[name], proto)), expected)

    def test_default_protocol(self):
        self.assertEqual(pickle.DEFAULT_PROTOCOL, 4)
        self.assertEqual(pickle.HIGHEST_PROTOCOL, 5)
        self.assertEqual(pickle.dumps(1), b'\x80\x04K\x01.')
        self.assertEqual(pickle.dumps(1, -1), b'\x80\x05K\x01.')

    def test_dump_to_file(self):
        f = io.BytesIO()
        pickle.dump([1, 'a'], f, 2)
        pickle.dump(None, f, 0)
        self.assertEqual(f.getvalue(),
                         b'\x80\x02]q\x00(K\x01X\x01\x00\x00\x00aq\x01e.N.')
        f.seek(0)
        self.assertEqual(pickle.load(f), [1, 'a'])
        self.assertIsNone(pickle.load(f))
        self.assertRaises(EOFError, pickle.load, f)


class RoundTripTests(unittest.TestCase):
    def check(self, obj, protos=range(pickle.HIGHEST_PROTOCOL + 1)):
        for proto in protos:
            with self.subTest(proto=proto):
                result = pickle.loads(pickle.dumps(obj, proto))
                self.assertEqual(type(result), type(obj))
                self.assertEqual(result, obj)

    def test_scalars(self):
        for obj in [None, True, False, 0, 1, -1, 255, 256, 65536, 2**31, -2**31 - 1,
                    2**64, -2**64, 10**500, -10**500, 0.0, -1.25, 1e-300, float('inf'),
                    complex(1, -2)]:
            with self.subTest(obj=obj):
                self.check(obj)

    def test_nan(self):
        for proto in range(6):
            result = pickle.loads(pickle.dumps(float('nan'), proto))
            self.assertTrue(result != result)

    def test_strings_and_bytes(self):
        for obj in ['', 'abc', 'a\nb\\c\r\x00\x1a', '\u20ac\U0001f600', 'x' * 70000,
                    'a\udc80', b'', b'\x00\xff', b'y' * 70000, bytearray(b'ab'), bytearray()]:
            with self.subTest(obj=obj[:10]):
                self.check(obj)

    def test_containers(self):
        for obj in [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], list(range(3000)),
                    {}, {'a': 1}, {i: str(i) for i in range(2500)}, set(), {1, 2, 3},
                    set(range(2500)), frozenset(), frozenset({'a', 'b'}),
                    [[1, 2], {'k': (3, 4)}]]:
            with self.subTest(obj=repr(obj)[:20]):
                self.check(obj)

    def test_shared_references(self):
        inner = [1]
        for proto in range(6):
            result = pickle.loads(pickle.dumps([inner, inner, (inner,)], proto))
            self.assertIs(result[0], result[1])
            self.assertIs(result[0], result[2][0])

    def test_recursive_structures(self):
        lst = []
        lst.append(lst)
        d = {}
        d[1] = d
        t = ([],)
        t[0].append(t)
        s = Plain()
        s.me = s
        for proto in range(6):
            with self.subTest(proto=proto):
                r = pickle.loads(pickle.dumps(lst, proto))
                self.assertIs(r[0], r)
                r = pickle.loads(pickle.dumps(d, proto))
                self.assertIs(r[1], r)
                r = pickle.loads(pickle.dumps(t, proto))
                self.assertIs(r[0][0], r)
                r = pickle.loads(pickle.dumps(s, proto))
                self.assertIs(r.me, r)

    def test_globals(self):
        for obj in [len, int, range, type(None), type(NotImplemented), type(...), ...,
                    NotImplemented, ValueError, int.from_bytes, module_function, Plain,
                    Outer.Inner, collections.OrderedDict, copyreg.__newobj__]:
            for proto in range(6):
                with self.subTest(obj=obj, proto=proto):
                    result = pickle.loads(pickle.dumps(obj, proto))
                    if getattr(obj, '__self__', None) is int:
                        self.assertEqual(result, obj)  # a new bound method
                    else:
                        self.assertIs(result, obj)

    def test_builtin_objects(self):
        self.check(range(1, 10, 3))
        self.check(slice(1, None, 2))
        self.check(collections.OrderedDict([('b', 1), ('a', 2)]))
        self.check(collections.deque([1, 2]))

    def test_instances(self):
        self.check(Plain())
        self.check(Slotted(), range(2, 6))
        s = Slotted()
        s.b = 'x'
        self.check(s, range(2, 6))
        self.check(WithState(9))
        self.check(KwOnly('x', b=[1]))
        self.check(NewArgs(5))
        self.check(Point(3, 4))
        for proto in range(6):
            self.assertIs(pickle.loads(pickle.dumps(Color.RED, proto)), Color.RED)

    def test_subclasses(self):
        lst = MyList([1, 2, 3])
        lst.attr = 'a'
        d = MyDict(a=1, b=2)
        for proto in range(6):
            with self.subTest(proto=proto):
                r = pickle.loads(pickle.dumps(lst, proto))
                self.assertIs(type(r), MyList)
                self.assertEqual(r, [1, 2, 3])
                self.assertEqual(r.attr, 'a')
                r = pickle.loads(pickle.dumps(d, proto))
                self.assertIs(type(r), MyDict)
                self.assertEqual(r, {'a': 1, 'b': 2})

    def test_state_setter(self):
        for proto in range(6):
            r = pickle.loads(pickle.dumps(Setter(), proto))
            self.assertEqual(r.log, ['st'])

    def test_exceptions_round_trip(self):
        for proto in range(6):
            r = pickle.loads(pickle.dumps(ValueError('bad', 2), proto))
            self.assertIs(type(r), ValueError)
            self.assertEqual(r.args, ('bad', 2))


class HookTests(unittest.TestCase):
    def test_persistent_id(self):
        class P(pickle.Pickler):
            def persistent_id(self, obj):
                return 'X' if obj == 'secret' else None

        class U(pickle.Unpickler):
            def persistent_load(self, pid):
                return ('loaded', pid)

        for proto, expected in [
                (0, b'(lp0\nVa\np1\naPX\na.'),
                (2, b'\x80\x02]q\x00(X\x01\x00\x00\x00aq\x01X\x01\x00\x00\x00Xq\x02Qe.')]:
            f = io.BytesIO()
            P(f, proto).dump(['a', 'secret'])
            self.assertEqual(f.getvalue(), expected)
            self.assertEqual(U(io.BytesIO(expected)).load(), ['a', ('loaded', 'X')])
            with self.assertRaises(pickle.UnpicklingError):
                pickle.loads(expected)

    def test_protocol0_persistent_id_must_be_ascii(self):
        class P(pickle.Pickler):
            def persistent_id(self, obj):
                return '\u20ac' if obj == 1 else None

        with self.assertRaises(pickle.PicklingError):
            P(io.BytesIO(), 0).dump([1])

    def test_reducer_override(self):
        seen = []

        class P(pickle.Pickler):
            def reducer_override(self, obj):
                seen.append(obj)
                if isinstance(obj, Plain):
                    return int, ('4',)
                return NotImplemented

        f = io.BytesIO()
        P(f, 2).dump([1, 'a', (2,), Plain(), WithState])
        self.assertEqual(pickle.loads(f.getvalue()), [1, 'a', (2,), 4, WithState])
        # Exact ints, strs, tuples and lists never reach reducer_override; classes
        # (here the int class named by the override's reduce value) do.
        self.assertEqual(len(seen), 3)
        self.assertIs(type(seen[0]), Plain)
        self.assertIs(seen[1], int)
        self.assertIs(seen[2], WithState)

    def test_dispatch_table(self):
        table = copyreg.dispatch_table.copy()
        table[Plain] = lambda obj: (str, ('from table',))

        class P(pickle.Pickler):
            dispatch_table = table

        f = io.BytesIO()
        P(f, 3).dump(Plain())
        self.assertEqual(pickle.loads(f.getvalue()), 'from table')
        f = io.BytesIO()
        p = pickle.Pickler(f, 3)
        p.dispatch_table = {Plain: lambda obj: (int, (5,))}
        p.dump([Plain()])
        self.assertEqual(pickle.loads(f.getvalue()), [5])

    def test_copyreg_pickle(self):
        class Local:
            pass
        in_fixture(Local)
        Local.__qualname__ = 'Local'
        copyreg.pickle(Local, lambda obj: (Plain, ()))
        try:
            self.assertEqual(pickle.loads(pickle.dumps(Local(), 2)), Plain())
        finally:
            del copyreg.dispatch_table[Local]

    def test_memo_and_clear_memo(self):
        f = io.BytesIO()
        p = pickle.Pickler(f, 2)
        s = 'text'
        p.dump(s)
        p.dump(s)
        p.clear_memo()
        p.dump(s)
        self.assertEqual(f.getvalue(),
                         b'\x80\x02X\x04\x00\x00\x00textq\x00.\x80\x02h\x00.'
                         b'\x80\x02X\x04\x00\x00\x00textq\x00.')

    def test_find_class(self):
        class U(pickle.Unpickler):
            def find_class(self, module, name):
                if name == 'Plain':
                    return WithState
                return super().find_class(module, name)

        data = pickle.dumps(Plain, 2)
        self.assertIs(U(io.BytesIO(data)).load(), WithState)
        self.assertIs(pickle.Unpickler(io.BytesIO(data)).load(), Plain)

    def test_extension_registry(self):
        copyreg.add_extension('pickle_fixture', 'Plain', 7)
        copyreg.add_extension('pickle_fixture', 'Slotted', 300)
        copyreg.add_extension('pickle_fixture', 'WithState', 70000)
        try:
            self.assertEqual(pickle.dumps(Plain, 2), b'\x80\x02\x82\x07.')
            self.assertEqual(pickle.dumps(Slotted, 4),
                             b'\x80\x04\x95\x04\x00\x00\x00\x00\x00\x00\x00\x83,\x01.')
            self.assertEqual(pickle.dumps(WithState, 3), b'\x80\x03\x84p\x11\x01\x00.')
            self.assertEqual(pickle.dumps(Plain, 1), b'cpickle_fixture\nPlain\nq\x00.')
            for proto in range(6):
                self.assertIs(pickle.loads(pickle.dumps(Slotted, proto)), Slotted)
                self.assertIs(pickle.loads(pickle.dumps(WithState, proto)), WithState)
        finally:
            copyreg.remove_extension('pickle_fixture', 'Plain', 7)
            copyreg.remove_extension('pickle_fixture', 'Slotted', 300)
            copyreg.remove_extension('pickle_fixture', 'WithState', 70000)
        with self.assertRaises(ValueError):
            pickle.loads(b'\x80\x02\x82\x09.')

    def test_fix_imports(self):
        self.assertEqual(pickle.dumps(range, 2), b'\x80\x02c__builtin__\nxrange\nq\x00.')
        self.assertEqual(pickle.dumps(range, 2, fix_imports=False),
                         b'\x80\x02cbuiltins\nrange\nq\x00.')
        self.assertIs(pickle.loads(b'c__builtin__\nunicode\n.'), str)
        self.assertIs(pickle.loads(b'cexceptions\nKeyError\n.'), KeyError)
        with self.assertRaises(ImportError):
            pickle.loads(b'c__builtin__\nunicode\n.', fix_imports=False)

    def test_python2_strings(self):
        data = b'U\x03ab\xffq\x00.'
        with self.assertRaises(UnicodeDecodeError):
            pickle.loads(data)
        self.assertEqual(pickle.loads(data, encoding='bytes'), b'ab\xff')
        self.assertEqual(pickle.loads(data, encoding='latin1'), 'ab\xff')
        self.assertEqual(pickle.loads(b"S'a\\nb'\np0\n."), 'a\nb')
        self.assertEqual(pickle.loads(b'T\x02\x00\x00\x00hi.'), 'hi')
        self.assertEqual(pickle.loads(b'(S\'x\'\nI1\nd.'), {'x': 1})
        self.assertEqual(pickle.loads(b'(I1\nF2.5\nL3L\nl.'), [1, 2.5, 3])

    def test_protocol1_objects(self):
        # INST and OBJ, as written by old picklers.
        r = pickle.loads(b'(ipickle_fixture\nWithState\n(dS\'vv\'\nI4\nsb.')
        self.assertEqual(r, WithState(4))
        r = pickle.loads(b'(cpickle_fixture\nWithState\no}X\x02\x00\x00\x00vvK\x05sb.')
        self.assertEqual(r, WithState(5))


class PickletoolsTests(unittest.TestCase):
    def dis(self, data):
        import pickletools
        out = io.StringIO()
        pickletools.dis(data, out)
        return out.getvalue()

    def test_dis_protocol4(self):
        self.assertEqual(self.dis(pickle.dumps([1, 'a', (None, True)], 4)), (
            "    0: \\x80 PROTO      4\n"
            "    2: \\x95 FRAME      15\n"
            "   11: ]    EMPTY_LIST\n"
            "   12: \\x94 MEMOIZE    (as 0)\n"
            "   13: (    MARK\n"
            "   14: K        BININT1    1\n"
            "   16: \\x8c     SHORT_BINUNICODE 'a'\n"
            "   19: \\x94     MEMOIZE    (as 1)\n"
            "   20: N        NONE\n"
            "   21: \\x88     NEWTRUE\n"
            "   22: \\x86     TUPLE2\n"
            "   23: \\x94     MEMOIZE    (as 2)\n"
            "   24: e        APPENDS    (MARK at 13)\n"
            "   25: .    STOP\n"
            "highest protocol among opcodes = 4\n"))

    def test_dis_protocol0_recursive_tuple(self):
        t = ([],)
        t[0].append(t)
        self.assertEqual(self.dis(pickle.dumps(t, 0)), (
            "    0: (    MARK\n"
            "    1: (        MARK\n"
            "    2: l            LIST       (MARK at 1)\n"
            "    3: p        PUT        0\n"
            "    6: (        MARK\n"
            "    7: g            GET        0\n"
            "   10: t            TUPLE      (MARK at 6)\n"
            "   11: p        PUT        1\n"
            "   14: a        APPEND\n"
            "   15: 0        POP\n"
            "   16: 0        POP        (MARK at 0)\n"
            "   17: g    GET        1\n"
            "   20: .    STOP\n"
            "highest protocol among opcodes = 0\n"))


class ErrorTests(unittest.TestCase):
    def test_unpicklable(self):
        with self.assertRaises(pickle.PicklingError) as cm:
            pickle.dumps(module_lambda)
        self.assertIn("attribute lookup <lambda> on pickle_fixture failed",
                      str(cm.exception))

        def local():
            pass

        with self.assertRaises(AttributeError) as cm:
            pickle.dumps(local)
        self.assertEqual(str(cm.exception),
                         "Can't get local object "
                         "'ErrorTests.test_unpicklable.<locals>.local'")
        with self.assertRaises(TypeError) as cm:
            pickle.dumps(sys._getframe())
        self.assertEqual(str(cm.exception), "cannot pickle 'frame' object")

    def test_not_the_same_object(self):
        def impostor():
            pass
        impostor.__module__ = 'pickle_fixture'
        impostor.__qualname__ = 'module_function'
        with self.assertRaises(pickle.PicklingError) as cm:
            pickle.dumps(impostor, 2)
        self.assertTrue(str(cm.exception).endswith(
            "it's not the same object as pickle_fixture.module_function"))

    def test_missing_module(self):
        def orphan():
            pass
        orphan.__module__ = 'no_such_module_for_pickle'
        orphan.__qualname__ = 'orphan'
        with self.assertRaises(pickle.PicklingError) as cm:
            pickle.dumps(orphan)
        self.assertTrue(str(cm.exception).endswith(
            "import of module 'no_such_module_for_pickle' failed"))

    def test_bad_reduce(self):
        class BadString:
            def __reduce__(self):
                return 5

        class BadLength:
            def __reduce__(self):
                return (1,)

        class BadCallable:
            def __reduce__(self):
                return (1, ())

        class BadArgs:
            def __reduce__(self):
                return (BadArgs, 1)

        for cls, message in [
                (BadString, "__reduce__ must return a string or tuple"),
                (BadLength, "tuple returned by __reduce__ must contain 2 through 6 elements"),
                (BadCallable, "first item of the tuple returned by __reduce__ "
                              "must be callable"),
                (BadArgs, "second item of the tuple returned by __reduce__ "
                          "must be a tuple")]:
            with self.subTest(cls=cls.__name__):
                with self.assertRaises(pickle.PicklingError) as cm:
                    pickle.dumps(cls())
                self.assertEqual(str(cm.exception), message)

    def test_slots_need_protocol_2(self):
        for proto in (0, 1):
            with self.assertRaises(TypeError) as cm:
                pickle.dumps(Slotted(), proto)
            self.assertEqual(str(cm.exception), "a class that defines __slots__ without "
                             "defining __getstate__ cannot be pickled")

    def test_bad_protocol_and_file(self):
        with self.assertRaises(ValueError) as cm:
            pickle.dumps(1, 6)
        self.assertEqual(str(cm.exception), "pickle protocol must be <= 5")
        with self.assertRaises(TypeError) as cm:
            pickle.Pickler(None)
        self.assertEqual(str(cm.exception), "file must have a 'write' attribute")
        with self.assertRaises(ValueError):
            pickle.Pickler(io.BytesIO(), 4, buffer_callback=print)

    def test_bad_data(self):
        cases = [
            (b'', EOFError, "Ran out of input"),
            (b'\x80\x02N', EOFError, "Ran out of input"),
            (b'\xff', pickle.UnpicklingError, "invalid load key, '\\xff'."),
            (b'\x80\x09N.', ValueError, "unsupported pickle protocol: 9"),
            (b'h\x05.', pickle.UnpicklingError, "Memo value not found at index 5"),
            (b'a.', pickle.UnpicklingError, "unpickling stack underflow"),
            (b'0.', pickle.UnpicklingError, "unpickling stack underflow"),
            (b'\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00N.', pickle.UnpicklingError,
             "pickle data was truncated"),
        ]
        for data, exc, message in cases:
            with self.subTest(data=data):
                with self.assertRaises(exc) as cm:
                    pickle.loads(data)
                self.assertEqual(str(cm.exception), message)
        with self.assertRaises(TypeError):
            pickle.loads('text')

    def test_exception_hierarchy(self):
        self.assertTrue(issubclass(pickle.PicklingError, pickle.PickleError))
        self.assertTrue(issubclass(pickle.UnpicklingError, pickle.PickleError))
        self.assertTrue(issubclass(pickle.PickleError, Exception))


if __name__ == "__main__":
    unittest.main()
