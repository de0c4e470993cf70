"""ABI safety of extension modules: the file suffix encodes implementation, version and ABI;
an extension built for the other build (GIL vs free-threaded) is refused with an ImportError
naming both ABIs and never run; the free-threaded build has no stable ABI (abi3).  Imports of
files that must be refused run in a child interpreter, so that a loader bug cannot crash the
test run."""

import importlib.machinery
import os
import shutil
import sys
import sysconfig
import tempfile
import unittest

from . import (CC, SRC, FREE_THREADED, EXT_SUFFIX, braid_only, compile_extension,
               other_abi_config_h, other_soabi, run_python)

SOABI = sysconfig.get_config_var('SOABI')
OWN_KIND = 'free-threaded ABI' if FREE_THREADED else 'GIL ABI'
OTHER_KIND = 'GIL ABI' if FREE_THREADED else 'free-threaded ABI'

LOAD_BY_PATH = """
import importlib.machinery, importlib.util, sys
path = sys.argv[1] if len(sys.argv) > 1 else PATH
loader = importlib.machinery.ExtensionFileLoader('ext_abi', path)
spec = importlib.util.spec_from_file_location('ext_abi', path, loader=loader)
try:
    importlib.util.module_from_spec(spec)
except ImportError as exc:
    print('ImportError:', exc)
    print('name:', exc.name)
    print('path:', exc.path)
else:
    print('loaded')
"""


def headers_define_mark():
    """True if Python.h defines the ABI mark in every extension."""
    header = os.path.join(sysconfig.get_config_var('INCLUDEPY') or '', 'Python.h')
    try:
        with open(header) as f:
            return '_Py_Braid_ABI_313' in f.read()
    except OSError:
        return False


@braid_only
class SuffixTests(unittest.TestCase):

    def test_soabi_and_suffix(self):
        triplet = sys.implementation._multiarch
        tag = 'braid-313t' if FREE_THREADED else 'braid-313'
        self.assertEqual(SOABI, tag + '-' + triplet)
        self.assertEqual(EXT_SUFFIX, '.' + SOABI + '.so')
        self.assertEqual(sys.abiflags, 't' if FREE_THREADED else '')
        self.assertEqual(sysconfig.get_config_var('Py_GIL_DISABLED'), int(FREE_THREADED))

    # Until Python/import.c takes its list from importdl.c's _PyImport_DynLoadFiletab
    # ([EXT->LEAD] in NEEDS.md), the free-threaded build still lists '.abi3.so'.
    @(unittest.expectedFailure if FREE_THREADED and '.abi3.so' in
      importlib.machinery.EXTENSION_SUFFIXES else (lambda func: func))
    def test_extension_suffixes(self):
        if FREE_THREADED:
            expected = [EXT_SUFFIX, '.so']          # no stable ABI, as in CPython 3.13t
        else:
            expected = [EXT_SUFFIX, '.abi3.so', '.so']
        self.assertEqual(importlib.machinery.EXTENSION_SUFFIXES, expected)
        import _imp
        self.assertEqual(_imp.extension_suffixes(), expected)


@braid_only
@unittest.skipIf(CC is None, 'no C compiler (cc) found')
class OtherABITests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmpdir = tempfile.mkdtemp(prefix='braid_abi_')
        cls.flip = other_abi_config_h(cls.tmpdir)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmpdir, ignore_errors=True)

    def fresh_dir(self, name):
        path = os.path.join(self.tmpdir, name)
        os.makedirs(path)
        return path

    def expected_message(self):
        return ("cannot load extension module 'ext_abi': it was built for %s (%s), but this "
                "interpreter is %s (%s)" % (other_soabi(), OTHER_KIND, SOABI, OWN_KIND))

    def test_other_suffix_refused(self):
        outdir = self.fresh_dir('suffix')
        path = compile_extension('ext_abi.c', outdir, suffix='.%s.so' % other_soabi(),
                                 config_h_dir=self.flip)
        proc = run_python('PATH = %r\n' % path + LOAD_BY_PATH)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout.splitlines(), [
            'ImportError: ' + self.expected_message(), 'name: ext_abi', 'path: ' + path])

    def test_other_mark_refused(self):
        # A plain ".so" (accepted by both builds) is told apart by the ABI mark it carries.
        outdir = self.fresh_dir('mark')
        flag = () if FREE_THREADED else ('Py_GIL_DISABLED_MARK',)
        compile_extension('ext_abi.c', outdir, suffix='.so', config_h_dir=self.flip,
                          defines=flag, extra=[os.path.join(SRC, 'abi_mark_other.c')])
        proc = run_python('import ext_abi', cwd=outdir)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn('ImportError: ' + self.expected_message(), proc.stderr)

    def test_other_abi_plain_so_without_mark_refused(self):
        # No telling name, no mark (headers without one): the loader still refuses the
        # multi-phase module by the object header of the PyModuleDef its init returns.
        outdir = self.fresh_dir('plain')
        compile_extension('ext_abi.c', outdir, suffix='.so', config_h_dir=self.flip,
                          defines=('Py_BRAID_NO_ABI_MARK',))
        proc = run_python('import ext_abi', cwd=outdir)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn('ImportError: ' + self.expected_message(), proc.stderr)

    # The mark comes from Python.h ([EXT->LEAD] in NEEDS.md): expected to fail until then.
    @(unittest.expectedFailure if not headers_define_mark() else (lambda func: func))
    def test_headers_define_mark(self):
        outdir = self.fresh_dir('own_mark')
        path = compile_extension('ext_abi.c', outdir)
        with open(path, 'rb') as f:
            image = f.read()
        mark = b'_Py_Braid_ABI_313t\0' if FREE_THREADED else b'_Py_Braid_ABI_313\0'
        self.assertIn(mark, image)

    def test_other_suffix_not_imported(self):
        # Only the other build's file exists: `import` never loads it.
        outdir = self.fresh_dir('import_other')
        compile_extension('ext_abi.c', outdir, suffix='.%s.so' % other_soabi(),
                          config_h_dir=self.flip)
        proc = run_python('import ext_abi', cwd=outdir)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn('Error', proc.stderr)
        self.assertIn("ext_abi", proc.stderr)

    def test_own_suffix_loads(self):
        outdir = self.fresh_dir('own')
        path = compile_extension('ext_abi.c', outdir)
        proc = run_python('PATH = %r\n' % path + LOAD_BY_PATH)
        self.assertEqual(proc.stdout, 'loaded\n', proc.stderr)

    def test_malformed_section_headers(self):
        # The loader reads the ABI mark from the ELF section headers, which dlopen ignores:
        # nonsense there must neither crash the loader nor stop a good library from loading.
        import struct
        outdir = self.fresh_dir('malformed')
        good = compile_extension('ext_abi.c', outdir)
        with open(good, 'rb') as f:
            image = bytearray(f.read())
        self.assertEqual(image[:4], b'\x7fELF')
        self.assertEqual(image[4], 2)           # ELFCLASS64: offsets below are for 64-bit
        shoff, = struct.unpack_from('<Q', image, 0x28)
        shnum, = struct.unpack_from('<H', image, 0x3c)
        variants = {
            'shoff_huge': [(0x28, '<Q', 2**62)],
            'shoff_past_end': [(0x28, '<Q', len(image) - 8)],
            'shnum_huge': [(0x3c, '<H', 0xffff)],
        }
        for i in range(shnum):
            base = shoff + i * 64
            if struct.unpack_from('<I', image, base + 4)[0] == 11:      # SHT_DYNSYM
                variants['dynsym_size_huge'] = [(base + 0x20, '<Q', 2**40)]
                variants['dynsym_offset_huge'] = [(base + 0x18, '<Q', 2**40)]
                variants['dynsym_link_bad'] = [(base + 0x28, '<I', 0xffff)]
        self.assertIn('dynsym_size_huge', variants)
        for name, patches in sorted(variants.items()):
            with self.subTest(variant=name):
                data = bytearray(image)
                for offset, fmt, value in patches:
                    struct.pack_into(fmt, data, offset, value)
                path = os.path.join(outdir, name, 'ext_abi' + EXT_SUFFIX)
                os.makedirs(os.path.dirname(path))
                with open(path, 'wb') as f:
                    f.write(data)
                proc = run_python('PATH = %r\n' % path + LOAD_BY_PATH)
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertEqual(proc.stdout, 'loaded\n', proc.stderr)

    def test_truncated_library(self):
        outdir = self.fresh_dir('truncated')
        good = compile_extension('ext_abi.c', outdir, name='good')
        with open(good, 'rb') as f:
            head = f.read(3000)
        path = os.path.join(outdir, 'ext_abi' + EXT_SUFFIX)
        with open(path, 'wb') as f:
            f.write(head)
        proc = run_python('PATH = %r\n' % path + LOAD_BY_PATH)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(proc.stdout.startswith('ImportError: ' + path), proc.stdout)

    def test_stable_abi_suffix(self):
        outdir = self.fresh_dir('abi3')
        path = compile_extension('ext_abi.c', outdir, suffix='.abi3.so')
        proc = run_python('PATH = %r\n' % path + LOAD_BY_PATH)
        if FREE_THREADED:
            self.assertEqual(proc.stdout.splitlines()[0], (
                "ImportError: cannot load extension module 'ext_abi': it was built for the "
                "stable ABI abi3 (not supported by the free-threaded build), but this "
                "interpreter is %s (free-threaded ABI)" % SOABI))
        else:
            self.assertEqual(proc.stdout, 'loaded\n', proc.stderr)


if __name__ == '__main__':
    unittest.main()
