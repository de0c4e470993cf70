"""Build a C extension module (or a program embedding Braid) for the running interpreter.

Usage::

    python -m _braid_build [options] mod.c [more.c ...]

compiles the sources into ``<name><EXT_SUFFIX>`` (``mod.braid-313t-x86_64-linux-gnu.so`` when
run by the free-threaded build) in the current directory, against the headers of the
interpreter that runs this command, so that ``import mod`` works right away.  The module name
is the first source's base name unless ``--name`` is given.  ``--embed`` links a program
with libbraid instead (``-o`` names it).

Options: ``-o PATH`` output file, ``-d DIR`` output directory, ``-n NAME`` module name,
``-I DIR`` extra include directory, ``-D NAME[=VALUE]`` macro, ``-l LIB``/``-L DIR`` libraries,
``--cflags FLAGS`` extra compiler flags, ``--embed`` build a program (``--shared``: linked
with the shared libbraid), ``-v`` show commands, ``--print-command`` only show the command.

The compiler (CC, CXX for C++ sources), the header directories (INCLUDEPY, CONFINCLUDEPY),
CCSHARED, LDFLAGS and, for --embed, the library and LIBS come from :mod:`sysconfig`.  Sources
are compiled with ``-std=gnu11 -O2 -g -Wall`` (C++: ``-std=gnu++17``), not with the
interpreter's own optimisation flags.  The environment variables CC/CXX replace the compiler
and CFLAGS adds flags, as they do for setuptools.
"""

import os
import shlex
import subprocess
import sys
import sysconfig

__all__ = ['BuildError', 'compiler', 'include_dirs', 'library_path', 'extension_command',
           'embed_command', 'build_extension', 'build_embedded', 'main']

_CXX_SUFFIXES = ('.cc', '.cpp', '.cxx', '.C')


class BuildError(Exception):
    """The compiler failed; ``output`` holds what it printed."""

    def __init__(self, message, output=''):
        super().__init__(message)
        self.output = output


def compiler(cxx=False):
    """Return the compiler command as a list (the CC/CXX environment variables win)."""
    if cxx:
        name = os.environ.get('CXX') or sysconfig.get_config_var('CXX') or 'c++'
    else:
        name = os.environ.get('CC') or sysconfig.get_config_var('CC') or 'cc'
    return shlex.split(name)


def include_dirs():
    """Return the directories holding Python.h and pyconfig.h, without duplicates."""
    dirs = []
    for var in ('INCLUDEPY', 'CONFINCLUDEPY'):
        value = sysconfig.get_config_var(var)
        if value and value not in dirs:
            dirs.append(value)
    return dirs


def library_path(shared=False):
    """Return the path of the static (or shared) libbraid of the running interpreter."""
    if shared:
        name = 'libbraid%s.so' % sysconfig.get_config_var('LDVERSION')
    elif sysconfig.is_python_build():
        name = 'libbraid.a'
    else:
        name = sysconfig.get_config_var('LIBRARY')
    if sysconfig.is_python_build():
        return os.path.join(sysconfig.get_config_var('projectbase'), name)
    return os.path.join(sysconfig.get_config_var('LIBDIR'), name)


def _compile_flags(sources, extra_includes, defines, cflags):
    cxx = any(src.endswith(_CXX_SUFFIXES) for src in sources)
    if cxx:
        flags = ['-std=gnu++17', '-O2', '-g', '-Wall']
    else:
        flags = ['-std=gnu11', '-O2', '-g', '-Wall']
    flags += shlex.split(os.environ.get('CFLAGS', ''))
    flags += list(cflags)
    for define in defines:
        flags.append('-D' + define)
    for inc in list(extra_includes) + include_dirs():
        flags.append('-I' + inc)
    return cxx, flags


def extension_command(sources, output, include=(), defines=(), cflags=(), libraries=(),
                      library_dirs=()):
    """Return the command (a list) that builds the extension `output` from `sources`."""
    cxx, flags = _compile_flags(sources, include, defines, cflags)
    cmd = compiler(cxx) + flags + [sysconfig.get_config_var('CCSHARED') or '-fPIC', '-shared']
    cmd += shlex.split(str(sysconfig.get_config_var('LDFLAGS') or ''))
    cmd += ['-o', output] + list(sources)
    cmd += ['-L' + d for d in library_dirs] + ['-l' + lib for lib in libraries]
    return cmd


def embed_command(sources, output, include=(), defines=(), cflags=(), libraries=(),
                  library_dirs=(), shared=False):
    """Return the command (a list) that links the program `output` embedding Braid, with
    the static libbraid (or the shared one, found at run time through an rpath)."""
    cxx, flags = _compile_flags(sources, include, defines, cflags)
    cmd = compiler(cxx) + flags + ['-o', output] + list(sources)
    cmd += ['-L' + d for d in library_dirs] + ['-l' + lib for lib in libraries]
    if shared:
        libdir = os.path.dirname(library_path(shared=True))
        cmd += ['-L' + libdir, '-lbraid' + sysconfig.get_config_var('LDVERSION'),
                '-Wl,-rpath,' + libdir]
    else:
        # -rdynamic: extension modules imported by the embedded interpreter resolve the C
        # API against the program, as they do against ./python.
        cmd += [library_path(), '-rdynamic']
    # A libbraid built with sanitizers (configure --with-*-sanitizer) needs their runtime.
    for var in ('SAN_LDFLAGS', 'LDFLAGS', 'LIBS'):
        cmd += shlex.split(str(sysconfig.get_config_var(var) or ''))
    return cmd


def _run(cmd, verbose):
    if verbose:
        print(' '.join(shlex.quote(part) for part in cmd))
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as exc:
        raise BuildError(f'cannot run the compiler {cmd[0]!r}: {exc}') from None
    if verbose and proc.returncode == 0:
        sys.stderr.write(proc.stdout + proc.stderr)     # warnings
    if proc.returncode != 0:
        raise BuildError(f'{cmd[0]} failed with exit status {proc.returncode}',
                         proc.stdout + proc.stderr)


def build_extension(sources, name=None, output=None, output_dir=None, verbose=False, **kw):
    """Compile `sources` into an extension module for the running interpreter.

    Return the path of the built file: `output`, else ``<output_dir>/<name><EXT_SUFFIX>``
    (output_dir: the current directory; name: the first source's base name).  Raise
    BuildError if the compiler fails.  Extra keyword arguments (include, defines, cflags,
    libraries, library_dirs) are passed to extension_command()."""
    if isinstance(sources, str):
        sources = [sources]
    if not sources:
        raise ValueError('no source files')
    if output is None:
        if name is None:
            name = os.path.splitext(os.path.basename(sources[0]))[0]
        output = os.path.join(output_dir or os.getcwd(),
                              name.rpartition('.')[2] + sysconfig.get_config_var('EXT_SUFFIX'))
    _run(extension_command(sources, output, **kw), verbose)
    return output


def build_embedded(sources, output, verbose=False, **kw):
    """Compile and link `sources` into the program `output`, which embeds Braid through
    libbraid (shared=True: the shared library).  Return output; raise BuildError if the
    compiler fails.  Other keyword arguments are those of extension_command()."""
    if isinstance(sources, str):
        sources = [sources]
    _run(embed_command(sources, output, **kw), verbose)
    return output


def main(argv=None):
    """Command-line entry point; return the exit status."""
    import argparse
    parser = argparse.ArgumentParser(
        prog='python -m _braid_build',
        description='Build a C extension module for this interpreter '
                    f'({sysconfig.get_config_var("SOABI")}).')
    parser.add_argument('sources', nargs='+', help='C (or C++) source files')
    parser.add_argument('-o', '--output', help='output file')
    parser.add_argument('-d', '--output-dir', help='output directory (default: current)')
    parser.add_argument('-n', '--name', help='module name (default: first source name)')
    parser.add_argument('-I', dest='include', action='append', default=[],
                        help='extra include directory')
    parser.add_argument('-D', dest='defines', action='append', default=[],
                        help='define a macro')
    parser.add_argument('-L', dest='library_dirs', action='append', default=[],
                        help='library directory')
    parser.add_argument('-l', dest='libraries', action='append', default=[],
                        help='link with a library')
    parser.add_argument('--cflags', default='', help='extra compiler flags')
    parser.add_argument('--embed', action='store_true',
                        help='link a program embedding Braid (needs -o)')
    parser.add_argument('--shared', action='store_true',
                        help='with --embed: link the shared libbraid (configure '
                             '--enable-shared or make shared)')
    parser.add_argument('--print-command', action='store_true',
                        help='print the compiler command without running it')
    parser.add_argument('-v', '--verbose', action='store_true', help='show the commands')
    args = parser.parse_args(argv)
    kw = dict(include=args.include, defines=args.defines, cflags=shlex.split(args.cflags),
              libraries=args.libraries, library_dirs=args.library_dirs)
    try:
        if args.embed:
            if not args.output:
                parser.error('--embed needs -o PROGRAM')
            if args.print_command:
                print(shlex.join(embed_command(args.sources, args.output, shared=args.shared,
                                               **kw)))
                return 0
            path = build_embedded(args.sources, args.output, verbose=args.verbose,
                                  shared=args.shared, **kw)
        else:
            if args.print_command:
                output = args.output or os.path.join(
                    args.output_dir or '.', (args.name or os.path.splitext(
                        os.path.basename(args.sources[0]))[0]).rpartition('.')[2]
                    + sysconfig.get_config_var('EXT_SUFFIX'))
                print(shlex.join(extension_command(args.sources, output, **kw)))
                return 0
            path = build_extension(args.sources, name=args.name, output=args.output,
                                   output_dir=args.output_dir, verbose=args.verbose, **kw)
    except BuildError as exc:
        sys.stderr.write(exc.output)
        print(f'error: {exc}', file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == '__main__':
    sys.exit(main())
