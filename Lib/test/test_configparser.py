"""Tests for configparser."""

import configparser
import io
import os
import tempfile
import textwrap
import unittest

SAMPLE = textwrap.dedent("""\
    [DEFAULT]
    home = /srv
    debug = no

    [paths]
    data = %(home)s/data
    logs: %(data)s/logs
    ; a comment
    # another comment
    percent = 100%%

    [Multi Line]
    description = first
        second

        fourth
    Key With Case = Value
    """)


class RawConfigParserTests(unittest.TestCase):

    def test_sections_and_options(self):
        parser = configparser.RawConfigParser()
        parser.read_string(SAMPLE)
        self.assertEqual(parser.sections(), ['paths', 'Multi Line'])
        self.assertTrue(parser.has_section('paths'))
        self.assertFalse(parser.has_section('DEFAULT'))
        self.assertEqual(parser.options('paths'), ['data', 'logs', 'percent', 'home', 'debug'])
        self.assertEqual(parser.defaults(), {'home': '/srv', 'debug': 'no'})
        # Raw values: no interpolation.
        self.assertEqual(parser.get('paths', 'data'), '%(home)s/data')
        self.assertEqual(parser.get('paths', 'percent'), '100%%')

    def test_multiline_values_and_option_case(self):
        parser = configparser.RawConfigParser()
        parser.read_string(SAMPLE)
        self.assertEqual(parser.get('Multi Line', 'description'), 'first\nsecond\n\nfourth')
        self.assertEqual(parser.get('Multi Line', 'KEY WITH CASE'), 'Value')
        self.assertEqual(parser.options('Multi Line')[:2], ['description', 'key with case'])

    def test_missing(self):
        parser = configparser.RawConfigParser()
        parser.read_string(SAMPLE)
        with self.assertRaises(configparser.NoSectionError) as cm:
            parser.get('nope', 'x')
        self.assertEqual(str(cm.exception), "No section: 'nope'")
        with self.assertRaises(configparser.NoOptionError) as cm:
            parser.get('paths', 'missing')
        self.assertEqual(str(cm.exception), "No option 'missing' in section: 'paths'")
        self.assertEqual(parser.get('paths', 'missing', fallback=42), 42)
        self.assertEqual(parser.get('nope', 'x', fallback=None), None)
        self.assertFalse(parser.has_option('nope', 'x'))
        self.assertTrue(parser.has_option('paths', 'home'))

    def test_conversions(self):
        parser = configparser.RawConfigParser()
        parser.read_string('[s]\nn = 42\nf = 2.5\nyes = On\nno = 0\nbad = maybe\n')
        self.assertEqual(parser.getint('s', 'n'), 42)
        self.assertEqual(parser.getfloat('s', 'f'), 2.5)
        self.assertIs(parser.getboolean('s', 'yes'), True)
        self.assertIs(parser.getboolean('s', 'no'), False)
        with self.assertRaises(ValueError):
            parser.getboolean('s', 'bad')
        self.assertEqual(parser.getint('s', 'missing', fallback=7), 7)

    def test_set_remove_and_write(self):
        parser = configparser.RawConfigParser()
        parser.add_section('a')
        parser.set('a', 'Key', 'value')
        parser.set('a', 'multi', 'one\ntwo')
        parser.set('DEFAULT', 'd', '1')
        out = io.StringIO()
        parser.write(out)
        self.assertEqual(out.getvalue(),
                         '[DEFAULT]\nd = 1\n\n[a]\nkey = value\nmulti = one\n\ttwo\n\n')
        out = io.StringIO()
        parser.write(out, space_around_delimiters=False)
        self.assertIn('key=value\n', out.getvalue())
        self.assertTrue(parser.remove_option('a', 'key'))
        self.assertFalse(parser.remove_option('a', 'key'))
        self.assertTrue(parser.remove_section('a'))
        self.assertFalse(parser.remove_section('a'))
        with self.assertRaises(configparser.NoSectionError):
            parser.set('a', 'x', 'y')

    def test_duplicates(self):
        parser = configparser.RawConfigParser()
        with self.assertRaises(configparser.DuplicateSectionError) as cm:
            parser.read_string('[a]\n[a]\n')
        self.assertEqual(str(cm.exception),
                         "While reading from '<string>' [line  2]: section 'a' already exists")
        with self.assertRaises(configparser.DuplicateOptionError):
            configparser.RawConfigParser().read_string('[a]\nx = 1\nX = 2\n')
        lenient = configparser.RawConfigParser(strict=False)
        lenient.read_string('[a]\nx = 1\n[a]\nx = 2\n')
        self.assertEqual(lenient.get('a', 'x'), '2')
        parser.add_section('b')
        with self.assertRaises(configparser.DuplicateSectionError):
            parser.add_section('b')
        with self.assertRaises(ValueError):
            parser.add_section('DEFAULT')

    def test_parsing_errors(self):
        with self.assertRaises(configparser.MissingSectionHeaderError) as cm:
            configparser.RawConfigParser().read_string('x = 1\n')
        self.assertEqual(cm.exception.lineno, 1)
        with self.assertRaises(configparser.ParsingError) as cm:
            configparser.RawConfigParser().read_string('[a]\nnovalue\n=3\n')
        self.assertEqual(cm.exception.errors, [(2, 'novalue\n'), (3, '=3\n')])

    def test_allow_no_value(self):
        parser = configparser.RawConfigParser(allow_no_value=True)
        parser.read_string('[mysqld]\nskip-bdb\nport = 3306\n')
        self.assertIsNone(parser.get('mysqld', 'skip-bdb'))
        self.assertEqual(parser.get('mysqld', 'port'), '3306')
        with self.assertRaises(configparser.MultilineContinuationError) as cm:
            configparser.RawConfigParser(allow_no_value=True).read_string('[a]\nk\n  v\n')
        self.assertEqual(cm.exception.lineno, 3)

    def test_blank_lines_in_values(self):
        source = '[s]\nv = one\n\n  two\nw = x\n'
        parser = configparser.RawConfigParser()
        parser.read_string(source)
        self.assertEqual(parser.get('s', 'v'), 'one\n\ntwo')
        strict = configparser.RawConfigParser(empty_lines_in_values=False)
        with self.assertRaises(configparser.ParsingError):
            strict.read_string(source)

    def test_custom_delimiters_and_comments(self):
        parser = configparser.RawConfigParser(delimiters=('->',),
                                              comment_prefixes=('//',),
                                              inline_comment_prefixes=(';',))
        parser.read_string('[s]\n// comment\na -> b ; trailing\n')
        self.assertEqual(parser.get('s', 'a'), 'b')

    def test_read_files(self):
        directory = tempfile.mkdtemp()
        self.addCleanup(os.rmdir, directory)
        path = os.path.join(directory, 'setup.cfg')
        with open(path, 'w') as f:
            f.write('[metadata]\nname = demo\n')
        self.addCleanup(os.remove, path)
        parser = configparser.ConfigParser()
        read = parser.read([path, os.path.join(directory, 'missing.cfg')])
        self.assertEqual(read, [path])
        self.assertEqual(parser['metadata']['name'], 'demo')
        with open(path) as f:
            other = configparser.ConfigParser()
            other.read_file(f)
        self.assertEqual(other.get('metadata', 'name'), 'demo')

    def test_read_dict(self):
        parser = configparser.RawConfigParser()
        parser.read_dict({'s': {'n': 1, 'Flag': True}, 'DEFAULT': {'d': None}})
        self.assertEqual(parser.get('s', 'n'), '1')
        self.assertEqual(parser.get('s', 'flag'), 'True')
        self.assertIsNone(parser.get('s', 'd'))


class ConfigParserTests(unittest.TestCase):

    def test_basic_interpolation(self):
        parser = configparser.ConfigParser()
        parser.read_string(SAMPLE)
        self.assertEqual(parser.get('paths', 'data'), '/srv/data')
        self.assertEqual(parser.get('paths', 'logs'), '/srv/data/logs')
        self.assertEqual(parser.get('paths', 'percent'), '100%')
        self.assertEqual(parser.get('paths', 'data', raw=True), '%(home)s/data')
        self.assertEqual(parser.get('paths', 'data', vars={'home': '/tmp'}), '/tmp/data')
        self.assertEqual(dict(parser.items('paths'))['logs'], '/srv/data/logs')

    def test_interpolation_errors(self):
        parser = configparser.ConfigParser()
        parser.read_string('[s]\nmissing = %(nothere)s\nbad = 5%\nloop = %(loop)s\n')
        with self.assertRaises(configparser.InterpolationMissingOptionError) as cm:
            parser.get('s', 'missing')
        self.assertEqual(cm.exception.reference, 'nothere')
        with self.assertRaises(configparser.InterpolationSyntaxError):
            parser.get('s', 'bad')
        with self.assertRaises(configparser.InterpolationDepthError):
            parser.get('s', 'loop')
        with self.assertRaises(ValueError):
            parser.set('s', 'x', '50%')
        with self.assertRaises(TypeError):
            parser.set('s', 'x', 5)

    def test_extended_interpolation(self):
        parser = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
        parser.read_string('[common]\nroot = /r\n[app]\nbin = ${common:root}/bin\n'
                           'tool = ${bin}/tool\ncost = $$5\n')
        self.assertEqual(parser.get('app', 'tool'), '/r/bin/tool')
        self.assertEqual(parser.get('app', 'cost'), '$5')

    def test_no_interpolation(self):
        parser = configparser.ConfigParser(interpolation=None)
        parser.read_string('[s]\nv = %(x)s\n')
        self.assertEqual(parser.get('s', 'v'), '%(x)s')

    def test_mapping_protocol(self):
        parser = configparser.ConfigParser()
        parser.read_string(SAMPLE)
        self.assertEqual(list(parser), ['DEFAULT', 'paths', 'Multi Line'])
        self.assertEqual(len(parser), 3)
        self.assertIn('paths', parser)
        self.assertIn('DEFAULT', parser)
        section = parser['paths']
        self.assertEqual(section.name, 'paths')
        self.assertIs(section.parser, parser)
        self.assertEqual(section['data'], '/srv/data')
        self.assertEqual(section.get('missing', 'dflt'), 'dflt')
        self.assertIs(section.getboolean('debug'), False)
        self.assertEqual(repr(section), '<Section: paths>')
        section['new'] = 'v'
        self.assertEqual(parser.get('paths', 'new'), 'v')
        del section['new']
        self.assertNotIn('new', section)
        with self.assertRaises(KeyError):
            parser['nope']
        parser['fresh'] = {'a': '1'}
        self.assertEqual(parser.get('fresh', 'a'), '1')
        del parser['fresh']
        self.assertFalse(parser.has_section('fresh'))
        with self.assertRaises(ValueError):
            del parser['DEFAULT']

    def test_converters(self):
        parser = configparser.ConfigParser(converters={'list': lambda v: v.split(',')})
        parser.read_string('[s]\nnames = a,b,c\n')
        self.assertEqual(parser.getlist('s', 'names'), ['a', 'b', 'c'])
        self.assertEqual(parser['s'].getlist('names'), ['a', 'b', 'c'])
        self.assertIn('list', parser.converters)
        self.assertIn('int', parser.converters)
        self.assertIsNone(parser.converters['int'])
        del parser.converters['list']
        self.assertFalse(hasattr(parser, 'getlist'))
        self.assertFalse(hasattr(parser['s'], 'getlist'))
        with self.assertRaises(ValueError):
            parser.converters[''] = int

    def test_optionxform(self):
        parser = configparser.ConfigParser()
        parser.optionxform = str
        parser.read_string('[s]\nCamelCase = 1\n')
        self.assertEqual(parser.options('s'), ['CamelCase'])


if __name__ == '__main__':
    unittest.main()
