"""Object-oriented filesystem paths (Braid implementation of the 3.13 API).

PurePath classes do pure string manipulation; Path classes also touch the
filesystem.  Written without the ``re`` module: pattern matching is done one
path segment at a time with fnmatch.fnmatchcase.
"""

import fnmatch
import io
import os
import posixpath
import stat as _stat
import sys

__all__ = [
    "UnsupportedOperation", "PurePath", "PurePosixPath", "PureWindowsPath",
    "Path", "PosixPath", "WindowsPath",
]


class UnsupportedOperation(NotImplementedError):
    """Raised when an operation is not supported by a path class."""


# ---------------------------------------------------------------------------
# Flavours: the string rules of POSIX and Windows paths.

class _PosixFlavour:
    sep = "/"
    altsep = None
    case_sensitive = True

    def splitroot(self, path):
        # Return (drive, root, tail).  Exactly two leading slashes are kept.
        if path[:1] != "/":
            return "", "", path
        if path[1:2] != "/" or path[2:3] == "/":
            return "", "/", path.lstrip("/")
        return "", "//", path[2:]

    def normcase(self, s):
        return s

    def is_reserved(self, parts):
        return False


_WIN_RESERVED = (
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {"COM%s" % c for c in "123456789\xb9\xb2\xb3"}
    | {"LPT%s" % c for c in "123456789\xb9\xb2\xb3"}
)


class _WindowsFlavour:
    sep = "\\"
    altsep = "/"
    case_sensitive = False

    def splitroot(self, path):
        p = path.replace("/", "\\")
        if p[:2] == "\\\\":
            # UNC path or device path: \\server\share or \\?\...
            if p[2:4] in ("?\\", ".\\") or p[2:4] == "?" or p[2:3] == ".":
                rest = p[4:]
                if rest.upper().startswith("UNC\\"):
                    start = 8
                else:
                    start = 4
                    idx = p.find("\\", start)
                    if idx == -1:
                        return p, "", ""
                    return p[:idx], "\\", p[idx + 1:]
            else:
                start = 2
            idx = p.find("\\", start)
            if idx == -1:
                return p, "", ""
            idx2 = p.find("\\", idx + 1)
            if idx2 == -1:
                # \\server\share is always rooted.
                return p, "\\", ""
            return p[:idx2], "\\", p[idx2 + 1:]
        if p[1:2] == ":":
            drv = p[:2]
            if p[2:3] == "\\":
                return drv, "\\", p[3:]
            return drv, "", p[2:]
        if p[:1] == "\\":
            return "", "\\", p[1:]
        return "", "", p

    def normcase(self, s):
        return s.replace("/", "\\").lower()

    def is_reserved(self, parts):
        if len(parts) < 2 and (not parts or parts[0].endswith("\\")):
            return False
        name = parts[-1].partition(".")[0].partition(":")[0].rstrip(" ")
        return name.upper() in _WIN_RESERVED


_posix_flavour = _PosixFlavour()
_windows_flavour = _WindowsFlavour()


# ---------------------------------------------------------------------------

class _PathParents:
    """Immutable sequence of the logical ancestors of a path."""

    __slots__ = ("_path", "_drv", "_root", "_tail")

    def __init__(self, path):
        self._path = path
        self._drv = path.drive
        self._root = path.root
        self._tail = path._tail

    def __len__(self):
        return len(self._tail)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(len(self))))
        if idx >= len(self) or idx < -len(self):
            raise IndexError(idx)
        if idx < 0:
            idx += len(self)
        return self._path._from_parsed(self._drv, self._root,
                                       self._tail[:-idx - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath:
    """Base class for manipulating paths without I/O."""

    __slots__ = ("_raw_paths", "_drv", "_root", "_tail_cached", "_str",
                 "_str_normcase_cached", "_parts_normcase_cached", "_hash")
    _flavour = _posix_flavour
    parser = posixpath

    def __new__(cls, *args, **kwargs):
        if cls is PurePath:
            cls = PureWindowsPath if os.name == "nt" else PurePosixPath
        return object.__new__(cls)

    def __init__(self, *args):
        paths = []
        for arg in args:
            if isinstance(arg, PurePath):
                if arg._flavour is not self._flavour and \
                        arg._flavour is _windows_flavour:
                    paths.extend(p.replace("\\", "/") for p in arg._raw_paths)
                else:
                    paths.extend(arg._raw_paths)
            else:
                try:
                    path = os.fspath(arg)
                except TypeError:
                    path = arg
                if not isinstance(path, str):
                    raise TypeError(
                        "argument should be a str or an os.PathLike "
                        "object where __fspath__ returns a str, "
                        "not %r" % type(path).__name__)
                paths.append(path)
        self._raw_paths = paths

    def with_segments(self, *pathsegments):
        """Construct a new path object of the same type."""
        return type(self)(*pathsegments)

    # -- parsing ----------------------------------------------------------

    def _parse_path(self, path):
        fl = self._flavour
        if fl.altsep:
            path = path.replace(fl.altsep, fl.sep)
        drv, root, rel = fl.splitroot(path)
        tail = [x for x in rel.split(fl.sep) if x and x != "."]
        return drv, root, tail

    def _join_raw(self):
        fl = self._flavour
        paths = self._raw_paths
        if not paths:
            return ""
        if len(paths) == 1:
            return paths[0]
        drv = root = ""
        parts = []
        for p in paths:
            if fl.altsep:
                p = p.replace(fl.altsep, fl.sep)
            d, r, t = fl.splitroot(p)
            if r:
                if d or not drv or fl is _posix_flavour:
                    drv = d
                elif d and d != drv:
                    drv = d
                root = r
                parts = [t]
            elif d and d != drv:
                if fl.normcase(d) != fl.normcase(drv):
                    drv, root, parts = d, r, [t]
                else:
                    drv = d
                    parts.append(t)
            else:
                parts.append(t)
        return drv + root + fl.sep.join(x for x in parts if x)

    def _load_parts(self):
        drv, root, tail = self._parse_path(self._join_raw())
        self._drv = drv
        self._root = root
        self._tail_cached = tail

    def _from_parsed(self, drv, root, tail):
        path = self.with_segments(self._format_parsed(drv, root, tail))
        path._drv = drv
        path._root = root
        path._tail_cached = list(tail)
        return path

    def _format_parsed(self, drv, root, tail):
        fl = self._flavour
        if drv or root:
            return drv + root + fl.sep.join(tail)
        if tail and fl is _windows_flavour and ":" in tail[0]:
            # Prevent a relative first part from being read as a drive.
            tail = ["."] + list(tail)
        return fl.sep.join(tail) or "."

    @property
    def drive(self):
        try:
            return self._drv
        except AttributeError:
            self._load_parts()
            return self._drv

    @property
    def root(self):
        try:
            return self._root
        except AttributeError:
            self._load_parts()
            return self._root

    @property
    def _tail(self):
        try:
            return self._tail_cached
        except AttributeError:
            self._load_parts()
            return self._tail_cached

    @property
    def anchor(self):
        return self.drive + self.root

    @property
    def parts(self):
        if self.drive or self.root:
            return (self.drive + self.root,) + tuple(self._tail)
        return tuple(self._tail)

    def __str__(self):
        try:
            return self._str
        except AttributeError:
            self._str = self._format_parsed(self.drive, self.root,
                                            self._tail)
            return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self).replace(self._flavour.sep, "/")

    def __bytes__(self):
        return os.fsencode(str(self))

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, self.as_posix())

    def __reduce__(self):
        return (type(self), tuple(self._raw_paths))

    # -- comparison -------------------------------------------------------

    @property
    def _str_normcase(self):
        try:
            return self._str_normcase_cached
        except AttributeError:
            s = str(self)
            if not self._flavour.case_sensitive:
                s = s.lower()
            self._str_normcase_cached = s
            return s

    @property
    def _parts_normcase(self):
        try:
            return self._parts_normcase_cached
        except AttributeError:
            self._parts_normcase_cached = \
                self._str_normcase.split(self._flavour.sep)
            return self._parts_normcase_cached

    def __hash__(self):
        try:
            return self._hash
        except AttributeError:
            self._hash = hash(self._str_normcase)
            return self._hash

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return (self._str_normcase == other._str_normcase
                and self._flavour is other._flavour)

    def _cmp_ok(self, other):
        return isinstance(other, PurePath) and \
            self._flavour is other._flavour

    def __lt__(self, other):
        if not self._cmp_ok(other):
            return NotImplemented
        return self._parts_normcase < other._parts_normcase

    def __le__(self, other):
        if not self._cmp_ok(other):
            return NotImplemented
        return self._parts_normcase <= other._parts_normcase

    def __gt__(self, other):
        if not self._cmp_ok(other):
            return NotImplemented
        return self._parts_normcase > other._parts_normcase

    def __ge__(self, other):
        if not self._cmp_ok(other):
            return NotImplemented
        return self._parts_normcase >= other._parts_normcase

    # -- joining ----------------------------------------------------------

    def joinpath(self, *pathsegments):
        return self.with_segments(self, *pathsegments)

    def __truediv__(self, key):
        try:
            return self.with_segments(self, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self.with_segments(key, self)
        except TypeError:
            return NotImplemented

    # -- components -------------------------------------------------------

    @property
    def name(self):
        tail = self._tail
        return tail[-1] if tail else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        tail = self._tail
        if not tail:
            return self
        return self._from_parsed(self.drive, self.root, tail[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def with_name(self, name):
        fl = self._flavour
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if (not name or fl.sep in name
                or (fl.altsep and fl.altsep in name) or name == "."):
            raise ValueError("Invalid name %r" % (name,))
        tail = list(self._tail)
        tail[-1] = name
        return self._from_parsed(self.drive, self.root, tail)

    def with_stem(self, stem):
        suffix = self.suffix
        if not suffix:
            return self.with_name(stem)
        if not stem:
            raise ValueError("%r has a non-empty suffix" % (self,))
        return self.with_name(stem + suffix)

    def with_suffix(self, suffix):
        fl = self._flavour
        if fl.sep in suffix or (fl.altsep and fl.altsep in suffix):
            raise ValueError("Invalid suffix %r" % (suffix,))
        if suffix and not suffix.startswith(".") or suffix == ".":
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        if not old:
            name = name + suffix
        else:
            name = name[:-len(old)] + suffix
        return self.with_name(name)

    def relative_to(self, other, /, *, walk_up=False):
        if not isinstance(other, PurePath):
            other = self.with_segments(other)
        for step, path in enumerate([other] + list(other.parents)):
            if path == self or path in self.parents:
                break
            elif not walk_up:
                raise ValueError("{!r} is not in the subpath of {!r}"
                                 .format(str(self), str(other)))
            elif path.name == "..":
                raise ValueError("'..' segment in {!r} cannot be walked"
                                 .format(str(other)))
        else:
            raise ValueError("{!r} and {!r} have different anchors"
                             .format(str(self), str(other)))
        parts = [".."] * step + self._tail[len(path._tail):]
        return self._from_parsed("", "", parts)

    def is_relative_to(self, other):
        if not isinstance(other, PurePath):
            other = self.with_segments(other)
        return other == self or other in self.parents

    def is_absolute(self):
        if self._flavour is _posix_flavour:
            return bool(self.root)
        if self.drive.startswith("\\\\"):
            return True
        return bool(self.drive and self.root)

    def is_reserved(self):
        import warnings
        warnings.warn("pathlib.PurePath.is_reserved() is deprecated and "
                      "scheduled for removal in Python 3.15. Use "
                      "os.path.isreserved() to detect reserved paths on "
                      "Windows.", DeprecationWarning, stacklevel=2)
        return self._flavour.is_reserved(self.parts)

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        drive = self.drive
        if len(drive) == 2 and drive[1] == ":":
            prefix = "file:///" + drive
            path = self.as_posix()[2:]
        elif drive:
            prefix = "file:"
            path = self.as_posix()
        else:
            prefix = "file://"
            path = str(self)
        return prefix + _quote_path(os.fsencode(path))

    # -- matching ---------------------------------------------------------

    def _pattern_parts(self, pattern):
        if not isinstance(pattern, PurePath):
            pattern = self.with_segments(pattern)
        return pattern

    def full_match(self, pattern, *, case_sensitive=None):
        if case_sensitive is None:
            case_sensitive = self._flavour.case_sensitive
        pat = self._pattern_parts(pattern)
        pat_parts = list(pat.parts)
        path_parts = list(self.parts)
        return _match_parts(path_parts, pat_parts, case_sensitive,
                            self._flavour, anchored=True)

    def match(self, path_pattern, *, case_sensitive=None):
        if case_sensitive is None:
            case_sensitive = self._flavour.case_sensitive
        pat = self._pattern_parts(path_pattern)
        pat_parts = list(pat.parts)
        if not pat_parts:
            raise ValueError("empty pattern")
        path_parts = list(self.parts)
        if len(path_parts) < len(pat_parts):
            return False
        if pat.anchor:
            if len(path_parts) != len(pat_parts):
                return False
        else:
            path_parts = path_parts[len(path_parts) - len(pat_parts):]
        for name, pat_name in zip(path_parts, pat_parts):
            if not _match_name(name, pat_name, case_sensitive, self._flavour):
                return False
        return True


def _match_name(name, pat, case_sensitive, flavour):
    if not case_sensitive:
        name = name.lower()
        pat = pat.lower()
    if flavour is _windows_flavour:
        name = name.replace("/", "\\")
        pat = pat.replace("/", "\\")
    if "*" not in pat and "?" not in pat and "[" not in pat:
        return name == pat
    return fnmatch.fnmatchcase(name, pat)


def _match_parts(path_parts, pat_parts, case_sensitive, flavour,
                 anchored=True):
    # Full match with support for '**' matching zero or more segments.
    def rec(i, j):
        while j < len(pat_parts):
            pat = pat_parts[j]
            if pat == "**":
                for k in range(i, len(path_parts) + 1):
                    if rec(k, j + 1):
                        return True
                return False
            if i >= len(path_parts):
                return False
            if not _match_name(path_parts[i], pat, case_sensitive, flavour):
                return False
            i += 1
            j += 1
        return i == len(path_parts)
    return rec(0, 0)


_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                  b"0123456789_.-~/")


def _quote_path(data):
    out = []
    for b in data:
        if b in _SAFE:
            out.append(chr(b))
        else:
            out.append("%%%02X" % b)
    return "".join(out)


def _unquote(s):
    if "%" not in s:
        return s
    raw = bytearray()
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == "%" and i + 2 < n + 0 and _is_hex(s[i + 1:i + 3]):
            raw.append(int(s[i + 1:i + 3], 16))
            i += 3
        else:
            raw.extend(c.encode("utf-8"))
            i += 1
    return raw.decode("utf-8", "surrogateescape")


def _is_hex(s):
    return len(s) == 2 and all(c in "0123456789abcdefABCDEF" for c in s)


if hasattr(os.PathLike, "register"):
    os.PathLike.register(PurePath)


class PurePosixPath(PurePath):
    """PurePath subclass for non-Windows systems."""
    _flavour = _posix_flavour
    parser = posixpath
    __slots__ = ()


class _WindowsParser:
    sep = "\\"
    altsep = "/"


class PureWindowsPath(PurePath):
    """PurePath subclass for Windows systems."""
    _flavour = _windows_flavour
    parser = _WindowsParser()
    __slots__ = ()


# ---------------------------------------------------------------------------
# Concrete paths

def _read_name_db(filename, key):
    """Map a numeric id to a name using an /etc/passwd-style file."""
    try:
        with open(filename, encoding="utf-8", errors="replace") as f:
            for line in f:
                fields = line.rstrip("\n").split(":")
                if len(fields) > 2 and fields[2] == str(key):
                    return fields[0]
    except OSError:
        pass
    return None


class Path(PurePath):
    """PurePath subclass that can make system calls."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = WindowsPath if os.name == "nt" else PosixPath
        return object.__new__(cls)

    # -- stat -------------------------------------------------------------

    def stat(self, *, follow_symlinks=True):
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        return self.stat(follow_symlinks=False)

    def _stat_mode(self, follow_symlinks=True):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except (OSError, ValueError):
            return None

    def exists(self, *, follow_symlinks=True):
        return self._stat_mode(follow_symlinks) is not None

    def is_dir(self, *, follow_symlinks=True):
        m = self._stat_mode(follow_symlinks)
        return m is not None and _stat.S_ISDIR(m)

    def is_file(self, *, follow_symlinks=True):
        m = self._stat_mode(follow_symlinks)
        return m is not None and _stat.S_ISREG(m)

    def is_symlink(self):
        m = self._stat_mode(False)
        return m is not None and _stat.S_ISLNK(m)

    def is_fifo(self):
        m = self._stat_mode()
        return m is not None and _stat.S_ISFIFO(m)

    def is_socket(self):
        m = self._stat_mode()
        return m is not None and _stat.S_ISSOCK(m)

    def is_block_device(self):
        m = self._stat_mode()
        return m is not None and _stat.S_ISBLK(m)

    def is_char_device(self):
        m = self._stat_mode()
        return m is not None and _stat.S_ISCHR(m)

    def is_mount(self):
        if not self.exists() or not self.is_dir():
            return False
        try:
            st = self.stat()
            pst = (self / "..").stat()
        except OSError:
            return False
        if st.st_dev != pst.st_dev:
            return True
        return st.st_ino == pst.st_ino

    def is_junction(self):
        return False

    def samefile(self, other_path):
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = os.stat(other_path)
        return st.st_ino == other_st.st_ino and st.st_dev == other_st.st_dev

    # -- file contents ----------------------------------------------------

    def open(self, mode="r", buffering=-1, encoding=None, errors=None,
             newline=None):
        if "b" not in mode and encoding is None:
            encoding = "utf-8" if sys.flags.utf8_mode else None
            encoding = io.text_encoding(encoding) \
                if hasattr(io, "text_encoding") else encoding
        return io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode="rb") as f:
            return f.read()

    def read_text(self, encoding=None, errors=None, newline=None):
        with self.open(mode="r", encoding=encoding, errors=errors,
                       newline=newline) as f:
            return f.read()

    def write_bytes(self, data):
        view = memoryview(data)
        with self.open(mode="wb") as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" %
                            data.__class__.__name__)
        with self.open(mode="w", encoding=encoding, errors=errors,
                       newline=newline) as f:
            return f.write(data)

    # -- directories ------------------------------------------------------

    def _child(self, name):
        tail = self._tail
        if not tail and not self.drive and not self.root:
            s = name
        else:
            s = str(self)
            if not s.endswith(self._flavour.sep):
                s += self._flavour.sep
            s += name
        path = self.with_segments(s)
        path._drv = self.drive
        path._root = self.root
        path._tail_cached = tail + [name]
        return path

    def iterdir(self):
        root = str(self)
        names = os.listdir(root)
        for name in names:
            yield self._child(name)

    def _scandir_entries(self, path):
        try:
            with os.scandir(path) as it:
                return list(it)
        except OSError:
            return []

    def glob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        if hasattr(sys, "audit"):
            sys.audit("pathlib.Path.glob", self, pattern)
        if not isinstance(pattern, PurePath):
            pattern = self.with_segments(pattern)
        if pattern.anchor:
            raise NotImplementedError("Non-relative patterns are unsupported")
        raw = str(pattern)
        parts = list(pattern._tail)
        if not parts:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        dir_only = raw.endswith(self._flavour.sep) or (
            self._flavour.altsep and raw.endswith(self._flavour.altsep))
        if isinstance(pattern, PurePath) and pattern._raw_paths:
            last = pattern._raw_paths[-1]
            if last.endswith("/") or (self._flavour is _windows_flavour
                                      and last.endswith("\\")):
                dir_only = True
        if case_sensitive is None:
            case_sensitive = self._flavour.case_sensitive
        return self._glob(self, parts, 0, dir_only, case_sensitive,
                          recurse_symlinks)

    def _glob(self, base, parts, idx, dir_only, case_sensitive,
              recurse_symlinks):
        if idx == len(parts):
            if not dir_only or base.is_dir():
                yield base
            return
        pat = parts[idx]
        if pat == "**":
            # Skip consecutive '**'.
            nxt = idx + 1
            while nxt < len(parts) and parts[nxt] == "**":
                nxt += 1
            if nxt == len(parts):
                # A trailing '**' matches files and directories (3.13).
                for d in self._walk_dirs(base, recurse_symlinks):
                    yield d
                    if dir_only:
                        continue
                    for entry in self._scandir_entries(str(d)):
                        try:
                            isdir = entry.is_dir(
                                follow_symlinks=recurse_symlinks)
                        except OSError:
                            isdir = False
                        if not isdir:
                            yield d._child(entry.name)
                return
            for d in self._walk_dirs(base, recurse_symlinks):
                yield from self._glob(d, parts, nxt, dir_only,
                                      case_sensitive, recurse_symlinks)
            return
        if pat == "..":
            yield from self._glob(base._child(".."), parts, idx + 1,
                                  dir_only, case_sensitive, recurse_symlinks)
            return
        last = idx == len(parts) - 1
        magic = any(c in pat for c in "*?[")
        if not magic and case_sensitive == self._flavour.case_sensitive:
            child = base._child(pat)
            if last:
                if child.exists(follow_symlinks=False) and \
                        (not dir_only or child.is_dir()):
                    yield child
            elif child.is_dir():
                yield from self._glob(child, parts, idx + 1, dir_only,
                                      case_sensitive, recurse_symlinks)
            return
        for entry in self._scandir_entries(str(base)):
            name = entry.name
            if not _match_name(name, pat, case_sensitive, self._flavour):
                continue
            if not last or dir_only:
                try:
                    isdir = entry.is_dir()
                except OSError:
                    isdir = False
                if not isdir:
                    continue
            child = base._child(name)
            if last:
                yield child
            else:
                yield from self._glob(child, parts, idx + 1, dir_only,
                                      case_sensitive, recurse_symlinks)

    def _walk_dirs(self, base, recurse_symlinks):
        # Yield base and every directory below it, top-down.
        yield base
        stack = [base]
        while stack:
            d = stack.pop()
            entries = self._scandir_entries(str(d))
            subdirs = []
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=recurse_symlinks):
                        subdirs.append(d._child(entry.name))
                except OSError:
                    pass
            for sd in subdirs:
                yield sd
            stack.extend(reversed(subdirs))

    def rglob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        if not isinstance(pattern, PurePath):
            pattern = self.with_segments(pattern)
        if str(pattern) == ".":
            pattern = self.with_segments("**/")
        else:
            pattern = self.with_segments("**", pattern)
        return self.glob(pattern, case_sensitive=case_sensitive,
                         recurse_symlinks=recurse_symlinks)

    def walk(self, top_down=True, on_error=None, follow_symlinks=False):
        paths = [self]
        while paths:
            path = paths.pop()
            if isinstance(path, tuple):
                yield path
                continue
            try:
                it = os.scandir(path)
            except OSError as error:
                if on_error is not None:
                    on_error(error)
                continue
            with it:
                dirnames = []
                filenames = []
                if not top_down:
                    paths.append((path, dirnames, filenames))
                for entry in it:
                    try:
                        is_dir = entry.is_dir(follow_symlinks=follow_symlinks)
                    except OSError:
                        is_dir = False
                    if is_dir:
                        if not top_down:
                            paths.append(path._child(entry.name))
                        dirnames.append(entry.name)
                    else:
                        filenames.append(entry.name)
            if top_down:
                yield path, dirnames, filenames
                paths += [path._child(d) for d in reversed(dirnames)]

    # -- paths ------------------------------------------------------------

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls("~").expanduser()

    def absolute(self):
        if self.is_absolute():
            return self
        if self.root:
            cwd = os.getcwd()
            drv = self._flavour.splitroot(cwd)[0]
            return self.with_segments(drv, self)
        cwd = os.getcwd()
        if not self._tail:
            return self.with_segments(cwd)
        return self.with_segments(cwd, self)

    def resolve(self, strict=False):
        return self.with_segments(_realpath(str(self.absolute()), strict))

    def expanduser(self):
        if not self.drive and not self.root and self._tail and \
                self._tail[0][:1] == "~":
            homedir = os.path.expanduser(self._tail[0])
            if homedir[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            return self.with_segments(homedir, *self._tail[1:])
        return self

    def owner(self, *, follow_symlinks=True):
        uid = self.stat(follow_symlinks=follow_symlinks).st_uid
        name = _read_name_db("/etc/passwd", uid)
        if name is None:
            raise KeyError("getpwuid(): uid not found: %d" % uid)
        return name

    def group(self, *, follow_symlinks=True):
        gid = self.stat(follow_symlinks=follow_symlinks).st_gid
        name = _read_name_db("/etc/group", gid)
        if name is None:
            raise KeyError("getgrgid(): gid not found: %d" % gid)
        return name

    def readlink(self):
        return self.with_segments(os.readlink(self))

    # -- modifications ----------------------------------------------------

    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok:
            try:
                os.utime(self, None)
            except OSError:
                pass
            else:
                return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(self, flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        if follow_symlinks:
            os.chmod(self, mode)
        else:
            os.chmod(self, mode, follow_symlinks=False)

    def lchmod(self, mode):
        self.chmod(mode, follow_symlinks=False)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return self.with_segments(target)

    def replace(self, target):
        os.replace(self, target)
        return self.with_segments(target)

    def symlink_to(self, target, target_is_directory=False):
        if target_is_directory:
            os.symlink(target, self, target_is_directory)
        else:
            os.symlink(target, self)

    def hardlink_to(self, target):
        os.link(target, self)

    @classmethod
    def from_uri(cls, uri):
        if not uri.startswith("file:"):
            raise ValueError("URI does not start with 'file:': %r" % (uri,))
        path = uri[5:]
        if path[:3] == "///":
            path = path[2:]
        elif path[:12] == "//localhost/":
            path = path[11:]
        if path[:3] == "///" or (path[:1] == "/" and len(path) > 2
                                 and path[2] in ":|"):
            path = path[1:]
        if path[1:2] == "|":
            path = path[:1] + ":" + path[2:]
        path = cls(_unquote(path))
        if not path.is_absolute():
            raise ValueError("URI is not absolute: %r" % (uri,))
        return path


def _realpath(path, strict):
    # Resolve symlinks component by component (POSIX only).
    sep = "/"
    parts = [p for p in path.split(sep) if p]
    resolved = ""
    seen = {}
    todo = list(reversed(parts))
    links = 0
    while todo:
        name = todo.pop()
        if name == "" or name == ".":
            continue
        if name == "..":
            resolved = resolved.rpartition(sep)[0]
            continue
        newpath = resolved + sep + name
        try:
            st = os.lstat(newpath)
        except OSError:
            if strict:
                raise
            resolved = newpath
            continue
        if not _stat.S_ISLNK(st.st_mode):
            resolved = newpath
            continue
        links += 1
        if newpath in seen and seen[newpath] is None or links > 40:
            if strict:
                raise OSError(40, "Too many levels of symbolic links",
                              newpath)
            resolved = newpath
            continue
        seen[newpath] = None
        target = os.readlink(newpath)
        if target.startswith(sep):
            resolved = ""
        todo.extend(reversed([p for p in target.split(sep) if p]))
    return resolved or sep


class PosixPath(Path, PurePosixPath):
    """Path subclass for non-Windows systems."""
    __slots__ = ()

    if os.name == "nt":
        def __new__(cls, *args, **kwargs):
            raise UnsupportedOperation(
                "cannot instantiate {!r} on your system".format(cls.__name__))


class WindowsPath(Path, PureWindowsPath):
    """Path subclass for Windows systems."""
    __slots__ = ()

    if os.name != "nt":
        def __new__(cls, *args, **kwargs):
            raise UnsupportedOperation(
                "cannot instantiate {!r} on your system".format(cls.__name__))
