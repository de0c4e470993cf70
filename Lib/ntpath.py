"""Path manipulation with the rules of Windows (os.path on Windows).

Usable on any platform (posixpath is os.path on POSIX): '\\' and '/' both separate path
components, a path may start with a drive ('C:') or a UNC share ('\\\\server\\share').
"""

import genericpath
import os
from genericpath import *  # noqa: F401,F403

__all__ = ['normcase', 'isabs', 'join', 'splitdrive', 'splitroot', 'split', 'splitext',
           'basename', 'dirname', 'commonprefix', 'getsize', 'getmtime', 'getatime',
           'getctime', 'islink', 'exists', 'lexists', 'isdir', 'isfile', 'ismount',
           'expanduser', 'expandvars', 'normpath', 'abspath', 'curdir', 'pardir', 'sep',
           'pathsep', 'defpath', 'altsep', 'extsep', 'devnull', 'realpath',
           'supports_unicode_filenames', 'relpath', 'samefile', 'sameopenfile',
           'samestat', 'commonpath', 'isjunction', 'isdevdrive', 'isreserved']

curdir = '.'
pardir = '..'
extsep = '.'
sep = '\\'
pathsep = ';'
altsep = '/'
defpath = '.;C:\\bin'
devnull = 'nul'
supports_unicode_filenames = True


def _seps(path):
    return (b'\\', b'/', b':', b'.', b'..') if isinstance(path, bytes) else \
        ('\\', '/', ':', '.', '..')


def normcase(s):
    """The path in the case-insensitive form Windows compares: lower case, '/' as '\\'."""
    s = os.fspath(s)
    if isinstance(s, bytes):
        return s.replace(b'/', b'\\').lower()
    return s.replace('/', '\\').lower()


def isabs(s):
    """Whether the path is absolute: a drive (or UNC share) with a root, or two leading
    separators."""
    s = os.fspath(s)
    if isinstance(s, bytes):
        s = s.replace(b'/', b'\\')
        return s[:3] == b'\\\\?' or s[1:3] == b':\\' or s[:2] == b'\\\\'
    s = s.replace('/', '\\')
    return s[:3] == '\\\\?' or s[1:3] == ':\\' or s[:2] == '\\\\'


def splitroot(p):
    """Split path into (drive, root, tail), so that drive + root + tail == path.

    'C:/Users/Barney' -> ('C:', '/', 'Users/Barney'); '//server/share/' ->
    ('//server/share', '/', ''); 'Windows/notepad' -> ('', '', 'Windows/notepad').
    """
    p = os.fspath(p)
    sep_, altsep_, colon, _, _ = _seps(p)
    empty = p[:0]
    normp = p.replace(altsep_, sep_)
    if normp[:1] == sep_:
        if normp[1:2] == sep_:
            # UNC drives, e.g. \\server\share or \\?\UNC\server\share; device drives,
            # e.g. \\.\device or \\?\device.
            start = 8 if normp[:8].upper() == (b'\\\\?\\UNC\\' if isinstance(p, bytes)
                                                else '\\\\?\\UNC\\') else 2
            index = normp.find(sep_, start)
            if index == -1:
                return p, empty, empty
            index2 = normp.find(sep_, index + 1)
            if index2 == -1:
                return p, empty, empty
            return p[:index2], p[index2:index2 + 1], p[index2 + 1:]
        return empty, p[:1], p[1:]
    if normp[1:2] == colon:
        if normp[2:3] == sep_:
            return p[:2], p[2:3], p[3:]
        return p[:2], empty, p[2:]
    return empty, empty, p


def splitdrive(p):
    """(drive or UNC share, rest of the path); either may be empty."""
    drive, root, tail = splitroot(p)
    return drive, root + tail


def join(path, *paths):
    """Join path components with '\\'.  A component with a root restarts the path
    (keeping the drive unless it has its own); one with another drive replaces all."""
    path = os.fspath(path)
    sep_, seps = (b'\\', b'\\/') if isinstance(path, bytes) else ('\\', '\\/')
    colon = b':' if isinstance(path, bytes) else ':'
    try:
        result_drive, result_root, result_path = splitroot(path)
        for p in map(os.fspath, paths):
            p_drive, p_root, p_path = splitroot(p)
            if p_root:
                if p_drive or not result_drive:
                    result_drive = p_drive
                result_root = p_root
                result_path = p_path
                continue
            elif p_drive and p_drive != result_drive:
                if p_drive.lower() != result_drive.lower():
                    result_drive = p_drive
                    result_root = p_root
                    result_path = p_path
                    continue
                result_drive = p_drive
            if result_path and result_path[-1] not in seps:
                result_path = result_path + sep_
            result_path = result_path + p_path
        if (result_path and not result_root and result_drive and
                result_drive[-1:] not in colon + seps):
            return result_drive + sep_ + result_path
        return result_drive + result_root + result_path
    except (TypeError, AttributeError, BytesWarning):
        genericpath._check_arg_types('join', path, *paths)
        raise


def split(p):
    """(head, tail): tail is what follows the last separator, head the rest without
    trailing separators (but keeping a root)."""
    p = os.fspath(p)
    seps = b'\\/' if isinstance(p, bytes) else '\\/'
    d, r, p = splitroot(p)
    i = len(p)
    while i and p[i - 1] not in seps:
        i -= 1
    head, tail = p[:i], p[i:]
    return d + r + head.rstrip(seps), tail


def splitext(p):
    """(root, ext): ext is the last dot and what follows it in the last component,
    or ''; leading dots do not start an extension."""
    p = os.fspath(p)
    if isinstance(p, bytes):
        return genericpath._splitext(p, b'\\', b'/', b'.')
    return genericpath._splitext(p, '\\', '/', '.')


def basename(p):
    """The last component of the path (split()[1])."""
    return split(p)[1]


def dirname(p):
    """The path without its last component (split()[0])."""
    return split(p)[0]


def isreserved(path):
    """Whether the path names something Windows reserves: a DOS device (NUL, COM1,
    ...), a name ending in a dot or a space, or one with a character a file name cannot have."""
    path = os.fsdecode(splitroot(path)[2]).replace(altsep, sep)
    return any(_isreservedname(name) for name in reversed(path.split(sep)))


_reserved_chars = frozenset({chr(i) for i in range(32)} | set('"*:<>?|/\\'))
_reserved_names = frozenset(
    {'CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$'} |
    {f'COM{c}' for c in '123456789\xb9\xb2\xb3'} |
    {f'LPT{c}' for c in '123456789\xb9\xb2\xb3'})


def _isreservedname(name):
    if name[-1:] in ('.', ' '):
        return name not in ('.', '..')
    if _reserved_chars.intersection(name):
        return True
    return name.partition('.')[0].rstrip(' ').upper() in _reserved_names


def ismount(path):
    """Whether the path is a drive root or the root of a UNC share."""
    path = os.fspath(path)
    seps = b'\\/' if isinstance(path, bytes) else '\\/'
    drive, root, rest = splitroot(path)
    if drive and drive[:1] in seps:
        return not rest
    return bool(root and not rest)


def isjunction(path):
    """Whether the path is a junction (never, off Windows)."""
    os.fspath(path)
    return False


def isdevdrive(path):
    """Whether the path is on a Windows Dev Drive (never, off Windows)."""
    return False


def expanduser(path):
    """Replace a leading '~' (or '~user') by the home directory (USERPROFILE, or
    HOMEDRIVE + HOMEPATH)."""
    path = os.fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    i, n = 1, len(path)
    seps = b'\\/' if isinstance(path, bytes) else '\\/'
    while i < n and path[i] not in seps:
        i += 1
    if 'USERPROFILE' in os.environ:
        userhome = os.environ['USERPROFILE']
    elif 'HOMEPATH' not in os.environ:
        return path
    else:
        drive = os.environ.get('HOMEDRIVE', '')
        userhome = join(drive, os.environ['HOMEPATH'])
    if i != 1:
        target_user = path[1:i]
        if isinstance(target_user, bytes):
            target_user = os.fsdecode(target_user)
        current_user = os.environ.get('USERNAME')
        if target_user != current_user:
            if current_user != basename(userhome):
                return path
            userhome = join(dirname(userhome), target_user)
    if isinstance(path, bytes):
        userhome = os.fsencode(userhome)
    return userhome + path[i:]


def expandvars(path):
    """Expand shell variables of the forms $var, ${var} and %var%; unknown variables
    are left unchanged."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        return os.fsencode(expandvars(os.fsdecode(path)))
    if '$' not in path and '%' not in path:
        return path
    res = []
    index = 0
    n = len(path)
    while index < n:
        c = path[index]
        if c == "'":
            end = path.find("'", index + 1)
            if end < 0:
                res.append(path[index:])
                break
            res.append(path[index:end + 1])
            index = end + 1
            continue
        if c == '%':
            if path[index + 1:index + 2] == '%':
                res.append('%')
                index += 2
                continue
            end = path.find('%', index + 1)
            if end < 0:
                res.append(path[index:])
                break
            var = path[index + 1:end]
            res.append(os.environ.get(var, '%' + var + '%'))
            index = end + 1
            continue
        if c == '$':
            if path[index + 1:index + 2] == '$':
                res.append('$')
                index += 2
                continue
            if path[index + 1:index + 2] == '{':
                end = path.find('}', index + 2)
                if end < 0:
                    res.append(path[index:])
                    break
                var = path[index + 2:end]
                res.append(os.environ.get(var, '${' + var + '}'))
                index = end + 1
                continue
            end = index + 1
            while end < n and (path[end].isalnum() or path[end] in '_-'):
                end += 1
            var = path[index + 1:end]
            res.append(os.environ.get(var, '$' + var) if var else '$')
            index = end
            continue
        res.append(c)
        index += 1
    return ''.join(res)


def normpath(path):
    """Collapse redundant separators and '.' components, resolve 'dir\\..'; '/' becomes '\\'."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        sep_, altsep_, curdir_, pardir_ = b'\\', b'/', b'.', b'..'
    else:
        sep_, altsep_, curdir_, pardir_ = '\\', '/', '.', '..'
    drive, root, path = splitroot(path)
    prefix = drive + root
    comps = path.replace(altsep_, sep_).split(sep_)
    i = 0
    while i < len(comps):
        if not comps[i] or comps[i] == curdir_:
            del comps[i]
        elif comps[i] == pardir_:
            if i > 0 and comps[i - 1] != pardir_:
                del comps[i - 1:i + 1]
                i -= 1
            elif i == 0 and root:
                del comps[i]
            else:
                i += 1
        else:
            i += 1
    if not prefix and not comps:
        comps.append(curdir_)
    return prefix.replace(altsep_, sep_) + sep_.join(comps)


def abspath(path):
    """The normalized absolute form of the path (relative to os.getcwd())."""
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


realpath = abspath


def relpath(path, start=None):
    """The path relative to start (default the current directory); ValueError if they
    are on different drives."""
    path = os.fspath(path)
    if not path:
        raise ValueError('no path specified')
    if isinstance(path, bytes):
        sep_, curdir_, pardir_ = b'\\', b'.', b'..'
    else:
        sep_, curdir_, pardir_ = '\\', '.', '..'
    if start is None:
        start = curdir_
    start = os.fspath(start)
    try:
        start_abs = abspath(normpath(start))
        path_abs = abspath(normpath(path))
        start_drive, _, start_rest = splitroot(start_abs)
        path_drive, _, path_rest = splitroot(path_abs)
        if normcase(start_drive) != normcase(path_drive):
            raise ValueError('path is on mount %r, start on mount %r' % (
                path_drive, start_drive))
        start_list = start_rest.split(sep_) if start_rest else []
        path_list = path_rest.split(sep_) if path_rest else []
        i = 0
        for e1, e2 in zip(start_list, path_list):
            if normcase(e1) != normcase(e2):
                break
            i += 1
        rel_list = [pardir_] * (len(start_list) - i) + path_list[i:]
        if not rel_list:
            return curdir_
        return join(*rel_list)
    except (TypeError, ValueError, AttributeError, BytesWarning, DeprecationWarning):
        genericpath._check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """The longest common sub-path of the paths (compared case-insensitively);
    ValueError for an empty sequence, or paths mixing drives or absolute and relative."""
    paths = tuple(map(os.fspath, paths))
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    if isinstance(paths[0], bytes):
        sep_, altsep_, curdir_ = b'\\', b'/', b'.'
    else:
        sep_, altsep_, curdir_ = '\\', '/', '.'
    try:
        drivesplits = [splitroot(p.replace(altsep_, sep_).lower()) for p in paths]
        split_paths = [p.split(sep_) for d, r, p in drivesplits]
        if len({r for d, r, p in drivesplits}) != 1:
            raise ValueError("Can't mix absolute and relative paths")
        if len({d for d, r, p in drivesplits}) != 1:
            raise ValueError("Paths don't have the same drive")
        drive, root, path = splitroot(paths[0].replace(altsep_, sep_))
        common = path.split(sep_)
        common = [c for c in common if c and c != curdir_]
        split_paths = [[c for c in s if c and c != curdir_] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = common[:i]
                break
        else:
            common = common[:len(s1)]
        return drive + root + sep_.join(common)
    except (TypeError, AttributeError):
        genericpath._check_arg_types('commonpath', *paths)
        raise
