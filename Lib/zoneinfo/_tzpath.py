"""The time zone search path of the zoneinfo package."""

import os
import sys

__all__ = ["InvalidTZPathWarning", "reset_tzpath", "find_tzfile", "available_timezones"]

# The directories a Linux build of CPython searches by default (its compile-time TZPATH).
_DEFAULT_TZPATH = ("/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo",
                   "/etc/zoneinfo")

TZPATH = ()


class InvalidTZPathWarning(RuntimeWarning):
    """A relative path was found in PYTHONTZPATH and was ignored."""


def _relative_message(paths):
    return ("Paths should be absolute but found the following relative paths:\n"
            + "\n".join("    " + p for p in paths))


def _from_env():
    env = os.environ.get("PYTHONTZPATH", None)
    if env is None:
        return _DEFAULT_TZPATH
    if not env:
        return ()
    parts = env.split(os.pathsep)
    bad = [p for p in parts if not os.path.isabs(p)]
    if bad:
        import warnings
        warnings.warn("Invalid paths specified in PYTHONTZPATH environment variable. "
                      + _relative_message(bad), InvalidTZPathWarning, stacklevel=5)
    return tuple(p for p in parts if os.path.isabs(p))


def reset_tzpath(to=None):
    """Set the time zone search path to `to`, or recompute the default when it is None."""
    global TZPATH
    if to is not None:
        if isinstance(to, (str, bytes)):
            raise TypeError("tzpaths must be a list or tuple, "
                            "not %s: %r" % (type(to), to))
        to = list(to)
        bad = [p for p in to if not os.path.isabs(p)]
        if bad:
            raise ValueError(_relative_message(bad))
        TZPATH = tuple(to)
    else:
        TZPATH = _from_env()
    package = sys.modules.get(__package__)
    if package is not None:
        package.TZPATH = TZPATH


def validate_key(key):
    """Raise ValueError unless `key` is a normalized relative path that stays inside TZPATH."""
    if os.path.isabs(key):
        raise ValueError("ZoneInfo keys may not be absolute paths, got: %s" % (key,))
    parts = key.split("/")
    if key == ".":
        parts = []
    lead = 0
    while lead < len(parts) and parts[lead] == "..":
        lead += 1
    if any(p in ("", ".", "..") for p in parts[lead:]):
        raise ValueError("ZoneInfo keys must be normalized relative paths, got: %s" % (key,))
    if lead or key == ".":
        raise ValueError("ZoneInfo keys must refer to subdirectories of TZPATH, got: %s"
                         % (key,))


def find_tzfile(key):
    """Return the path of the file for `key` in TZPATH, or None."""
    key = os.fspath(key)
    validate_key(key)
    for root in TZPATH:
        path = os.path.join(root, key)
        if os.path.isfile(path):
            return path
    # Last resort, as documented: the first-party "tzdata" package, when installed.
    root = _tzdata_dir()
    if root is not None:
        path = os.path.join(root, key)
        if os.path.isfile(path):
            return path
    return None


def _tzdata_dir():
    try:
        import tzdata.zoneinfo
    except ImportError:
        return None
    where = getattr(tzdata.zoneinfo, "__file__", None)
    return None if where is None else os.path.dirname(where)


def _is_tzif(path):
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"TZif"
    except OSError:
        return False


def available_timezones():
    """Return a set of every key that names a TZif file somewhere on TZPATH."""
    found = set()
    tzdata_root = _tzdata_dir()
    if tzdata_root is not None:
        # The tzdata package lists its keys in a "zones" file next to its zoneinfo/ tree.
        try:
            with open(os.path.join(os.path.dirname(tzdata_root), "zones"),
                      encoding="utf-8") as f:
                found.update(line.strip() for line in f if line.strip())
        except OSError:
            pass
    for root in TZPATH:
        if not os.path.isdir(root):
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            if dirpath == root:
                # posix/ and right/ duplicate the main tree (right/ with leap seconds).
                dirnames[:] = [d for d in dirnames if d not in ("posix", "right")]
            rel = os.path.relpath(dirpath, root)
            for name in filenames:
                key = name if rel == "." else rel.replace(os.sep, "/") + "/" + name
                if key in found:
                    continue
                if _is_tzif(os.path.join(dirpath, name)):
                    found.add(key)
    found.discard("posixrules")
    return found


TZPATH = _from_env()
