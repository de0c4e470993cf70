"""Set handlers for asynchronous events (a thin layer over _signal adding IntEnums)."""
import _signal
from _signal import *
from enum import IntEnum as _IntEnum

_globals = globals()

def _make_enum(cls_name, predicate):
    """Build an IntEnum from the _signal constants whose names satisfy predicate, and
    replace those module globals by the members."""
    members = sorted(((name, value) for name, value in vars(_signal).items()
                      if isinstance(value, int) and predicate(name)),
                     key=lambda item: (item[1], item[0]))
    cls = _IntEnum(cls_name, members, module=__name__)
    for name, _ in members:
        _globals[name] = cls[name]
    return cls


Signals = _make_enum('Signals', lambda name: (name.isupper() and name.startswith('SIG')
                                              and not name.startswith('SIG_')))
Handlers = _make_enum('Handlers', lambda name: name in ('SIG_DFL', 'SIG_IGN'))
if 'pthread_sigmask' in _globals:
    Sigmasks = _make_enum('Sigmasks',
                          lambda name: name in ('SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK'))


def _to_enum(value, enum_klass):
    """Return value as a member of enum_klass when it is one, else unchanged."""
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _from_enum(value):
    """Return an IntEnum member as a plain int, anything else unchanged."""
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    old = _signal.signal(_from_enum(signalnum), _from_enum(handler))
    return _to_enum(old, Handlers)


def getsignal(signalnum):
    return _to_enum(_signal.getsignal(signalnum), Handlers)


if 'pthread_sigmask' in _globals:
    def pthread_sigmask(how, mask):
        return set(_to_enum(x, Signals) for x in _signal.pthread_sigmask(how, mask))


if 'sigpending' in _globals:
    def sigpending():
        return {_to_enum(x, Signals) for x in _signal.sigpending()}


def valid_signals():
    return {_to_enum(x, Signals) for x in _signal.valid_signals()}


signal.__doc__ = _signal.signal.__doc__
getsignal.__doc__ = _signal.getsignal.__doc__
del _globals
