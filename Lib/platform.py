"""Information about the underlying platform (Braid implementation).

python_implementation() returns sys.implementation.name capitalised the way
CPython spells its own name ('cpython' -> 'CPython'); on Braid that is
'Braid'.
"""

import collections
import os
import sys

__all__ = [
    "system", "node", "release", "version", "machine", "processor",
    "uname", "uname_result", "architecture", "python_implementation",
    "python_version", "python_version_tuple", "python_compiler",
    "python_build", "python_branch", "python_revision", "platform",
    "libc_ver", "freedesktop_os_release",
]

_uname_fields = ("system", "node", "release", "version", "machine")


class uname_result(collections.namedtuple("uname_result_base",
                                          _uname_fields)):
    """A uname() result; 'processor' is computed lazily."""

    _fields = _uname_fields + ("processor",)

    @property
    def processor(self):
        return _processor()

    def __iter__(self):
        yield from tuple.__iter__(self)
        yield self.processor

    def __getitem__(self, key):
        return tuple(iter(self))[key]

    def __len__(self):
        return len(tuple(iter(self)))

    def __reduce__(self):
        return uname_result, tuple(self)[:len(_uname_fields)]

    def __repr__(self):
        return "uname_result(system=%r, node=%r, release=%r, version=%r, " \
               "machine=%r)" % tuple(tuple.__iter__(self))


_uname_cache = None


def _processor():
    # On Linux CPython reports what `uname -p` says, typically an empty
    # string when unknown; read /proc/cpuinfo is not used by CPython.
    return ""


def uname():
    global _uname_cache
    if _uname_cache is not None:
        return _uname_cache
    try:
        u = os.uname()
        vals = [u.sysname, u.nodename, u.release, u.version, u.machine]
    except AttributeError:
        vals = ["", "", "", "", ""]
    _uname_cache = uname_result(*vals)
    return _uname_cache


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return uname().processor


def architecture(executable=sys.executable, bits="", linkage=""):
    if not bits:
        bits = "%dbit" % (_pointer_size() * 8)
    fileout = ""
    try:
        with open(executable, "rb") as f:
            head = f.read(5)
        if head[:4] == b"\x7fELF":
            if head[4] == 1:
                bits = "32bit"
            elif head[4] == 2:
                bits = "64bit"
            linkage = "ELF"
            fileout = "ELF"
    except (OSError, TypeError):
        pass
    if not fileout and not linkage and sys.platform != "win32":
        linkage = ""
    return bits, linkage


def _pointer_size():
    return 8 if sys.maxsize > 2 ** 32 else 4


def python_implementation():
    name = sys.implementation.name
    if name == "cpython":
        return "CPython"
    if name == "pypy":
        return "PyPy"
    if name == "ironpython":
        return "IronPython"
    return name[:1].upper() + name[1:]


def python_version():
    v = sys.version_info
    return "%d.%d.%d" % (v[0], v[1], v[2])


def python_version_tuple():
    return tuple(python_version().split("."))


def _parse_sys_version():
    # sys.version looks like: '3.13.0 (build info, date, time) [compiler]'
    ver = sys.version
    head, _, rest = ver.partition(" (")
    build, _, rest = rest.partition(")")
    compiler = ""
    if "[" in rest:
        compiler = rest[rest.index("[") + 1:rest.rindex("]")]
    pieces = [p.strip() for p in build.split(",")]
    if len(pieces) >= 3:
        buildno = pieces[0]
        builddate = pieces[1] + " " + pieces[2]
    elif len(pieces) == 2:
        buildno, builddate = pieces
    else:
        buildno, builddate = pieces[0] if pieces else "", ""
    return head, buildno, builddate, compiler


def python_compiler():
    return _parse_sys_version()[3]


def python_build():
    _, buildno, builddate, _ = _parse_sys_version()
    return buildno, builddate


def python_branch():
    git = getattr(sys, "_git", None)
    return git[1] if git else ""


def python_revision():
    git = getattr(sys, "_git", None)
    return git[2] if git else ""


def libc_ver(executable=None, lib="", version="", chunksize=16384):
    if not executable:
        executable = sys.executable
        if hasattr(os, "confstr"):
            try:
                ver = os.confstr("CS_GNU_LIBC_VERSION")
                parts = ver.split()
                if len(parts) == 2:
                    return parts[0], parts[1]
            except (AttributeError, ValueError, OSError):
                pass
        ver = _running_glibc_version()
        if ver:
            return "glibc", ver
    if not executable:
        return lib, version
    try:
        f = open(executable, "rb")
    except OSError:
        return lib, version
    best = None
    with f:
        data = f.read()
    # Scan for 'GLIBC_x.y' symbol versions and 'libc.so.N' strings.
    pos = 0
    while True:
        i = data.find(b"GLIBC_", pos)
        if i < 0:
            break
        j = i + 6
        while j < len(data) and (48 <= data[j] <= 57 or data[j] == 46):
            j += 1
        ver = data[i + 6:j].decode("latin-1").strip(".")
        if ver and ver[0].isdigit():
            key = _vkey(ver)
            if best is None or key > best[0]:
                best = (key, ver)
        pos = j
    if best is not None:
        return "glibc", best[1]
    if b"libc.so" in data:
        return "libc", version
    return lib, version


def _running_glibc_version():
    # Braid has no os.confstr: find the loaded libc in /proc/self/maps and
    # read its "release version X.Y." banner.
    try:
        with open("/proc/self/maps", encoding="latin-1") as f:
            maps = f.read()
    except OSError:
        return ""
    libc = ""
    for line in maps.splitlines():
        path = line.rpartition(" ")[2]
        if "/libc.so" in path or "/libc-" in path:
            libc = path
            break
    if not libc:
        return ""
    try:
        with open(libc, "rb") as f:
            data = f.read()
    except OSError:
        return ""
    marker = b"release version "
    i = data.find(marker)
    if i < 0:
        return ""
    j = i + len(marker)
    k = j
    while k < len(data) and (48 <= data[k] <= 57 or data[k] == 46):
        k += 1
    return data[j:k].decode("latin-1").rstrip(".")


def _vkey(v):
    out = []
    for p in v.split("."):
        try:
            out.append(int(p))
        except ValueError:
            out.append(0)
    return out


def platform(aliased=False, terse=False):
    u = uname()
    sysname, rel, ver, mach = u.system, u.release, u.version, u.machine
    if sysname == "Linux":
        lname, lver = libc_ver()
        # CPython 3.13 appends the libc on Linux even when terse.
        parts = [sysname, rel, mach]
        if lname:
            parts.append("with-" + lname + lver)
    else:
        parts = [sysname, rel] if terse else [sysname, rel, mach]
    s = "-".join(p for p in parts if p)
    # CPython replaces characters that are unsafe in file names.
    for ch in " /\\:;\"()":
        s = s.replace(ch, "_")
    while "--" in s:
        s = s.replace("--", "-")
    return s


_os_release_candidates = ("/etc/os-release", "/usr/lib/os-release")
_os_release_cache = None


def _parse_os_release(lines):
    info = {"NAME": "Linux", "ID": "linux", "PRETTY_NAME": "Linux"}
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip()
        if not key or not all(c.isalnum() or c == "_" for c in key):
            continue
        value = value.strip()
        info[key] = _unquote_shell(value)
    return info


def _unquote_shell(value):
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        quote = value[0]
        value = value[1:-1]
        if quote == "'":
            return value
    out = []
    i = 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value) and value[i + 1] in "\\$\"'`":
            out.append(value[i + 1])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def freedesktop_os_release():
    global _os_release_cache
    if _os_release_cache is None:
        errno = None
        for candidate in _os_release_candidates:
            try:
                with open(candidate, encoding="utf-8") as f:
                    _os_release_cache = _parse_os_release(f)
                break
            except OSError as e:
                errno = e.errno
        else:
            raise OSError(errno, "Unable to read files %s" %
                          ", ".join(_os_release_candidates))
    return _os_release_cache.copy()


if __name__ == "__main__":
    terse = "terse" in sys.argv or "--terse" in sys.argv
    aliased = "nonaliased" not in sys.argv and "--nonaliased" not in sys.argv
    print(platform(aliased, terse))
