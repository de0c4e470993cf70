"""Reading and writing INI-style configuration files.

A file is a series of sections.  Each starts with a "[name]" line and holds options
written "key = value" or "key: value"; a value goes on over the following lines that are
indented more than its key.  Lines whose first non-blank character is '#' or ';' are
comments.  The options of the DEFAULT section are the fallbacks of every other section.

RawConfigParser stores and returns values as they are; ConfigParser interpolates
"%(name)s" references (BasicInterpolation) when values are read.
"""

import functools
import io
import itertools
import os
import re
import sys
from collections import ChainMap as _ChainMap
from collections.abc import MutableMapping

__all__ = ('NoSectionError', 'DuplicateOptionError', 'DuplicateSectionError',
           'NoOptionError', 'InterpolationError', 'InterpolationDepthError',
           'InterpolationMissingOptionError', 'InterpolationSyntaxError',
           'ParsingError', 'MissingSectionHeaderError', 'MultilineContinuationError',
           'ConfigParser', 'RawConfigParser',
           'Interpolation', 'BasicInterpolation', 'ExtendedInterpolation',
           'SectionProxy', 'ConverterMapping',
           'DEFAULTSECT', 'MAX_INTERPOLATION_DEPTH')

DEFAULTSECT = 'DEFAULT'
MAX_INTERPOLATION_DEPTH = 10


# Exceptions

class Error(Exception):
    """The base of the exceptions of configparser."""

    def __init__(self, msg=''):
        self.message = msg
        Exception.__init__(self, msg)

    def __repr__(self):
        return self.message

    __str__ = __repr__


class NoSectionError(Error):
    """The section asked for does not exist."""

    def __init__(self, section):
        Error.__init__(self, 'No section: %r' % (section,))
        self.section = section
        self.args = (section,)


def _duplicate_message(kind, what, source, lineno):
    """'<Kind> <what> already exists', or, when the source is known, 'While reading
    from <source> [line  N]: <kind> <what> already exists'."""
    if source is None:
        return f'{kind.capitalize()} {what} already exists'
    where = f'While reading from {source!r}'
    if lineno is not None:
        where += f' [line {lineno:2d}]'
    return f'{where}: {kind} {what} already exists'


class DuplicateSectionError(Error):
    """A section appears twice in one source (strict parsers), or add_section() was
    given an existing one."""

    def __init__(self, section, source=None, lineno=None):
        Error.__init__(self, _duplicate_message('section', repr(section), source, lineno))
        self.section = section
        self.source = source
        self.lineno = lineno
        self.args = (section, source, lineno)


class DuplicateOptionError(Error):
    """An option appears twice in one section of one source (strict parsers)."""

    def __init__(self, section, option, source=None, lineno=None):
        what = f'{option!r} in section {section!r}'
        Error.__init__(self, _duplicate_message('option', what, source, lineno))
        self.section = section
        self.option = option
        self.source = source
        self.lineno = lineno
        self.args = (section, option, source, lineno)


class NoOptionError(Error):
    """The option asked for does not exist in the section (nor in DEFAULT)."""

    def __init__(self, option, section):
        Error.__init__(self, 'No option %r in section: %r' % (option, section))
        self.option = option
        self.section = section
        self.args = (option, section)


class InterpolationError(Error):
    """The base of the errors of interpolation."""

    def __init__(self, option, section, msg):
        Error.__init__(self, msg)
        self.option = option
        self.section = section
        self.args = (option, section, msg)


class InterpolationMissingOptionError(InterpolationError):
    """A reference names an option that does not exist."""

    def __init__(self, option, section, rawval, reference):
        msg = ('Bad value substitution: option {!r} in section {!r} contains an '
               'interpolation key {!r} which is not a valid option name. Raw value: '
               '{!r}'.format(option, section, reference, rawval))
        InterpolationError.__init__(self, option, section, msg)
        self.reference = reference
        self.args = (option, section, rawval, reference)


class InterpolationSyntaxError(InterpolationError):
    """A value has malformed reference syntax."""


class InterpolationDepthError(InterpolationError):
    """References nest deeper than MAX_INTERPOLATION_DEPTH."""

    def __init__(self, option, section, rawval):
        msg = ('Recursion limit exceeded in value substitution: option {!r} in section '
               '{!r} contains an interpolation key which cannot be substituted in {} '
               'steps. Raw value: {!r}'.format(option, section, MAX_INTERPOLATION_DEPTH,
                                               rawval))
        InterpolationError.__init__(self, option, section, msg)
        self.args = (option, section, rawval)


class ParsingError(Error):
    """A source has lines that are neither headers, options nor continuations."""

    def __init__(self, source, *args):
        super().__init__(f'Source contains parsing errors: {source!r}')
        self.source = source
        self.errors = []
        self.args = (source, )
        if args:
            self.append(*args)

    def append(self, lineno, line):
        self.errors.append((lineno, line))
        self.message += '\n\t[line %2d]: %s' % (lineno, repr(line))

    def combine(self, others):
        for other in others:
            for error in other.errors:
                self.append(*error)
        return self


class _LineError(ParsingError):
    """A ParsingError about one line that stops the parsing at once."""

    _TEMPLATE = None

    def __init__(self, filename, lineno, line):
        Error.__init__(self, self._TEMPLATE % (filename, lineno, line))
        self.source = filename
        self.lineno = lineno
        self.line = line
        self.errors = []
        self.args = (filename, lineno, line)


class MultilineContinuationError(_LineError):
    """An option without a value (allow_no_value) is followed by an indented line."""

    _TEMPLATE = 'Key without value continued with an indented line.\nfile: %r, line: %d\n%r'


class MissingSectionHeaderError(_LineError):
    """A source has an option line before its first section header."""

    _TEMPLATE = 'File contains no section headers.\nfile: %r, line: %d\n%r'


# Interpolation

class Interpolation:
    """No interpolation: values are used as they are (the base class)."""

    def before_get(self, parser, section, option, value, defaults):
        return value

    def before_set(self, parser, section, option, value):
        return value

    def before_read(self, parser, section, option, value):
        return value

    def before_write(self, parser, section, option, value):
        return value


class _ReferenceInterpolation(Interpolation):
    """Interpolation of references introduced by a sigil character: the sigil doubled
    is the sigil itself; the sigil followed by the opening character starts a reference
    that _KEYCRE matches and _substitute() resolves (recursively, up to
    MAX_INTERPOLATION_DEPTH levels)."""

    _SIGIL = _OPEN = None
    _KEYCRE = None

    def before_get(self, parser, section, option, value, defaults):
        parts = []
        self._interpolate_some(parser, option, parts, value, section, defaults, 1)
        return ''.join(parts)

    def before_set(self, parser, section, option, value):
        rest = self._KEYCRE.sub('', value.replace(self._SIGIL * 2, ''))
        if self._SIGIL in rest:
            raise ValueError('invalid interpolation syntax in %r at position %d' %
                             (value, rest.find(self._SIGIL)))
        return value

    def _interpolate_some(self, parser, option, accum, rest, section, map, depth):
        rawval = parser.get(section, option, raw=True, fallback=rest)
        if depth > MAX_INTERPOLATION_DEPTH:
            raise InterpolationDepthError(option, section, rawval)
        sigil = self._SIGIL
        while rest:
            p = rest.find(sigil)
            if p < 0:
                accum.append(rest)
                return
            if p > 0:
                accum.append(rest[:p])
                rest = rest[p:]
            c = rest[1:2]
            if c == sigil:
                accum.append(sigil)
                rest = rest[2:]
            elif c == self._OPEN:
                m = self._KEYCRE.match(rest)
                if m is None:
                    raise InterpolationSyntaxError(
                        option, section, 'bad interpolation variable reference %r' % rest)
                rest = rest[m.end():]
                self._substitute(parser, option, accum, m.group(1), section, map, depth,
                                 rawval, rest)
            else:
                raise InterpolationSyntaxError(
                    option, section, f"'{sigil}' must be followed by '{sigil}' or "
                                     f"'{self._OPEN}', found: {rest!r}")


class BasicInterpolation(_ReferenceInterpolation):
    """Interpolation as implemented in the classic ConfigParser: '%(name)s' is replaced
    by the value of option name of the same section (or DEFAULT); '%%' is a literal
    percent sign."""

    _SIGIL, _OPEN = '%', '('
    _KEYCRE = re.compile(r'%\(([^)]+)\)s')

    def _substitute(self, parser, option, accum, reference, section, map, depth, rawval,
                    rest):
        var = parser.optionxform(reference)
        try:
            value = map[var]
        except KeyError:
            raise InterpolationMissingOptionError(option, section, rawval, var) from None
        if '%' in value:
            self._interpolate_some(parser, option, accum, value, section, map, depth + 1)
        else:
            accum.append(value)


class ExtendedInterpolation(_ReferenceInterpolation):
    """Interpolation in the zc.buildout style: '${option}' names an option of the same
    section, '${section:option}' one of another section; '$$' is a literal dollar."""

    _SIGIL, _OPEN = '$', '{'
    _KEYCRE = re.compile(r'\$\{([^}]+)\}')

    def _substitute(self, parser, option, accum, reference, section, map, depth, rawval,
                    rest):
        path = reference.split(':')
        sect = section
        opt = option
        try:
            if len(path) == 1:
                opt = parser.optionxform(path[0])
                value = map[opt]
            elif len(path) == 2:
                sect = path[0]
                opt = parser.optionxform(path[1])
                value = parser.get(sect, opt, raw=True)
            else:
                raise InterpolationSyntaxError(
                    option, section, "More than one ':' found: %r" % (rest,))
        except (KeyError, NoSectionError, NoOptionError):
            raise InterpolationMissingOptionError(option, section, rawval,
                                                  ':'.join(path)) from None
        if '$' in value:
            self._interpolate_some(parser, opt, accum, value, sect,
                                   dict(parser.items(sect, raw=True)), depth + 1)
        else:
            accum.append(value)


_UNSET = object()


class RawConfigParser(MutableMapping):
    """A configuration parser without interpolation: values are returned as they
    were read or set."""

    _SECT_TMPL = r'\[(?P<header>.+)\]'
    _OPT_TMPL = r'(?P<option>.*?)\s*(?P<vi>{delim})\s*(?P<value>.*)$'
    _OPT_NV_TMPL = r'(?P<option>.*?)\s*(?:(?P<vi>{delim})\s*(?P<value>.*))?$'
    _DEFAULT_INTERPOLATION = Interpolation()
    SECTCRE = re.compile(_SECT_TMPL, re.VERBOSE)
    OPTCRE = re.compile(_OPT_TMPL.format(delim='=|:'), re.VERBOSE)
    OPTCRE_NV = re.compile(_OPT_NV_TMPL.format(delim='=|:'), re.VERBOSE)
    BOOLEAN_STATES = {'1': True, 'yes': True, 'true': True, 'on': True,
                      '0': False, 'no': False, 'false': False, 'off': False}

    def __init__(self, defaults=None, dict_type=dict, allow_no_value=False, *,
                 delimiters=('=', ':'), comment_prefixes=('#', ';'),
                 inline_comment_prefixes=None, strict=True, empty_lines_in_values=True,
                 default_section=DEFAULTSECT, interpolation=_UNSET, converters=_UNSET):
        self._dict = dict_type
        self._sections = self._dict()
        self._defaults = self._dict()
        self._converters = ConverterMapping(self)
        self._proxies = self._dict()
        self._proxies[default_section] = SectionProxy(self, default_section)
        self._delimiters = tuple(delimiters)
        if delimiters == ('=', ':'):
            self._optcre = self.OPTCRE_NV if allow_no_value else self.OPTCRE
        else:
            d = '|'.join(re.escape(d) for d in delimiters)
            if allow_no_value:
                self._optcre = re.compile(self._OPT_NV_TMPL.format(delim=d), re.VERBOSE)
            else:
                self._optcre = re.compile(self._OPT_TMPL.format(delim=d), re.VERBOSE)
        self._comment_prefixes = tuple(comment_prefixes or ())
        self._inline_comment_prefixes = tuple(inline_comment_prefixes or ())
        self._strict = strict
        self._allow_no_value = allow_no_value
        self._empty_lines_in_values = empty_lines_in_values
        self.default_section = default_section
        self._interpolation = interpolation
        if self._interpolation is _UNSET:
            self._interpolation = self._DEFAULT_INTERPOLATION
        if self._interpolation is None:
            self._interpolation = Interpolation()
        if not isinstance(self._interpolation, Interpolation):
            raise TypeError(f'interpolation= must be None or an instance of '
                            f'Interpolation; got an object of type '
                            f'{type(self._interpolation)}')
        if converters is not _UNSET:
            self._converters.update(converters)
        if defaults:
            self._read_defaults(defaults)

    def defaults(self):
        return self._defaults

    def sections(self):
        """The names of the sections, without the default section."""
        return list(self._sections.keys())

    def add_section(self, section):
        """Add an empty section.  DuplicateSectionError if it exists; ValueError for
        the default section's name."""
        if section == self.default_section:
            raise ValueError('Invalid section name: %r' % section)
        if section in self._sections:
            raise DuplicateSectionError(section)
        self._sections[section] = self._dict()
        self._proxies[section] = SectionProxy(self, section)

    def has_section(self, section):
        """Whether the section exists (the default section does not count)."""
        return section in self._sections

    def options(self, section):
        """The option names of a section, its own first, then those of DEFAULT."""
        try:
            opts = self._sections[section].copy()
        except KeyError:
            raise NoSectionError(section) from None
        opts.update(self._defaults)
        return list(opts.keys())

    def read(self, filenames, encoding=None):
        """Read and parse each file named (a path or an iterable of paths); files that
        cannot be opened are skipped.  Return the list of the files read."""
        if isinstance(filenames, (str, bytes, os.PathLike)):
            filenames = [filenames]
        encoding = io.text_encoding(encoding) if hasattr(io, 'text_encoding') else encoding
        read_ok = []
        for filename in filenames:
            try:
                with open(filename, encoding=encoding) as fp:
                    self._read(fp, filename)
            except OSError:
                continue
            if isinstance(filename, os.PathLike):
                filename = os.fspath(filename)
            read_ok.append(filename)
        return read_ok

    def read_file(self, f, source=None):
        """Like read() but the argument must be a file-like object (an iterable of
        lines).  source names it in error messages (default: f.name, else '<???>')."""
        if source is None:
            try:
                source = f.name
            except AttributeError:
                source = '<???>'
        self._read(f, source)

    def read_string(self, string, source='<string>'):
        """Read and parse the configuration text string."""
        sfile = io.StringIO(string)
        self.read_file(sfile, source)

    def read_dict(self, dictionary, source='<dict>'):
        """Read configuration from a dictionary: keys are section names, values are
        dictionaries of options (values converted to str)."""
        elements_added = set()
        for section, keys in dictionary.items():
            section = str(section)
            try:
                self.add_section(section)
            except (DuplicateSectionError, ValueError):
                if self._strict and section in elements_added:
                    raise
            elements_added.add(section)
            for key, value in keys.items():
                key = self.optionxform(str(key))
                if value is not None:
                    value = str(value)
                if self._strict and (section, key) in elements_added:
                    raise DuplicateOptionError(section, key, source)
                elements_added.add((section, key))
                self.set(section, key, value)

    def get(self, section, option, *, raw=False, vars=None, fallback=_UNSET):
        """Return the value of option in section (interpolated unless raw).

        vars (a dict) is looked up before the section, and DEFAULT after it.  A missing option
        or section gives fallback if it is given, else NoOptionError or NoSectionError."""
        try:
            d = self._unify_values(section, vars)
        except NoSectionError:
            if fallback is _UNSET:
                raise
            return fallback
        option = self.optionxform(option)
        try:
            value = d[option]
        except KeyError:
            if fallback is _UNSET:
                raise NoOptionError(option, section) from None
            return fallback
        if raw or value is None:
            return value
        return self._interpolation.before_get(self, section, option, value, d)

    def _get(self, section, conv, option, **kwargs):
        return conv(self.get(section, option, **kwargs))

    def _get_conv(self, section, option, conv, *, raw=False, vars=None, fallback=_UNSET,
                  **kwargs):
        try:
            return self._get(section, conv, option, raw=raw, vars=vars, **kwargs)
        except (NoSectionError, NoOptionError):
            if fallback is _UNSET:
                raise
            return fallback

    def getint(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, int, raw=raw, vars=vars, fallback=fallback,
                              **kwargs)

    def getfloat(self, section, option, *, raw=False, vars=None, fallback=_UNSET,
                 **kwargs):
        return self._get_conv(section, option, float, raw=raw, vars=vars,
                              fallback=fallback, **kwargs)

    def getboolean(self, section, option, *, raw=False, vars=None, fallback=_UNSET,
                   **kwargs):
        return self._get_conv(section, option, self._convert_to_boolean, raw=raw,
                              vars=vars, fallback=fallback, **kwargs)

    def items(self, section=_UNSET, raw=False, vars=None):
        """Return a list of (name, value) tuples for each option in a section; without a
        section, the (name, SectionProxy) pairs of all sections including DEFAULT."""
        if section is _UNSET:
            return super().items()
        d = self._defaults.copy()
        try:
            d.update(self._sections[section])
        except KeyError:
            if section != self.default_section:
                raise NoSectionError(section) from None
        orig_keys = list(d.keys())
        if vars:
            for key, value in vars.items():
                d[self.optionxform(key)] = value

        def value_getter(option):
            if raw:
                return d[option]
            return self._interpolation.before_get(self, section, option, d[option], d)
        return [(option, value_getter(option)) for option in orig_keys]

    def popitem(self):
        """Remove a section from the parser and return it as a (section_name,
        section_proxy) tuple.  If no section is present, raise KeyError."""
        for key in self.sections():
            value = self[key]
            del self[key]
            return key, value
        raise KeyError

    def optionxform(self, optionstr):
        """Transform an option name (default: lower case)."""
        return optionstr.lower()

    def has_option(self, section, option):
        """Whether section has option (its own or from DEFAULT); an empty section name
        means DEFAULT."""
        if not section or section == self.default_section:
            option = self.optionxform(option)
            return option in self._defaults
        if section not in self._sections:
            return False
        option = self.optionxform(option)
        return option in self._sections[section] or option in self._defaults

    def set(self, section, option, value=None):
        """Set option in section (DEFAULT when section is empty or the default name)."""
        if value:
            value = self._interpolation.before_set(self, section, option, value)
        self._options_of(section)[self.optionxform(option)] = value

    def _options_of(self, section):
        """The option dict of section (DEFAULT's for an empty name); NoSectionError if
        there is no such section."""
        if not section or section == self.default_section:
            return self._defaults
        try:
            return self._sections[section]
        except KeyError:
            raise NoSectionError(section) from None

    def write(self, fp, space_around_delimiters=True):
        """Write the configuration in INI format to the text file fp (DEFAULT first);
        multi-line values are continued on tab-indented lines."""
        delimiter = self._delimiters[0]
        if space_around_delimiters:
            delimiter = f' {delimiter} '
        if self._defaults:
            self._write_section(fp, self.default_section, self._defaults, delimiter)
        for section, options in self._sections.items():
            self._write_section(fp, section, options, delimiter)

    def _write_section(self, fp, name, options, delimiter):
        fp.write(f'[{name}]\n')
        for key, value in options.items():
            value = self._interpolation.before_write(self, name, key, value)
            if value is None and self._allow_no_value:
                fp.write(f'{key}\n')
            else:
                fp.write(f'{key}{delimiter}' + str(value).replace('\n', '\n\t') + '\n')
        fp.write('\n')

    def remove_option(self, section, option):
        """Remove an option; return True if it existed."""
        options = self._options_of(section)
        option = self.optionxform(option)
        existed = option in options
        if existed:
            del options[option]
        return existed

    def remove_section(self, section):
        """Remove a file section; return True if it existed."""
        existed = section in self._sections
        if existed:
            del self._sections[section]
            del self._proxies[section]
        return existed

    def __getitem__(self, key):
        if key != self.default_section and not self.has_section(key):
            raise KeyError(key)
        return self._proxies[key]

    def __setitem__(self, key, value):
        if key in self and self[key] is value:
            return
        if key == self.default_section:
            self._defaults.clear()
        elif key in self._sections:
            self._sections[key].clear()
        self.read_dict({key: value})

    def __delitem__(self, key):
        if key == self.default_section:
            raise ValueError('Cannot remove the default section.')
        if not self.has_section(key):
            raise KeyError(key)
        self.remove_section(key)

    def __contains__(self, key):
        return key == self.default_section or self.has_section(key)

    def __len__(self):
        return len(self._sections) + 1

    def __iter__(self):
        return itertools.chain((self.default_section,), self._sections.keys())

    def _strip_comment(self, line):
        """Return (text, is_comment): line stripped and without an inline comment (a
        prefix preceded by whitespace); a comment line gives ('', True)."""
        stripped = line.strip()
        if stripped.startswith(self._comment_prefixes + self._inline_comment_prefixes):
            return '', True
        cut = len(line)
        for prefix in self._inline_comment_prefixes:
            index = line.find(prefix)
            while index > 0 and not line[index - 1].isspace():
                index = line.find(prefix, index + 1)
            if index > 0:
                cut = min(cut, index)
        return line[:cut].strip(), False

    def _read(self, fp, fpname):
        """Parse the lines of fp (named fpname in errors) into the sections.

        Values are collected as lists of lines (None for an option without a value) and
        joined by _join_multiline_values() at the end.  A line indented deeper than the
        option that started the value continues it; a blank line does too if
        empty_lines_in_values, else it ends the value.  Malformed lines are all reported
        together in one ParsingError after the whole source is read.
        """
        seen = set()             # sections and (section, option) pairs of this source
        section_name = None
        options = None           # the dict of the current section
        option = None            # the option whose value may continue
        value_indent = 0         # the indentation of that option's line
        errors = []
        for lineno, line in enumerate(fp, start=1):
            text, is_comment = self._strip_comment(line)
            if not text:
                if not self._empty_lines_in_values:
                    value_indent = sys.maxsize
                elif not is_comment and option and options[option] is not None:
                    options[option].append('')
                continue
            indent = len(line) - len(line.lstrip())
            if option and indent > value_indent:
                if options[option] is None:
                    raise MultilineContinuationError(fpname, lineno, line)
                else:
                    options[option].append(text)
                continue
            value_indent = indent
            option = None
            header = self.SECTCRE.match(text)
            if header:
                section_name = header.group('header')
                options = self._section_for_reading(section_name, seen, fpname, lineno)
                continue
            if options is None:
                raise MissingSectionHeaderError(fpname, lineno, line)
            entry = self._optcre.match(text)
            if not entry or not entry.group('option').rstrip():
                errors.append(ParsingError(fpname, lineno, line))
                continue
            option = self.optionxform(entry.group('option').rstrip())
            if self._strict and (section_name, option) in seen:
                raise DuplicateOptionError(section_name, option, fpname, lineno)
            seen.add((section_name, option))
            value = entry.group('value')
            options[option] = None if value is None else [value.strip()]
        self._join_multiline_values()
        if errors:
            raise errors[0].combine(errors[1:])

    def _section_for_reading(self, name, seen, fpname, lineno):
        """The option dict of section name for _read(), created if new."""
        if name == self.default_section:
            return self._defaults
        if name in self._sections:
            if self._strict and name in seen:
                raise DuplicateSectionError(name, fpname, lineno)
        else:
            self._sections[name] = self._dict()
            self._proxies[name] = SectionProxy(self, name)
        seen.add(name)
        return self._sections[name]

    def _join_multiline_values(self):
        everything = itertools.chain(((self.default_section, self._defaults),),
                                     self._sections.items())
        for section, options in everything:
            for name, value in options.items():
                if isinstance(value, list):
                    value = '\n'.join(value).rstrip()
                options[name] = self._interpolation.before_read(self, section, name, value)

    def _read_defaults(self, defaults):
        self.read_dict({self.default_section: defaults})

    def _unify_values(self, section, vars):
        """The lookup chain of a section's options: vars, then the section, then
        DEFAULT."""
        sectiondict = {}
        try:
            sectiondict = self._sections[section]
        except KeyError:
            if section != self.default_section:
                raise NoSectionError(section) from None
        vardict = {}
        if vars:
            for key, value in vars.items():
                if value is not None:
                    value = str(value)
                vardict[self.optionxform(key)] = value
        return _ChainMap(vardict, sectiondict, self._defaults)

    def _convert_to_boolean(self, value):
        """Map a BOOLEAN_STATES word (any case) to True or False; ValueError otherwise."""
        if value.lower() not in self.BOOLEAN_STATES:
            raise ValueError('Not a boolean: %s' % value)
        return self.BOOLEAN_STATES[value.lower()]

    @property
    def converters(self):
        return self._converters


class ConfigParser(RawConfigParser):
    """A configuration parser with BasicInterpolation ("%(name)s" references)."""

    _DEFAULT_INTERPOLATION = BasicInterpolation()

    def set(self, section, option, value=None):
        """Set an option; the value must be a str with valid interpolation syntax."""
        self._validate_value_types(option=option, value=value)
        super().set(section, option, value)

    def add_section(self, section):
        """Add an empty section; the name must be a str."""
        self._validate_value_types(section=section)
        super().add_section(section)

    def _read_defaults(self, defaults):
        hold_interpolation = self._interpolation
        try:
            self._interpolation = Interpolation()
            self.read_dict({self.default_section: defaults})
        finally:
            self._interpolation = hold_interpolation

    def _validate_value_types(self, *, section='', option='', value=''):
        if not isinstance(section, str):
            raise TypeError('section names must be strings')
        if not isinstance(option, str):
            raise TypeError('option keys must be strings')
        if not self._allow_no_value or value:
            if not isinstance(value, str):
                raise TypeError('option values must be strings')


class SectionProxy(MutableMapping):
    """The mapping view of one section of a parser (parser[name]).

    Reading a key gives the option's value as parser.get() does (so DEFAULT's options
    show through); get() and the get<converter>() methods take a fallback.
    """

    def __init__(self, parser, name):
        """A view of the section name of parser."""
        self._parser = parser
        self._name = name
        for converter in parser.converters:
            _add_section_getter(self, converter, getattr(parser, 'get' + converter))

    def __repr__(self):
        return f'<Section: {self._name}>'

    def __getitem__(self, key):
        if not self._parser.has_option(self._name, key):
            raise KeyError(key)
        return self._parser.get(self._name, key)

    def __setitem__(self, key, value):
        if isinstance(self._parser, ConfigParser):
            self._parser._validate_value_types(option=key, value=value)
        return self._parser.set(self._name, key, value)

    def __delitem__(self, key):
        if not self._parser.has_option(self._name, key) or \
                not self._parser.remove_option(self._name, key):
            raise KeyError(key)

    def __contains__(self, key):
        return self._parser.has_option(self._name, key)

    def __len__(self):
        return len(self._options())

    def __iter__(self):
        return iter(self._options())

    def _options(self):
        if self._name == self._parser.default_section:
            return self._parser.defaults()
        return self._parser.options(self._name)

    @property
    def parser(self):
        """The parser this section belongs to."""
        return self._parser

    @property
    def name(self):
        """The name of the section."""
        return self._name

    def get(self, option, fallback=None, *, raw=False, vars=None, _impl=None, **kwargs):
        """The value of option (see the parser's get()), or fallback if it is missing."""
        getter = _impl or self._parser.get
        return getter(self._name, option, raw=raw, vars=vars, fallback=fallback, **kwargs)


def _add_section_getter(proxy, name, parser_getter):
    """Give a SectionProxy the get<name>() method that calls parser_getter."""
    setattr(proxy, 'get' + name, functools.partial(proxy.get, _impl=parser_getter))


class ConverterMapping(MutableMapping):
    """The converters of a parser: name -> function.  Adding one gives the parser and its
    sections a get<name>() method that converts the value with the function (the
    built-in getint, getfloat and getboolean are listed with None)."""

    def __init__(self, parser):
        self._parser = parser
        self._data = {}
        for attribute in dir(parser):
            if attribute.startswith('get') and len(attribute) > 3 and \
                    callable(getattr(parser, attribute)):
                self._data[attribute[3:]] = None

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise ValueError(f'Incompatible key: {key} (type: {type(key)})')
        if not key:
            raise ValueError('Incompatible key: cannot use "" as a name')
        self._data[key] = value
        getter = functools.partial(self._parser._get_conv, conv=value)
        getter.converter = value
        setattr(self._parser, 'get' + key, getter)
        for proxy in self._parser.values():
            _add_section_getter(proxy, key, getter)

    def __delitem__(self, key):
        if not isinstance(key, str) or not key:
            raise KeyError(key)
        del self._data[key]
        for owner in itertools.chain((self._parser,), self._parser.values()):
            if ('get' + key) in vars(owner):
                delattr(owner, 'get' + key)

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)
