"""Tests for importlib.metadata, on distributions written to a temporary directory."""

import importlib.metadata as metadata
import os
import shutil
import sys
import tempfile
import textwrap
import unittest
import zipfile

WHEEL_METADATA = textwrap.dedent("""\
    Metadata-Version: 2.1
    Name: Demo.Pkg
    Version: 1.2.3
    Summary: A demo
    Keywords: one two
    Classifier: A :: B
    Classifier: C :: D
    Requires-Dist: dep1 (>=1.0)
    Requires-Dist: dep2 ; extra == 'test'

    Long description.
    """)

ENTRY_POINTS = textwrap.dedent("""\
    [console_scripts]
    demo = demo_pkg.cli:main
    other = demo_pkg [extra1, extra2]

    [demo.plugins]
    first = demo_pkg.plugins:First.create
    """)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


class MetadataTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.site = tempfile.mkdtemp(prefix='braid_metadata_')
        info = os.path.join(cls.site, 'Demo_Pkg-1.2.3.dist-info')
        write(os.path.join(info, 'METADATA'), WHEEL_METADATA)
        write(os.path.join(info, 'entry_points.txt'), ENTRY_POINTS)
        write(os.path.join(cls.site, 'demo_pkg', '__init__.py'), 'VALUE = 1\n')
        write(os.path.join(cls.site, 'demo_pkg', 'cli.py'), 'def main():\n    return "ran"\n')
        write(os.path.join(info, 'RECORD'),
              'demo_pkg/__init__.py,sha256=abc,10\n'
              'demo_pkg/cli.py,,\n'
              '"demo_pkg/quoted,name.py",,\n'
              'Demo_Pkg-1.2.3.dist-info/METADATA,,\n')
        write(os.path.join(cls.site, 'demo_pkg', 'quoted,name.py'), '')
        egg = os.path.join(cls.site, 'legacy_thing.egg-info')
        write(os.path.join(egg, 'PKG-INFO'), 'Metadata-Version: 1.1\nName: legacy-thing\n'
                                             'Version: 0.9\n')
        write(os.path.join(egg, 'requires.txt'), 'base\n\n[feature]\nextra-dep\n\n'
                                                 '[:python_version < "4"]\nold-dep\n')
        write(os.path.join(egg, 'top_level.txt'), 'legacy_thing\n')
        sys.path.insert(0, cls.site)

    @classmethod
    def tearDownClass(cls):
        sys.path.remove(cls.site)
        shutil.rmtree(cls.site, ignore_errors=True)

    def test_version_and_metadata(self):
        self.assertEqual(metadata.version('demo-pkg'), '1.2.3')
        self.assertEqual(metadata.version('Demo.Pkg'), '1.2.3')
        meta = metadata.metadata('demo_pkg')
        self.assertEqual(meta['Name'], 'Demo.Pkg')
        self.assertEqual(meta['Summary'], 'A demo')
        self.assertEqual(meta.get_all('Classifier'), ['A :: B', 'C :: D'])
        self.assertIsNone(meta.get('Home-page'))
        with self.assertWarns(DeprecationWarning):
            self.assertIsNone(meta['Home-page'])
        self.assertEqual(meta.json['classifier'], ['A :: B', 'C :: D'])
        self.assertEqual(meta.json['keywords'], ['one', 'two'])
        self.assertEqual(meta.json['version'], '1.2.3')

    def test_not_found(self):
        with self.assertRaises(metadata.PackageNotFoundError) as cm:
            metadata.version('no-such-distribution-here')
        self.assertEqual(str(cm.exception),
                         'No package metadata was found for no-such-distribution-here')
        self.assertEqual(cm.exception.name, 'no-such-distribution-here')
        self.assertTrue(issubclass(metadata.PackageNotFoundError, ModuleNotFoundError))
        with self.assertRaises(ValueError):
            metadata.distribution('')

    def test_entry_points(self):
        eps = metadata.entry_points(group='console_scripts')
        demo = eps['demo']
        self.assertEqual((demo.name, demo.group, demo.value),
                         ('demo', 'console_scripts', 'demo_pkg.cli:main'))
        self.assertEqual((demo.module, demo.attr, demo.extras), ('demo_pkg.cli', 'main', []))
        self.assertEqual(demo.load()(), 'ran')
        other = eps['other']
        self.assertEqual((other.attr, other.extras), (None, ['extra1', 'extra2']))
        self.assertEqual(other.load().VALUE, 1)
        self.assertEqual(demo.dist.version, '1.2.3')
        plugin = metadata.entry_points(group='demo.plugins', name='first')
        self.assertEqual(len(plugin), 1)
        self.assertEqual(plugin['first'].attr, 'First.create')
        with self.assertRaises(KeyError):
            eps['missing']
        with self.assertRaises(AttributeError):
            demo.name = 'changed'

    def test_entry_points_collection(self):
        dist = metadata.distribution('demo-pkg')
        eps = dist.entry_points
        self.assertEqual(eps.names, {'demo', 'other', 'first'})
        self.assertEqual(eps.groups, {'console_scripts', 'demo.plugins'})
        self.assertEqual(len(eps.select(group='console_scripts')), 2)
        self.assertEqual(eps.select(name='first')['first'].group, 'demo.plugins')
        ep = metadata.EntryPoint(name='n', value='m:a', group='g')
        self.assertEqual(ep, metadata.EntryPoint('n', 'm:a', 'g'))
        self.assertEqual(hash(ep), hash(metadata.EntryPoint('n', 'm:a', 'g')))
        self.assertEqual(repr(ep), "EntryPoint(name='n', value='m:a', group='g')")
        self.assertTrue(ep.matches(group='g', attr='a'))
        self.assertFalse(ep.matches(group='other'))
        with self.assertRaises(KeyError):
            eps[0]

    def test_files(self):
        files = metadata.files('demo-pkg')
        names = [str(path) for path in files]
        # RECORD entries of files that do not exist are left out.
        self.assertEqual(names, ['demo_pkg/__init__.py', 'demo_pkg/cli.py',
                                 'demo_pkg/quoted,name.py',
                                 'Demo_Pkg-1.2.3.dist-info/METADATA'])
        init = files[0]
        self.assertEqual(init.hash.mode, 'sha256')
        self.assertEqual(init.hash.value, 'abc')
        self.assertEqual(init.size, 10)
        self.assertIsNone(files[1].hash)
        self.assertEqual(init.read_text(), 'VALUE = 1\n')
        self.assertEqual(os.fspath(init.locate()),
                         os.path.join(self.site, 'demo_pkg', '__init__.py'))

    def test_requires(self):
        self.assertEqual(metadata.requires('demo-pkg'),
                         ['dep1 (>=1.0)', "dep2 ; extra == 'test'"])
        self.assertEqual(metadata.requires('legacy-thing'),
                         ['base', 'extra-dep; extra == "feature"',
                          'old-dep; python_version < "4"'])

    def test_egg_info(self):
        dist = metadata.distribution('legacy_thing')
        self.assertEqual(dist.version, '0.9')
        self.assertEqual(dist.name, 'legacy-thing')
        self.assertEqual(len(dist.entry_points), 0)
        self.assertIsNone(dist.files)

    def test_discover_with_path(self):
        names = {dist.metadata['Name'] for dist in metadata.distributions(path=[self.site])}
        self.assertEqual(names, {'Demo.Pkg', 'legacy-thing'})
        found = list(metadata.distributions(name='demo-pkg', path=[self.site]))
        self.assertEqual(len(found), 1)

    def test_distribution_at(self):
        dist = metadata.Distribution.at(os.path.join(self.site,
                                                     'Demo_Pkg-1.2.3.dist-info'))
        self.assertEqual(dist.version, '1.2.3')
        self.assertIsNone(dist.read_text('does-not-exist'))

    def test_packages_distributions(self):
        mapping = metadata.packages_distributions()
        self.assertIn('Demo.Pkg', mapping['demo_pkg'])
        self.assertIn('legacy-thing', mapping['legacy_thing'])

    def test_zipped_distribution(self):
        archive = os.path.join(self.site, 'zipped.zip')
        with zipfile.ZipFile(archive, 'w') as zf:
            zf.writestr('zipped_dist-2.0.dist-info/METADATA',
                        'Metadata-Version: 2.1\nName: zipped-dist\nVersion: 2.0\n')
        dists = list(metadata.distributions(path=[archive]))
        self.assertEqual([d.version for d in dists], ['2.0'])

    def test_custom_finder(self):
        site = self.site

        class Finder:
            def find_spec(self, *args):
                return None

            def find_distributions(self, context=metadata.DistributionFinder.Context()):
                if context.name in (None, 'virtual-dist'):
                    yield VirtualDist()

        class VirtualDist(metadata.Distribution):
            def read_text(self, filename):
                if filename == 'METADATA':
                    return 'Name: virtual-dist\nVersion: 9\n'
                return None

            def locate_file(self, path):
                return os.path.join(site, path)

        finder = Finder()
        sys.meta_path.append(finder)
        try:
            self.assertEqual(metadata.version('virtual-dist'), '9')
        finally:
            sys.meta_path.remove(finder)


if __name__ == '__main__':
    unittest.main()
