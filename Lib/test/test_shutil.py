"""Tests of shutil: copying, moving, removing trees, which, terminal size."""

import io
import os
import shutil
import stat
import sys
import tempfile
import unittest

HAS_SYMLINKS = hasattr(os, 'symlink') and os.name == 'posix'


def write_file(path, content='', mode='w'):
    with open(path, mode) as f:
        f.write(content)


def read_file(path, mode='r'):
    with open(path, mode) as f:
        return f.read()


class TempDirTestCase(unittest.TestCase):
    """Each test works in self.dir, a fresh temporary directory."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='braidshutil_')

    def tearDown(self):
        for root, dirs, files in os.walk(self.dir, topdown=False):
            for name in files + dirs:
                full = os.path.join(root, name)
                if os.path.isdir(full) and not os.path.islink(full):
                    os.chmod(full, 0o700)
                    os.rmdir(full)
                else:
                    os.unlink(full)
        os.rmdir(self.dir)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def make_tree(self):
        """src/{a.txt, b.py, sub/{c.txt, deep/d.py}}; return src."""
        src = self.path('src')
        os.makedirs(self.path('src', 'sub', 'deep'))
        write_file(self.path('src', 'a.txt'), 'A')
        write_file(self.path('src', 'b.py'), 'B')
        write_file(self.path('src', 'sub', 'c.txt'), 'C')
        write_file(self.path('src', 'sub', 'deep', 'd.py'), 'D')
        return src


class CopyFileObjTests(unittest.TestCase):

    def test_copyfileobj(self):
        src = io.BytesIO(b'x' * 100000)
        dst = io.BytesIO()
        shutil.copyfileobj(src, dst)
        self.assertEqual(dst.getvalue(), b'x' * 100000)

    def test_length(self):
        sizes = []

        class Reader(io.BytesIO):
            def read(self, n=-1):
                sizes.append(n)
                return super().read(n)

        dst = io.BytesIO()
        shutil.copyfileobj(Reader(b'abcdefg'), dst, 3)
        self.assertEqual(dst.getvalue(), b'abcdefg')
        self.assertEqual(sizes, [3, 3, 3, 3])
        sizes.clear()
        shutil.copyfileobj(Reader(b'xy'), io.BytesIO())
        self.assertEqual(sizes, [shutil.COPY_BUFSIZE] * 2)

    def test_text(self):
        dst = io.StringIO()
        shutil.copyfileobj(io.StringIO('hello'), dst, length=2)
        self.assertEqual(dst.getvalue(), 'hello')


class CopyFileTests(TempDirTestCase):

    def test_copyfile(self):
        write_file(self.path('a'), 'content')
        result = shutil.copyfile(self.path('a'), self.path('b'))
        self.assertEqual(result, self.path('b'))
        self.assertEqual(read_file(self.path('b')), 'content')

    def test_overwrites(self):
        write_file(self.path('a'), 'new')
        write_file(self.path('b'), 'old and longer')
        shutil.copyfile(self.path('a'), self.path('b'))
        self.assertEqual(read_file(self.path('b')), 'new')

    def test_same_file(self):
        write_file(self.path('a'), 'x')
        with self.assertRaises(shutil.SameFileError) as cm:
            shutil.copyfile(self.path('a'), self.path('a'))
        self.assertEqual(str(cm.exception), '%r and %r are the same file'
                         % (self.path('a'), self.path('a')))
        self.assertTrue(issubclass(shutil.SameFileError, shutil.Error))
        self.assertTrue(issubclass(shutil.Error, OSError))

    def test_missing_source(self):
        with self.assertRaises(FileNotFoundError):
            shutil.copyfile(self.path('nope'), self.path('b'))

    def test_destination_is_directory(self):
        write_file(self.path('a'), 'x')
        os.mkdir(self.path('d'))
        with self.assertRaises(IsADirectoryError):
            shutil.copyfile(self.path('a'), self.path('d'))

    @unittest.skipUnless(HAS_SYMLINKS, 'needs symlinks')
    def test_follow_symlinks(self):
        write_file(self.path('a'), 'target')
        os.symlink(self.path('a'), self.path('link'))
        shutil.copyfile(self.path('link'), self.path('b'))
        self.assertFalse(os.path.islink(self.path('b')))
        self.assertEqual(read_file(self.path('b')), 'target')
        shutil.copyfile(self.path('link'), self.path('c'),
                        follow_symlinks=False)
        self.assertTrue(os.path.islink(self.path('c')))
        self.assertEqual(os.readlink(self.path('c')), self.path('a'))


class CopyModeStatTests(TempDirTestCase):

    def test_copymode(self):
        write_file(self.path('a'))
        write_file(self.path('b'))
        os.chmod(self.path('a'), 0o640)
        os.chmod(self.path('b'), 0o600)
        shutil.copymode(self.path('a'), self.path('b'))
        self.assertEqual(stat.S_IMODE(os.stat(self.path('b')).st_mode), 0o640)

    def test_copystat_times(self):
        write_file(self.path('a'))
        write_file(self.path('b'))
        os.chmod(self.path('a'), 0o604)
        os.utime(self.path('a'), ns=(1_000_000_000_123, 2_000_000_000_456))
        shutil.copystat(self.path('a'), self.path('b'))
        st = os.stat(self.path('b'))
        self.assertEqual(stat.S_IMODE(st.st_mode), 0o604)
        self.assertEqual(st.st_mtime_ns, 2_000_000_000_456)
        self.assertEqual(st.st_atime_ns, 1_000_000_000_123)

    def test_copy(self):
        write_file(self.path('a'), 'data')
        os.chmod(self.path('a'), 0o641)
        os.mkdir(self.path('d'))
        result = shutil.copy(self.path('a'), self.path('d'))
        self.assertEqual(result, self.path('d', 'a'))
        self.assertEqual(read_file(result), 'data')
        self.assertEqual(stat.S_IMODE(os.stat(result).st_mode), 0o641)

    def test_copy2(self):
        write_file(self.path('a'), 'data')
        os.utime(self.path('a'), ns=(5_000_000_000, 7_000_000_000))
        result = shutil.copy2(self.path('a'), self.path('b'))
        self.assertEqual(result, self.path('b'))
        self.assertEqual(os.stat(result).st_mtime_ns, 7_000_000_000)


class IgnorePatternsTests(unittest.TestCase):

    def test_ignore_patterns(self):
        ignore = shutil.ignore_patterns('*.py', 'tmp*')
        self.assertEqual(ignore('/x', ['a.py', 'b.txt', 'tmp1', 'c']),
                         {'a.py', 'tmp1'})
        self.assertEqual(ignore('/x', []), set())


class CopyTreeTests(TempDirTestCase):

    def listing(self, top):
        result = []
        for root, dirs, files in os.walk(top):
            rel = os.path.relpath(root, top)
            for name in files:
                result.append(os.path.normpath(os.path.join(rel, name)))
        return sorted(result)

    def test_copytree(self):
        src = self.make_tree()
        dst = self.path('dst')
        self.assertEqual(shutil.copytree(src, dst), dst)
        self.assertEqual(self.listing(dst), self.listing(src))
        self.assertEqual(read_file(self.path('dst', 'sub', 'deep', 'd.py')),
                         'D')

    def test_existing_destination(self):
        src = self.make_tree()
        os.mkdir(self.path('dst'))
        with self.assertRaises(FileExistsError):
            shutil.copytree(src, self.path('dst'))
        write_file(self.path('dst', 'extra'), 'E')
        shutil.copytree(src, self.path('dst'), dirs_exist_ok=True)
        self.assertIn('extra', os.listdir(self.path('dst')))
        self.assertIn('a.txt', os.listdir(self.path('dst')))

    def test_ignore(self):
        src = self.make_tree()
        dst = self.path('dst')
        shutil.copytree(src, dst, ignore=shutil.ignore_patterns('*.py'))
        self.assertEqual(self.listing(dst), ['a.txt', 'sub/c.txt'])

    def test_ignore_callable_arguments(self):
        src = self.make_tree()
        calls = []

        def ignore(path, names):
            calls.append((path, sorted(names)))
            return ['sub']

        shutil.copytree(src, self.path('dst'), ignore=ignore)
        self.assertEqual(calls, [(src, ['a.txt', 'b.py', 'sub'])])
        self.assertEqual(self.listing(self.path('dst')), ['a.txt', 'b.py'])

    def test_copy_function(self):
        src = self.make_tree()
        copied = []

        def copy_function(s, d):
            copied.append(os.path.basename(s))
            return shutil.copy2(s, d)

        shutil.copytree(src, self.path('dst'), copy_function=copy_function)
        self.assertEqual(sorted(copied), ['a.txt', 'b.py', 'c.txt', 'd.py'])

    @unittest.skipUnless(HAS_SYMLINKS, 'needs symlinks')
    def test_symlinks(self):
        src = self.make_tree()
        os.symlink('a.txt', self.path('src', 'link'))
        shutil.copytree(src, self.path('followed'))
        self.assertFalse(os.path.islink(self.path('followed', 'link')))
        self.assertEqual(read_file(self.path('followed', 'link')), 'A')
        shutil.copytree(src, self.path('kept'), symlinks=True)
        self.assertTrue(os.path.islink(self.path('kept', 'link')))
        self.assertEqual(os.readlink(self.path('kept', 'link')), 'a.txt')

    @unittest.skipUnless(HAS_SYMLINKS, 'needs symlinks')
    def test_dangling_symlink(self):
        src = self.make_tree()
        os.symlink('missing', self.path('src', 'dangling'))
        with self.assertRaises(shutil.Error) as cm:
            shutil.copytree(src, self.path('dst1'))
        errors = cm.exception.args[0]
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0][0], self.path('src', 'dangling'))
        shutil.copytree(src, self.path('dst2'), ignore_dangling_symlinks=True)
        self.assertNotIn('dangling', os.listdir(self.path('dst2')))


class RmtreeTests(TempDirTestCase):

    def test_rmtree(self):
        src = self.make_tree()
        shutil.rmtree(src)
        self.assertFalse(os.path.exists(src))

    def test_missing(self):
        with self.assertRaises(FileNotFoundError):
            shutil.rmtree(self.path('nope'))
        shutil.rmtree(self.path('nope'), ignore_errors=True)

    def test_onexc(self):
        calls = []
        shutil.rmtree(self.path('nope'), onexc=lambda *args: calls.append(args))
        self.assertEqual(len(calls), 1)
        func, path, exc = calls[0]
        self.assertIs(func, os.lstat)
        self.assertEqual(path, self.path('nope'))
        self.assertIsInstance(exc, FileNotFoundError)

    def test_onerror(self):
        calls = []
        shutil.rmtree(self.path('nope'),
                      onerror=lambda *args: calls.append(args))
        func, path, exc_info = calls[0]
        self.assertIs(func, os.lstat)
        self.assertIs(exc_info[0], FileNotFoundError)
        self.assertIsInstance(exc_info[1], FileNotFoundError)

    def test_file(self):
        write_file(self.path('f'), 'x')
        with self.assertRaises(NotADirectoryError):
            shutil.rmtree(self.path('f'))
        calls = []
        shutil.rmtree(self.path('f'), onexc=lambda *args: calls.append(args))
        self.assertEqual([c[0] for c in calls][1:], [os.rmdir])
        self.assertTrue(all(isinstance(c[2], NotADirectoryError)
                            for c in calls))

    @unittest.skipUnless(HAS_SYMLINKS, 'needs symlinks')
    def test_symlink(self):
        os.mkdir(self.path('d'))
        os.symlink(self.path('d'), self.path('link'))
        with self.assertRaises(OSError) as cm:
            shutil.rmtree(self.path('link'))
        self.assertEqual(cm.exception.args,
                         ('Cannot call rmtree on a symbolic link',))
        self.assertEqual(cm.exception.filename, self.path('link'))
        self.assertEqual(str(cm.exception),
                         "[Errno None] None: %r" % self.path('link'))
        calls = []
        shutil.rmtree(self.path('link'), onexc=lambda *a: calls.append(a))
        self.assertIs(calls[0][0], os.path.islink)
        self.assertTrue(os.path.isdir(self.path('d')))

    @unittest.skipUnless(HAS_SYMLINKS, 'needs symlinks')
    def test_symlink_inside_is_not_followed(self):
        os.makedirs(self.path('keep'))
        write_file(self.path('keep', 'k'), 'k')
        src = self.make_tree()
        os.symlink(self.path('keep'), self.path('src', 'link'))
        shutil.rmtree(src)
        self.assertEqual(os.listdir(self.path('keep')), ['k'])


class RmtreeDirFdTests(TempDirTestCase):

    @unittest.skipUnless(os.path.isdir('/proc/self/fd'), 'needs /proc')
    def test_dir_fd(self):
        self.make_tree()
        fd = os.open(self.dir, os.O_RDONLY | os.O_DIRECTORY)
        try:
            shutil.rmtree('src', dir_fd=fd)
        finally:
            os.close(fd)
        self.assertEqual(os.listdir(self.dir), [])


class ChownTests(TempDirTestCase):

    def test_requires_user_or_group(self):
        write_file(self.path('f'))
        with self.assertRaises(ValueError) as cm:
            shutil.chown(self.path('f'))
        self.assertEqual(str(cm.exception), 'user and/or group must be set')

    def test_unknown_names(self):
        write_file(self.path('f'))
        with self.assertRaises(LookupError) as cm:
            shutil.chown(self.path('f'), user='no_such_user_braid')
        self.assertEqual(str(cm.exception),
                         "no such user: 'no_such_user_braid'")
        with self.assertRaises(LookupError) as cm:
            shutil.chown(self.path('f'), group='no_such_group_braid')
        self.assertEqual(str(cm.exception),
                         "no such group: 'no_such_group_braid'")

    @unittest.skipUnless(os.name == 'posix', 'posix ids')
    def test_numeric_ids(self):
        write_file(self.path('f'))
        st = os.stat(self.path('f'))
        shutil.chown(self.path('f'), user=st.st_uid)
        shutil.chown(self.path('f'), group=st.st_gid)
        shutil.chown(self.path('f'), st.st_uid, st.st_gid)
        self.assertEqual(os.stat(self.path('f')).st_uid, st.st_uid)

    @unittest.skipUnless(os.name == 'posix' and os.getuid() == 0,
                         'needs the root user')
    def test_root_name(self):
        write_file(self.path('f'))
        shutil.chown(self.path('f'), user='root', group=0)
        self.assertEqual(os.stat(self.path('f')).st_uid, 0)


class MoveTests(TempDirTestCase):

    def test_rename_file(self):
        write_file(self.path('a'), 'x')
        self.assertEqual(shutil.move(self.path('a'), self.path('b')),
                         self.path('b'))
        self.assertFalse(os.path.exists(self.path('a')))
        self.assertEqual(read_file(self.path('b')), 'x')

    def test_into_directory(self):
        write_file(self.path('a'), 'x')
        os.mkdir(self.path('d'))
        self.assertEqual(shutil.move(self.path('a'), self.path('d')),
                         self.path('d', 'a'))
        self.assertTrue(os.path.exists(self.path('d', 'a')))

    def test_directory_into_directory(self):
        src = self.make_tree()
        os.mkdir(self.path('d'))
        result = shutil.move(src, self.path('d'))
        self.assertEqual(result, self.path('d', 'src'))
        self.assertTrue(os.path.exists(self.path('d', 'src', 'sub', 'c.txt')))

    def test_destination_exists(self):
        os.makedirs(self.path('a'))
        os.makedirs(self.path('d', 'a'))
        with self.assertRaises(shutil.Error) as cm:
            shutil.move(self.path('a'), self.path('d'))
        self.assertEqual(str(cm.exception), "Destination path '%s' already exists"
                         % self.path('d', 'a'))

    def test_into_itself(self):
        os.makedirs(self.path('a', 'b'))
        with self.assertRaises(shutil.Error) as cm:
            shutil.move(self.path('a'), self.path('a', 'b'))
        self.assertEqual(str(cm.exception),
                         "Cannot move a directory '%s' into itself '%s'."
                         % (self.path('a'), self.path('a', 'b')))

    def test_destinsrc(self):
        self.assertTrue(shutil._destinsrc('/a/b', '/a/b/c'))
        self.assertFalse(shutil._destinsrc('/a/b', '/a/bc'))


class WhichTests(TempDirTestCase):

    def setUp(self):
        super().setUp()
        self.prog = self.path('myprog')
        write_file(self.prog, '#!/bin/sh\n')
        os.chmod(self.prog, 0o755)

    def test_found(self):
        self.assertEqual(shutil.which('myprog', path=self.dir), self.prog)
        path = os.pathsep.join([self.path('nothere'), self.dir])
        self.assertEqual(shutil.which('myprog', path=path), self.prog)

    def test_not_found(self):
        self.assertIsNone(shutil.which('nosuchprog', path=self.dir))
        self.assertIsNone(shutil.which('myprog', path=''))

    @unittest.skipUnless(os.name == 'posix' and os.getuid() != 0,
                         'root can execute anything')
    def test_not_executable(self):
        os.chmod(self.prog, 0o644)
        self.assertIsNone(shutil.which('myprog', path=self.dir))

    def test_mode(self):
        os.chmod(self.prog, 0o644)
        self.assertEqual(shutil.which('myprog', mode=os.F_OK, path=self.dir),
                         self.prog)

    def test_directory_is_not_a_command(self):
        os.mkdir(self.path('subdir'))
        self.assertIsNone(shutil.which('subdir', path=self.dir))

    def test_with_directory_part(self):
        self.assertEqual(shutil.which(self.prog), self.prog)
        self.assertIsNone(shutil.which(self.path('nope')))

    def test_bytes(self):
        self.assertEqual(shutil.which(b'myprog', path=self.dir),
                         os.fsencode(self.prog))

    def test_environment_path(self):
        saved = os.environ.get('PATH')
        os.environ['PATH'] = self.dir
        try:
            self.assertEqual(shutil.which('myprog'), self.prog)
        finally:
            if saved is None:
                del os.environ['PATH']
            else:
                os.environ['PATH'] = saved


class TerminalSizeTests(unittest.TestCase):

    def setUp(self):
        self.saved = {k: os.environ.get(k) for k in ('COLUMNS', 'LINES')}

    def tearDown(self):
        for key, value in self.saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

    def test_environment(self):
        os.environ['COLUMNS'] = '777'
        os.environ['LINES'] = '888'
        size = shutil.get_terminal_size()
        self.assertEqual(size.columns, 777)
        self.assertEqual(size.lines, 888)
        self.assertEqual(tuple(size), (777, 888))
        self.assertIsInstance(size, os.terminal_size)

    def test_fallback(self):
        os.environ['COLUMNS'] = 'junk'
        os.environ['LINES'] = '0'
        saved_stdout = sys.__stdout__
        sys.__stdout__ = None
        try:
            size = shutil.get_terminal_size(fallback=(30, 40))
        finally:
            sys.__stdout__ = saved_stdout
        self.assertEqual(tuple(size), (30, 40))

    def test_partial_environment(self):
        os.environ['COLUMNS'] = '123'
        os.environ.pop('LINES', None)
        saved_stdout = sys.__stdout__
        sys.__stdout__ = None
        try:
            size = shutil.get_terminal_size()
        finally:
            sys.__stdout__ = saved_stdout
        self.assertEqual(tuple(size), (123, 24))


if __name__ == "__main__":
    unittest.main()
