"""High-level file operations: copying, moving and removing files and trees.

Archive functions (make_archive, unpack_archive) are not provided: Braid has
no zipfile or tarfile yet.  Where Braid's os module lacks a primitive
(os.statvfs, os.lchmod, dir_fd support) the matching part of the behaviour
is left out or emulated, as CPython does on platforms without it.
"""

import fnmatch
import os
import stat
import sys

__all__ = ["copyfileobj", "copyfile", "copymode", "copystat", "copy", "copy2",
           "copytree", "move", "rmtree", "Error", "SpecialFileError",
           "ExecError", "ignore_patterns", "which", "get_terminal_size",
           "SameFileError", "chown"]

_WINDOWS = os.name == 'nt'

COPY_BUFSIZE = 1024 * 1024 if _WINDOWS else 64 * 1024


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


class SpecialFileError(OSError):
    """Raised when trying to do a kind of operation (e.g. copying) which is
    not supported on a special file (e.g. a named pipe)"""


class ExecError(OSError):
    """Raised when a command could not be executed"""


class ReadError(OSError):
    """Raised when an archive cannot be read"""


class RegistryError(Exception):
    """Raised when a registry operation with the archiving
    and unpacking registries fails"""


def copyfileobj(fsrc, fdst, length=0):
    """Copy the data of file-like object fsrc to file-like object fdst."""
    if not length:
        length = COPY_BUFSIZE
    fsrc_read = fsrc.read
    fdst_write = fdst.write
    while True:
        buf = fsrc_read(length)
        if not buf:
            break
        fdst_write(buf)


def _samefile(src, dst):
    if hasattr(os.path, 'samefile'):
        try:
            return os.path.samefile(src, dst)
        except OSError:
            return False
    return (os.path.normcase(os.path.abspath(src)) ==
            os.path.normcase(os.path.abspath(dst)))


def copyfile(src, dst, *, follow_symlinks=True):
    """Copy the contents (no metadata) of file src to file dst; return dst.

    With follow_symlinks false and src a symbolic link, a new link is made
    instead of copying the file it points to.
    """
    sys.audit("shutil.copyfile", src, dst)
    if _samefile(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    for fn in (src, dst):
        try:
            st = os.stat(fn)
        except OSError:
            continue
        if stat.S_ISFIFO(st.st_mode):
            raise SpecialFileError("`%s` is a named pipe" % os.fspath(fn))
    if not follow_symlinks and os.path.islink(src):
        os.symlink(os.readlink(src), dst)
    else:
        with open(src, 'rb') as fsrc:
            with open(dst, 'wb') as fdst:
                copyfileobj(fsrc, fdst)
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    """Copy the permission bits of src to dst.

    With follow_symlinks false and both paths symbolic links, the links'
    own modes would be copied; that needs os.lchmod, so nothing is done
    where it is missing.
    """
    sys.audit("shutil.copymode", src, dst)
    if not follow_symlinks and os.path.islink(src) and os.path.islink(dst):
        if not hasattr(os, 'lchmod'):
            return
        st = os.lstat(src)
        os.lchmod(dst, stat.S_IMODE(st.st_mode))
        return
    st = os.stat(src)
    os.chmod(dst, stat.S_IMODE(st.st_mode))


def copystat(src, dst, *, follow_symlinks=True):
    """Copy permission bits, access and modification times and flags.

    With follow_symlinks false and both paths symbolic links, the links
    themselves are used where the platform allows it.
    """
    sys.audit("shutil.copystat", src, dst)
    links = (not follow_symlinks and os.path.islink(src) and
             os.path.islink(dst))
    if links:
        st = os.lstat(src)
    else:
        st = os.stat(src)
    times = (st.st_atime_ns, st.st_mtime_ns)
    if not links:
        os.utime(dst, ns=times)
    elif os.utime in os.supports_follow_symlinks:
        os.utime(dst, ns=times, follow_symlinks=False)
    mode = stat.S_IMODE(st.st_mode)
    if links:
        if hasattr(os, 'lchmod'):
            try:
                os.lchmod(dst, mode)
            except NotImplementedError:
                pass
    else:
        os.chmod(dst, mode)
    if hasattr(st, 'st_flags') and hasattr(os, 'chflags') and not links:
        os.chflags(dst, st.st_flags)


def copy(src, dst, *, follow_symlinks=True):
    """Copy data and mode bits ("cp src dst"); return the file's destination.

    dst may be a directory, in which case the file keeps its base name.
    """
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copymode(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """Copy data and metadata ("cp -p src dst"); return the destination."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copystat(src, dst, follow_symlinks=follow_symlinks)
    return dst


def ignore_patterns(*patterns):
    """Return a copytree() ignore function skipping names matching patterns."""
    def _ignore_patterns(path, names):
        ignored_names = []
        for pattern in patterns:
            ignored_names.extend(fnmatch.filter(names, pattern))
        return set(ignored_names)
    return _ignore_patterns


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Recursively copy the directory tree src to dst; return dst.

    dst is created (with missing parents) and must not exist unless
    dirs_exist_ok is true.  Symbolic links are copied as links when
    symlinks is true, else the files they point to are copied.  ignore, if
    given, is called as ignore(src, names) and returns the names to skip.
    Errors are collected and raised together as shutil.Error at the end.
    """
    sys.audit("shutil.copytree", src, dst)
    names = os.listdir(src)
    if ignore is not None:
        ignored_names = ignore(os.fspath(src), names)
    else:
        ignored_names = ()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    for name in names:
        if name in ignored_names:
            continue
        srcname = os.path.join(src, name)
        dstname = os.path.join(dst, name)
        try:
            if os.path.islink(srcname):
                linkto = os.readlink(srcname)
                if symlinks:
                    os.symlink(linkto, dstname)
                    copystat(srcname, dstname, follow_symlinks=False)
                    continue
                if not os.path.exists(srcname) and ignore_dangling_symlinks:
                    continue
            if os.path.isdir(srcname):
                copytree(srcname, dstname, symlinks, ignore, copy_function,
                         ignore_dangling_symlinks, dirs_exist_ok)
            else:
                copy_function(srcname, dstname)
        except Error as err:
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((srcname, dstname, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        if getattr(why, 'winerror', None) is None:
            errors.append((src, dst, str(why)))
    if errors:
        raise Error(errors)
    return dst


_listdir = getattr(os, 'scandir', os.listdir)


def _path_from_dir_fd(dir_fd, path):
    """Return path resolved against the directory open as dir_fd.

    Braid's os functions take no dir_fd, so the descriptor is turned back
    into a path through /proc/self/fd.
    """
    try:
        base = os.readlink('/proc/self/fd/%d' % dir_fd)
    except OSError:
        raise NotImplementedError("dir_fd unavailable on this platform")
    if isinstance(path, bytes):
        base = os.fsencode(base)
    return os.path.join(base, path)


def _rmtree_walk(path, onexc):
    """Remove the tree under the directory path, then path itself."""
    try:
        names = os.listdir(path)
    except OSError as err:
        onexc(_listdir, path, err)
        names = []
    for name in names:
        fullname = os.path.join(path, name)
        try:
            st = os.lstat(fullname)
            is_dir = stat.S_ISDIR(st.st_mode)
        except OSError:
            is_dir = False
        if is_dir:
            _rmtree_walk(fullname, onexc)
        else:
            try:
                os.unlink(fullname)
            except FileNotFoundError:
                pass
            except OSError as err:
                onexc(os.unlink, fullname, err)
    try:
        os.rmdir(path)
    except FileNotFoundError:
        pass
    except OSError as err:
        onexc(os.rmdir, path, err)


def rmtree(path, ignore_errors=False, onerror=None, *, onexc=None,
           dir_fd=None):
    """Recursively delete a directory tree.

    With ignore_errors true, errors are ignored.  Otherwise onexc (or the
    deprecated onerror) is called as onexc(func, path, exc) for each error,
    func being the function that failed; onerror receives sys.exc_info()
    style triples instead of the exception.  Without a handler the error
    is raised.  path must not be a symbolic link.
    """
    sys.audit("shutil.rmtree", path, dir_fd)
    if ignore_errors:
        def onexc(*args):
            pass
    elif onerror is not None and onexc is None:
        user_onerror = onerror

        def onexc(func, path, exc):
            user_onerror(func, path, (type(exc), exc, exc.__traceback__))
    elif onexc is None:
        def onexc(*args):
            raise
    if dir_fd is not None:
        path = _path_from_dir_fd(dir_fd, path)
    try:
        st = os.lstat(path)
    except OSError as err:
        onexc(os.lstat, path, err)
        return
    if stat.S_ISLNK(st.st_mode):
        try:
            raise OSError("Cannot call rmtree on a symbolic link")
        except OSError as err:
            err.filename = path
            onexc(os.path.islink, path, err)
        return
    _rmtree_walk(path, onexc)


# This implementation follows the tree by names, not descriptors.
rmtree.avoids_symlink_attacks = False


def _basename(path):
    """basename() that ignores a trailing separator."""
    path = os.fspath(path)
    sep = os.path.sep + (os.path.altsep or '')
    if isinstance(path, bytes):
        sep = os.fsencode(sep)
    return os.path.basename(path.rstrip(sep))


def _destinsrc(src, dst):
    src = os.path.abspath(src)
    dst = os.path.abspath(dst)
    if not src.endswith(os.path.sep):
        src += os.path.sep
    if not dst.endswith(os.path.sep):
        dst += os.path.sep
    return dst.startswith(src)


def move(src, dst, copy_function=copy2):
    """Recursively move a file or directory to another location ("mv").

    If dst is an existing directory, src is moved inside it.  os.rename()
    is used when possible; otherwise src is copied (with copy_function, or
    copytree for a directory) and then removed.  Return the destination.
    """
    sys.audit("shutil.move", src, dst)
    real_dst = dst
    if os.path.isdir(dst):
        if _samefile(src, dst) and not os.path.islink(src):
            os.rename(src, dst)
            return
        real_dst = os.path.join(dst, _basename(src))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        os.rename(src, real_dst)
    except OSError:
        if os.path.islink(src):
            linkto = os.readlink(src)
            os.symlink(linkto, real_dst)
            os.unlink(src)
        elif os.path.isdir(src):
            if _destinsrc(src, dst):
                raise Error("Cannot move a directory '%s' into itself"
                            " '%s'." % (src, dst))
            copytree(src, real_dst, copy_function=copy_function,
                     symlinks=True)
            rmtree(src)
        else:
            copy_function(src, real_dst)
            os.unlink(src)
    return real_dst


def _lookup_id(name, module_name, table_path):
    """Return the numeric id of a user or group name, or None.

    Uses the pwd/grp module when present, else reads the /etc table.
    """
    try:
        module = __import__(module_name)
    except ImportError:
        module = None
    if module is not None:
        getter = module.getpwnam if module_name == 'pwd' else module.getgrnam
        try:
            entry = getter(name)
        except KeyError:
            return None
        return entry[2]
    try:
        with open(table_path, encoding='utf-8', errors='replace') as table:
            for line in table:
                fields = line.rstrip('\n').split(':')
                if len(fields) > 2 and fields[0] == name:
                    return int(fields[2])
    except (OSError, ValueError):
        pass
    return None


def chown(path, user=None, group=None, *, dir_fd=None, follow_symlinks=True):
    """Change the owner user and/or group of path.

    user and group are names or numeric ids; at least one must be given.
    """
    sys.audit('shutil.chown', path, user, group)
    if user is None and group is None:
        raise ValueError("user and/or group must be set")
    uid = user
    gid = group
    if user is None:
        uid = -1
    elif isinstance(user, str):
        uid = _lookup_id(user, 'pwd', '/etc/passwd')
        if uid is None:
            raise LookupError("no such user: {!r}".format(user))
    if group is None:
        gid = -1
    elif not isinstance(group, int):
        gid = _lookup_id(group, 'grp', '/etc/group')
        if gid is None:
            raise LookupError("no such group: {!r}".format(group))
    if dir_fd is None and follow_symlinks:
        os.chown(path, uid, gid)
    elif dir_fd is None:
        os.chown(path, uid, gid, follow_symlinks=follow_symlinks)
    else:
        os.chown(path, uid, gid, dir_fd=dir_fd,
                 follow_symlinks=follow_symlinks)


if hasattr(os, 'statvfs'):
    import collections

    __all__.append('disk_usage')
    _ntuple_diskusage = collections.namedtuple('usage', 'total used free')

    def disk_usage(path):
        """Return (total, used, free) bytes of the filesystem holding path."""
        st = os.statvfs(path)
        free = st.f_bavail * st.f_frsize
        total = st.f_blocks * st.f_frsize
        used = (st.f_blocks - st.f_bfree) * st.f_frsize
        return _ntuple_diskusage(total, used, free)


def get_terminal_size(fallback=(80, 24)):
    """Return the terminal size as an os.terminal_size (columns, lines).

    The COLUMNS and LINES environment variables win when positive integers;
    otherwise the terminal of sys.__stdout__ is asked, and fallback is used
    when that fails or reports zero.
    """
    try:
        columns = int(os.environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ['LINES'])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())
        except (AttributeError, ValueError, OSError):
            size = os.terminal_size(fallback)
        if columns <= 0:
            columns = size.columns or fallback[0]
        if lines <= 0:
            lines = size.lines or fallback[1]
    return os.terminal_size((columns, lines))


def _access_check(fn, mode):
    return (os.path.exists(fn) and os.access(fn, mode)
            and not os.path.isdir(fn))


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    """Return the path of the executable cmd found on PATH, or None.

    path overrides os.environ['PATH']; mode is the os.access() mode a
    candidate must satisfy.  A cmd with a directory part is checked as is.
    """
    use_bytes = isinstance(cmd, bytes)
    if os.path.dirname(cmd):
        if _access_check(cmd, mode):
            return cmd
        return None
    if path is None:
        path = os.environ.get('PATH', None)
        if path is None:
            path = os.defpath
    if not path:
        return None
    if use_bytes:
        path = os.fsencode(path)
        dirs = path.split(os.fsencode(os.pathsep))
    else:
        path = os.fsdecode(path)
        dirs = path.split(os.pathsep)
    seen = set()
    for dir in dirs:
        normdir = os.path.normcase(dir)
        if normdir in seen:
            continue
        seen.add(normdir)
        name = os.path.join(dir, cmd)
        if _access_check(name, mode):
            return name
    return None
