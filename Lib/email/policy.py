"""Policies: the settings that control how messages are generated (and, in CPython,
parsed).

A policy is an immutable object; clone(**changes) returns a copy with some settings
changed, and policy1 + policy2 is policy1 with policy2's explicit settings applied.
Braid's parser always behaves as compat32 (header values are plain strings); the
generator honours linesep, max_line_length, mangle_from_ and utf8.
"""

__all__ = ['Policy', 'Compat32', 'compat32', 'EmailPolicy', 'default', 'strict', 'SMTP',
           'SMTPUTF8', 'HTTP']


_MISSING = object()


class Policy:
    """The settings shared by every policy.

    max_line_length: fold header lines longer than this (0 or None: never fold).
    linesep: the line ending of generated messages.
    cte_type: '8bit' or '7bit' (whether the transport is 8-bit clean).
    raise_on_defect: raise the defects found instead of recording them.
    mangle_from_: prefix body lines starting with 'From ' with '>'.
    message_factory: the class of the messages parsers create (None: Message).
    verify_generated_headers: refuse to generate headers that would be misparsed.
    """

    max_line_length = 78
    linesep = '\n'
    cte_type = '8bit'
    raise_on_defect = False
    mangle_from_ = False
    message_factory = None
    verify_generated_headers = True

    def __init__(self, **kw):
        for name, value in kw.items():
            default = getattr(type(self), name, _MISSING)
            if default is _MISSING or name.startswith('_') or callable(default):
                raise TypeError(f'{name!r} is an invalid keyword argument for '
                                f'{self.__class__.__name__}')
            object.__setattr__(self, name, value)

    def __repr__(self):
        args = [f'{name}={value!r}' for name, value in self.__dict__.items()]
        return f"{self.__class__.__name__}({', '.join(args)})"

    def __setattr__(self, name, value):
        if hasattr(self, name):
            message = f'{self.__class__.__name__!r} object attribute {name!r} is read-only'
        else:
            message = f'{self.__class__.__name__!r} object has no attribute {name!r}'
        raise AttributeError(message)

    def clone(self, **kw):
        """Return a copy of this policy with the settings given changed."""
        settings = dict(self.__dict__)
        settings.update(kw)
        return self.__class__(**settings)

    def __add__(self, other):
        """This policy with the settings set explicitly on other applied."""
        return self.clone(**other.__dict__)

    def handle_defect(self, obj, defect):
        """Record defect on obj (a message), or raise it if raise_on_defect."""
        if self.raise_on_defect:
            raise defect
        self.register_defect(obj, defect)

    def register_defect(self, obj, defect):
        """Append defect to obj.defects."""
        obj.defects.append(defect)

    def fold(self, name, value):
        """Return the header line(s) for name: value, folded to max_line_length and
        ending with linesep."""
        lines = _fold(f'{name}: {value}', self.max_line_length)
        return self.linesep.join(lines) + self.linesep


def _fold(text, width):
    """Split a header line (whose value may already hold folded lines) into physical
    lines of at most width characters where possible: breaks go before a space, which
    starts the continuation line."""
    result = []
    for physical in text.splitlines() or ['']:
        if not width or len(physical) <= width:
            result.append(physical)
            continue
        pieces = physical.split(' ')
        line = pieces[0]
        for piece in pieces[1:]:
            if len(line) + 1 + len(piece) > width and line.strip():
                result.append(line)
                line = ' ' + piece
            else:
                line += ' ' + piece
        result.append(line)
    return result


class Compat32(Policy):
    """The policy of Python 3.2's email package (the default of Message and of the
    parsers): body lines starting with 'From ' are mangled when generating."""

    mangle_from_ = True


compat32 = Compat32()


class EmailPolicy(Policy):
    """The policy of the RFC 5322 compliant API.

    utf8: allow UTF-8 in headers (RFC 6532) instead of encoding them.
    refold_source: which source header lines to refold ('none', 'long', 'all').
    """

    utf8 = False
    refold_source = 'long'


default = EmailPolicy()
strict = default.clone(raise_on_defect=True)
SMTP = default.clone(linesep='\r\n')
SMTPUTF8 = SMTP.clone(utf8=True)
HTTP = default.clone(linesep='\r\n', max_line_length=None)
