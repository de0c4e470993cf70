"""Python part of the warnings subsystem.

The filtering and the default output are implemented in C (the _warnings module, shared
with PyErr_WarnEx); this module adds the Python-level API: filterwarnings(),
simplefilter(), resetwarnings(), catch_warnings, showwarning() and formatwarning().
"""

import sys
import _warnings
from _warnings import filters, _defaultaction, _onceregistry, warn, warn_explicit

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings",
           "simplefilter", "resetwarnings", "catch_warnings", "deprecated"]

defaultaction = _defaultaction
onceregistry = _onceregistry
_warnings_defaults = True


class _Matcher:
    """A filter pattern used when the re module is not available: a literal prefix match,
    case-insensitive for messages (like re.match with re.I), case-sensitive for modules."""

    def __init__(self, text, ignore_case):
        self.pattern = text
        self._ignore_case = ignore_case
        self._text = text.lower() if ignore_case else text

    def match(self, s):
        if self._ignore_case:
            s = s.lower()
        return s.startswith(self._text)

    def __eq__(self, other):
        return isinstance(other, _Matcher) and self.pattern == other.pattern

    def __hash__(self):
        return hash(self.pattern)


def _compile(text, prefix):
    if not text:
        return None
    try:
        import re
    except ImportError:
        return _Matcher(text, prefix)
    if prefix:
        return re.compile(text, re.I)
    return re.compile(text)


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\n"
    if msg.line is None:
        line = _getline(msg.filename, msg.lineno)
    else:
        line = msg.line
    if line:
        line = line.strip()
        s += "  %s\n" % line
    return s


def _getline(filename, lineno):
    try:
        import linecache
        return linecache.getline(filename, lineno)
    except Exception:
        return None


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning
_showwarnmsg_impl_orig = _showwarnmsg_impl


def _showwarnmsg(msg):
    """Hook to write a warning to a file; replace if you like."""
    if showwarning is not _showwarning_orig:
        if not callable(showwarning):
            raise TypeError("warnings.showwarning() must be set to a function or method")
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


def _formatwarnmsg(msg):
    """Function to format a warning the standard way."""
    if formatwarning is not _formatwarning_orig:
        return formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


def __getattr__(name):
    # Tells the C layer whether it may print warnings itself.
    if name == "_showwarnmsg_impl_is_default":
        return (showwarning is _showwarning_orig and formatwarning is _formatwarning_orig
                and _showwarnmsg_impl is _showwarnmsg_impl_orig)
    raise AttributeError(f"module 'warnings' has no attribute {name!r}")


_ACTIONS = ("error", "ignore", "always", "all", "default", "module", "once")


def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    if action not in _ACTIONS:
        raise ValueError(f"invalid action: {action!r}")
    if not isinstance(message, str):
        raise TypeError("message must be a string")
    if not isinstance(category, type) or not issubclass(category, Warning):
        raise TypeError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise TypeError("module must be a string")
    if not isinstance(lineno, int):
        raise TypeError("lineno must be an int")
    if lineno < 0:
        raise ValueError("lineno must be an int >= 0")
    # Like re.match(): the module pattern only has to match at the start of the name
    # (the -W command-line option anchors it at the end itself).
    _add_filter(action, _compile(message, True), category, _compile(module, False), lineno,
                append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front)."""
    if action not in _ACTIONS:
        raise ValueError(f"invalid action: {action!r}")
    if not isinstance(lineno, int):
        raise TypeError("lineno must be an int")
    if lineno < 0:
        raise ValueError("lineno must be an int >= 0")
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    else:
        if item not in filters:
            filters.append(item)
    _filters_mutated()


def _filters_mutated():
    _warnings._filters_mutated()


class _OptionError(Exception):
    """A malformed -W option (or PYTHONWARNINGS entry)."""


def _processoptions(args):
    """Apply -W style options, reporting (not raising) the malformed ones on stderr."""
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            print("Invalid -W option ignored:", msg, file=sys.stderr)


def _setoption(arg):
    """Add the filter described by one option action:message:category:module:lineno (empty
    fields take their defaults; the message and module are literal text)."""
    parts = arg.split(':')
    if len(parts) > 5:
        raise _OptionError("too many fields (max 5): %r" % (arg,))
    parts += [''] * (5 - len(parts))
    action, message, category, module, lineno = [part.strip() for part in parts]
    action = _getaction(action)
    category = _getcategory(category)
    if message or module:
        import re
        if message:
            message = re.escape(message)
        if module:
            module = re.escape(module) + r'\Z'
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,)) from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _getaction(action):
    """The action named by action or a prefix of it ('' means 'default')."""
    if not action:
        return "default"
    if action == "all":
        return "always"
    for name in ("default", "always", "ignore", "module", "once", "error"):
        if name.startswith(action):
            return name
    raise _OptionError("invalid action: %r" % (action,))


def _getcategory(category):
    """The Warning subclass named by category: a builtin name or module.name."""
    if not category:
        return Warning
    if '.' not in category:
        import builtins as owner
        name = category
    else:
        module, _, name = category.rpartition('.')
        try:
            owner = __import__(module, None, None, [name])
        except ImportError:
            raise _OptionError("invalid module name: %r" % (module,)) from None
    try:
        cat = getattr(owner, name)
    except AttributeError:
        raise _OptionError("unknown warning category: %r" % (category,)) from None
    if not (isinstance(cat, type) and issubclass(cat, Warning)):
        raise _OptionError("invalid warning category: %r" % (category,))
    return cat


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


class WarningMessage(object):
    """Holds the result of a single showwarning() call."""

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line",
                        "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None,
                 source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name, self.filename,
                                self.lineno, self.line))


class catch_warnings(object):
    """A context manager that copies and restores the warnings filter upon exiting the
    context.  With record=True, showwarning() appends WarningMessage objects to the list
    returned by __enter__."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning,
                 lineno=0, append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules['warnings']:
            args.append("module=%r" % self._module)
        name = type(self).__name__
        return "%s(%s)" % (name, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        _warnings.filters = self._module.filters
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            # The log receives the WarningMessage itself (with its source): showwarning()
            # goes back to the default, which hands each message to _showwarnmsg_impl; the
            # replaced _showwarnmsg_impl tells the C layer to call Python.
            self._module._showwarnmsg_impl = log.append
            self._module.showwarning = self._module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        self._module.filters = self._filters
        _warnings.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg_impl = self._showwarnmsg_impl


class deprecated:
    """Indicate that a class, function or overload is deprecated (PEP 702)."""

    def __init__(self, message, /, *, category=DeprecationWarning, stacklevel=1):
        if not isinstance(message, str):
            raise TypeError(
                f"Expected an object of type str for 'message', not {type(message).__name__!r}")
        self.message = message
        self.category = category
        self.stacklevel = stacklevel

    def __call__(self, arg, /):
        msg = self.message
        category = self.category
        stacklevel = self.stacklevel
        if category is None:
            arg.__deprecated__ = msg
            return arg
        if isinstance(arg, type):
            return _deprecate_class(arg, msg, category, stacklevel)
        if callable(arg):
            import functools

            @functools.wraps(arg)
            def wrapper(*args, **kwargs):
                warn(msg, category=category, stacklevel=stacklevel + 1)
                return arg(*args, **kwargs)

            import inspect
            if inspect.iscoroutinefunction(arg):
                # The wrapper returns the coroutine; keep it recognisable as async.
                wrapper = inspect.markcoroutinefunction(wrapper)
            arg.__deprecated__ = wrapper.__deprecated__ = msg
            return wrapper
        raise TypeError(
            "@deprecated decorator with non-None category must be applied to "
            f"a class or callable, not {arg!r}")


def _deprecate_class(cls, msg, category, stacklevel):
    """Make creating an instance of cls, or subclassing it, issue the warning."""
    import functools
    target = cls
    base_new = cls.__new__

    def new_with_warning(klass, /, *args, **kwargs):
        if klass is target:
            warn(msg, category=category, stacklevel=stacklevel + 1)
        if base_new is not object.__new__:
            return base_new(klass, *args, **kwargs)
        # object.__new__ rejects extra arguments only when __init__ is not overridden.
        if (args or kwargs) and klass.__init__ is object.__init__:
            raise TypeError(f"{klass.__name__}() takes no arguments")
        return base_new(klass)

    target.__new__ = staticmethod(functools.wraps(base_new)(new_with_warning))
    own_hook = target.__dict__.get("__init_subclass__")

    def init_subclass_with_warning(klass, /, *args, **kwargs):
        warn(msg, category=category, stacklevel=stacklevel + 1)
        if own_hook is not None:
            return own_hook.__get__(None, klass)(*args, **kwargs)
        return super(target, klass).__init_subclass__(*args, **kwargs)

    target.__init_subclass__ = classmethod(init_subclass_with_warning)
    target.__deprecated__ = msg
    return target


_DEPRECATED_MSG = "{name!r} is deprecated and slated for removal in Python {remove}"


def _deprecated(name, message=_DEPRECATED_MSG, *, remove, _version=sys.version_info):
    """Warn that *name* is deprecated or should be removed."""
    remove_formatted = f"{remove[0]}.{remove[1]}"
    if (_version[:2] > remove) or (_version[:2] == remove and _version[3] != "alpha"):
        msg = f"{name!r} was slated for removal after Python {remove_formatted} alpha"
        raise RuntimeError(msg)
    else:
        msg = message.format(name=name, remove=remove_formatted)
        warn(msg, DeprecationWarning, stacklevel=3)
