"""Tests of the os module's POSIX basics and of os.path."""

import os
import os.path
import stat
import sys
import unittest

TESTDIR = '/tmp/braid_test_os_%d' % os.getpid()


class OSFileTests(unittest.TestCase):

    def setUp(self):
        os.makedirs(TESTDIR, exist_ok=True)

    def tearDown(self):
        for root, dirs, files in os.walk(TESTDIR, topdown=False):
            for name in files:
                os.remove(os.path.join(root, name))
            for name in dirs:
                os.rmdir(os.path.join(root, name))
        os.rmdir(TESTDIR)

    def test_open_write_read_close(self):
        path = os.path.join(TESTDIR, 'f')
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        self.assertEqual(os.write(fd, b'hello world'), 11)
        os.close(fd)
        fd = os.open(path, os.O_RDONLY)
        self.assertEqual(os.read(fd, 5), b'hello')
        self.assertEqual(os.lseek(fd, 0, os.SEEK_CUR), 5)
        self.assertEqual(os.read(fd, 100), b' world')
        self.assertEqual(os.read(fd, 100), b'')
        os.close(fd)

    def test_stat(self):
        path = os.path.join(TESTDIR, 'f')
        with open(path, 'wb') as f:
            f.write(b'x' * 123)
        st = os.stat(path)
        self.assertEqual(st.st_size, 123)
        self.assertTrue(stat.S_ISREG(st.st_mode))
        self.assertEqual(st[stat.ST_SIZE], 123)
        self.assertEqual(len(st), 10)
        self.assertIsInstance(st.st_mtime, float)
        self.assertIsInstance(st.st_mtime_ns, int)
        self.assertTrue(stat.S_ISDIR(os.stat(TESTDIR).st_mode))

    def test_stat_missing_raises_file_not_found(self):
        missing = os.path.join(TESTDIR, 'missing')
        with self.assertRaises(FileNotFoundError) as cm:
            os.stat(missing)
        self.assertEqual(cm.exception.filename, missing)
        self.assertEqual(cm.exception.errno, 2)

    def test_listdir_mkdir_rename_remove(self):
        os.mkdir(os.path.join(TESTDIR, 'sub'))
        with open(os.path.join(TESTDIR, 'a.txt'), 'w') as f:
            f.write('a')
        self.assertEqual(sorted(os.listdir(TESTDIR)), ['a.txt', 'sub'])
        self.assertEqual(sorted(os.listdir(os.fsencode(TESTDIR))), [b'a.txt', b'sub'])
        os.rename(os.path.join(TESTDIR, 'a.txt'), os.path.join(TESTDIR, 'b.txt'))
        self.assertEqual(sorted(os.listdir(TESTDIR)), ['b.txt', 'sub'])
        os.replace(os.path.join(TESTDIR, 'b.txt'), os.path.join(TESTDIR, 'sub', 'c.txt'))
        self.assertEqual(os.listdir(os.path.join(TESTDIR, 'sub')), ['c.txt'])
        with self.assertRaises(FileExistsError):
            os.mkdir(os.path.join(TESTDIR, 'sub'))
        with self.assertRaises(OSError):
            os.rmdir(os.path.join(TESTDIR, 'sub'))

    def test_makedirs(self):
        deep = os.path.join(TESTDIR, 'x', 'y', 'z')
        os.makedirs(deep)
        self.assertTrue(os.path.isdir(deep))
        os.makedirs(deep, exist_ok=True)
        with self.assertRaises(FileExistsError):
            os.makedirs(deep)

    def test_walk(self):
        os.makedirs(os.path.join(TESTDIR, 'd1', 'd2'))
        for name in ('d1/f1', 'd1/d2/f2', 'f0'):
            with open(os.path.join(TESTDIR, name), 'w') as f:
                f.write(name)
        found = []
        for root, dirs, files in os.walk(TESTDIR):
            dirs.sort()
            found.append((os.path.relpath(root, TESTDIR), sorted(files)))
        self.assertEqual(found, [('.', ['f0']), ('d1', ['f1']), ('d1/d2', ['f2'])])

    def test_pipe(self):
        r, w = os.pipe()
        os.write(w, b'through the pipe')
        os.close(w)
        self.assertEqual(os.read(r, 100), b'through the pipe')
        self.assertEqual(os.read(r, 100), b'')
        os.close(r)


class OSProcessTests(unittest.TestCase):

    def test_getpid(self):
        self.assertIsInstance(os.getpid(), int)
        self.assertGreater(os.getpid(), 0)
        self.assertNotEqual(os.getpid(), os.getppid())

    def test_getcwd_chdir(self):
        old = os.getcwd()
        try:
            os.chdir('/')
            self.assertEqual(os.getcwd(), '/')
            self.assertEqual(os.getcwdb(), b'/')
        finally:
            os.chdir(old)
        self.assertEqual(os.getcwd(), old)

    def test_environ(self):
        os.environ['BRAID_TEST_VAR'] = 'value=1'
        try:
            self.assertEqual(os.environ['BRAID_TEST_VAR'], 'value=1')
            self.assertEqual(os.getenv('BRAID_TEST_VAR'), 'value=1')
            self.assertIn('BRAID_TEST_VAR', os.environ)
        finally:
            del os.environ['BRAID_TEST_VAR']
        self.assertNotIn('BRAID_TEST_VAR', os.environ)
        self.assertIsNone(os.getenv('BRAID_TEST_VAR'))
        self.assertEqual(os.getenv('BRAID_TEST_VAR', 'dflt'), 'dflt')
        with self.assertRaises(KeyError):
            os.environ['BRAID_TEST_VAR']

    def test_cpu_count_and_urandom(self):
        self.assertGreaterEqual(os.cpu_count(), 1)
        data = os.urandom(32)
        self.assertEqual(len(data), 32)
        self.assertIsInstance(data, bytes)
        self.assertEqual(os.urandom(0), b'')

    def test_fspath(self):
        class P:
            def __fspath__(self):
                return '/some/path'
        self.assertEqual(os.fspath(P()), '/some/path')
        self.assertEqual(os.fspath(b'x'), b'x')
        with self.assertRaises(TypeError):
            os.fspath(3)
        self.assertTrue(isinstance(P(), os.PathLike))

    def test_strerror(self):
        self.assertEqual(os.strerror(2), 'No such file or directory')

    def test_fork_waitpid(self):
        pid = os.fork()
        if pid == 0:
            os._exit(7)
        got, status = os.waitpid(pid, 0)
        self.assertEqual(got, pid)
        self.assertEqual(os.waitstatus_to_exitcode(status), 7)


class PathTests(unittest.TestCase):

    def test_join_split(self):
        self.assertEqual(os.path.join('a', 'b', 'c'), 'a/b/c')
        self.assertEqual(os.path.join('a/', 'b'), 'a/b')
        self.assertEqual(os.path.join('a', '/b', 'c'), '/b/c')
        self.assertEqual(os.path.split('/usr/lib/x.py'), ('/usr/lib', 'x.py'))
        self.assertEqual(os.path.split('x.py'), ('', 'x.py'))
        self.assertEqual(os.path.split('//a'), ('//', 'a'))
        self.assertEqual(os.path.basename('/a/b'), 'b')
        self.assertEqual(os.path.dirname('/a/b'), '/a')

    def test_splitext(self):
        self.assertEqual(os.path.splitext('a/b.tar.gz'), ('a/b.tar', '.gz'))
        self.assertEqual(os.path.splitext('.bashrc'), ('.bashrc', ''))
        self.assertEqual(os.path.splitext('a.b/c'), ('a.b/c', ''))

    def test_normpath_abspath(self):
        self.assertEqual(os.path.normpath('/a//b/./c/../d'), '/a/b/d')
        self.assertEqual(os.path.normpath(''), '.')
        self.assertEqual(os.path.normpath('../../x'), '../../x')
        self.assertEqual(os.path.normpath('//a'), '//a')
        self.assertEqual(os.path.normpath('///a'), '/a')
        self.assertTrue(os.path.isabs(os.path.abspath('x')))
        self.assertEqual(os.path.abspath('/a/../b'), '/b')

    def test_relpath_commonpath(self):
        self.assertEqual(os.path.relpath('/a/b/c', '/a/x'), '../b/c')
        self.assertEqual(os.path.commonpath(['/a/b/c', '/a/b/d']), '/a/b')
        with self.assertRaises(ValueError):
            os.path.commonpath(['/a', 'b'])

    def test_exists_isfile_isdir(self):
        self.assertTrue(os.path.exists('/'))
        self.assertTrue(os.path.isdir('/'))
        self.assertFalse(os.path.isfile('/'))
        self.assertFalse(os.path.exists('/definitely/not/here'))

    def test_expanduser(self):
        home = os.environ.get('HOME')
        if home:
            self.assertEqual(os.path.expanduser('~/x'), home.rstrip('/') + '/x')
        self.assertEqual(os.path.expanduser('a~'), 'a~')


class MorePosixTests(unittest.TestCase):
    def setUp(self):
        self.dir = '/tmp/braid_test_os_more_%d' % os.getpid()
        os.makedirs(self.dir, exist_ok=True)
        self.file = os.path.join(self.dir, 'f')
        with open(self.file, 'w') as f:
            f.write('0123456789')

    def tearDown(self):
        for name in os.listdir(self.dir):
            os.unlink(os.path.join(self.dir, name))
        os.rmdir(self.dir)

    def test_scandir(self):
        os.mkdir(os.path.join(self.dir, 'sub'))
        os.symlink(self.file, os.path.join(self.dir, 'link'))
        with os.scandir(self.dir) as it:
            entries = {e.name: e for e in it}
        self.assertEqual(sorted(entries), ['f', 'link', 'sub'])
        self.assertTrue(entries['sub'].is_dir())
        self.assertTrue(entries['f'].is_file())
        self.assertTrue(entries['link'].is_symlink())
        self.assertTrue(entries['link'].is_file())
        self.assertFalse(entries['link'].is_file(follow_symlinks=False))
        self.assertEqual(entries['f'].path, self.file)
        self.assertEqual(os.fspath(entries['f']), self.file)
        self.assertEqual(entries['f'].stat().st_size, 10)
        self.assertEqual(repr(entries['f']), "<DirEntry 'f'>")
        os.rmdir(os.path.join(self.dir, 'sub'))

    def test_utime_and_truncate(self):
        os.utime(self.file, (1, 2))
        st = os.stat(self.file)
        self.assertEqual((st.st_atime, st.st_mtime), (1.0, 2.0))
        os.utime(self.file, ns=(5 * 10**9 + 1, 7 * 10**9 + 3))
        self.assertEqual(os.stat(self.file).st_mtime_ns, 7 * 10**9 + 3)
        with self.assertRaises(ValueError):
            os.utime(self.file, (1, 2), ns=(1, 2))
        os.truncate(self.file, 4)
        self.assertEqual(os.stat(self.file).st_size, 4)

    def test_inheritable_and_blocking(self):
        r, w = os.pipe()
        try:
            self.assertFalse(os.get_inheritable(r))
            os.set_inheritable(r, True)
            self.assertTrue(os.get_inheritable(r))
            self.assertTrue(os.get_blocking(w))
            os.set_blocking(w, False)
            self.assertFalse(os.get_blocking(w))
        finally:
            os.close(r)
            os.close(w)

    def test_execvpe_in_child(self):
        pid = os.fork()
        if pid == 0:
            try:
                os.execvpe('sh', ['sh', '-c', 'exit $X'], {'X': '5', 'PATH': '/bin:/usr/bin'})
            finally:
                os._exit(127)
        self.assertEqual(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), 5)

    def test_symlink_and_chmod_options(self):
        link = os.path.join(self.dir, 'link2')
        os.symlink(self.file, link, target_is_directory=False)
        self.assertEqual(os.readlink(link), self.file)
        os.chmod(self.file, 0o600, follow_symlinks=True)
        self.assertEqual(os.stat(self.file).st_mode & 0o777, 0o600)
        os.chmod(self.file, 0o640, follow_symlinks=False)
        self.assertEqual(os.stat(self.file).st_mode & 0o777, 0o640)
        with self.assertRaises(NotImplementedError):
            os.chmod(link, 0o600, follow_symlinks=False)

    def test_process_information(self):
        self.assertGreaterEqual(os.process_cpu_count(), 1)
        self.assertLessEqual(os.process_cpu_count(), os.cpu_count())
        self.assertEqual(len(os.getloadavg()), 3)
        self.assertEqual(os.getpgid(0), os.getpgrp())
        self.assertTrue(os.WIFSTOPPED(0x137f))
        self.assertEqual(os.WSTOPSIG(0x137f), 0x13)


if __name__ == '__main__':
    unittest.main()
