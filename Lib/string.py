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

    def __init_subclass__(cls):
        super().__init_subclass__()
        if 'pattern' in cls.__dict__ or cls.idpattern != Template.idpattern or \
                cls.braceidpattern is not None or _own_flags(cls):
            cls._regex = cls.pattern = _compile_pattern(cls)

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
        regex = type(self).__dict__.get('_regex')
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


def _pattern_source(cls):
    """The regular expression (verbose syntax) CPython's Template uses for cls."""
    if 'pattern' in cls.__dict__ and not isinstance(cls.__dict__['pattern'], _LazyPattern):
        pattern = cls.__dict__['pattern']
        return pattern if isinstance(pattern, str) else pattern.pattern
    import re
    delim = re.escape(cls.delimiter)
    bid = cls.braceidpattern or cls.idpattern
    return fr"""
    {delim}(?:
      (?P<escaped>{delim})  |
      (?P<named>{cls.idpattern})       |
      {{(?P<braced>{bid})}} |
      (?P<invalid>)
    )
    """


def _compile_pattern(cls):
    import re
    return re.compile(_pattern_source(cls), cls.flags | re.VERBOSE)


def _own_flags(cls):
    """True if cls or a base below Template sets flags."""
    return any('flags' in klass.__dict__ for klass in cls.__mro__
               if klass is not Template and klass is not object)


class _LazyFlags:
    """Template.flags: re.IGNORECASE, looked up on first use (string does not import re)."""

    def __get__(self, instance, owner=None):
        import re
        return re.IGNORECASE


class _LazyPattern:
    """Template.pattern: the compiled regular expression, built on first use so that
    importing string does not import re.  (Template itself scans without it.)"""

    def __get__(self, instance, owner=None):
        cls = owner if owner is not None else type(instance)
        cached = cls.__dict__.get('_lazy_pattern')
        if cached is None:
            cached = _compile_pattern(cls)
            type.__setattr__(cls, '_lazy_pattern', cached)
        return cached


Template.pattern = _LazyPattern()
Template.flags = _LazyFlags()


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
                    # CPython's string.Formatter words both switches the same way
                    raise ValueError('cannot switch from manual field specification to '
                                     'automatic field numbering')
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
    """Generate the (literal, field name, format spec, conversion) pieces of a format
    string, as str.format's parser does (doubled braces become literal braces and end a
    piece).  Lazy: an error is raised only when the parse reaches it."""
    literal = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == '}':
            if i + 1 < n and text[i + 1] == '}':
                literal.append('}')
                yield ''.join(literal), None, None, None
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        if ch != '{':
            literal.append(ch)
            i += 1
            continue
        if i + 1 >= n:
            raise ValueError("Single '{' encountered in format string")
        if text[i + 1] == '{':
            literal.append('{')
            yield ''.join(literal), None, None, None
            literal = []
            i += 2
            continue
        name, conversion, spec, i = _scan_field(text, i + 1)
        yield ''.join(literal), name, spec, conversion
        literal = []
    if literal:
        yield ''.join(literal), None, None, None


def _scan_field(text, i):
    """Scan the replacement field starting at text[i] (just after its '{').  Return
    (name, conversion, spec, index after the closing '}')."""
    n = len(text)
    start = i
    # The field name: '[...]' may hold any character, braces included.
    while True:
        if i >= n:
            raise ValueError("expected '}' before end of string")
        ch = text[i]
        if ch == '[':
            close = text.find(']', i + 1)
            if close < 0:
                raise ValueError("expected '}' before end of string")
            i = close + 1
            continue
        if ch == '{':
            raise ValueError("unexpected '{' in field name")
        if ch in '}!:':
            break
        i += 1
    name = text[start:i]
    conversion = None
    if text[i] == '}':
        return name, None, '', i + 1
    if text[i] == '!':
        if i + 1 >= n:
            raise ValueError("end of string while looking for conversion specifier")
        conversion = text[i + 1]       # any character, even '}'
        i += 2
        if i >= n:
            raise ValueError("unmatched '{' in format spec")
        if text[i] == '}':
            return name, conversion, '', i + 1
        if text[i] != ':':
            raise ValueError("expected ':' after conversion specifier")
    # The format spec, after ':': nested fields are kept whole.
    i += 1
    spec_start = i
    depth = 1
    while i < n:
        ch = text[i]
        if ch == '{':
            depth += 1
        elif ch == '}':
            depth -= 1
            if depth == 0:
                return name, conversion, text[spec_start:i], i + 1
        i += 1
    raise ValueError("unmatched '{' in format spec")


def _split_field_name(name):
    """'0.attr[key]' -> (0, iterator of (True, 'attr'), (False, 'key')).  The iterator is
    lazy, as CPython's: errors in the rest of the name come after the first lookup."""
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit() and first.isascii():
        first = int(first)
    return first, _field_name_rest(name, i)


def _field_name_rest(name, i):
    n = len(name)
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            yield True, attr
            i = j
        elif name[i] == '[':
            j = name.find(']', i + 1)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            yield False, int(key) if key.isdigit() and key.isascii() else key
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
