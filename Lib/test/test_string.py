"""Tests of the string module."""

import string
import unittest
from string import Template


class StringModuleTests(unittest.TestCase):

    def test_constants(self):
        self.assertEqual(string.ascii_letters[:3], 'abc')
        self.assertEqual(len(string.printable), 100)
        self.assertEqual(string.hexdigits, '0123456789abcdefABCDEF')
        self.assertIn('~', string.punctuation)

    def test_capwords(self):
        self.assertEqual(string.capwords('hello   wORLD  x'), 'Hello World X')
        self.assertEqual(string.capwords('a-b-c', '-'), 'A-B-C')

    def test_template(self):
        t = Template('$who likes ${what}; $$5 cost')
        self.assertEqual(t.substitute(who='tim', what='kung pao'),
                         'tim likes kung pao; $5 cost')
        self.assertEqual(t.safe_substitute(who='tim'), 'tim likes ${what}; $5 cost')
        with self.assertRaises(KeyError):
            t.substitute(who='tim')
        with self.assertRaises(ValueError) as cm:
            Template('oops $ there').substitute()
        self.assertEqual(str(cm.exception), 'Invalid placeholder in string: line 1, col 6')
        self.assertEqual(Template('$a $b $a').get_identifiers(), ['a', 'b'])
        self.assertTrue(t.is_valid())
        self.assertFalse(Template('$').is_valid())
        self.assertEqual(Template('$x').substitute({'x': 1}, x=2), '2')

        class Percent(Template):
            delimiter = '%'
        self.assertEqual(Percent('%name is %%').substitute(name='n'), 'n is %')

    def test_formatter(self):
        f = string.Formatter()
        self.assertEqual(f.format('{0}-{1!r}-{x:>4}', 1, 'a', x=2), "1-'a'-   2")
        self.assertEqual(f.format('{}{}', 'a', 'b'), 'ab')
        self.assertEqual(f.format('{0[1]}{a.real}', 'xy', a=3), 'y3')
        self.assertEqual(list(f.parse('a{0!s:>3}b{{c}}')),
                         [('a', '0', '>3', 's'), ('b{', None, None, None),
                          ('c}', None, None, None)])
        with self.assertRaises(ValueError):
            f.format('{}{0}', 1, 2)


if __name__ == '__main__':
    unittest.main()
