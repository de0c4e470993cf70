"""Filename globbing utility.

glob() and iglob() expand shell-style wildcards ('*', '?', '[seq]', and
'**' when recursive) in path names; escape() and has_magic() deal with the
special characters; translate() gives the text of a matching regular
expression.  Names starting with a dot are hidden unless include_hidden is
true or the pattern part itself starts with a dot.
"""

import fnmatch
import itertools
import os
import sys

__all__ = ["escape", "glob", "iglob", "translate"]

_MAGIC = '*?['
_MAGIC_BYTES = frozenset(b'*?[')


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
         include_hidden=False):
    """Return a list of the paths matching pathname.

    The pattern may contain shell-style wildcards; with recursive true,
    '**' matches any files and zero or more directories.  Relative results
    are relative to root_dir (default: the current directory).
    """
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd,
                      recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
          include_hidden=False):
    """Return an iterator over the paths matching pathname.

    See glob() for the meaning of the arguments.
    """
    sys.audit("glob.glob", pathname, recursive)
    sys.audit("glob.glob/2", pathname, recursive, root_dir, dir_fd)
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    if dir_fd is not None:
        root_dir = _fd_root(dir_fd, root_dir)
    it = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or recursive and _isrecursive(pathname[:2]):
        # A lone '**' (or an empty pattern) yields '' first: drop it.
        try:
            first = next(it)
        except StopIteration:
            return iter(())
        if first:
            it = itertools.chain((first,), it)
    return it


def _fd_root(dir_fd, root_dir):
    """Return a path naming the directory open as dir_fd, joined to root_dir.

    Braid's os functions take no dir_fd, so the descriptor is turned back
    into a path through /proc/self/fd.
    """
    try:
        base = os.readlink('/proc/self/fd/%d' % dir_fd)
    except OSError:
        raise NotImplementedError("dir_fd unavailable on this platform")
    if isinstance(root_dir, bytes):
        base = os.fsencode(base)
    return os.path.join(base, root_dir) if root_dir else base


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if os.path.lexists(_join(root_dir, pathname)):
                yield pathname
        else:
            # A pattern ending with a separator matches only directories.
            if os.path.isdir(_join(root_dir, dirname)):
                yield pathname
        return
    if not dirname:
        if recursive and _isrecursive(basename):
            yield from _glob2(root_dir, basename, dironly, include_hidden)
        else:
            yield from _glob1(root_dir, basename, dironly, include_hidden)
        return
    # dirname == pathname happens for a drive or root such as '/'.
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and _isrecursive(basename):
            glob_in_dir = _glob2
        else:
            glob_in_dir = _glob1
    else:
        glob_in_dir = _glob0
    for dirname in dirs:
        for name in glob_in_dir(_join(root_dir, dirname), basename, dironly,
                                include_hidden):
            yield os.path.join(dirname, name)


def _glob1(dirname, pattern, dironly, include_hidden):
    """Names in dirname matching the magic pattern (no separators)."""
    names = _listdir(dirname, dironly)
    if not (include_hidden or _ishidden(pattern)):
        names = [x for x in names if not _ishidden(x)]
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden):
    """[basename] if it exists in dirname (basename has no magic)."""
    if basename:
        if os.path.lexists(_join(dirname, basename)):
            return [basename]
    elif os.path.isdir(dirname):
        return [basename]
    return []


def _glob2(dirname, pattern, dironly, include_hidden):
    """'' and every path below dirname, for a '**' pattern."""
    if not dirname or os.path.isdir(dirname):
        yield pattern[:0]
        yield from _rlistdir(dirname, dironly, include_hidden)


def _iterdir(dirname, dironly):
    """Names of the entries of dirname (only directories if dironly)."""
    if not dirname:
        if isinstance(dirname, bytes):
            dirname = os.fsencode(os.curdir)
        else:
            dirname = os.curdir
    try:
        with os.scandir(dirname) as it:
            for entry in it:
                try:
                    if not dironly or entry.is_dir():
                        yield entry.name
                except OSError:
                    pass
    except OSError:
        return


def _listdir(dirname, dironly):
    return list(_iterdir(dirname, dironly))


def _rlistdir(dirname, dironly, include_hidden=False):
    """Every path below dirname, relative to it, parents first."""
    names = _listdir(dirname, dironly)
    for x in names:
        if include_hidden or not _ishidden(x):
            yield x
            path = _join(dirname, x) if dirname else x
            for y in _rlistdir(path, dironly, include_hidden):
                yield _join(x, y)


def _join(dirname, basename):
    # os.path.join() of two non-empty parts; either alone otherwise.
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


def has_magic(s):
    """Whether s contains any of the wildcard characters '*?['."""
    if isinstance(s, bytes):
        for byte in s:
            if byte in _MAGIC_BYTES:
                return True
        return False
    for ch in s:
        if ch in _MAGIC:
            return True
    return False


def _ishidden(path):
    return path[0] in ('.', ord('.'))


def _isrecursive(pattern):
    if isinstance(pattern, bytes):
        return pattern == b'**'
    return pattern == '**'


def escape(pathname):
    """Escape all wildcard characters of pathname (not its drive)."""
    drive, pathname = os.path.splitdrive(pathname)
    if isinstance(pathname, bytes):
        out = bytearray()
        for byte in pathname:
            if byte in _MAGIC_BYTES:
                out += b'[' + bytes((byte,)) + b']'
            else:
                out.append(byte)
        pathname = bytes(out)
    else:
        pathname = ''.join('[' + ch + ']' if ch in _MAGIC else ch
                           for ch in pathname)
    return drive + pathname


def _warn_deprecated(name):
    import warnings
    warnings.warn("%s is deprecated and will be removed in Python 3.15. "
                  "Use glob.glob and pass a directory to its root_dir "
                  "argument instead." % name, DeprecationWarning, stacklevel=3)


def glob0(dirname, pattern):
    """Deprecated: [pattern] if it exists in dirname."""
    _warn_deprecated("glob.glob0")
    return _glob0(dirname, pattern, False, False)


def glob1(dirname, pattern):
    """Deprecated: names in dirname matching pattern."""
    _warn_deprecated("glob.glob1")
    return _glob1(dirname, pattern, False, False)


def _regex_escape(text):
    return ''.join('\\' + ch if ch in fnmatch._REGEX_SPECIAL else ch
                   for ch in text)


def translate(pat, *, recursive=False, include_hidden=False, seps=None):
    """Translate a path pattern into the text of a regular expression.

    Wildcards do not match path separators (seps, default os.path.sep and
    os.path.altsep); with recursive true '**' matches whole segments, and
    hidden names match wildcards only if include_hidden is true.
    """
    if not seps:
        if os.path.altsep:
            seps = (os.path.sep, os.path.altsep)
        else:
            seps = os.path.sep
    escaped_seps = ''.join(_regex_escape(sep) for sep in seps)
    if len(seps) > 1:
        any_sep = '[%s]' % escaped_seps
    else:
        any_sep = escaped_seps
    not_sep = '[^%s]' % escaped_seps
    if include_hidden:
        one_last_segment = not_sep + '+'
        one_segment = one_last_segment + any_sep
        any_segments = '(?:.+%s)?' % any_sep
        any_last_segments = '.*'
    else:
        one_last_segment = '[^%s.]%s*' % (escaped_seps, not_sep)
        one_segment = one_last_segment + any_sep
        any_segments = '(?:%s)*' % one_segment
        any_last_segments = '%s(?:%s)?' % (any_segments, one_last_segment)
    parts = _split_seps(pat, seps)
    last = len(parts) - 1
    results = []
    for idx, part in enumerate(parts):
        if part == '*':
            results.append(one_segment if idx < last else one_last_segment)
        elif recursive and part == '**':
            if idx < last:
                if parts[idx + 1] != '**':
                    results.append(any_segments)
            else:
                results.append(any_last_segments)
        else:
            if part:
                if not include_hidden and part[0] in '*?':
                    results.append('(?!\\.)')
                results.append(_translate_segment(part, not_sep))
            if idx < last:
                results.append(any_sep)
    return '(?s:%s)\\Z' % ''.join(results)


def _split_seps(pat, seps):
    parts = []
    start = 0
    for i, ch in enumerate(pat):
        if ch in seps:
            parts.append(pat[start:i])
            start = i + 1
    parts.append(pat[start:])
    return parts


def _translate_segment(part, not_sep):
    """Regex text of one path segment: wildcards stay within the segment."""
    out = []
    for kind, value, text in fnmatch._scan(part):
        if kind == fnmatch._STAR:
            out.append(not_sep + '*')
        elif kind == fnmatch._ANY and value == '?':
            out.append(not_sep)
        else:
            out.append(text)
    return ''.join(out)
