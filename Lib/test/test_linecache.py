"""Tests of linecache; expected behaviour is CPython 3.13's."""

import linecache
import os
import sys
import tempfile
import unittest


SOURCE = 'line one\nline two\n\nline four'


class LinecacheTestBase(unittest.TestCase):

    def setUp(self):
        linecache.clearcache()
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.addCleanup(linecache.clearcache)

    def write(self, name, text, encoding='utf-8'):
        path = os.path.join(self.tmp.name, name)
        with open(path, 'w', encoding=encoding) as f:
            f.write(text)
        return path


class GetlineTests(LinecacheTestBase):

    def test_getline(self):
        path = self.write('a.py', SOURCE)
        self.assertEqual(linecache.getline(path, 1), 'line one\n')
        self.assertEqual(linecache.getline(path, 2), 'line two\n')
        self.assertEqual(linecache.getline(path, 3), '\n')
        # a missing final newline is added
        self.assertEqual(linecache.getline(path, 4), 'line four\n')

    def test_out_of_range(self):
        path = self.write('a.py', SOURCE)
        for lineno in (0, -1, 5, 1000):
            with self.subTest(lineno=lineno):
                self.assertEqual(linecache.getline(path, lineno), '')

    def test_missing_files(self):
        missing = os.path.join(self.tmp.name, 'no_such_file.py')
        self.assertEqual(linecache.getline(missing, 1), '')
        self.assertEqual(linecache.getlines(missing), [])
        self.assertNotIn(missing, linecache.cache)
        self.assertEqual(linecache.getline('', 1), '')
        self.assertEqual(linecache.getline('<string>', 1), '')
        self.assertEqual(linecache.getlines('<stdin>'), [])
        # a directory cannot be read
        self.assertEqual(linecache.getlines(self.tmp.name), [])

    def test_getlines_and_cache(self):
        path = self.write('b.py', 'x = 1\ny = 2\n')
        lines = linecache.getlines(path)
        self.assertEqual(lines, ['x = 1\n', 'y = 2\n'])
        self.assertIn(path, linecache.cache)
        size, mtime, cached_lines, fullname = linecache.cache[path]
        self.assertEqual(size, os.path.getsize(path))
        self.assertEqual(mtime, os.stat(path).st_mtime)
        self.assertEqual(cached_lines, lines)
        self.assertEqual(fullname, path)
        # served from the cache: the same list
        self.assertIs(linecache.getlines(path), cached_lines)

    def test_empty_file(self):
        path = self.write('empty.py', '')
        # an empty file reads as a single empty line
        self.assertEqual(linecache.getlines(path), ['\n'])
        self.assertEqual(linecache.getline(path, 1), '\n')
        self.assertEqual(linecache.getline(path, 2), '')

    def test_encoding_cookie(self):
        path = os.path.join(self.tmp.name, 'latin.py')
        with open(path, 'wb') as f:
            f.write(b'# -*- coding: latin-1 -*-\ns = "\xe9"\n')
        self.assertEqual(linecache.getline(path, 2), 's = "\xe9"\n')

    def test_undecodable_file(self):
        path = os.path.join(self.tmp.name, 'bad.py')
        with open(path, 'wb') as f:
            f.write(b'x = "\xff\xfe"\n')
        self.assertEqual(linecache.getlines(path), [])

    def test_relative_name_searches_sys_path(self):
        self.write('on_path_mod.py', 'found = True\n')
        sys.path.insert(0, self.tmp.name)
        self.addCleanup(sys.path.remove, self.tmp.name)
        self.assertEqual(linecache.getline('on_path_mod.py', 1), 'found = True\n')
        self.assertEqual(linecache.cache['on_path_mod.py'][3],
                         os.path.join(self.tmp.name, 'on_path_mod.py'))

    def test_real_module(self):
        # this very file
        self.assertEqual(linecache.getline(__file__, 1),
                         '"""Tests of linecache; expected behaviour is CPython 3.13\'s."""\n')


class CheckcacheTests(LinecacheTestBase):

    def test_clearcache(self):
        path = self.write('c.py', 'a\n')
        linecache.getlines(path)
        self.assertIn(path, linecache.cache)
        linecache.clearcache()
        self.assertEqual(linecache.cache, {})

    def test_changed_file_is_dropped(self):
        path = self.write('d.py', 'old\n')
        self.assertEqual(linecache.getline(path, 1), 'old\n')
        self.write('d.py', 'new and longer\n')
        # without checkcache the stale lines are returned
        self.assertEqual(linecache.getline(path, 1), 'old\n')
        linecache.checkcache(path)
        self.assertNotIn(path, linecache.cache)
        self.assertEqual(linecache.getline(path, 1), 'new and longer\n')

    def test_removed_file_is_dropped(self):
        path = self.write('e.py', 'x\n')
        other = self.write('f.py', 'y\n')
        linecache.getlines(path)
        linecache.getlines(other)
        os.remove(path)
        linecache.checkcache()
        self.assertNotIn(path, linecache.cache)
        self.assertIn(other, linecache.cache)
        self.assertEqual(linecache.getline(path, 1), '')

    def test_unchanged_file_is_kept(self):
        path = self.write('g.py', 'x\n')
        lines = linecache.getlines(path)
        linecache.checkcache(path)
        linecache.checkcache()
        self.assertIs(linecache.getlines(path), lines)
        linecache.checkcache('not cached at all')

    def test_entries_without_mtime_are_kept(self):
        linecache.cache['<custom>'] = (3, None, ['a\n'], '<custom>')
        linecache.checkcache()
        self.assertEqual(linecache.getline('<custom>', 1), 'a\n')


class FakeLoader:
    def __init__(self, source):
        self.source = source
        self.calls = []

    def get_source(self, name):
        self.calls.append(name)
        return self.source


class LoaderTests(LinecacheTestBase):

    def test_module_globals_loader(self):
        loader = FakeLoader('first\nsecond')
        glob = {'__name__': 'fake_mod', '__loader__': loader}
        name = os.path.join(self.tmp.name, 'not_there.py')
        self.assertEqual(linecache.getline(name, 2, glob), 'second\n')
        self.assertEqual(loader.calls, ['fake_mod'])
        size, mtime, lines, fullname = linecache.cache[name]
        self.assertIsNone(mtime)
        self.assertEqual(size, len('first\nsecond'))
        self.assertEqual(lines, ['first\n', 'second\n'])
        # kept by checkcache although the file does not exist
        linecache.checkcache()
        self.assertEqual(linecache.getline(name, 1), 'first\n')

    def test_spec_loader_and_name_preferred(self):
        class Spec:
            name = 'from_spec'
            loader = FakeLoader('spec source\n')
        glob = {'__name__': 'ignored', '__spec__': Spec, '__loader__': FakeLoader('no\n')}
        self.assertEqual(linecache.getline('missing_spec_file.py', 1, glob), 'spec source\n')
        self.assertEqual(Spec.loader.calls, ['from_spec'])

    def test_loader_returning_none(self):
        glob = {'__name__': 'm', '__loader__': FakeLoader(None)}
        self.assertEqual(linecache.getlines('missing_none.py', glob), [])

    def test_loader_raising(self):
        class Failing:
            def get_source(self, name):
                raise ImportError('nope')
        glob = {'__name__': 'm', '__loader__': Failing()}
        self.assertEqual(linecache.getlines('missing_failing.py', glob), [])

    def test_lazycache(self):
        loader = FakeLoader('lazy line\n')
        glob = {'__name__': 'lazy_mod', '__loader__': loader}
        self.assertTrue(linecache.lazycache('lazy.py', glob))
        self.assertEqual(len(linecache.cache['lazy.py']), 1)
        self.assertEqual(loader.calls, [])           # nothing fetched yet
        # a second call keeps the lazy entry
        self.assertTrue(linecache.lazycache('lazy.py', glob))
        # checkcache leaves lazy entries alone
        linecache.checkcache()
        self.assertEqual(len(linecache.cache['lazy.py']), 1)
        self.assertEqual(linecache.getline('lazy.py', 1), 'lazy line\n')
        self.assertEqual(loader.calls, ['lazy_mod'])
        self.assertEqual(len(linecache.cache['lazy.py']), 4)

    def test_lazycache_refusals(self):
        glob = {'__name__': 'm', '__loader__': FakeLoader('x')}
        self.assertFalse(linecache.lazycache('', glob))
        self.assertFalse(linecache.lazycache('<string>', glob))
        self.assertFalse(linecache.lazycache('file.py', None))
        self.assertFalse(linecache.lazycache('file.py', {}))
        self.assertFalse(linecache.lazycache('file.py', {'__name__': 'm'}))
        self.assertFalse(linecache.lazycache('file.py', {'__name__': 'm',
                                                         '__loader__': object()}))
        # an entry already loaded eagerly is not made lazy
        path = self.write('h.py', 'h\n')
        linecache.getlines(path)
        self.assertFalse(linecache.lazycache(path, glob))
        self.assertNotIn('file.py', linecache.cache)

    def test_existing_file_wins_over_loader(self):
        path = self.write('i.py', 'on disk\n')
        glob = {'__name__': 'm', '__loader__': FakeLoader('from loader\n')}
        self.assertEqual(linecache.getline(path, 1, glob), 'on disk\n')


class RegisterCodeTests(LinecacheTestBase):

    def test_register_code(self):
        source = 'def f():\n    return 1\nx = f()'
        code = compile(source, '<input>', 'exec')
        linecache._register_code(code, source, '<input>')
        entry = linecache.cache[code]
        self.assertEqual(entry, (len(source), None,
                                 ['def f():\n', '    return 1\n', 'x = f()\n'], '<input>'))
        self.assertEqual(linecache.getline(code, 2), '    return 1\n')
        # only the code object given is registered, not the ones nested in it
        inner = [c for c in code.co_consts if isinstance(c, type(code))][0]
        self.assertNotIn(inner, linecache.cache)
        self.assertNotIn('<input>', linecache.cache)
        linecache.checkcache()
        self.assertIn(code, linecache.cache)


if __name__ == '__main__':
    unittest.main()
