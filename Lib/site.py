"""Site-specific configuration: the site-packages directories and .pth files.

In Braid, start-up puts the standard library's site-packages directory on sys.path
itself and does not import this module, so importing it has no side effects: the module
computes USER_BASE, USER_SITE and ENABLE_USER_SITE, and main() does what CPython's
start-up does with this module (add the site-packages directories of sys.prefix and
sys.exec_prefix and, if enabled, the user's; process their .pth files; import
sitecustomize and usercustomize).

A .pth file names one directory per line, added to sys.path if it exists; blank lines
and lines starting with '#' are skipped, and lines starting with 'import' (followed by
a space or tab) are executed.
"""

import builtins
import os
import sys

PREFIXES = [sys.prefix, sys.exec_prefix]
ENABLE_USER_SITE = None
USER_SITE = None
USER_BASE = None


def _trace(message):
    if sys.flags.verbose:
        print(message, file=sys.stderr)


def makepath(*paths):
    """Join the paths; return (absolute path, its os.path.normcase form)."""
    directory = os.path.join(*paths)
    try:
        directory = os.path.abspath(directory)
    except OSError:
        pass
    return directory, os.path.normcase(directory)


def abs_paths():
    """Make the __file__ and __cached__ of every imported module absolute."""
    for module in set(sys.modules.values()):
        loader_module = None
        try:
            loader_module = module.__loader__.__module__
        except AttributeError:
            pass
        if loader_module not in (None, 'importlib._bootstrap_braid', '_frozen_importlib',
                                 '_frozen_importlib_external'):
            continue
        try:
            module.__file__ = os.path.abspath(module.__file__)
        except (AttributeError, OSError, TypeError):
            pass
        try:
            module.__cached__ = os.path.abspath(module.__cached__)
        except (AttributeError, OSError, TypeError):
            pass


def removeduppaths():
    """Make the entries of sys.path absolute and drop the repeated ones; return the
    set of their normcased forms."""
    kept = []
    known_paths = set()
    for entry in sys.path:
        directory, key = makepath(entry)
        if key not in known_paths:
            kept.append(directory)
            known_paths.add(key)
    sys.path[:] = kept
    return known_paths


def _init_pathinfo():
    """Return the normcased set of the existing directories of sys.path."""
    known = set()
    for entry in sys.path:
        try:
            if os.path.exists(entry):
                known.add(makepath(entry)[1])
        except TypeError:
            continue
    return known


def addpackage(sitedir, name, known_paths):
    """Process the .pth file name in sitedir: add its directories to sys.path (and to
    known_paths) and run its import lines.  Return known_paths, or None if it was None
    on entry (then sys.path is rescanned)."""
    reset = known_paths is None
    if reset:
        known_paths = _init_pathinfo()
    fullname = os.path.join(sitedir, name)
    _trace(f'Processing .pth file: {fullname!r}')
    try:
        with open(fullname, 'rb') as f:
            content = f.read()
    except OSError:
        return None if reset else known_paths
    try:
        text = content.decode('utf-8-sig')
    except UnicodeDecodeError:
        text = content.decode('latin-1')
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith('#') or not line.strip():
            continue
        try:
            if line.startswith(('import ', 'import\t')):
                exec(line)
                continue
            line = line.rstrip()
            directory, key = makepath(sitedir, line)
            if key not in known_paths and os.path.exists(directory):
                sys.path.append(directory)
                known_paths.add(key)
        except Exception as exc:
            print(f'Error processing line {number:d} of {fullname}:\n', file=sys.stderr)
            import traceback
            for record in traceback.format_exception(exc):
                for traceback_line in record.splitlines():
                    print('  ' + traceback_line, file=sys.stderr)
            print('\nRemainder of file ignored', file=sys.stderr)
            break
    return None if reset else known_paths


def addsitedir(sitedir, known_paths=None):
    """Add sitedir to sys.path (if it is not there yet) and process its .pth files in
    name order."""
    _trace(f'Adding directory: {sitedir!r}')
    reset = known_paths is None
    if reset:
        known_paths = _init_pathinfo()
    sitedir, sitedircase = makepath(sitedir)
    if sitedircase not in known_paths:
        sys.path.append(sitedir)
        known_paths.add(sitedircase)
    try:
        names = os.listdir(sitedir)
    except OSError:
        return None if reset else known_paths
    for name in sorted(n for n in names if n.endswith('.pth') and not n.startswith('.')):
        addpackage(sitedir, name, known_paths)
    return None if reset else known_paths


def check_enableusersite():
    """Whether the user site directory may be used: False with -s, None when the
    effective user or group differs from the real one (set-id programs), else True."""
    if sys.flags.no_user_site:
        return False
    if hasattr(os, 'getuid') and hasattr(os, 'geteuid'):
        if os.geteuid() != os.getuid():
            return None
    if hasattr(os, 'getgid') and hasattr(os, 'getegid'):
        if os.getegid() != os.getgid():
            return None
    return True


def _version_dir():
    return 'braid%d.%d%s' % (sys.version_info[0], sys.version_info[1], sys.abiflags)


def getuserbase():
    """Return the user base directory: $PYTHONUSERBASE, else ~/.local."""
    global USER_BASE
    if USER_BASE is None:
        env_base = os.environ.get('PYTHONUSERBASE', None)
        USER_BASE = env_base if env_base else os.path.expanduser('~/.local')
    return USER_BASE


def getusersitepackages():
    """Return the user-specific site-packages directory
    (USER_BASE/lib/braid<X.Y><abiflags>/site-packages)."""
    global USER_SITE
    if USER_SITE is None:
        USER_SITE = os.path.join(getuserbase(), 'lib', _version_dir(), 'site-packages')
    return USER_SITE


def addusersitepackages(known_paths):
    """Add the user's site-packages directory to sys.path if it exists."""
    _trace('Processing user site-packages')
    user_site = getusersitepackages()
    if ENABLE_USER_SITE and os.path.isdir(user_site):
        addsitedir(user_site, known_paths)
    return known_paths


def getsitepackages(prefixes=None):
    """Return the global site-packages directories of the prefixes (default PREFIXES):
    <prefix>/<platlibdir>/braid<X.Y><abiflags>/site-packages, and the same with 'lib'
    when platlibdir differs."""
    sitepackages = []
    seen = set()
    if prefixes is None:
        prefixes = PREFIXES
    for prefix in prefixes:
        if not prefix or prefix in seen:
            continue
        seen.add(prefix)
        libdirs = [sys.platlibdir]
        if sys.platlibdir != 'lib':
            libdirs.append('lib')
        for libdir in libdirs:
            sitepackages.append(os.path.join(prefix, libdir, _version_dir(),
                                             'site-packages'))
    return sitepackages


def addsitepackages(known_paths, prefixes=None):
    """Add the existing global site-packages directories to sys.path."""
    _trace('Processing global site-packages')
    for sitedir in getsitepackages(prefixes):
        if os.path.isdir(sitedir):
            addsitedir(sitedir, known_paths)
    return known_paths


def setquit():
    """Define the builtins quit and exit (objects that exit the interpreter)."""
    eof = 'Ctrl-D (i.e. EOF)' if os.sep != '\\' else 'Ctrl-Z plus Return'

    class Quitter:
        def __init__(self, name):
            self.name = name

        def __repr__(self):
            return f'Use {self.name}() or {eof} to exit'

        def __call__(self, code=None):
            try:
                sys.stdin.close()
            except Exception:
                pass
            raise SystemExit(code)

    if not hasattr(builtins, 'quit'):
        builtins.quit = Quitter('quit')
    if not hasattr(builtins, 'exit'):
        builtins.exit = Quitter('exit')


def execsitecustomize():
    """Import sitecustomize, if it exists."""
    _import_customization('sitecustomize')


def execusercustomize():
    """Import usercustomize, if it exists."""
    _import_customization('usercustomize')


def _import_customization(name):
    try:
        __import__(name)
    except ImportError as exc:
        if exc.name != name:
            raise
    except Exception as err:
        if sys.flags.verbose:
            sys.excepthook(*sys.exc_info())
        else:
            sys.stderr.write(f'Error in {name}; set PYTHONVERBOSE for traceback:\n'
                             f'{type(err).__name__}: {err}\n')


def main():
    """Add the standard site-specific directories to the module search path and run
    the customization modules (what CPython's start-up does unless -S is given)."""
    global ENABLE_USER_SITE
    orig_path = sys.path[:]
    known_paths = removeduppaths()
    if orig_path != sys.path:
        abs_paths()
    if ENABLE_USER_SITE is None:
        ENABLE_USER_SITE = check_enableusersite()
    known_paths = addusersitepackages(known_paths)
    known_paths = addsitepackages(known_paths)
    setquit()
    execsitecustomize()
    if ENABLE_USER_SITE:
        execusercustomize()


ENABLE_USER_SITE = check_enableusersite()
getusersitepackages()


def _script():
    """python -m site [--user-base] [--user-site]: show the site information."""
    args = sys.argv[1:]
    if not args:
        print('sys.path = [')
        for entry in sys.path:
            print(f'    {entry!r},')
        print(']')

        def exists(path):
            return 'exists' if path is not None and os.path.isdir(path) else \
                "doesn't exist"
        print(f'USER_BASE: {USER_BASE!r} ({exists(USER_BASE)})')
        print(f'USER_SITE: {USER_SITE!r} ({exists(USER_SITE)})')
        print(f'ENABLE_USER_SITE: {ENABLE_USER_SITE!r}')
        sys.exit(0)
    buffer = []
    if '--user-base' in args:
        buffer.append(USER_BASE)
    if '--user-site' in args:
        buffer.append(USER_SITE)
    if buffer:
        print(os.pathsep.join(buffer))
        if ENABLE_USER_SITE:
            sys.exit(0)
        elif ENABLE_USER_SITE is False:
            sys.exit(1)
        elif ENABLE_USER_SITE is None:
            sys.exit(2)
        else:
            sys.exit(3)
    else:
        print(_script.__doc__)
        sys.exit(10)


if __name__ == '__main__':
    _script()
