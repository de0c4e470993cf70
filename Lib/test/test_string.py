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


class ConstantsTests(unittest.TestCase):

    def test_values(self):
        self.assertEqual(string.whitespace, ' \t\n\r\x0b\x0c')
        self.assertEqual(string.ascii_lowercase, 'abcdefghijklmnopqrstuvwxyz')
        self.assertEqual(string.ascii_uppercase, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
        self.assertEqual(string.ascii_letters,
                         string.ascii_lowercase + string.ascii_uppercase)
        self.assertEqual(string.digits, '0123456789')
        self.assertEqual(string.octdigits, '01234567')
        self.assertEqual(string.punctuation, '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~')
        self.assertEqual(string.printable, string.digits + string.ascii_letters +
                         string.punctuation + string.whitespace)

    def test_punctuation_is_ascii_non_alnum_printable(self):
        expected = ''.join(chr(c) for c in range(33, 127) if not chr(c).isalnum())
        self.assertEqual(string.punctuation, expected)

    def test_all(self):
        self.assertEqual(sorted(string.__all__), sorted([
            'ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
            'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace', 'Formatter',
            'Template']))


class CapwordsTests(unittest.TestCase):

    def test_whitespace_collapses(self):
        self.assertEqual(string.capwords('  abc  def\tghi\n'), 'Abc Def Ghi')
        self.assertEqual(string.capwords(''), '')
        self.assertEqual(string.capwords('   '), '')
        self.assertEqual(string.capwords('ABC dEF'), 'Abc Def')
        self.assertEqual(string.capwords("it's o'neil"), "It's O'neil")
        self.assertEqual(string.capwords('\xe9t\xe9 \u03b1\u03b2'), '\xc9t\xe9 \u0391\u03b2')

    def test_separator(self):
        self.assertEqual(string.capwords('a,,b', ','), 'A,,B')
        self.assertEqual(string.capwords('one  two', ' '), 'One  Two')
        self.assertEqual(string.capwords('xAy', 'A'), 'XAY')
        self.assertEqual(string.capwords('a b', None), 'A B')


class TemplateTests(unittest.TestCase):

    def test_placeholders(self):
        t = Template('$a ${b} $_c ${_d1} $e9 x$a.y')
        self.assertEqual(t.substitute(a=1, b=2, _c=3, _d1=4, e9=5), '1 2 3 4 5 x1.y')
        self.assertEqual(Template('$$').substitute(), '$')
        self.assertEqual(Template('$$a').substitute(a=1), '$a')
        self.assertEqual(Template('$$$a').substitute(a=1), '$1')
        self.assertEqual(Template('no placeholders').substitute(), 'no placeholders')
        self.assertEqual(Template('').substitute(), '')
        self.assertEqual(Template('${a}b').substitute(a='x'), 'xb')
        self.assertEqual(Template('$ab').substitute(ab='y', a='x'), 'y')

    def test_values_are_converted_with_str(self):
        class V:
            def __str__(self):
                return 'str!'
            def __repr__(self):
                return 'repr!'
        self.assertEqual(Template('$v').substitute(v=V()), 'str!')
        self.assertEqual(Template('$n $f').substitute(n=None, f=1.5), 'None 1.5')

    def test_mapping_and_keywords(self):
        t = Template('$x $y')
        self.assertEqual(t.substitute({'x': 1, 'y': 2}), '1 2')
        self.assertEqual(t.substitute({'x': 1, 'y': 2}, y=3), '1 3')
        self.assertEqual(t.substitute({'x': 1}, y=4), '1 4')
        # 'self' and 'mapping' are usable as keywords
        self.assertEqual(Template('$self $mapping').substitute(self=1, mapping=2), '1 2')
        self.assertEqual(Template('$self').safe_substitute(self=1), '1')

        class Lookup:
            def __getitem__(self, key):
                return key.upper()
        self.assertEqual(t.substitute(Lookup()), 'X Y')
        with self.assertRaises(TypeError):
            t.substitute({}, {})

    def test_missing_key(self):
        with self.assertRaises(KeyError) as cm:
            Template('$who').substitute()
        self.assertEqual(cm.exception.args, ('who',))
        with self.assertRaises(KeyError):
            Template('${who}').substitute({'other': 1})

    def test_invalid_placeholders(self):
        cases = [
            ('$', 1, 1),
            ('a $1', 1, 3),
            ('${}', 1, 1),
            ('${a', 1, 1),
            ('${ a}', 1, 1),
            ('ok\nline $ two', 2, 6),
            ('x\ny\n$!', 3, 1),
        ]
        for text, line, col in cases:
            with self.subTest(text=text):
                with self.assertRaises(ValueError) as cm:
                    Template(text).substitute(a=1)
                self.assertEqual(str(cm.exception),
                                 'Invalid placeholder in string: line %d, col %d' % (line, col))

    def test_safe_substitute(self):
        t = Template('$a ${b} $ $1 $$ ${c')
        self.assertEqual(t.safe_substitute(), '$a ${b} $ $1 $ ${c')
        self.assertEqual(t.safe_substitute(a='A', b='B'), 'A B $ $1 $ ${c')
        self.assertEqual(t.safe_substitute({'a': 1}, b=2), '1 2 $ $1 $ ${c')

    def test_is_valid_and_identifiers(self):
        self.assertTrue(Template('$a ${b} $$').is_valid())
        self.assertTrue(Template('').is_valid())
        for bad in ('$', '${', '$1', 'x $ y', '${1}'):
            with self.subTest(bad=bad):
                self.assertFalse(Template(bad).is_valid())
        self.assertEqual(Template('$b ${a} $b $$c ${c}').get_identifiers(), ['b', 'a', 'c'])
        # invalid placeholders are skipped
        self.assertEqual(Template('$ $x $1').get_identifiers(), ['x'])
        self.assertEqual(Template('').get_identifiers(), [])

    def test_identifiers_are_ascii(self):
        # the default idpattern is ASCII-only (and case-insensitive)
        self.assertEqual(Template('$\xe9t\xe9').safe_substitute({'\xe9t\xe9': 1}),
                         '$\xe9t\xe9')
        self.assertFalse(Template('$\xe9').is_valid())
        self.assertEqual(Template('$ab\xe9').substitute(ab='x'), 'x\xe9')
        self.assertEqual(Template('$ABC').substitute(ABC=1), '1')

    def test_template_attribute(self):
        t = Template('$a')
        self.assertEqual(t.template, '$a')
        self.assertEqual(Template.delimiter, '$')
        self.assertEqual(Template.idpattern, r'(?a:[_a-z][_a-z0-9]*)')
        self.assertIsNone(Template.braceidpattern)
        import re
        self.assertEqual(Template.flags, re.IGNORECASE)

    def test_custom_delimiter(self):
        class At(Template):
            delimiter = '@'
        self.assertEqual(At('@x @@ ${y}').substitute(x=1, y=2), '1 @ ${y}')
        self.assertEqual(At('@{x}').substitute(x=3), '3')

        class Multi(Template):
            delimiter = '<<'
        self.assertEqual(Multi('<<a <<<<').substitute(a=1), '1 <<')

        class Regexy(Template):
            delimiter = '.*'
        # the delimiter is literal text, not a regular expression
        self.assertEqual(Regexy('.*a ..*.*').substitute(a=1), '1 ..*')

    def test_custom_idpattern(self):
        class Dotted(Template):
            idpattern = r'[a-z]+\.[a-z]+'
        t = Dotted('$foo.bar and $baz')
        self.assertEqual(t.safe_substitute({'foo.bar': 1}), '1 and $baz')
        self.assertEqual(t.get_identifiers(), ['foo.bar'])
        self.assertFalse(t.is_valid())

    def test_braceidpattern(self):
        class Braces(Template):
            braceidpattern = r'[a-z ]+'
        t = Braces('${two words} $one')
        self.assertEqual(t.substitute({'two words': 2, 'one': 1}), '2 1')
        self.assertEqual(t.get_identifiers(), ['two words', 'one'])

    def test_flags(self):
        class CaseSensitive(Template):
            flags = 0
            idpattern = r'[a-z]+'
        t = CaseSensitive('$abc $ABC')
        self.assertEqual(t.safe_substitute(abc=1, ABC=2), '1 $ABC')
        self.assertFalse(t.is_valid())

        class Inherited(CaseSensitive):
            delimiter = '@'
        self.assertEqual(Inherited('@abc @ABC').safe_substitute(abc=1, ABC=2), '1 @ABC')

    def test_custom_pattern(self):
        class Percent(Template):
            pattern = r"""
            %(?:
              (?P<escaped>%) |
              (?P<named>[a-z]+) |
              \[(?P<braced>[a-z]+)\] |
              (?P<invalid>)
            )"""
        t = Percent('%a %[b] %% %')
        # an escaped delimiter is replaced by the class's delimiter attribute
        self.assertEqual(t.safe_substitute(a=1, b=2), '1 2 $ %')
        self.assertEqual(t.get_identifiers(), ['a', 'b'])
        with self.assertRaises(ValueError) as cm:
            t.substitute(a=1, b=2)
        self.assertEqual(str(cm.exception), 'Invalid placeholder in string: line 1, col 12')

    def test_pattern_attribute(self):
        self.assertTrue(hasattr(Template, 'pattern'))
        self.assertIsNotNone(Template.pattern.match('$abc'))
        self.assertEqual(Template.pattern.match('${x}').group('braced'), 'x')


class FormatterTests(unittest.TestCase):

    def test_format_like_str_format(self):
        f = string.Formatter()
        cases = [
            ('{}', (1,), {}),
            ('{0}{1}{0}', ('a', 'b'), {}),
            ('{x!r:>6}', (), {'x': 'q'}),
            ('{0:{1}}', (3.14159, '.2f'), {}),
            ('{:{}{}}', ('z', '>', 4), {}),
            ('{0[a]} {0[b]}', ({'a': 1, 'b': 2},), {}),
            ('{0.real:+}', (5,), {}),
            ('{{}} {{{0}}}', (7,), {}),
            ('{!a}', ('\xe9',), {}),
            ('{:%}', (0.25,), {}),
            ('{0[0]}', ([9],), {}),
            ('{n:,}', (), {'n': 1234567}),
        ]
        for fmt, args, kwargs in cases:
            with self.subTest(fmt=fmt):
                self.assertEqual(f.format(fmt, *args, **kwargs), fmt.format(*args, **kwargs))

    def test_format_keywords_named_self(self):
        f = string.Formatter()
        self.assertEqual(f.format('{self}{format_string}', self=1, format_string=2), '12')
        with self.assertRaises(TypeError):
            f.format()

    def test_errors(self):
        f = string.Formatter()
        with self.assertRaises(IndexError):
            f.format('{1}', 0)
        with self.assertRaises(KeyError):
            f.format('{name}')
        with self.assertRaises(ValueError) as cm:
            f.format('{0}{}', 1, 2)
        self.assertEqual(str(cm.exception), 'cannot switch from manual field specification '
                                            'to automatic field numbering')
        # (string.Formatter uses the same words for both directions)
        with self.assertRaises(ValueError) as cm:
            f.format('{}{0}', 1, 2)
        self.assertEqual(str(cm.exception), 'cannot switch from manual field specification '
                                            'to automatic field numbering')
        with self.assertRaises(ValueError) as cm:
            f.format('{!x}', 1)
        self.assertEqual(str(cm.exception), 'Unknown conversion specifier x')
        with self.assertRaises(ValueError) as cm:
            f.format('{:{:{}}}', 1, 2, 3)
        self.assertEqual(str(cm.exception), 'Max string recursion exceeded')
        with self.assertRaises(ValueError):
            f.format('{')
        with self.assertRaises(ValueError):
            f.format('}')

    def test_parse_errors(self):
        f = string.Formatter()
        cases = [
            ('{', "Single '{' encountered in format string"),
            ('a{{{', "Single '{' encountered in format string"),
            ('a}b', "Single '}' encountered in format string"),
            ('{0}}', "Single '}' encountered in format string"),
            ('{0', "expected '}' before end of string"),
            ('{0[', "expected '}' before end of string"),
            ('{a{b}', "unexpected '{' in field name"),
            ('{0!', 'end of string while looking for conversion specifier'),
            ('{0!r', "unmatched '{' in format spec"),
            ('{0!}', "unmatched '{' in format spec"),     # '}' is taken as the conversion
            ('{0!rr}', "expected ':' after conversion specifier"),
            ('{0:', "unmatched '{' in format spec"),
            ('{0:{1}', "unmatched '{' in format spec"),
        ]
        for text, message in cases:
            with self.subTest(text=text):
                with self.assertRaises(ValueError) as cm:
                    list(f.parse(text))
                self.assertEqual(str(cm.exception), message)

    def test_parse_odd_but_valid(self):
        f = string.Formatter()
        self.assertEqual(list(f.parse('{0[{]}')), [('', '0[{]', '', None)])
        self.assertEqual(list(f.parse('{0[}]}')), [('', '0[}]', '', None)])
        self.assertEqual(list(f.parse('{0!:}')), [('', '0', '', ':')])
        self.assertEqual(list(f.parse('{0:{{}}}')), [('', '0', '{{}}', None)])
        self.assertEqual(list(f.parse('{0:[}')), [('', '0', '[', None)])
        self.assertEqual(list(f.parse('{ 0 }')), [('', ' 0 ', '', None)])
        self.assertEqual(list(f.parse('a}}b{0}c')),
                         [('a}', None, None, None), ('b', '0', '', None), ('c', None, None, None)])

    def test_parse_is_lazy(self):
        f = string.Formatter()
        pieces = f.parse('ok{0}then}')
        self.assertEqual(next(pieces), ('ok', '0', '', None))
        with self.assertRaises(ValueError):
            next(pieces)
        # so format() reports a bad field before a later syntax error
        with self.assertRaises(IndexError):
            f.format('{5}}')

    def test_field_name_errors(self):
        f = string.Formatter()
        cases = [
            ('{0.}', 'Empty attribute in format string'),
            ('{0..a}', 'Empty attribute in format string'),
            ('{0[]}', 'Empty attribute in format string'),
            ('{0[0]x}', "Only '.' or '[' may follow ']' in format field specifier"),
        ]
        for text, message in cases:
            with self.subTest(text=text):
                with self.assertRaises(ValueError) as cm:
                    f.format(text, [[1]])
                self.assertEqual(str(cm.exception), message)
        # the first part is looked up before the rest of the name is checked
        with self.assertRaises(KeyError):
            f.format('{missing[]}')
        self.assertEqual(f.format('{0[a]}', {'a': 1}), '1')
        self.assertEqual(f.format('{0[1]}', {1: 'int key'}), 'int key')

    def test_vformat(self):
        f = string.Formatter()
        self.assertEqual(f.vformat('{0}-{k}', ('a',), {'k': 'b'}), 'a-b')
        self.assertEqual(f.vformat('{}', [5], {}), '5')

    def test_parse(self):
        f = string.Formatter()
        self.assertEqual(list(f.parse('')), [])
        self.assertEqual(list(f.parse('plain')), [('plain', None, None, None)])
        self.assertEqual(list(f.parse('{}')), [('', '', '', None)])
        self.assertEqual(list(f.parse('a{b.c[d]!r:^{w}}e')),
                         [('a', 'b.c[d]', '^{w}', 'r'), ('e', None, None, None)])
        self.assertEqual(list(f.parse('{0:}')), [('', '0', '', None)])

    def test_get_field_and_get_value(self):
        f = string.Formatter()
        obj, first = f.get_field('0.imag', (3j,), {})
        self.assertEqual((obj, first), (3.0, 0))
        obj, first = f.get_field('k[1]', (), {'k': 'xyz'})
        self.assertEqual((obj, first), ('y', 'k'))
        self.assertEqual(f.get_value(1, ('a', 'b'), {}), 'b')
        self.assertEqual(f.get_value('k', (), {'k': 1}), 1)

    def test_convert_field(self):
        f = string.Formatter()
        self.assertEqual(f.convert_field('x', None), 'x')
        self.assertEqual(f.convert_field('x', 's'), 'x')
        self.assertEqual(f.convert_field('x', 'r'), "'x'")
        self.assertEqual(f.convert_field('\xe9', 'a'), "'\\xe9'")
        with self.assertRaises(ValueError):
            f.convert_field('x', 'q')

    def test_format_field(self):
        f = string.Formatter()
        self.assertEqual(f.format_field(3, '03d'), '003')
        self.assertEqual(f.format_field('ab', ''), 'ab')

    def test_override_get_value(self):
        class Defaulting(string.Formatter):
            def get_value(self, key, args, kwargs):
                if isinstance(key, str):
                    return kwargs.get(key, '<' + key + '>')
                return super().get_value(key, args, kwargs)
        self.assertEqual(Defaulting().format('{a} {b} {0}', 'p', a=1), '1 <b> p')

    def test_override_convert_and_format_field(self):
        class Upper(string.Formatter):
            def convert_field(self, value, conversion):
                if conversion == 'u':
                    return str(value).upper()
                return super().convert_field(value, conversion)
            def format_field(self, value, spec):
                if spec == 'stars':
                    return '*' + str(value) + '*'
                return super().format_field(value, spec)
        self.assertEqual(Upper().format('{0!u} {1:stars} {1!r}', 'abc', 2), 'ABC *2* 2')

    def test_check_unused_args(self):
        class Strict(string.Formatter):
            def check_unused_args(self, used_args, args, kwargs):
                self.seen = set(used_args)
                unused = set(kwargs) - used_args
                unused |= set(range(len(args))) - used_args
                if unused:
                    raise ValueError('unused: %s' % sorted(map(str, unused)))
        s = Strict()
        self.assertEqual(s.format('{0}{x}', 1, x=2), '12')
        self.assertEqual(s.seen, {0, 'x'})
        with self.assertRaises(ValueError) as cm:
            s.format('{0}', 1, 2, y=3)
        self.assertEqual(str(cm.exception), "unused: ['1', 'y']")
        # nested fields count as used
        self.assertEqual(s.format('{0:{w}}', 'a', w=3), 'a  ')
        self.assertEqual(s.seen, {0, 'w'})
        # the default does nothing
        self.assertIsNone(string.Formatter().check_unused_args({0}, (1, 2), {'a': 1}))


if __name__ == '__main__':
    unittest.main()
