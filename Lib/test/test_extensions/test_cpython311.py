"""Proof that the test extensions speak CPython's C API, not a dialect of it: the sources that
use no API newer than CPython 3.11 are compiled unchanged against CPython 3.11's headers
(Debian's python3-dev) and against this interpreter's, and the same script gives the same
output under /usr/bin/python3 and under this interpreter.  Skipped when python3-dev is absent."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from . import CC, SRC, braid_only, compile_extension, run_checked

# Exercises every function of the 3.11-compatible extensions; prints only values that do not
# depend on the implementation (no addresses, no timings).
SCRIPT = r'''
import gc, sys, threading, warnings
import ext_callconv as m, ext_threads as t, ext_single as s, ext_api as api

def show(label, func, *args, **kwargs):
    try:
        print(label, repr(func(*args, **kwargs)))
    except Exception as exc:
        print(label, 'raises', type(exc).__name__, exc)

show('noargs', m.noargs)
show('noargs+1', m.noargs, 1)
show('onearg', m.onearg, [1, 'x'])
show('varargs', m.varargs, 1)
show('varargs3', m.varargs, 2, 'y', 3)
show('varargs-bad', m.varargs, 'no')
show('keywords', m.keywords, 1, c=3)
show('keywords-pos3', m.keywords, 1, 2, 3)
show('fastcall', m.fastcall, *range(10))
show('fastcall-kw', m.fastcall_keywords, 1, 'a', x=2)
show('unpack', m.unpack, 1)
show('unpack-bad', m.unpack)
show('concrete', lambda: sorted(m.concrete().items()))
show('error', m.raise_error, 'boom')
print('error-mro', [c.__name__ for c in m.Error.__mro__])
print('consts', m.ANSWER, m.GREETING)
c = m.Counter(5, payload=(1, 2))
print('counter', repr(c), c.incr(), c.incr(10), c.value, c.payload, c.module_name())
print('counter-type', m.Counter.__name__, m.Counter.__module__, m.Counter.__doc__)
class Sub(m.Counter):
    pass
print('sub', repr(Sub(3)), isinstance(Sub(), m.Counter), gc.is_tracked(c))
gc.collect()
before = m.dealloc_count()
a = m.Counter(1); b = m.Counter(2, payload=[a]); a.payload = b
del a, b
gc.collect()
print('collected', m.dealloc_count() - before)
t.reset()
threads = [threading.Thread(target=t.wait_for_peers, args=(3,)) for _ in range(3)]
for th in threads: th.start()
for th in threads: th.join()
print('overlap', t.most())
print('foreign', t.call_in_foreign_thread(lambda: 'called'))
print('tss', t.tss_roundtrip(1), t.tss_roundtrip(2))
print('single', s.name(), s.VALUE, s.__name__, s.calls())
s.added = 1
del sys.modules['ext_single']
import ext_single as s2
print('single-again', s2 is s, s2.calls(), s2.VALUE, hasattr(s2, 'added'))

show('capsule', api.import_capsule)
show('capsule-wrong', api.read_capsule, 5)
show('buffers', lambda: [api.buffer_info(x)
                         for x in (b'ab', bytearray(b'c'), memoryview(b'xyz')[1:])])
show('buffer-str', api.buffer_info, 'text')
show('fill-readonly', api.buffer_fill, b'abc', 1)
blob = api.Blob(5)
view = memoryview(blob)
show('blob-exported', blob.resize, 9)
view[0] = 9
view.release()
blob.resize(6)
print('blob', bytes(blob), len(blob), api.buffer_info(blob))
show('allocators', api.allocators)
for obj in (42, 'abc', [1, 2], {'k': 1}, (), 0.5, None, range(3)):
    show('object', lambda: sorted(api.object_protocol(obj).items()))
show('number', api.number_protocol, 7, 2)
show('number-float', api.number_protocol, 7.5, 2)
show('number-zero', api.number_protocol, 1, 0)
show('longs', lambda: [api.long_conversions(v) for v in (5, -5, 2**70, -2**70, 2**1030)])
show('sequence', api.sequence_protocol, [1, 2, 3], 2)
show('mapping', api.mapping_protocol, {'b': 2, 'a': 1}, 'a')
show('mapping-missing', api.mapping_protocol, {'b': 2}, 'a')
show('calls', api.calls, lambda *args, **kw: (args, kw), 'obj')
class O:
    pass
show('attributes', api.attributes, O())
show('compare', lambda: [api.compare(1, 2), api.compare(2, 2.0)])
show('compare-bad', api.compare, 1, 'x')
show('strings', api.strings, 'abc d\u00e9f')
show('parse', lambda: [api.parse_units('abc', b'xyz'), api.parse_units('a', b'', 0, 0, 'zz')])
try:
    api.raise_chained('missing')
except RuntimeError as exc:
    print('chained', exc.args, repr(exc.__cause__), exc.__context__ is exc.__cause__)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    api.warn('careful')
print('warn', [(w.category.__name__, str(w.message)) for w in caught])
show('json', api.use_json, {'b': [1, 2], 'a': None})
show('build', lambda: sorted(api.build_values().items()))
'''


def cpython311():
    """(python3 executable, its include dir, its EXT_SUFFIX) or None."""
    for exe in ('/usr/bin/python3.11', '/usr/bin/python3'):
        if not os.path.exists(exe):
            continue
        proc = subprocess.run(
            [exe, '-c', 'import sys, sysconfig; print(sys.version_info[:2] == (3, 11)); '
             'print(sysconfig.get_paths()["include"]); '
             'print(sysconfig.get_config_var("EXT_SUFFIX"))'],
            capture_output=True, text=True)
        lines = proc.stdout.splitlines()
        if proc.returncode == 0 and len(lines) == 3 and lines[0] == 'True':
            if os.path.exists(os.path.join(lines[1], 'Python.h')):
                return exe, lines[1], lines[2]
    return None


CPYTHON311 = cpython311()


@braid_only
@unittest.skipIf(CC is None, 'no C compiler (cc) found')
@unittest.skipIf(CPYTHON311 is None, 'CPython 3.11 with its headers (python3-dev) not found')
class CPython311Tests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmpdir = tempfile.mkdtemp(prefix='braid_cp311_')

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmpdir, ignore_errors=True)

    def build_all(self, outdir, cpython=None):
        os.makedirs(outdir)
        builds = [('ext_callconv.c', None, ()), ('ext_threads.c', None, ()),
                  ('ext_single.c', 'ext_single', ()), ('ext_api.c', None, ())]
        for source, name, defines in builds:
            if cpython is None:
                compile_extension(source, outdir, name=name, defines=defines)
            else:
                exe, include, suffix = cpython
                name = name or os.path.splitext(source)[0]
                run_checked(CC + ['-std=gnu11', '-O1', '-Wall', '-Werror', '-fPIC',
                                  '-shared', '-I' + include, '-o',
                                  os.path.join(outdir, name + suffix),
                                  os.path.join(SRC, source)])

    def test_same_behaviour(self):
        braid_dir = os.path.join(self.tmpdir, 'braid')
        cpython_dir = os.path.join(self.tmpdir, 'cpython')
        self.build_all(braid_dir)
        self.build_all(cpython_dir, CPYTHON311)
        for directory in (braid_dir, cpython_dir):
            with open(os.path.join(directory, 'script.py'), 'w') as f:
                f.write(SCRIPT)
        env = dict(os.environ)
        env.pop('PYTHONPATH', None)
        env.pop('PYTHON_GIL', None)
        ours = subprocess.run([sys.executable, 'script.py'], cwd=braid_dir, env=env,
                              capture_output=True, text=True)
        theirs = subprocess.run([CPYTHON311[0], 'script.py'], cwd=cpython_dir, env=env,
                                capture_output=True, text=True)
        self.assertEqual(theirs.returncode, 0, theirs.stderr)
        self.assertEqual(ours.returncode, 0, ours.stderr)
        self.assertEqual(ours.stdout.splitlines(), theirs.stdout.splitlines())
        self.assertIn('overlap 3', theirs.stdout.splitlines())


if __name__ == '__main__':
    unittest.main()
