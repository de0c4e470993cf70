"""Access to the metadata of installed distribution packages.

A distribution is found through a ``<name>-<version>.dist-info`` or ``<name>.egg-info``
directory (or, for eggs, an ``EGG-INFO`` directory) on sys.path.  Its core metadata
(METADATA or PKG-INFO) is an email-style header block; entry_points.txt is an INI-style
file of ``[group]`` sections of ``name = module:attr [extras]`` lines.
"""

import abc
import email
import email.message
import functools
import itertools
import os
import pathlib
import posixpath
import re
import sys
import warnings
import zipfile

from importlib import import_module

__all__ = [
    'Distribution',
    'DistributionFinder',
    'PackageMetadata',
    'PackageNotFoundError',
    'distribution',
    'distributions',
    'entry_points',
    'files',
    'metadata',
    'packages_distributions',
    'requires',
    'version',
]


class PackageNotFoundError(ModuleNotFoundError):
    """No distribution of the name asked for is installed."""

    def __str__(self):
        return f'No package metadata was found for {self.name}'

    @property
    def name(self):
        (name,) = self.args
        return name


def _read_sections(text):
    """Yield (section, line) for the non-blank, non-comment lines of an INI-style text;
    section is None before the first [section] header."""
    section = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(('#', ';')):
            continue
        if line.startswith('[') and line.endswith(']'):
            section = line[1:-1].strip()
            continue
        yield section, line


class EntryPoint:
    """An entry point as defined by Python packaging conventions.

    ``value`` is ``module`` or ``module:attr``, optionally followed by ``[extra, ...]``;
    ``load()`` imports the module and returns the attribute it names.
    """

    # module[:attr.path][ [extra, ...]]
    pattern = re.compile(r'(?P<module>[\w.]+)\s*'
                         r'(?::\s*(?P<attr>[\w.]+)\s*)?'
                         r'(?:(?P<extras>\[.*\])\s*)?$')

    def __init__(self, name, value, group):
        vars(self).update(name=name, value=value, group=group)

    def __setattr__(self, name, value):
        raise AttributeError("EntryPoint objects are immutable.")

    def load(self):
        """Import the module of the entry point and return the object its attribute
        path names (the module itself when the value has no ':attr' part)."""
        match = self.pattern.match(self.value)
        module = import_module(match.group('module'))
        attrs = filter(None, (match.group('attr') or '').split('.'))
        return functools.reduce(getattr, attrs, module)

    @property
    def module(self):
        return self.pattern.match(self.value).group('module')

    @property
    def attr(self):
        return self.pattern.match(self.value).group('attr')

    @property
    def extras(self):
        match = self.pattern.match(self.value)
        return re.findall(r'\w+', match.group('extras') or '')

    def _for(self, dist):
        vars(self).update(dist=dist)
        return self

    def matches(self, **params):
        """Whether every attribute given (name, value, group, module, attr, extras,
        dist) equals this entry point's."""
        if 'dist' in params and not hasattr(self, 'dist'):
            return False
        return all(getattr(self, key) == value for key, value in params.items())

    def _key(self):
        return self.name, self.value, self.group

    def __lt__(self, other):
        return self._key() < other._key()

    def __eq__(self, other):
        if not isinstance(other, EntryPoint):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        return (f'EntryPoint(name={self.name!r}, value={self.value!r}, '
                f'group={self.group!r})')


class EntryPoints(tuple):
    """A tuple of EntryPoint objects, looked up by name and filtered with select()."""

    __slots__ = ()

    def __getitem__(self, name):
        """Get the EntryPoint in self matching name (KeyError if there is none)."""
        for ep in self:
            if ep.name == name:
                return ep
        raise KeyError(name)

    def __repr__(self):
        return f'{self.__class__.__name__}({tuple.__repr__(self)})'

    def select(self, **params):
        """The entry points whose attributes equal the keyword arguments (see matches())."""
        return EntryPoints(ep for ep in self if ep.matches(**params))

    @property
    def names(self):
        """The set of the names of the entry points."""
        return {ep.name for ep in self}

    @property
    def groups(self):
        """The set of the groups of the entry points."""
        return {ep.group for ep in self}

    @classmethod
    def _from_text_for(cls, text, dist):
        return cls(ep._for(dist) for ep in cls._from_text(text))

    @staticmethod
    def _from_text(text):
        for group, line in _read_sections(text or ''):
            name, _, value = line.partition('=')
            yield EntryPoint(name=name.strip(), value=value.strip(), group=group)


class PackageMetadata(email.message.Message):
    """The core metadata of a distribution: an email.message.Message whose values can
    also be read as a JSON-compatible dict (the ``json`` property, PEP 566)."""

    _MULTIPLE_USE_KEYS = {
        'Classifier', 'Obsoletes-Dist', 'Platform', 'Project-URL', 'Provides-Dist',
        'Provides-Extra', 'Requires-Dist', 'Requires-External', 'Supported-Platform',
        'Dynamic',
    }

    def __getitem__(self, item):
        """Return the value of the field; None (with a DeprecationWarning: a later
        version raises KeyError) if it is missing."""
        value = super().__getitem__(item)
        if value is None:
            warnings.warn('Implicit None on return values is deprecated and will raise '
                          'KeyErrors.', DeprecationWarning, stacklevel=2)
        return value

    @property
    def json(self):
        """Convert the PackageMetadata to a JSON-compatible dict (PEP 566)."""
        def transform(key):
            value = self.get_all(key)
            if key == 'Keywords':
                value = re.split(r'\s+', value[0])
            elif key not in self._MULTIPLE_USE_KEYS:
                value = value[0]
            return key.lower().replace('-', '_'), value
        return dict(map(transform, dict.fromkeys(self.keys())))


class PackagePath(pathlib.PurePosixPath):
    """A file of a distribution, as RECORD lists it (a relative POSIX path)."""

    hash = None
    size = None
    dist = None

    def read_text(self, encoding='utf-8'):
        with self.locate().open(encoding=encoding) as stream:
            return stream.read()

    def read_binary(self):
        with self.locate().open('rb') as stream:
            return stream.read()

    def locate(self):
        """The path of the file on the system (through its distribution)."""
        return self.dist.locate_file(self)


class FileHash:
    """The ``algorithm=value`` hash of a RECORD entry."""

    def __init__(self, spec):
        self.mode, _, self.value = spec.partition('=')

    def __repr__(self):
        return f'<FileHash mode: {self.mode} value: {self.value}>'


def _split_record_line(line):
    """Split one line of a RECORD file (CSV with double-quote quoting)."""
    fields, field, quoted, i = [], [], False, 0
    while i < len(line):
        char = line[i]
        if quoted:
            if char == '"' and line[i + 1:i + 2] == '"':
                field.append('"')
                i += 1
            elif char == '"':
                quoted = False
            else:
                field.append(char)
        elif char == '"':
            quoted = True
        elif char == ',':
            fields.append(''.join(field))
            field = []
        else:
            field.append(char)
        i += 1
    fields.append(''.join(field))
    return fields


class Distribution(metaclass=abc.ABCMeta):
    """An installed distribution: subclasses say how to read its metadata files
    (read_text()) and where its files are (locate_file())."""

    @abc.abstractmethod
    def read_text(self, filename):
        """Return the text of the metadata file filename ('METADATA',
        'entry_points.txt', ...), or None if the distribution has none."""

    @abc.abstractmethod
    def locate_file(self, path):
        """Return the path of the file path (relative to the install location)."""

    @classmethod
    def from_name(cls, name):
        """The first distribution found whose normalized name is name's;
        PackageNotFoundError if there is none, ValueError for an empty name."""
        if not name:
            raise ValueError('A distribution name is required.')
        for dist in cls.discover(name=name):
            return dist
        raise PackageNotFoundError(name)

    @classmethod
    def discover(cls, *, context=None, **kwargs):
        """The distributions found by the finders on sys.meta_path and the path finder,
        for a context (or the keyword arguments of one: name, path)."""
        if context and kwargs:
            raise ValueError('cannot accept context and kwargs')
        context = context or DistributionFinder.Context(**kwargs)
        return itertools.chain.from_iterable(
            resolver(context) for resolver in _distribution_resolvers())

    @staticmethod
    def at(path):
        """The distribution whose metadata directory is path."""
        return PathDistribution(pathlib.Path(path))

    @property
    def metadata(self):
        """The core metadata of the named distribution (a PackageMetadata)."""
        text = (self.read_text('METADATA') or self.read_text('PKG-INFO') or
                self.read_text(''))
        return email.message_from_string(text or '', _class=PackageMetadata)

    @property
    def name(self):
        """The 'Name' metadata of the distribution."""
        return self.metadata['Name']

    @property
    def _normalized_name(self):
        return Prepared.normalize(self.name)

    @property
    def version(self):
        """The version of the named distribution."""
        return self.metadata['Version']

    @property
    def entry_points(self):
        """The entry points of the installed distributions, filtered by the keyword
        arguments (group, name, ...) as select() does.  Of several distributions with one
        normalized name, only the first found counts."""
        return EntryPoints._from_text_for(self.read_text('entry_points.txt'), self)

    @property
    def files(self):
        """The files of the named distribution (a list of PackagePath), or None if unknown."""
        lines = self._read_files_distinfo() or self._read_files_egginfo_installed() or \
            self._read_files_egginfo_sources()
        if lines is None:
            return None
        result = []
        for line in lines:
            name, hash_spec, size = (_split_record_line(line) + ['', ''])[:3]
            path = PackagePath(name)
            path.hash = FileHash(hash_spec) if hash_spec else None
            path.size = int(size) if size else None
            path.dist = self
            # Entries for files that are not there (scripts installed elsewhere, files
            # removed since) are left out.
            if path.locate().exists():
                result.append(path)
        return result

    def _read_files_distinfo(self):
        text = self.read_text('RECORD')
        return text and text.splitlines()

    def _read_files_egginfo_installed(self):
        text = self.read_text('installed-files.txt')
        subdir = getattr(self, '_path', None)
        if not text or not subdir:
            return None
        base = self.locate_file('')
        paths = []
        for name in text.splitlines():
            full = (subdir / name).resolve()
            try:
                paths.append(full.relative_to(base.resolve()).as_posix())
            except ValueError:
                paths.append(name)
        return paths

    def _read_files_egginfo_sources(self):
        text = self.read_text('SOURCES.txt')
        return text and text.splitlines()

    @property
    def requires(self):
        """The requirements of the named distribution (PEP 508 strings), or None."""
        reqs = self.metadata.get_all('Requires-Dist')
        if reqs is not None:
            return reqs
        source = self.read_text('requires.txt')
        return None if source is None else list(self._convert_egg_requires(source))

    @staticmethod
    def _convert_egg_requires(source):
        """Turn requires.txt sections ([extra:marker]) into Requires-Dist strings."""
        section = None
        for line in source.splitlines():
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            if line.startswith('[') and line.endswith(']'):
                section = line[1:-1]
                continue
            extra, _, marker = (section or '').partition(':')
            conditions = []
            if extra:
                conditions.append(f'extra == "{extra}"')
            if marker:
                conditions.append(f'({marker})' if extra else marker)
            yield line + ('; ' + ' and '.join(conditions) if conditions else '')


class DistributionFinder(metaclass=abc.ABCMeta):
    """The protocol of finders that can also find distributions (find_distributions())."""

    class Context:
        """What find_distributions() is asked for: name (None: every distribution) and
        path (the directories to search, default sys.path)."""

        name = None

        def __init__(self, **kwargs):
            vars(self).update(kwargs)

        @property
        def path(self):
            """The sequence of directory paths to search (default sys.path)."""
            return vars(self).get('path', sys.path)

    @abc.abstractmethod
    def find_distributions(self, context=Context()):
        """Return an iterable of the Distribution objects matching context."""


class Prepared:
    """A distribution name, normalized for matching directory names."""

    normalized = None
    legacy_normalized = None

    def __init__(self, name):
        self.name = name
        if name is None:
            return
        self.normalized = self.normalize(name)
        self.legacy_normalized = self.legacy_normalize(name)

    @staticmethod
    def normalize(name):
        """PEP 503 normalization plus dashes as underscores."""
        return re.sub(r'[-_.]+', '-', name).lower().replace('-', '_')

    @staticmethod
    def legacy_normalize(name):
        """The name lower-cased with dashes as underscores (how older tools spelled it)."""
        return name.lower().replace('-', '_')

    def __bool__(self):
        return bool(self.name)


class MetadataPathFinder(DistributionFinder):
    """Finds distributions in the directories of a path (the path finder's part)."""

    @classmethod
    def find_distributions(cls, context=DistributionFinder.Context()):
        """The distributions whose metadata directories are in the directories (or zip
        archives) of context.path and match context.name (all of them for None)."""
        found = cls._search_paths(context.name, context.path)
        return map(PathDistribution, found)

    @classmethod
    def _search_paths(cls, name, paths):
        prepared = Prepared(name)
        for entry in paths:
            yield from _search_directory(entry or '.', prepared)

    @classmethod
    def invalidate_caches(cls):
        pass


def _search_directory(root, prepared):
    """Yield the metadata directories (pathlib.Path) in root matching prepared."""
    if os.path.isfile(root) and zipfile.is_zipfile(root):
        yield from _search_zip(root, prepared)
        return
    try:
        children = sorted(os.listdir(root))
    except (OSError, TypeError):
        return
    for child in children:
        low = child.lower()
        base, ext = posixpath.splitext(low)
        if ext not in ('.dist-info', '.egg-info'):
            # An unpacked egg on the path: <name>-<version>.egg/EGG-INFO.
            if low == 'egg-info' and str(root).lower().endswith('.egg'):
                egg = os.path.basename(str(root)).lower().partition('-')[0]
                if not prepared or Prepared.normalize(egg) == prepared.normalized:
                    yield pathlib.Path(root, child)
            continue
        if prepared:
            candidate = base.partition('-')[0]
            if (Prepared.normalize(candidate) != prepared.normalized and
                    candidate != prepared.legacy_normalized):
                continue
        yield pathlib.Path(root, child)


def _search_zip(root, prepared):
    """Yield zipfile.Path objects of the metadata directories of a zip on sys.path."""
    with zipfile.ZipFile(root) as archive:
        names = archive.namelist()
    tops = {name.split('/')[0] for name in names}
    for top in sorted(tops):
        base, ext = posixpath.splitext(top.lower())
        if ext in ('.dist-info', '.egg-info') or top == 'EGG-INFO':
            if prepared and top != 'EGG-INFO':
                candidate = base.partition('-')[0]
                if Prepared.normalize(candidate) != prepared.normalized:
                    continue
            yield zipfile.Path(root, top + '/')


class PathDistribution(Distribution):
    """A distribution whose metadata is in a directory (pathlib.Path or zipfile.Path)."""

    def __init__(self, path):
        """A distribution whose metadata directory is path (a pathlib or zipfile Path)."""
        self._path = path

    def read_text(self, filename):
        try:
            return self._path.joinpath(filename).read_text(encoding='utf-8')
        except (FileNotFoundError, IsADirectoryError, KeyError, NotADirectoryError,
                PermissionError):
            return None

    read_text.__doc__ = Distribution.read_text.__doc__

    def locate_file(self, path):
        return self._path.parent / path

    @property
    def _normalized_name(self):
        """The normalized name from the directory name (cheaper than the metadata)."""
        stem = os.path.basename(str(self._path).rstrip('/'))
        base, ext = os.path.splitext(stem)
        if ext in ('.dist-info', '.egg-info'):
            return Prepared.normalize(base.partition('-')[0])
        return super()._normalized_name

    def __repr__(self):
        return f'<{self.__class__.__name__} {str(self._path)!r}>'


def _distribution_resolvers():
    """The find_distributions methods of sys.meta_path, then the path finder's."""
    resolvers = []
    for finder in sys.meta_path:
        resolver = getattr(finder, 'find_distributions', None)
        if resolver is not None:
            resolvers.append(resolver)
    if MetadataPathFinder.find_distributions not in resolvers:
        resolvers.append(MetadataPathFinder.find_distributions)
    return resolvers


def distribution(distribution_name):
    """The Distribution of the named distribution package."""
    return Distribution.from_name(distribution_name)


def distributions(**kwargs):
    """The installed distributions (keyword arguments: name, path, as for a Context)."""
    return Distribution.discover(**kwargs)


def metadata(distribution_name):
    """Get the metadata (a PackageMetadata) for the named package."""
    return Distribution.from_name(distribution_name).metadata


def version(distribution_name):
    """Get the version string for the named package."""
    return distribution(distribution_name).version


def entry_points(**params):
    """Return EntryPoint objects for all installed packages, selected by params (group,
    name, ...).  Only the first distribution of each (normalized) name counts."""
    seen = set()
    eps = []
    for dist in distributions():
        key = dist._normalized_name
        if key in seen:
            continue
        seen.add(key)
        eps.extend(dist.entry_points)
    return EntryPoints(eps).select(**params)


def files(distribution_name):
    """Return a list of files (PackagePath) for the named package, or None."""
    return distribution(distribution_name).files


def requires(distribution_name):
    """Return a list of requirements for the named package, or None."""
    return distribution(distribution_name).requires


def packages_distributions():
    """Map each top-level import name to the names of the distributions that
    provide it (from top_level.txt, or inferred from the files)."""
    mapping = {}
    for dist in distributions():
        for pkg in _top_level_declared(dist) or _top_level_inferred(dist):
            mapping.setdefault(pkg, []).append(dist.metadata['Name'])
    return mapping


def _top_level_declared(dist):
    return (dist.read_text('top_level.txt') or '').split()


def _top_level_inferred(dist):
    names = set()
    for path in dist.files or ():
        parts = path.parts
        if len(parts) > 1:
            names.add(parts[0])
        elif path.suffix == '.py':
            names.add(path.stem)
    return {name for name in names if name.isidentifier()}
