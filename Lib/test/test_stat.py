"""Tests of the stat module; expected values are CPython 3.13's (Linux)."""

import os
import stat
import sys
import tempfile
import unittest


TYPES = [
    # (S_IF* constant, S_IS* predicate, filemode letter)
    ('S_IFDIR', 'S_ISDIR', 'd'),
    ('S_IFCHR', 'S_ISCHR', 'c'),
    ('S_IFBLK', 'S_ISBLK', 'b'),
    ('S_IFREG', 'S_ISREG', '-'),
    ('S_IFIFO', 'S_ISFIFO', 'p'),
    ('S_IFLNK', 'S_ISLNK', 'l'),
    ('S_IFSOCK', 'S_ISSOCK', 's'),
]


class ConstantTests(unittest.TestCase):

    def test_file_types(self):
        self.assertEqual(stat.S_IFDIR, 0o040000)
        self.assertEqual(stat.S_IFCHR, 0o020000)
        self.assertEqual(stat.S_IFBLK, 0o060000)
        self.assertEqual(stat.S_IFREG, 0o100000)
        self.assertEqual(stat.S_IFIFO, 0o010000)
        self.assertEqual(stat.S_IFLNK, 0o120000)
        self.assertEqual(stat.S_IFSOCK, 0o140000)
        if sys.platform.startswith('linux'):
            self.assertEqual((stat.S_IFDOOR, stat.S_IFPORT, stat.S_IFWHT), (0, 0, 0))

    def test_permission_bits(self):
        expected = {
            'S_ISUID': 0o4000, 'S_ISGID': 0o2000, 'S_ISVTX': 0o1000, 'S_ENFMT': 0o2000,
            'S_IRWXU': 0o700, 'S_IRUSR': 0o400, 'S_IWUSR': 0o200, 'S_IXUSR': 0o100,
            'S_IRWXG': 0o070, 'S_IRGRP': 0o040, 'S_IWGRP': 0o020, 'S_IXGRP': 0o010,
            'S_IRWXO': 0o007, 'S_IROTH': 0o004, 'S_IWOTH': 0o002, 'S_IXOTH': 0o001,
            'S_IREAD': 0o400, 'S_IWRITE': 0o200, 'S_IEXEC': 0o100,
        }
        for name, value in expected.items():
            with self.subTest(name=name):
                self.assertEqual(getattr(stat, name), value)
        self.assertEqual(stat.S_IRWXU, stat.S_IRUSR | stat.S_IWUSR | stat.S_IXUSR)
        self.assertEqual(stat.S_IRWXG, stat.S_IRGRP | stat.S_IWGRP | stat.S_IXGRP)
        self.assertEqual(stat.S_IRWXO, stat.S_IROTH | stat.S_IWOTH | stat.S_IXOTH)

    def test_st_indexes(self):
        names = ['ST_MODE', 'ST_INO', 'ST_DEV', 'ST_NLINK', 'ST_UID', 'ST_GID', 'ST_SIZE',
                 'ST_ATIME', 'ST_MTIME', 'ST_CTIME']
        self.assertEqual([getattr(stat, n) for n in names], list(range(10)))

    def test_flags(self):
        expected = {
            'UF_NODUMP': 0x1, 'UF_IMMUTABLE': 0x2, 'UF_APPEND': 0x4, 'UF_OPAQUE': 0x8,
            'UF_NOUNLINK': 0x10, 'UF_COMPRESSED': 0x20, 'UF_TRACKED': 0x40,
            'UF_DATAVAULT': 0x80, 'UF_HIDDEN': 0x8000, 'UF_SETTABLE': 0xffff,
            'SF_ARCHIVED': 0x10000, 'SF_IMMUTABLE': 0x20000, 'SF_APPEND': 0x40000,
            'SF_RESTRICTED': 0x80000, 'SF_NOUNLINK': 0x100000, 'SF_SNAPSHOT': 0x200000,
            'SF_FIRMLINK': 0x800000, 'SF_DATALESS': 0x40000000, 'SF_SETTABLE': 0xffff0000,
        }
        for name, value in expected.items():
            with self.subTest(name=name):
                self.assertEqual(getattr(stat, name), value)

    def test_windows_file_attributes(self):
        expected = {
            'READONLY': 0x1, 'HIDDEN': 0x2, 'SYSTEM': 0x4, 'DIRECTORY': 0x10,
            'ARCHIVE': 0x20, 'DEVICE': 0x40, 'NORMAL': 0x80, 'TEMPORARY': 0x100,
            'SPARSE_FILE': 0x200, 'REPARSE_POINT': 0x400, 'COMPRESSED': 0x800,
            'OFFLINE': 0x1000, 'NOT_CONTENT_INDEXED': 0x2000, 'ENCRYPTED': 0x4000,
            'INTEGRITY_STREAM': 0x8000, 'VIRTUAL': 0x10000, 'NO_SCRUB_DATA': 0x20000,
        }
        for name, value in expected.items():
            with self.subTest(name=name):
                self.assertEqual(getattr(stat, 'FILE_ATTRIBUTE_' + name), value)


class FunctionTests(unittest.TestCase):

    def test_s_imode_and_s_ifmt(self):
        mode = stat.S_IFREG | 0o4755
        self.assertEqual(stat.S_IMODE(mode), 0o4755)
        self.assertEqual(stat.S_IFMT(mode), stat.S_IFREG)
        self.assertEqual(stat.S_IMODE(0o177777), 0o7777)
        self.assertEqual(stat.S_IFMT(0o177777), 0o170000)
        self.assertEqual(stat.S_IMODE(0), 0)
        self.assertEqual(stat.S_IFMT(0o7777), 0)
        self.assertEqual(stat.S_IFMT(0xFFFFFFFF), 0o170000)

    def test_predicates(self):
        for const, pred, _ in TYPES:
            mode = getattr(stat, const) | 0o644
            for other_const, other_pred, _ in TYPES:
                with self.subTest(mode=const, predicate=other_pred):
                    self.assertIs(getattr(stat, other_pred)(mode), other_pred == pred)
            self.assertIs(stat.S_ISDOOR(mode), False)
            self.assertIs(stat.S_ISPORT(mode), False)
            self.assertIs(stat.S_ISWHT(mode), False)
        # permission bits alone are no file type
        for _, pred, _ in TYPES:
            self.assertIs(getattr(stat, pred)(0o777), False)

    def test_argument_errors(self):
        funcs = [stat.S_IFMT, stat.S_IMODE, stat.S_ISDIR, stat.S_ISREG, stat.S_ISDOOR,
                 stat.filemode]
        for func in funcs:
            with self.subTest(func=func.__name__):
                for bad in (1.5, '1', None):
                    with self.assertRaises(TypeError):
                        func(bad)
                with self.assertRaises(OverflowError):
                    func(-1)
                with self.assertRaises(OverflowError):
                    func(2 ** 32)
                func(True)      # bool is an int

    def test_filemode_types(self):
        for const, _, letter in TYPES:
            with self.subTest(const=const):
                self.assertEqual(stat.filemode(getattr(stat, const) | 0o755),
                                 letter + 'rwxr-xr-x')
        self.assertEqual(stat.filemode(0o644), '?rw-r--r--')
        # a file type field matching no known type
        self.assertEqual(stat.filemode(0o170000), '?---------')
        self.assertEqual(stat.filemode(0o030000), '?---------')

    def test_filemode_permissions(self):
        cases = [
            (0o000, '---------'), (0o777, 'rwxrwxrwx'), (0o400, 'r--------'),
            (0o200, '-w-------'), (0o100, '--x------'), (0o040, '---r-----'),
            (0o020, '----w----'), (0o010, '-----x---'), (0o004, '------r--'),
            (0o002, '-------w-'), (0o001, '--------x'), (0o640, 'rw-r-----'),
            # setuid, setgid, sticky: lower case over x, upper case without it
            (0o4755, 'rwsr-xr-x'), (0o4644, 'rwSr--r--'),
            (0o2755, 'rwxr-sr-x'), (0o2745, 'rwxr-Sr-x'),
            (0o1777, 'rwxrwxrwt'), (0o1776, 'rwxrwxrwT'),
            (0o7777, 'rwsrwsrwt'), (0o7000, '--S--S--T'),
        ]
        for bits, text in cases:
            with self.subTest(bits=oct(bits)):
                self.assertEqual(stat.filemode(stat.S_IFREG | bits), '-' + text)

    def test_filemode_every_permission_combination(self):
        letters = 'rwxrwxrwx'
        for bits in range(0o1000):
            expected = ''.join(letters[i] if bits & (0o400 >> i) else '-' for i in range(9))
            self.assertEqual(stat.filemode(stat.S_IFDIR | bits), 'd' + expected)

    def test_real_files(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'f')
            with open(path, 'w'):
                pass
            os.chmod(path, 0o640)
            mode = os.stat(path).st_mode
            self.assertTrue(stat.S_ISREG(mode))
            self.assertFalse(stat.S_ISDIR(mode))
            self.assertEqual(stat.S_IMODE(mode), 0o640)
            self.assertEqual(stat.filemode(mode), '-rw-r-----')
            dmode = os.stat(d).st_mode
            self.assertTrue(stat.S_ISDIR(dmode))
            self.assertEqual(stat.filemode(dmode)[0], 'd')
            if hasattr(os, 'symlink'):
                link = os.path.join(d, 'l')
                os.symlink(path, link)
                self.assertTrue(stat.S_ISLNK(os.lstat(link).st_mode))
                self.assertTrue(stat.S_ISREG(os.stat(link).st_mode))
                self.assertEqual(stat.filemode(os.lstat(link).st_mode)[0], 'l')
            if hasattr(os, 'mkfifo'):
                fifo = os.path.join(d, 'p')
                os.mkfifo(fifo)
                self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode))
                self.assertEqual(stat.filemode(os.stat(fifo).st_mode)[0], 'p')
        if os.path.exists('/dev/null'):
            self.assertTrue(stat.S_ISCHR(os.stat('/dev/null').st_mode))


if __name__ == '__main__':
    unittest.main()
