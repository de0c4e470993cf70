"""Tests for ntpath (Windows path manipulation, usable on every platform)."""

import os
import unittest

import ntpath


class NtpathTests(unittest.TestCase):

    def check(self, function, cases):
        for argument, expected in cases:
            with self.subTest(function=function.__name__, argument=argument):
                self.assertEqual(function(argument), expected)

    def test_splitroot(self):
        self.check(ntpath.splitroot, [
            ('C:\\Users\\Barney', ('C:', '\\', 'Users\\Barney')),
            ('C:/Users/Barney', ('C:', '/', 'Users/Barney')),
            ('C:rel\\path', ('C:', '', 'rel\\path')),
            ('\\\\server\\share\\dir\\f', ('\\\\server\\share', '\\', 'dir\\f')),
            ('//server/share/', ('//server/share', '/', '')),
            ('\\\\?\\UNC\\server\\share\\x', ('\\\\?\\UNC\\server\\share', '\\', 'x')),
            ('\\rooted', ('', '\\', 'rooted')),
            ('Windows/notepad', ('', '', 'Windows/notepad')),
            ('', ('', '', '')),
        ])
        self.assertEqual(ntpath.splitroot(b'C:\\x'), (b'C:', b'\\', b'x'))

    def test_splitdrive(self):
        self.check(ntpath.splitdrive, [
            ('c:\\foo\\bar', ('c:', '\\foo\\bar')),
            ('c:/foo/bar', ('c:', '/foo/bar')),
            ('\\\\conky\\mountpoint\\foo\\bar', ('\\\\conky\\mountpoint', '\\foo\\bar')),
            ('foo', ('', 'foo')),
        ])

    def test_split_basename_dirname(self):
        self.check(ntpath.split, [
            ('c:\\foo\\bar', ('c:\\foo', 'bar')),
            ('\\\\conky\\mountpoint\\foo\\bar', ('\\\\conky\\mountpoint\\foo', 'bar')),
            ('c:\\', ('c:\\', '')),
            ('c:/', ('c:/', '')),
            ('c:foo', ('c:', 'foo')),
            ('foo\\\\\\bar', ('foo', 'bar')),
        ])
        self.assertEqual(ntpath.basename('a/b\\c.txt'), 'c.txt')
        self.assertEqual(ntpath.dirname('a/b\\c.txt'), 'a/b')

    def test_splitext(self):
        self.check(ntpath.splitext, [
            ('foo.ext', ('foo', '.ext')),
            ('/foo/foo.ext', ('/foo/foo', '.ext')),
            ('.ext', ('.ext', '')),
            ('\\foo.ext\\foo', ('\\foo.ext\\foo', '')),
            ('foo.ext\\', ('foo.ext\\', '')),
            ('', ('', '')),
            ('foo.bar.ext', ('foo.bar', '.ext')),
            ('xx/foo.bar.ext', ('xx/foo.bar', '.ext')),
            ('c:a/b\\c.d', ('c:a/b\\c', '.d')),
        ])

    def test_isabs(self):
        self.check(ntpath.isabs, [
            ('c:\\', True), ('\\\\conky\\mountpoint\\', True), ('c:/a', True),
            ('c:', False), ('c:a', False), ('\\a', False), ('a\\b', False),
            ('//server/share', True), ('\\\\?\\c:\\x', True),
        ])

    def test_normcase(self):
        self.assertEqual(ntpath.normcase('A/B\\C'), 'a\\b\\c')
        self.assertEqual(ntpath.normcase(b'A/B'), b'a\\b')

    def test_join(self):
        cases = [
            (('',), ''),
            (('a', 'b'), 'a\\b'),
            (('a\\', 'b'), 'a\\b'),
            (('a', '\\b'), '\\b'),
            (('c:', 'a'), 'c:a'),
            (('c:\\', 'a'), 'c:\\a'),
            (('c:a', 'd:b'), 'd:b'),
            (('c:a', 'C:b'), 'C:a\\b'),
            (('c:\\a', 'd:\\b'), 'd:\\b'),
            (('a', 'c:\\b'), 'c:\\b'),
            (('//server/share', 'x'), '//server/share\\x'),
            (('\\\\server\\share\\', 'x'), '\\\\server\\share\\x'),
            (('a', 'b', 'c'), 'a\\b\\c'),
        ]
        for args, expected in cases:
            with self.subTest(args=args):
                self.assertEqual(ntpath.join(*args), expected)
        self.assertEqual(ntpath.join(b'a', b'b'), b'a\\b')
        with self.assertRaises(TypeError):
            ntpath.join('a', b'b')

    def test_normpath(self):
        self.check(ntpath.normpath, [
            ('A//////././//.//B', 'A\\B'),
            ('A/./B', 'A\\B'),
            ('A/foo/../B', 'A\\B'),
            ('C:A//B', 'C:A\\B'),
            ('D:A/./B', 'D:A\\B'),
            ('C:///A//B', 'C:\\A\\B'),
            ('..', '..'),
            ('../..', '..\\..'),
            ('\\..\\a', '\\a'),
            ('', '.'),
            ('\\\\server\\share\\..\\x', '\\\\server\\share\\x'),
        ])

    def test_relpath_and_commonpath(self):
        self.assertEqual(ntpath.relpath('c:\\a\\b\\c', 'c:\\a\\d'), '..\\b\\c')
        self.assertEqual(ntpath.relpath('c:\\a', 'c:\\a'), '.')
        with self.assertRaises(ValueError):
            ntpath.relpath('c:\\a', 'd:\\a')
        with self.assertRaises(ValueError):
            ntpath.relpath('')
        self.assertEqual(ntpath.commonpath(['C:\\Program Files\\Foo',
                                            'c:\\program files\\bar']),
                         'C:\\Program Files')
        with self.assertRaises(ValueError):
            ntpath.commonpath(['c:\\a', 'd:\\a'])
        with self.assertRaises(ValueError):
            ntpath.commonpath(['\\a', 'a'])
        with self.assertRaises(ValueError):
            ntpath.commonpath([])

    def test_isreserved(self):
        self.check(ntpath.isreserved, [
            ('NUL', True), ('nul.txt', True), ('COM1', True), ('a\\CON', True),
            ('name.', True), ('name ', True), ('x\\a:b', True), ('a:b', False),
            ('normal.txt', False), ('..', False), ('', False),
        ])

    def test_ismount(self):
        self.check(ntpath.ismount, [
            ('c:\\', True), ('C:/', True), ('c:\\a', False),
            ('\\\\server\\share', True), ('\\\\server\\share\\', True),
            ('\\\\server\\share\\x', False),
        ])

    def test_expandvars(self):
        env = {'FOO': 'bar', 'X_Y': 'z'}
        saved = {name: os.environ.get(name) for name in env}
        os.environ.update(env)
        try:
            self.assertEqual(ntpath.expandvars('$FOO/%X_Y%/${FOO}'), 'bar/z/bar')
            self.assertEqual(ntpath.expandvars('%NOT_SET_VARIABLE%'), '%NOT_SET_VARIABLE%')
            self.assertEqual(ntpath.expandvars("'$FOO'"), "'$FOO'")
            self.assertEqual(ntpath.expandvars('100%% $$'), '100% $')
        finally:
            for name, value in saved.items():
                if value is None:
                    del os.environ[name]
                else:
                    os.environ[name] = value

    def test_constants(self):
        self.assertEqual((ntpath.sep, ntpath.altsep, ntpath.pathsep), ('\\', '/', ';'))
        self.assertEqual(ntpath.devnull, 'nul')


if __name__ == '__main__':
    unittest.main()
