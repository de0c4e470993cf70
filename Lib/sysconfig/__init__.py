"""Access to Braid's configuration information (CPython's sysconfig interface).

The configuration variables come from the two files configure writes: the Makefile
(compiler, flags, install directories, EXT_SUFFIX, SOABI, ABIFLAGS) and pyconfig.h
(Py_GIL_DISABLED, SIZEOF_*, HAVE_*).  In a build directory they are read from beside the
executable; in an installed Braid from ``<LIBDEST>/config-<LDVERSION>-<MULTIARCH>/Makefile``
and ``<INCLUDEPY>/pyconfig.h``.

Names chosen by Braid: the implementation tag is ``braid``, so SOABI is
``braid-313-<triplet>`` (GIL build) or ``braid-313t-<triplet>`` (free-threaded build), and
EXT_SUFFIX is ``.`` + SOABI + ``.so``.  In a build directory INCLUDEPY is the source tree's
Include/ and CONFINCLUDEPY the build directory (which holds pyconfig.h); installed, both are
``<prefix>/include/braid<VERSION><ABIFLAGS>``.
"""

import os
import sys

__all__ = [
    'get_config_h_filename',
    'get_config_var',
    'get_config_vars',
    'get_default_scheme',
    'get_makefile_filename',
    'get_path',
    'get_path_names',
    'get_paths',
    'get_platform',
    'get_preferred_scheme',
    'get_python_version',
    'get_scheme_names',
    'is_python_build',
    'parse_config_h',
]

_INSTALL_SCHEMES = {
    'posix_prefix': {
        'stdlib': '{installed_base}/{platlibdir}/braid{py_version_short}{abiflags}',
        'platstdlib': '{platbase}/{platlibdir}/braid{py_version_short}{abiflags}',
        'purelib': '{base}/lib/braid{py_version_short}{abiflags}/site-packages',
        'platlib': '{platbase}/{platlibdir}/braid{py_version_short}{abiflags}/site-packages',
        'include': '{installed_base}/include/braid{py_version_short}{abiflags}',
        'platinclude': '{installed_platbase}/include/braid{py_version_short}{abiflags}',
        'scripts': '{base}/bin',
        'data': '{base}',
    },
    'posix_home': {
        'stdlib': '{installed_base}/lib/braid',
        'platstdlib': '{base}/lib/braid',
        'purelib': '{base}/lib/braid',
        'platlib': '{base}/lib/braid',
        'include': '{installed_base}/include/braid',
        'platinclude': '{installed_base}/include/braid',
        'scripts': '{base}/bin',
        'data': '{base}',
    },
    'posix_user': {
        'stdlib': '{userbase}/{platlibdir}/braid{py_version_short}{abiflags}',
        'platstdlib': '{userbase}/{platlibdir}/braid{py_version_short}{abiflags}',
        'purelib': '{userbase}/lib/braid{py_version_short}{abiflags}/site-packages',
        'platlib': '{userbase}/lib/braid{py_version_short}{abiflags}/site-packages',
        'include': '{userbase}/include/braid{py_version_short}{abiflags}',
        'scripts': '{userbase}/bin',
        'data': '{userbase}',
    },
}

_SCHEME_KEYS = ('stdlib', 'platstdlib', 'purelib', 'platlib', 'include', 'platinclude',
                'scripts', 'data')

_PY_VERSION = '%d.%d.%d' % sys.version_info[:3]
_PY_VERSION_SHORT = '%d.%d' % sys.version_info[:2]
_PY_VERSION_SHORT_NO_DOT = '%d%d' % sys.version_info[:2]

_CONFIG_VARS = None


def _executable_dir():
    if not sys.executable:
        return os.getcwd()
    return os.path.dirname(os.path.realpath(sys.executable))


def is_python_build(check_home=None):
    """Return True if the running interpreter is the one in a Braid build directory."""
    return os.path.isfile(os.path.join(_executable_dir(), 'pybuilddir.txt'))


def _base_prefix():
    return getattr(sys, 'base_prefix', None) or sys.prefix


def _base_exec_prefix():
    return getattr(sys, 'base_exec_prefix', None) or sys.exec_prefix


def _ldversion():
    return _PY_VERSION_SHORT + sys.abiflags


def _config_dir():
    """The directory holding the installed Makefile (LIBPL)."""
    multiarch = getattr(sys.implementation, '_multiarch', '')
    libdest = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    name = 'config-' + _ldversion() + ('-' + multiarch if multiarch else '')
    return os.path.join(libdest, name)


def get_makefile_filename():
    """Return the path of the Makefile the running interpreter was built with."""
    if is_python_build():
        return os.path.join(_executable_dir(), 'Makefile')
    return os.path.join(_config_dir(), 'Makefile')


def get_config_h_filename():
    """Return the path of pyconfig.h."""
    if is_python_build():
        return os.path.join(_executable_dir(), 'pyconfig.h')
    inc = os.path.join(_base_prefix(), 'include', 'braid' + _ldversion())
    return os.path.join(inc, 'pyconfig.h')


def parse_config_h(fp, vars=None):
    """Parse a config.h-style file.

    A dictionary containing name/value pairs is returned.  If an optional dictionary is
    passed in as the second argument, it is used instead of a new dictionary.
    """
    if vars is None:
        vars = {}
    for line in fp:
        line = line.strip()
        if line.startswith('#define '):
            parts = line.split(None, 2)
            if len(parts) < 2:
                continue
            value = parts[2] if len(parts) == 3 else '1'
            try:
                value = int(value)
            except ValueError:
                pass
            vars[parts[1]] = value
        elif line.startswith('/* #undef ') and line.endswith('*/'):
            parts = line.split()
            if len(parts) >= 3:
                vars[parts[2]] = 0
    return vars


def _parse_makefile(filename):
    """Return the variables NAME = value of a Makefile, with $(NAME) references expanded."""
    raw = {}
    with open(filename, encoding='utf-8', errors='surrogateescape') as f:
        lines = f.read().replace('\\\n', ' ').splitlines()
    for line in lines:
        if not line or line[0] in '#\t' or '=' not in line:
            continue
        name, _, value = line.partition('=')
        if name.endswith((':', '+', '?')):
            op = name[-1]
            name = name[:-1]
        else:
            op = ''
        name = name.strip()
        if not name or not all(c.isalnum() or c == '_' for c in name):
            continue
        value = ' '.join(value.split())
        if op == '+' and name in raw:
            value = raw[name] + ' ' + value
        elif op == '?' and name in raw:
            continue
        raw[name] = value

    done = {}

    def expand(name, active):
        if name in done:
            return done[name]
        if name in active:
            return ''
        if name not in raw:
            return os.environ.get(name, '')
        text = raw[name]
        out = []
        i = 0
        while i < len(text):
            c = text[i]
            if c == '$' and i + 1 < len(text) and text[i + 1] in '({':
                close = ')' if text[i + 1] == '(' else '}'
                end = text.find(close, i + 2)
                ref = text[i + 2:end] if end >= 0 else ''
                if end >= 0 and ref.replace('_', 'a').isalnum():
                    out.append(expand(ref, active | {name}))
                    i = end + 1
                    continue
            out.append(c)
            i += 1
        value = ''.join(out).strip()
        try:
            value = int(value)
        except ValueError:
            pass
        done[name] = value
        return value

    for name in raw:
        expand(name, frozenset())
    return done


def _init_config_vars():
    config = {}
    build = is_python_build()
    config_h = get_config_h_filename()
    if os.path.isfile(config_h):
        with open(config_h, encoding='utf-8', errors='surrogateescape') as f:
            parse_config_h(f, config)
    makefile = get_makefile_filename()
    if os.path.isfile(makefile):
        config.update(_parse_makefile(makefile))

    abiflags = sys.abiflags
    multiarch = getattr(sys.implementation, '_multiarch', '')
    config.setdefault('ABIFLAGS', abiflags)
    config.setdefault('MULTIARCH', multiarch)
    config.setdefault('SOABI', 'braid-%s%s-%s' % (_PY_VERSION_SHORT_NO_DOT, abiflags, multiarch))
    config.setdefault('EXT_SUFFIX', '.' + config['SOABI'] + '.so')
    config.setdefault('VERSION', _PY_VERSION_SHORT)
    config.setdefault('LDVERSION', _ldversion())
    config.setdefault('prefix', _base_prefix())
    config.setdefault('exec_prefix', _base_exec_prefix())
    config.setdefault('CC', 'cc')
    config.setdefault('CFLAGS', '')
    config.setdefault('LDFLAGS', '')
    config.setdefault('LIBS', '')
    # pyconfig.h decides; without it (not installed), the ABI flags do.
    config['Py_GIL_DISABLED'] = 1 if config.get('Py_GIL_DISABLED', 't' in abiflags) else 0
    config['Py_DEBUG'] = 1 if config.get('Py_DEBUG') else 0
    config.setdefault('Py_ENABLE_SHARED', 0)

    # Derived values, named as CPython names them.
    cflags = ' '.join(str(config.get(k, '')) for k in ('BASECFLAGS', 'OPT', 'CFLAGS')).split()
    config['CONFIGURE_CFLAGS'] = config['CFLAGS']
    config['CFLAGS'] = ' '.join(cflags)
    config['CCSHARED'] = '-fPIC'
    config['SHLIB_SUFFIX'] = '.so'
    config['LDSHARED'] = ('%s -shared %s' % (config['CC'], config['LDFLAGS'])).strip()
    config['BLDSHARED'] = config['LDSHARED']
    config['LDCXXSHARED'] = ('%s -shared' % config.get('CXX', 'c++')).strip()
    config.setdefault('ARFLAGS', 'rcs')
    config['LIBRARY'] = 'libbraid%s.a' % config['LDVERSION']
    if config['Py_ENABLE_SHARED']:
        config['LDLIBRARY'] = 'libbraid%s.so' % config['LDVERSION']
    else:
        config['LDLIBRARY'] = config['LIBRARY']
    config['SYSLIBS'] = config['LIBS']
    config['MACHDEP'] = sys.platform
    config['EXE'] = ''
    config['py_version'] = _PY_VERSION
    config['py_version_short'] = _PY_VERSION_SHORT
    config['py_version_nodot'] = _PY_VERSION_SHORT_NO_DOT
    config['py_version_nodot_plat'] = ''
    config['abiflags'] = abiflags
    config['implementation'] = 'Braid'
    config['implementation_lower'] = 'braid'
    config['platlibdir'] = getattr(sys, 'platlibdir', 'lib')
    config['installed_base'] = config['base'] = _base_prefix()
    config['installed_platbase'] = config['platbase'] = _base_exec_prefix()
    config['projectbase'] = _executable_dir()
    config['userbase'] = _getuserbase()
    config['BINDIR'] = config.get('BINDIR') or os.path.join(config['exec_prefix'], 'bin')
    config['LIBDIR'] = config.get('LIBDIR') or os.path.join(config['exec_prefix'], 'lib')
    config['LIBPL'] = _config_dir()
    if build:
        srcdir = config.get('abs_srcdir') or config.get('srcdir') or config['projectbase']
        config['srcdir'] = srcdir
        config['INCLUDEPY'] = os.path.join(srcdir, 'Include')
        config['CONFINCLUDEPY'] = config['projectbase']
        config['LIBPL'] = config['LIBDIR_BUILD'] = config['projectbase']
    else:
        include = os.path.join(config['prefix'], 'include', 'braid' + config['LDVERSION'])
        config.setdefault('INCLUDEPY', include)
        config['CONFINCLUDEPY'] = config['INCLUDEPY']
        config['srcdir'] = config['LIBPL']
    return config


def _getuserbase():
    env_base = os.environ.get('PYTHONUSERBASE', None)
    if env_base:
        return env_base
    return os.path.join(os.path.expanduser('~'), '.local')


def get_config_vars(*args):
    """With no arguments, return a dictionary of all configuration variables relevant for
    the current platform.  With arguments, return a list of the values of those names
    (None for a name that is not defined)."""
    global _CONFIG_VARS
    if _CONFIG_VARS is None:
        _CONFIG_VARS = _init_config_vars()
    if args:
        return [_CONFIG_VARS.get(name) for name in args]
    return _CONFIG_VARS


def get_config_var(name):
    """Return the value of a single variable using the dictionary returned by
    'get_config_vars()'.  Equivalent to get_config_vars().get(name)."""
    return get_config_vars().get(name)


def get_scheme_names():
    """Return a tuple containing the schemes names."""
    return tuple(sorted(_INSTALL_SCHEMES))


def get_path_names():
    """Return a tuple containing the paths names."""
    return _SCHEME_KEYS


def get_default_scheme():
    """Return the default installation scheme."""
    return 'posix_prefix'


def get_preferred_scheme(key):
    """Return the preferred scheme for key: 'prefix', 'home' or 'user'."""
    if key == 'prefix':
        return 'posix_prefix'
    if key == 'home':
        return 'posix_home'
    if key == 'user':
        return 'posix_user'
    raise ValueError(f"key must be 'prefix', 'home', or 'user', not {key!r}")


def _subst_vars(template, local_vars):
    try:
        return template.format(**local_vars)
    except KeyError as exc:
        try:
            return template.format(**os.environ)
        except KeyError:
            raise AttributeError(f'{exc}') from None


def get_paths(scheme=None, vars=None, expand=True):
    """Return a mapping containing an install scheme.

    ``scheme`` is the install scheme name.  If not provided, it will return the default
    scheme for the current platform.
    """
    if scheme is None:
        scheme = get_default_scheme()
    templates = dict(_INSTALL_SCHEMES[scheme])
    config = get_config_vars()
    if is_python_build() and scheme in ('posix_prefix', 'posix_home'):
        templates['include'] = '{srcdir}/Include'
        templates['platinclude'] = '{projectbase}'
        templates['stdlib'] = templates['platstdlib'] = '{srcdir}/Lib'
    if not expand:
        return templates
    local_vars = dict(config)
    if vars is not None:
        local_vars.update(vars)
    return {key: os.path.normpath(_subst_vars(value, local_vars))
            for key, value in templates.items()}


def get_path(name, scheme=None, vars=None, expand=True):
    """Return a path corresponding to the scheme.

    ``scheme`` is the install scheme name.
    """
    return get_paths(scheme, vars, expand)[name]


def get_platform():
    """Return a string that identifies the current platform, e.g. 'linux-x86_64'."""
    osname, _, _, _, machine = os.uname()
    osname = osname.lower().replace('/', '')
    machine = machine.replace(' ', '_').replace('/', '-')
    return f'{osname}-{machine}'


def get_python_version():
    """Return the 'MAJOR.MINOR' version of the running interpreter, e.g. '3.13'."""
    return _PY_VERSION_SHORT


def _print_dict(title, data):
    print(f'{title}: ')
    for key, value in sorted(data.items()):
        print(f'\t{key} = "{value}"')


def _main():
    """Display all information sysconfig contains."""
    print(f'Platform: "{get_platform()}"')
    print(f'Python version: "{get_python_version()}"')
    print(f'Current installation scheme: "{get_default_scheme()}"')
    print()
    _print_dict('Paths', get_paths())
    print()
    _print_dict('Variables', get_config_vars())
