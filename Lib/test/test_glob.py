"""Tests of glob: wildcard expansion over a scratch tree, escape, translate."""

import glob
import os
import tempfile
import unittest
import warnings

HAS_SYMLINKS = hasattr(os, 'symlink') and os.name == 'posix'


class GlobTests(unittest.TestCase):
    """Tree used (relative to self.dir):

        a/D  a/bcd/EF  a/bcd/efg/ha  aaa/zzzF  aab/F  ZZZ  .aa/G  .bb/H
        a/.hidden  sym3 -> broken (if symlinks)
    """

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='braidglob_')
        for parts in [('a', 'D'), ('a', 'bcd', 'EF'), ('a', 'bcd', 'efg', 'ha'),
                      ('aaa', 'zzzF'), ('aab', 'F'), ('ZZZ',), ('.aa', 'G'),
                      ('.bb', 'H'), ('a', '.hidden')]:
            self.mktemp(*parts)
        if HAS_SYMLINKS:
            os.symlink('broken', self.norm('sym3'))
        self.cwd = os.getcwd()
        os.chdir(self.dir)

    def tearDown(self):
        os.chdir(self.cwd)
        for root, dirs, files in os.walk(self.dir, topdown=False):
            for name in files:
                os.unlink(os.path.join(root, name))
            for name in dirs:
                full = os.path.join(root, name)
                if os.path.islink(full):
                    os.unlink(full)
                else:
                    os.rmdir(full)
        os.rmdir(self.dir)

    def norm(self, *parts):
        return os.path.join(self.dir, *parts)

    def mktemp(self, *parts):
        filename = self.norm(*parts)
        base, file = os.path.split(filename)
        if not os.path.exists(base):
            os.makedirs(base)
        with open(filename, 'w') as f:
            f.write('')

    def glob(self, *parts, **kwargs):
        pattern = os.path.join(*parts) if parts else ''
        result = glob.glob(pattern, **kwargs)
        self.assertEqual(sorted(glob.iglob(pattern, **kwargs)), sorted(result))
        return sorted(result)

    def j(self, *parts):
        return [os.path.join(*p) if isinstance(p, tuple) else p for p in parts]

    def test_literal(self):
        self.assertEqual(self.glob('a'), ['a'])
        self.assertEqual(self.glob('a', 'D'), [os.path.join('a', 'D')])
        self.assertEqual(self.glob('aab'), ['aab'])
        self.assertEqual(self.glob('zymurgy'), [])
        self.assertEqual(self.glob(''), [])

    def test_absolute(self):
        self.assertEqual(glob.glob(self.norm('a')), [self.norm('a')])
        self.assertEqual(sorted(glob.glob(self.norm('aa*'))),
                         [self.norm('aaa'), self.norm('aab')])

    def test_one_dir(self):
        self.assertEqual(self.glob('a*'), ['a', 'aaa', 'aab'])
        self.assertEqual(self.glob('*a'), ['a', 'aaa'])
        self.assertEqual(self.glob('.*'), ['.aa', '.bb'])
        self.assertEqual(self.glob('?aa'), ['aaa'])
        self.assertEqual(self.glob('aa?'), ['aaa', 'aab'])
        self.assertEqual(self.glob('aa[ab]'), ['aaa', 'aab'])
        self.assertEqual(self.glob('*q'), [])

    def test_hidden(self):
        expected = ['ZZZ', 'a', 'aaa', 'aab']
        if HAS_SYMLINKS:
            expected.append('sym3')
        self.assertEqual(self.glob('*'), expected)
        with_hidden = self.glob('*', include_hidden=True)
        self.assertEqual(with_hidden, sorted(expected + ['.aa', '.bb']))
        self.assertEqual(self.glob('a', '*'),
                         self.j(('a', 'D'), ('a', 'bcd')))
        self.assertEqual(self.glob('a', '.*'), [os.path.join('a', '.hidden')])

    def test_nested_dir(self):
        self.assertEqual(self.glob('a', 'bcd', 'E*'),
                         [os.path.join('a', 'bcd', 'EF')])
        self.assertEqual(self.glob('a', 'bcd', '*g'),
                         [os.path.join('a', 'bcd', 'efg')])
        self.assertEqual(self.glob('*', 'D'), [os.path.join('a', 'D')])
        self.assertEqual(self.glob('*', '*a'), [])
        self.assertEqual(self.glob('a', '*', '*', '*a'),
                         [os.path.join('a', 'bcd', 'efg', 'ha')])
        self.assertEqual(self.glob('?a?', '*F'),
                         self.j(('aaa', 'zzzF'), ('aab', 'F')))

    def test_directories_only(self):
        self.assertEqual(self.glob('*' + os.sep), ['a' + os.sep, 'aaa' + os.sep,
                                                   'aab' + os.sep])
        self.assertEqual(self.glob('a' + os.sep), ['a' + os.sep])
        self.assertEqual(self.glob('ZZZ' + os.sep), [])

    @unittest.skipUnless(HAS_SYMLINKS, 'needs symlinks')
    def test_broken_symlink(self):
        self.assertEqual(self.glob('sym*'), ['sym3'])
        self.assertEqual(self.glob('sym3'), ['sym3'])

    def test_recursive(self):
        full = ['a', os.path.join('a', 'D'), os.path.join('a', 'bcd'),
                os.path.join('a', 'bcd', 'EF'), os.path.join('a', 'bcd', 'efg'),
                os.path.join('a', 'bcd', 'efg', 'ha'), 'aaa',
                os.path.join('aaa', 'zzzF'), 'aab', os.path.join('aab', 'F'),
                'ZZZ']
        if HAS_SYMLINKS:
            full.append('sym3')
        self.assertEqual(self.glob('**', recursive=True), sorted(full))
        self.assertEqual(self.glob('**', '*F', recursive=True),
                         sorted([os.path.join('a', 'bcd', 'EF'),
                                 os.path.join('aaa', 'zzzF'),
                                 os.path.join('aab', 'F')]))
        self.assertEqual(self.glob('a', '**', recursive=True),
                         sorted([os.path.join('a', ''), os.path.join('a', 'D'),
                                 os.path.join('a', 'bcd'),
                                 os.path.join('a', 'bcd', 'EF'),
                                 os.path.join('a', 'bcd', 'efg'),
                                 os.path.join('a', 'bcd', 'efg', 'ha')]))
        dirs = self.glob('**' + os.sep, recursive=True)
        self.assertEqual(dirs, sorted(os.path.join(d, '') for d in
                                      ['a', 'aaa', 'aab',
                                       os.path.join('a', 'bcd'),
                                       os.path.join('a', 'bcd', 'efg')]))
        # Without recursive, '**' is just '*'.
        self.assertEqual(self.glob('**', 'D'), [os.path.join('a', 'D')])

    def test_recursive_hidden(self):
        result = self.glob('**', 'G', recursive=True, include_hidden=True)
        self.assertEqual(result, [os.path.join('.aa', 'G')])
        self.assertEqual(self.glob('**', 'G', recursive=True), [])

    def test_root_dir(self):
        saved = os.getcwd()
        os.chdir(self.cwd)
        try:
            self.assertEqual(sorted(glob.glob('a*', root_dir=self.dir)),
                             ['a', 'aaa', 'aab'])
            self.assertEqual(glob.glob(os.path.join('a', 'bcd', 'E*'),
                                       root_dir=self.dir),
                             [os.path.join('a', 'bcd', 'EF')])
            self.assertEqual(glob.glob('D', root_dir=self.norm('a')), ['D'])
            self.assertEqual(sorted(glob.glob('**', root_dir=self.norm('a'),
                                              recursive=True)),
                             ['D', 'bcd', os.path.join('bcd', 'EF'),
                              os.path.join('bcd', 'efg'),
                              os.path.join('bcd', 'efg', 'ha')])
        finally:
            os.chdir(saved)

    @unittest.skipUnless(os.path.isdir('/proc/self/fd'), 'needs /proc')
    def test_dir_fd(self):
        fd = os.open(self.norm('a'), os.O_RDONLY | os.O_DIRECTORY)
        try:
            self.assertEqual(sorted(glob.glob('*', dir_fd=fd)), ['D', 'bcd'])
            self.assertEqual(glob.glob('E*', root_dir='bcd', dir_fd=fd),
                             ['EF'])
        finally:
            os.close(fd)

    def test_bytes(self):
        self.assertEqual(sorted(glob.glob(b'a*')), [b'a', b'aaa', b'aab'])
        self.assertEqual(glob.glob(os.path.join(b'a', b'D')),
                         [os.path.join(b'a', b'D')])
        self.assertEqual(sorted(glob.glob(b'**', recursive=True))[:2],
                         [b'ZZZ', b'a'])

    def test_iglob_is_lazy_iterator(self):
        it = glob.iglob('a*')
        self.assertIs(iter(it), it)
        self.assertEqual(sorted(it), ['a', 'aaa', 'aab'])

    def test_deprecated_helpers(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            self.assertEqual(glob.glob0(self.dir, 'a'), ['a'])
            self.assertEqual(sorted(glob.glob1(self.dir, 'aa*')),
                             ['aaa', 'aab'])
        self.assertEqual([w.category for w in caught],
                         [DeprecationWarning, DeprecationWarning])


class MagicTests(unittest.TestCase):

    def test_has_magic(self):
        self.assertTrue(glob.has_magic('a*'))
        self.assertTrue(glob.has_magic('a?'))
        self.assertTrue(glob.has_magic('a[b]'))
        self.assertFalse(glob.has_magic('abc'))
        self.assertFalse(glob.has_magic('a]b'))
        self.assertTrue(glob.has_magic(b'*'))
        self.assertFalse(glob.has_magic(b'ab'))

    def test_escape(self):
        self.assertEqual(glob.escape('abc'), 'abc')
        self.assertEqual(glob.escape('[a*b?c]'), '[[]a[*]b[?]c]')
        self.assertEqual(glob.escape(b'x*y'), b'x[*]y')
        self.assertEqual(glob.escape(''), '')

    def test_escaped_name_matches_itself(self):
        d = tempfile.mkdtemp(prefix='braidglob_')
        try:
            name = os.path.join(d, 'we[i]rd*?')
            open(name, 'w').close()
            self.assertEqual(glob.glob(glob.escape(name)), [name])
            os.unlink(name)
        finally:
            os.rmdir(d)


class TranslateTests(unittest.TestCase):

    def test_translate(self):
        t = glob.translate
        self.assertEqual(t('*', seps='/'), r'(?s:[^/.][^/]*)\Z')
        self.assertEqual(t('*', seps='/', include_hidden=True),
                         r'(?s:[^/]+)\Z')
        self.assertEqual(t('?', seps='/'), r'(?s:(?!\.)[^/])\Z')
        self.assertEqual(t('a?b*', seps='/'), r'(?s:a[^/]b[^/]*)\Z')
        self.assertEqual(t('**', seps='/'), r'(?s:(?!\.)[^/]*)\Z')
        self.assertEqual(t('**', seps='/', recursive=True),
                         r'(?s:(?:[^/.][^/]*/)*(?:[^/.][^/]*)?)\Z')
        self.assertEqual(t('**', seps='/', recursive=True,
                           include_hidden=True), r'(?s:.*)\Z')
        self.assertEqual(t('a/**/b', seps='/', recursive=True),
                         r'(?s:a/(?:[^/.][^/]*/)*b)\Z')
        self.assertEqual(t('a/**/b', seps='/', recursive=True,
                           include_hidden=True), r'(?s:a/(?:.+/)?b)\Z')
        self.assertEqual(t('**/**/x', seps='/', recursive=True),
                         r'(?s:(?:[^/.][^/]*/)*x)\Z')
        self.assertEqual(t('*.py', seps='/'), r'(?s:(?!\.)[^/]*\.py)\Z')
        self.assertEqual(t('[!.]x/.*', seps='/'), r'(?s:[^.]x/\.[^/]*)\Z')
        self.assertEqual(t('a/*', seps='/\\'),
                         r'(?s:a[/\\][^/\\.][^/\\]*)\Z')
        self.assertEqual(t('', seps='/'), r'(?s:)\Z')

    @unittest.skipUnless(os.sep == '/' and not os.altsep, 'posix separators')
    def test_default_seps(self):
        self.assertEqual(glob.translate('a/*'), r'(?s:a/[^/.][^/]*)\Z')


if __name__ == "__main__":
    unittest.main()
