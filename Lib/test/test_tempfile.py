"""Tests of tempfile: names, mkstemp/mkdtemp and the self-cleaning objects."""

import gc
import io
import os
import stat
import tempfile
import unittest
import warnings

NAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_")


class TempDirMixin:
    """Run each test inside a private directory removed afterwards."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='braidtest_')

    def tearDown(self):
        for root, dirs, files in os.walk(self.dir, topdown=False):
            for name in files:
                os.unlink(os.path.join(root, name))
            for name in dirs:
                os.rmdir(os.path.join(root, name))
        os.rmdir(self.dir)


class NamesTests(unittest.TestCase):

    def test_gettempprefix(self):
        self.assertEqual(tempfile.gettempprefix(), 'tmp')
        self.assertEqual(tempfile.gettempprefixb(), b'tmp')
        self.assertEqual(tempfile.template, 'tmp')

    def test_gettempdir(self):
        d = tempfile.gettempdir()
        self.assertIsInstance(d, str)
        self.assertTrue(os.path.isabs(d))
        self.assertTrue(os.path.isdir(d))
        self.assertIs(tempfile.gettempdir(), tempfile.gettempdir())
        self.assertEqual(tempfile.gettempdirb(), os.fsencode(d))

    def test_candidate_list_uses_environment(self):
        saved = os.environ.get('TMPDIR')
        os.environ['TMPDIR'] = '/some/where'
        try:
            dirs = tempfile._candidate_tempdir_list()
        finally:
            if saved is None:
                del os.environ['TMPDIR']
            else:
                os.environ['TMPDIR'] = saved
        self.assertEqual(dirs[0], '/some/where')
        if os.name == 'posix':
            self.assertIn('/tmp', dirs)
            self.assertIn('/var/tmp', dirs)

    def test_random_names(self):
        names = tempfile._get_candidate_names()
        self.assertIs(names, tempfile._get_candidate_names())
        seen = set()
        for _ in range(200):
            name = next(names)
            self.assertEqual(len(name), 8)
            self.assertTrue(set(name) <= NAME_CHARS, name)
            seen.add(name)
        self.assertGreater(len(seen), 190)

    def test_tmp_max(self):
        self.assertEqual(tempfile.TMP_MAX, getattr(os, 'TMP_MAX', 10000))


class MkstempTests(TempDirMixin, unittest.TestCase):

    def test_basic(self):
        fd, name = tempfile.mkstemp(dir=self.dir)
        try:
            self.assertIsInstance(fd, int)
            self.assertTrue(os.path.isabs(name))
            self.assertEqual(os.path.dirname(name), self.dir)
            base = os.path.basename(name)
            self.assertTrue(base.startswith('tmp'))
            self.assertEqual(len(base), 11)
            os.write(fd, b'data')
        finally:
            os.close(fd)
        with open(name, 'rb') as f:
            self.assertEqual(f.read(), b'data')
        if os.name == 'posix':
            mode = stat.S_IMODE(os.stat(name).st_mode)
            self.assertEqual(mode, 0o600)

    def test_prefix_suffix(self):
        fd, name = tempfile.mkstemp(suffix='.txt', prefix='pre_', dir=self.dir)
        os.close(fd)
        base = os.path.basename(name)
        self.assertTrue(base.startswith('pre_'))
        self.assertTrue(base.endswith('.txt'))
        self.assertEqual(len(base), len('pre_') + 8 + len('.txt'))

    def test_bytes(self):
        fd, name = tempfile.mkstemp(dir=os.fsencode(self.dir))
        os.close(fd)
        self.assertIsInstance(name, bytes)
        self.assertTrue(os.path.basename(name).startswith(b'tmp'))

    def test_mixing_types(self):
        with self.assertRaises(TypeError) as cm:
            tempfile.mkstemp(prefix=b'x', dir=self.dir)
        self.assertEqual(str(cm.exception),
                         "Can't mix bytes and non-bytes in path components.")

    def test_missing_dir(self):
        with self.assertRaises(FileNotFoundError):
            tempfile.mkstemp(dir=os.path.join(self.dir, 'nope'))

    def test_relative_dir_gives_absolute_name(self):
        cwd = os.getcwd()
        os.chdir(self.dir)
        try:
            fd, name = tempfile.mkstemp(dir='.')
            os.close(fd)
        finally:
            os.chdir(cwd)
        self.assertTrue(os.path.isabs(name))
        self.assertEqual(os.path.dirname(name), self.dir)


class MkdtempTests(TempDirMixin, unittest.TestCase):

    def test_basic(self):
        name = tempfile.mkdtemp(dir=self.dir)
        self.assertTrue(os.path.isdir(name))
        self.assertTrue(os.path.isabs(name))
        self.assertTrue(os.path.basename(name).startswith('tmp'))
        if os.name == 'posix':
            self.assertEqual(stat.S_IMODE(os.stat(name).st_mode), 0o700)

    def test_many_are_distinct(self):
        names = {tempfile.mkdtemp(dir=self.dir, suffix='_s') for _ in range(20)}
        self.assertEqual(len(names), 20)
        for name in names:
            self.assertTrue(name.endswith('_s'))

    def test_bytes(self):
        name = tempfile.mkdtemp(prefix=b'b_', dir=os.fsencode(self.dir))
        self.assertIsInstance(name, bytes)
        self.assertTrue(os.path.isdir(name))


class NamedTemporaryFileTests(TempDirMixin, unittest.TestCase):

    def test_deleted_on_close(self):
        f = tempfile.NamedTemporaryFile(dir=self.dir)
        name = f.name
        self.assertTrue(os.path.exists(name))
        f.write(b'abc')
        f.seek(0)
        self.assertEqual(f.read(), b'abc')
        f.close()
        self.assertFalse(os.path.exists(name))
        f.close()   # a second close is harmless

    def test_context_manager(self):
        with tempfile.NamedTemporaryFile('w+', dir=self.dir,
                                         encoding='utf-8') as f:
            name = f.name
            f.write('text\n')
            f.seek(0)
            self.assertEqual(f.read(), 'text\n')
            self.assertEqual(list(f), [])
        self.assertFalse(os.path.exists(name))
        self.assertTrue(f.closed)

    def test_delete_false(self):
        with tempfile.NamedTemporaryFile(dir=self.dir, delete=False) as f:
            f.write(b'keep')
        self.assertTrue(os.path.exists(f.name))
        with open(f.name, 'rb') as g:
            self.assertEqual(g.read(), b'keep')

    def test_delete_on_close_false(self):
        with tempfile.NamedTemporaryFile(dir=self.dir,
                                         delete_on_close=False) as f:
            f.write(b'xyz')
            f.close()
            self.assertTrue(os.path.exists(f.name))
            with open(f.name, 'rb') as g:
                self.assertEqual(g.read(), b'xyz')
        self.assertFalse(os.path.exists(f.name))

    def test_name_parts(self):
        with tempfile.NamedTemporaryFile(prefix='p', suffix='.s',
                                         dir=self.dir) as f:
            base = os.path.basename(f.name)
            self.assertTrue(base.startswith('p'))
            self.assertTrue(base.endswith('.s'))
            self.assertEqual(f.file.name, f.name)

    def test_delegation(self):
        with tempfile.NamedTemporaryFile(dir=self.dir) as f:
            self.assertEqual(f.mode, 'rb+')
            self.assertIsInstance(f.fileno(), int)
            self.assertTrue(f.writable())
            f.writelines([b'a\n', b'b\n'])
            f.seek(0)
            self.assertEqual(f.readlines(), [b'a\n', b'b\n'])
            f.seek(0)
            self.assertEqual(list(f), [b'a\n', b'b\n'])


class TemporaryFileTests(TempDirMixin, unittest.TestCase):

    def test_unnamed(self):
        before = set(os.listdir(self.dir))
        with tempfile.TemporaryFile(dir=self.dir) as f:
            f.write(b'hello')
            f.seek(0)
            self.assertEqual(f.read(), b'hello')
            if os.name == 'posix':
                self.assertEqual(set(os.listdir(self.dir)), before)
        self.assertTrue(f.closed)

    def test_text_mode(self):
        with tempfile.TemporaryFile('w+', dir=self.dir, encoding='utf-8') as f:
            f.write('line\n')
            f.seek(0)
            self.assertEqual(f.read(), 'line\n')


class SpooledTemporaryFileTests(TempDirMixin, unittest.TestCase):

    def spooled(self, max_size=30, mode='w+b', **kwargs):
        return tempfile.SpooledTemporaryFile(max_size, mode, dir=self.dir,
                                             **kwargs)

    def test_stays_in_memory(self):
        with self.spooled() as f:
            f.write(b'a' * 30)
            self.assertFalse(f._rolled)
            self.assertIsNone(f.name)
            self.assertEqual(os.listdir(self.dir), [])
            f.seek(0)
            self.assertEqual(f.read(), b'a' * 30)

    def test_rollover_on_write(self):
        with self.spooled() as f:
            f.write(b'a' * 20)
            f.write(b'b' * 20)
            self.assertTrue(f._rolled)
            self.assertEqual(f.tell(), 40)
            f.seek(0)
            self.assertEqual(f.read(), b'a' * 20 + b'b' * 20)

    def test_rollover_keeps_position(self):
        with self.spooled(max_size=0) as f:
            f.write(b'0123456789')
            f.seek(3)
            f.rollover()
            self.assertTrue(f._rolled)
            self.assertEqual(f.tell(), 3)
            self.assertEqual(f.read(), b'3456789')

    def test_fileno_rolls_over(self):
        with self.spooled() as f:
            f.write(b'x')
            self.assertIsInstance(f.fileno(), int)
            self.assertTrue(f._rolled)

    def test_zero_max_size_never_rolls_on_write(self):
        with self.spooled(max_size=0) as f:
            f.write(b'z' * 1000)
            self.assertFalse(f._rolled)

    def test_truncate(self):
        with self.spooled() as f:
            f.write(b'abcdef')
            f.truncate(3)
            f.seek(0)
            self.assertEqual(f.read(), b'abc')
            self.assertFalse(f._rolled)
            f.truncate(50)
            self.assertTrue(f._rolled)

    def test_text_mode(self):
        with self.spooled(mode='w+', encoding='utf-8') as f:
            f.write('hello\n')
            f.seek(0)
            self.assertEqual(f.read(), 'hello\n')
            self.assertEqual(f.encoding, 'utf-8')
            f.write('x' * 40)
            self.assertTrue(f._rolled)
            f.seek(0)
            self.assertEqual(f.readline(), 'hello\n')

    def test_is_iobase(self):
        with self.spooled() as f:
            self.assertIsInstance(f, io.IOBase)
            self.assertTrue(f.readable())
            self.assertTrue(f.writable())
            self.assertTrue(f.seekable())

    def test_closed(self):
        f = self.spooled()
        self.assertFalse(f.closed)
        f.close()
        self.assertTrue(f.closed)
        with self.assertRaises(ValueError):
            with f:
                pass


class TemporaryDirectoryTests(TempDirMixin, unittest.TestCase):

    def test_context_manager(self):
        with tempfile.TemporaryDirectory(dir=self.dir) as name:
            self.assertIsInstance(name, str)
            self.assertTrue(os.path.isdir(name))
            os.mkdir(os.path.join(name, 'sub'))
            with open(os.path.join(name, 'sub', 'f'), 'w') as f:
                f.write('x')
        self.assertFalse(os.path.exists(name))

    def test_explicit_cleanup(self):
        d = tempfile.TemporaryDirectory(prefix='pp', suffix='ss', dir=self.dir)
        base = os.path.basename(d.name)
        self.assertTrue(base.startswith('pp'))
        self.assertTrue(base.endswith('ss'))
        self.assertEqual(repr(d), '<TemporaryDirectory %r>' % d.name)
        d.cleanup()
        self.assertFalse(os.path.exists(d.name))
        d.cleanup()   # cleaning twice is harmless

    def test_delete_false(self):
        with tempfile.TemporaryDirectory(dir=self.dir, delete=False) as name:
            pass
        self.assertTrue(os.path.isdir(name))
        os.rmdir(name)

    @unittest.skipUnless(os.name == 'posix' and os.getuid() != 0,
                         'needs permission checks (not root)')
    def test_cleanup_read_only_directory(self):
        d = tempfile.TemporaryDirectory(dir=self.dir)
        sub = os.path.join(d.name, 'ro')
        os.mkdir(sub)
        open(os.path.join(sub, 'f'), 'w').close()
        os.chmod(sub, 0o500)
        d.cleanup()
        self.assertFalse(os.path.exists(d.name))

    def test_implicit_cleanup_warns(self):
        d = tempfile.TemporaryDirectory(dir=self.dir)
        name = d.name
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            del d
            gc.collect()
        self.assertFalse(os.path.exists(name))
        self.assertTrue(any(issubclass(w.category, ResourceWarning)
                            for w in caught))

    def test_class_getitem(self):
        self.assertIs(tempfile.TemporaryDirectory[str].__origin__,
                      tempfile.TemporaryDirectory)


if __name__ == "__main__":
    unittest.main()
