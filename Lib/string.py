"""Common string constants, capwords(), Template ($-substitution) and Formatter (the
engine of str.format as a class that can be extended).

Template scans its text itself rather than with a regular expression, so the default
Template and subclasses that only change `delimiter` need no re module; subclasses that
set `pattern`, `idpattern`, `braceidpattern` or `flags` are compiled with re.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
           "hexdigits", "octdigits", "printable", "punctuation", "whitespace", "Formatter",
           "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s into words (by sep, default whitespace), capitalize each, and join them
    with sep (a single space by default)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_sentinel_dict = {}


class Template:
    """A string class for supporting $-substitutions: $name, ${name}, and $$ for a
    literal $.  Identifiers are ASCII letters, digits and underscores, not starting with a
    digit (case-insensitive, as CPython's default idpattern)."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init_subclass__(cls):
        super().__init_subclass__()
        if 'pattern' in cls.__dict__ or cls.idpattern != Template.idpattern or \
                cls.braceidpattern is not None:
            import re
            if 'pattern' in cls.__dict__:
                pattern = cls.pattern
            else:
                delim = re.escape(cls.delimiter)
                id = cls.idpattern
                bid = cls.braceidpattern or cls.idpattern
                pattern = fr"""
                {delim}(?:
                  (?P<escaped>{delim})  |
                  (?P<named>{id})       |
                  {{(?P<braced>{bid})}} |
                  (?P<invalid>)
                )
                """
            flags = re.VERBOSE if cls.flags is None else cls.flags
            cls._regex = re.compile(pattern, flags | re.IGNORECASE if cls.flags is None
                                    else flags)

    def __init__(self, template):
        self.template = template

    @staticmethod
    def _is_id_start(ch):
        return ch == '_' or ('a' <= ch.lower() <= 'z' and ch.isascii())

    @staticmethod
    def _is_id_char(ch):
        return ch == '_' or (ch.isascii() and ch.isalnum())

    def _scan(self):
        """Yield (kind, text, name, start) pieces: kind is 'text', 'escaped', 'named',
        'braced' or 'invalid'; start is where the piece begins, except that for 'invalid'
        it is the index just after the delimiter (the column error messages report)."""
        regex = getattr(type(self), '_regex', None)
        if regex is not None:
            yield from self._scan_regex(regex)
            return
        text = self.template
        delim = self.delimiter
        n = len(text)
        pos = 0
        while pos < n:
            at = text.find(delim, pos)
            if at < 0:
                yield 'text', text[pos:], None, pos
                return
            if at > pos:
                yield 'text', text[pos:at], None, pos
            i = at + len(delim)
            if text.startswith(delim, i):
                yield 'escaped', delim, None, at
                pos = i + len(delim)
                continue
            if i < n and text[i] == '{':
                j = i + 1
                if j < n and self._is_id_start(text[j]):
                    k = j + 1
                    while k < n and self._is_id_char(text[k]):
                        k += 1
                    if k < n and text[k] == '}':
                        yield 'braced', text[at:k + 1], text[j:k], at
                        pos = k + 1
                        continue
                yield 'invalid', delim, None, i
                pos = i
                continue
            if i < n and self._is_id_start(text[i]):
                k = i + 1
                while k < n and self._is_id_char(text[k]):
                    k += 1
                yield 'named', text[at:k], text[i:k], at
                pos = k
                continue
            yield 'invalid', delim, None, i
            pos = i

    def _scan_regex(self, regex):
        text = self.template
        pos = 0
        for mo in regex.finditer(text):
            if mo.start() > pos:
                yield 'text', text[pos:mo.start()], None, pos
            if mo.group('escaped') is not None:
                yield 'escaped', self.delimiter, None, mo.start()
            elif mo.group('named') is not None:
                yield 'named', mo.group(), mo.group('named'), mo.start()
            elif mo.group('braced') is not None:
                yield 'braced', mo.group(), mo.group('braced'), mo.start()
            else:
                yield 'invalid', mo.group(), None, mo.start('invalid')
            pos = mo.end()
        if pos < len(text):
            yield 'text', text[pos:], None, pos

    def _invalid(self, start):
        lines = self.template[:start].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = start - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        """Substitute the placeholders from mapping and keywords; KeyError for a missing
        name, ValueError for a malformed placeholder."""
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainedLookup(kws, mapping)
        out = []
        for kind, text, name, start in self._scan():
            if kind == 'text':
                out.append(text)
            elif kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                self._invalid(start)
            else:
                out.append(str(mapping[name]))
        return ''.join(out)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        """Like substitute(), but missing names and malformed placeholders are left in the
        result unchanged."""
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainedLookup(kws, mapping)
        out = []
        for kind, text, name, start in self._scan():
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind in ('named', 'braced'):
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(text)
            else:
                out.append(text)
        return ''.join(out)

    def is_valid(self):
        """True if the template has no malformed placeholders."""
        return all(kind != 'invalid' for kind, _, _, _ in self._scan())

    def get_identifiers(self):
        """The names of the placeholders, in order of first appearance."""
        names = []
        for kind, text, name, start in self._scan():
            if kind in ('named', 'braced') and name not in names:
                names.append(name)
        return names


class _ChainedLookup:
    """Look a key up in the keywords first, then in the mapping."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


class Formatter:
    """The str.format() machinery as overridable steps: parse, get_field, get_value,
    check_unused_args, format_field and convert_field."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        pieces = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                pieces.append(literal_text)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field specification to '
                                     'automatic field numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from automatic field numbering to '
                                     'manual field specification')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            pieces.append(self.format_field(obj, format_spec))
        return ''.join(pieces), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        """Split format_string into (literal_text, field_name, format_spec, conversion)
        tuples, as str.format does."""
        return _string_formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        """Resolve a field name such as '0.attr[key]'; return (object, first part)."""
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            obj = getattr(obj, i) if is_attr else obj[i]
        return obj, first


def _string_formatter_parser(text):
    """The pieces of a format string (doubled braces become literal braces)."""
    pieces = []
    literal = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == '{':
            if i + 1 < n and text[i + 1] == '{':
                # As str.format's parser: a doubled brace ends the literal piece.
                literal.append('{')
                pieces.append((''.join(literal), None, None, None))
                literal = []
                i += 2
                continue
            depth = 1
            j = i + 1
            in_name = True          # still in the field name (before '!' or ':')
            while j < n and depth:
                ch = text[j]
                if in_name and depth == 1 and ch == '[':
                    # An index runs to the next ']', braces included (as str.format).
                    close = text.find(']', j + 1)
                    if close < 0:
                        raise ValueError("expected '}' before end of string")
                    j = close + 1
                    continue
                if depth == 1 and ch in '!:':
                    in_name = False
                if ch == '{':
                    depth += 1
                elif ch == '}':
                    depth -= 1
                j += 1
            if depth:
                raise ValueError("expected '}' before end of string")
            field = text[i + 1:j - 1]
            name, conversion, spec = _split_field(field)
            pieces.append((''.join(literal), name, spec, conversion))
            literal = []
            i = j
        elif ch == '}':
            if i + 1 < n and text[i + 1] == '}':
                # As str.format's parser: a doubled brace ends the literal piece.
                literal.append('}')
                pieces.append((''.join(literal), None, None, None))
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal.append(ch)
            i += 1
    if literal:
        pieces.append((''.join(literal), None, None, None))
    return pieces


def _split_field(field):
    """'name!r:spec' -> ('name', 'r', 'spec')."""
    depth = 0
    name_end = len(field)
    for index, ch in enumerate(field):
        if ch == '[':
            depth += 1
        elif ch == ']':
            depth -= 1
        elif depth == 0 and ch in '!:':
            name_end = index
            break
    name = field[:name_end]
    rest = field[name_end:]
    conversion = None
    spec = ''
    if rest.startswith('!'):
        if len(rest) < 2:
            raise ValueError("end of string while looking for conversion specifier")
        conversion = rest[1]
        rest = rest[2:]
        if rest and not rest.startswith(':'):
            raise ValueError("expected ':' after conversion specifier")
    if rest.startswith(':'):
        spec = rest[1:]
    return name, conversion, spec


def _split_field_name(name):
    """'0.attr[key]' -> (0, [(True, 'attr'), (False, 'key')])."""
    i = 0
    while i < len(name) and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < len(name):
        if name[i] == '.':
            j = i + 1
            while j < len(name) and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
        else:
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
    return first, rest
