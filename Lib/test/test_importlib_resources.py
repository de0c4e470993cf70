"""Tests for importlib.resources, on a package written to a temporary directory."""

import importlib
import importlib.resources as resources
import importlib.resources.abc as resources_abc
import os
import pathlib
import shutil
import sys
import tempfile
import unittest
import zipfile


class ResourcesTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix='braid_resources_')
        package = os.path.join(cls.root, 'res_pkg')
        os.makedirs(os.path.join(package, 'data', 'nested'))
        with open(os.path.join(package, '__init__.py'), 'w') as f:
            f.write('')
        with open(os.path.join(package, 'module.py'), 'w') as f:
            f.write('')
        with open(os.path.join(package, 'data', 'hello.txt'), 'w', encoding='utf-8') as f:
            f.write('h\xe9llo\n')
        with open(os.path.join(package, 'data', 'nested', 'blob.bin'), 'wb') as f:
            f.write(b'\x00\x01\x02')
        sys.path.insert(0, cls.root)

    @classmethod
    def tearDownClass(cls):
        sys.path.remove(cls.root)
        for name in ('res_pkg', 'res_pkg.module'):
            sys.modules.pop(name, None)
        shutil.rmtree(cls.root, ignore_errors=True)

    def test_files(self):
        files = resources.files('res_pkg')
        self.assertIsInstance(files, resources_abc.Traversable)
        self.assertTrue(files.is_dir())
        hello = files / 'data' / 'hello.txt'
        self.assertTrue(hello.is_file())
        self.assertEqual(hello.read_text(encoding='utf-8'), 'h\xe9llo\n')
        self.assertEqual(files.joinpath('data', 'nested', 'blob.bin').read_bytes(),
                         b'\x00\x01\x02')
        names = sorted(entry.name for entry in files.iterdir())
        self.assertIn('data', names)
        self.assertIn('module.py', names)

    def test_files_of_module_object_and_submodule(self):
        package = importlib.import_module('res_pkg')
        self.assertEqual(resources.files(package), resources.files('res_pkg'))
        # A module that is not a package anchors at its directory.
        self.assertEqual(resources.files('res_pkg.module'), resources.files('res_pkg'))

    def test_functional_api(self):
        self.assertEqual(resources.read_text('res_pkg', 'data/hello.txt'), 'h\xe9llo\n')
        self.assertEqual(resources.read_text('res_pkg', 'data', 'hello.txt',
                                             encoding='utf-8'), 'h\xe9llo\n')
        with self.assertRaises(TypeError):
            resources.read_text('res_pkg', 'data', 'hello.txt')
        self.assertEqual(resources.read_binary('res_pkg', 'data/nested/blob.bin'),
                         b'\x00\x01\x02')
        with resources.open_text('res_pkg', 'data', 'hello.txt', encoding='utf-8') as f:
            self.assertEqual(f.read(), 'h\xe9llo\n')
        with resources.open_binary('res_pkg', 'data', 'hello.txt') as f:
            self.assertEqual(f.read(), 'h\xe9llo\n'.encode('utf-8'))
        self.assertTrue(resources.is_resource('res_pkg', 'data', 'hello.txt'))
        self.assertFalse(resources.is_resource('res_pkg', 'data'))
        self.assertFalse(resources.is_resource('res_pkg', 'missing.txt'))
        with resources.path('res_pkg', 'data', 'hello.txt') as path:
            self.assertIsInstance(path, pathlib.Path)
            self.assertTrue(path.exists())
        with self.assertRaises(FileNotFoundError):
            resources.read_text('res_pkg', 'missing.txt')
        with self.assertRaises(IsADirectoryError):
            resources.read_text('res_pkg')

    def test_contents_is_deprecated(self):
        with self.assertWarns(DeprecationWarning):
            names = sorted(resources.contents('res_pkg', 'data'))
        self.assertEqual(names, ['hello.txt', 'nested'])

    def test_as_file_with_a_path(self):
        path = resources.files('res_pkg') / 'data' / 'hello.txt'
        with resources.as_file(path) as real:
            self.assertEqual(real, path)

    def test_as_file_with_a_zip_member(self):
        archive = os.path.join(self.root, 'archive.zip')
        with zipfile.ZipFile(archive, 'w') as zf:
            zf.writestr('pkg/data.txt', 'zipped')
            zf.writestr('pkg/sub/x.txt', 'x')
        member = zipfile.Path(archive, 'pkg/data.txt')
        with resources.as_file(member) as real:
            self.assertTrue(os.path.isfile(real))
            with open(real) as f:
                self.assertEqual(f.read(), 'zipped')
        self.assertFalse(os.path.exists(real))
        with resources.as_file(zipfile.Path(archive, 'pkg/')) as real_dir:
            with open(os.path.join(real_dir, 'sub', 'x.txt')) as f:
                self.assertEqual(f.read(), 'x')
        self.assertFalse(os.path.exists(real_dir))

    def test_traversable_joinpath(self):
        class Node(resources_abc.Traversable):
            def __init__(self, name, children=()):
                self._name = name
                self.children = children

            def iterdir(self):
                return iter(self.children)

            def is_dir(self):
                return bool(self.children)

            def is_file(self):
                return not self.children

            def open(self, mode='r', *args, **kwargs):
                raise OSError

            @property
            def name(self):
                return self._name

        leaf = Node('leaf')
        tree = Node('root', [Node('a', [leaf])])
        self.assertIs(tree.joinpath('a', 'leaf'), leaf)
        self.assertIs(tree / 'a/leaf', leaf)
        with self.assertRaises(Exception):
            tree.joinpath('missing')

    def test_resource_reader_abc(self):
        self.assertTrue(issubclass(resources_abc.TraversableResources,
                                   resources_abc.ResourceReader))
        with self.assertRaises(TypeError):
            resources_abc.ResourceReader()


if __name__ == '__main__':
    unittest.main()
