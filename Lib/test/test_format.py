"""Tests for printf-style % formatting and str.format / format_map / format()."""

import unittest


class PercentTests(unittest.TestCase):
    def test_basic(self):
        self.assertEqual('%s' % 'x', 'x')
        self.assertEqual('%s %s' % ('a', 1), 'a 1')
        self.assertEqual('%r' % 'a', "'a'")
        self.assertEqual('%a' % '\xe9', "'\\xe9'")
        self.assertEqual('%%' % (), '%')
        self.assertEqual('%s' % ((1, 2),), '(1, 2)')
        self.assertEqual('%s' % [1, 2], '[1, 2]')

    def test_integers(self):
        self.assertEqual('%d' % 42, '42')
        self.assertEqual('%i' % -42, '-42')
        self.assertEqual('%5d|' % 42, '   42|')
        self.assertEqual('%-5d|' % 42, '42   |')
        self.assertEqual('%05d' % -42, '-0042')
        self.assertEqual('%+d' % 42, '+42')
        self.assertEqual('% d' % 42, ' 42')
        self.assertEqual('%.3d' % 7, '007')
        self.assertEqual('%x' % 255, 'ff')
        self.assertEqual('%X' % 255, 'FF')
        self.assertEqual('%#x' % 255, '0xff')
        self.assertEqual('%#o' % 8, '0o10')
        self.assertEqual('%o' % 8, '10')
        self.assertEqual('%d' % 3.7, '3')
        self.assertEqual('%d' % True, '1')
        self.assertEqual('%d' % 10**20, '100000000000000000000')

    def test_floats(self):
        self.assertEqual('%f' % 1.5, '1.500000')
        self.assertEqual('%.2f' % 3.14159, '3.14')
        self.assertEqual('%8.3f|' % 3.14159, '   3.142|')
        self.assertEqual('%-8.1f|' % 2.25, '2.2     |')
        self.assertEqual('%e' % 12345.678, '1.234568e+04')
        self.assertEqual('%E' % 0.5, '5.000000E-01')
        self.assertEqual('%g' % 0.0001, '0.0001')
        self.assertEqual('%g' % 1e20, '1e+20')
        self.assertEqual('%G' % 1e-20, '1E-20')
        self.assertEqual('%+.1f' % 2.0, '+2.0')
        self.assertEqual('%010.2f' % -3.5, '-000003.50')
        self.assertEqual('%f' % 3, '3.000000')

    def test_char(self):
        self.assertEqual('%c' % 65, 'A')
        self.assertEqual('%c' % 'z', 'z')
        self.assertEqual('%3c|' % 'z', '  z|')

    def test_star_and_mapping(self):
        self.assertEqual('%*d' % (5, 1), '    1')
        self.assertEqual('%-*d|' % (3, 1), '1  |')
        self.assertEqual('%.*f' % (2, 1.0), '1.00')
        self.assertEqual('%(a)s-%(b)d' % {'a': 'x', 'b': 2}, 'x-2')
        self.assertEqual('%(a)s %(a)r' % {'a': 'q'}, "q 'q'")
        self.assertEqual('%s' % {'k': 1}, "{'k': 1}")

    def test_truncation(self):
        self.assertEqual('%.2s' % 'abcdef', 'ab')
        self.assertEqual('%5.2s|' % 'abc', '   ab|')

    def test_errors(self):
        with self.assertRaises(TypeError) as cm:
            '%s %s' % ('a',)
        self.assertEqual(str(cm.exception), 'not enough arguments for format string')
        with self.assertRaises(TypeError) as cm:
            '%s' % ('a', 'b')
        self.assertEqual(str(cm.exception),
                         'not all arguments converted during string formatting')
        with self.assertRaises(TypeError) as cm:
            'x' % 1
        self.assertEqual(str(cm.exception),
                         'not all arguments converted during string formatting')
        with self.assertRaises(ValueError) as cm:
            '%z' % 1
        self.assertEqual(str(cm.exception), "unsupported format character 'z' (0x7a) at index 1")
        with self.assertRaises(ValueError) as cm:
            '%' % ()
        self.assertEqual(str(cm.exception), 'incomplete format')
        with self.assertRaises(TypeError) as cm:
            '%d' % 'x'
        self.assertEqual(str(cm.exception), '%d format: a real number is required, not str')
        with self.assertRaises(TypeError) as cm:
            '%x' % 1.5
        self.assertEqual(str(cm.exception), '%x format: an integer is required, not float')
        with self.assertRaises(TypeError) as cm:
            '%(a)s' % (1,)
        self.assertEqual(str(cm.exception), 'format requires a mapping')
        self.assertRaises(KeyError, '%(a)s'.__mod__, {})
        with self.assertRaises(TypeError):
            '%c' % 'ab'


class FormatMethodTests(unittest.TestCase):
    def test_positional(self):
        self.assertEqual('{} {}'.format(1, 2), '1 2')
        self.assertEqual('{1} {0}'.format(1, 2), '2 1')
        self.assertEqual('{0}{0}'.format('a'), 'aa')
        self.assertEqual('{{}} {}'.format(1), '{} 1')
        self.assertEqual('}}{{'.format(), '}{')

    def test_keywords(self):
        self.assertEqual('{a}-{b}'.format(a=1, b=2), '1-2')
        self.assertEqual('{a}'.format_map({'a': 'x'}), 'x')

    def test_access(self):
        class C:
            attr = 'A'
        self.assertEqual('{0.attr}'.format(C()), 'A')
        self.assertEqual('{0[1]}'.format([10, 20]), '20')
        self.assertEqual('{0[key]}'.format({'key': 'v'}), 'v')
        self.assertEqual('{x.attr[0]}'.format(x=C()), 'A')

    def test_conversions(self):
        self.assertEqual('{!r}'.format('a'), "'a'")
        self.assertEqual('{!s}'.format(1), '1')
        self.assertEqual('{!a}'.format('\xe9'), "'\\xe9'")
        self.assertEqual('{0!r:>5}'.format('a'), "  'a'")

    def test_specs(self):
        self.assertEqual('{:>5}'.format('ab'), '   ab')
        self.assertEqual('{:<5}|'.format('ab'), 'ab   |')
        self.assertEqual('{:^6}'.format('ab'), '  ab  ')
        self.assertEqual('{:*^7}'.format('ab'), '**ab***')
        self.assertEqual('{:.2}'.format('abc'), 'ab')
        self.assertEqual('{:5d}'.format(42), '   42')
        self.assertEqual('{:.3f}'.format(2.5), '2.500')
        self.assertEqual('{:{}}'.format('a', 3), 'a  ')
        self.assertEqual('{:{w}.{p}f}'.format(1.0, w=6, p=2), '  1.00')
        self.assertEqual(format('ab', '>4'), '  ab')
        self.assertEqual(format('ab'), 'ab')
        self.assertEqual('{:s}'.format('x'), 'x')

    def test_errors(self):
        with self.assertRaises(ValueError) as cm:
            '{} {1}'.format(1, 2)
        self.assertEqual(str(cm.exception), 'cannot switch from automatic field numbering to '
                                            'manual field specification')
        with self.assertRaises(ValueError) as cm:
            '{1} {}'.format(1, 2)
        self.assertEqual(str(cm.exception), 'cannot switch from manual field specification to '
                                            'automatic field numbering')
        with self.assertRaises(IndexError) as cm:
            '{2}'.format(1)
        self.assertEqual(str(cm.exception),
                         'Replacement index 2 out of range for positional args tuple')
        self.assertRaises(KeyError, '{x}'.format)
        with self.assertRaises(ValueError) as cm:
            '{'.format()
        self.assertEqual(str(cm.exception), "Single '{' encountered in format string")
        with self.assertRaises(ValueError) as cm:
            '}'.format()
        self.assertEqual(str(cm.exception), "Single '}' encountered in format string")
        with self.assertRaises(ValueError) as cm:
            '{!x}'.format(1)
        self.assertEqual(str(cm.exception), 'Unknown conversion specifier x')
        with self.assertRaises(ValueError) as cm:
            format('a', 'd')
        self.assertEqual(str(cm.exception), "Unknown format code 'd' for object of type 'str'")
        with self.assertRaises(ValueError) as cm:
            format('a', '+')
        self.assertEqual(str(cm.exception), 'Sign not allowed in string format specifier')
        with self.assertRaises(ValueError) as cm:
            format('a', '=5')
        self.assertEqual(str(cm.exception),
                         "'=' alignment not allowed in string format specifier")

    def test_invalid_spec_names_spec_and_type(self):
        class Text(str):
            pass
        for obj, spec in (('xyz', '[5, 6]'), ('x', 'ab'), (Text('x'), '>3ss')):
            with self.subTest(spec=spec):
                with self.assertRaises(ValueError) as cm:
                    format(obj, spec)
                self.assertEqual(str(cm.exception),
                                 "Invalid format specifier '%s' for object of type '%s'"
                                 % (spec, type(obj).__name__))


if __name__ == "__main__":
    unittest.main()
