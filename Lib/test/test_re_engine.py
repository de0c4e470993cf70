"""Tests of the re matching engine: deep backtracking, subject kinds, case folding, the
Match API, and the search/findall/sub/split loops.  Expected values are CPython 3.13's."""

import copy
import re
import threading
import unittest

try:
    import _braid_sre
except ImportError:
    _braid_sre = None


class DeepBacktrackingTests(unittest.TestCase):
    # The engine keeps its backtracking state on a heap stack: none of these may crash.

    def test_alternation_loop_100k(self):
        s = 'ab' * 100000 + 'c'
        m = re.match(r'(?:ab|a)*c', s)
        self.assertEqual(m.span(), (0, len(s)))

    def test_alternation_loop_backtracks_100k(self):
        s = 'ab' * 100000
        self.assertIsNone(re.match(r'(?:ab|a)*c', s))
        m = re.match(r'(?:a|b)*?b$', s)
        self.assertEqual(m.end(), len(s))

    def test_group_loop_100k(self):
        s = 'xy' * 100000
        m = re.fullmatch(r'(?:(x)|(y))*', s)
        self.assertEqual(m.span(), (0, len(s)))
        self.assertEqual(m.groups(), ('x', 'y'))
        self.assertEqual(m.span(1), (len(s) - 2, len(s) - 1))
        self.assertEqual(m.lastindex, 2)

    def test_single_char_repeats(self):
        s = 'a' * 200000
        self.assertEqual(re.match(r'a*b|a*', s).end(), len(s))
        self.assertEqual(re.match(r'.*?$', s).end(), len(s))
        self.assertEqual(re.search(r'(a+)+$', s).span(1), (0, len(s)))

    def test_atomic_and_lookahead_in_loop(self):
        s = 'ab' * 50000
        self.assertEqual(re.fullmatch(r'(?:(?>a)(?=b)b)*', s).end(), len(s))
        self.assertEqual(re.fullmatch(r'(?:(?!b)a(?<=a)b)*', s).end(), len(s))

    def test_counted_repeat(self):
        s = 'ab' * 30000
        self.assertEqual(re.match(r'(?:ab){30000}', s).end(), len(s))
        self.assertIsNone(re.match(r'(?:ab){30001}', s))
        self.assertEqual(re.match(r'(?:ab){2,40000}?$', s).end(), len(s))


class SubjectTests(unittest.TestCase):
    def test_str_kinds(self):
        for extra in ('', '\xe9', '\u20ac', '\U0001f600'):
            with self.subTest(extra=extra):
                s = 'x %s 12 %s 345' % (extra, extra)
                self.assertEqual(re.findall(r'\d+', s), ['12', '345'])
                self.assertEqual(re.sub(r'\d', '#', s), s.replace('1', '#').replace('2', '#')
                                 .replace('3', '#').replace('4', '#').replace('5', '#'))
                if extra:
                    self.assertEqual(re.search(re.escape(extra) + '+', s).group(), extra)

    def test_astral_class(self):
        self.assertEqual(re.findall('[\U0001f600-\U0001f64f]+', 'a\U0001f600\U0001f601b'),
                         ['\U0001f600\U0001f601'])
        self.assertEqual(re.findall('[^a-z]', 'a\U0001f600b'), ['\U0001f600'])

    def test_bytes_like(self):
        for s in (b'ab12cd3', bytearray(b'ab12cd3'), memoryview(b'ab12cd3')):
            with self.subTest(type=type(s).__name__):
                self.assertEqual(re.findall(rb'\d+', s), [b'12', b'3'])
                self.assertEqual(re.search(rb'(\d)(\d)', s).groups(), (b'1', b'2'))
                self.assertEqual(re.split(rb'\d+', s), [b'ab', b'cd', b''])
                self.assertEqual(re.sub(rb'\d', b'#', s), b'ab##cd#')
                self.assertEqual([m.span() for m in re.finditer(rb'\d', s)],
                                 [(2, 3), (3, 4), (6, 7)])

    def test_bytes_are_ascii(self):
        self.assertIsNone(re.match(rb'\w', b'\xe9'))
        self.assertIsNone(re.match(rb'\xe9', b'\xc9', re.I))
        self.assertEqual(re.match(rb'a', b'A', re.I).group(), b'A')

    def test_type_errors(self):
        with self.assertRaises(TypeError) as cm:
            re.search('a', 5)
        self.assertEqual(str(cm.exception), "expected string or bytes-like object, got 'int'")
        with self.assertRaises(TypeError) as cm:
            re.search('a', b'a')
        self.assertEqual(str(cm.exception), 'cannot use a string pattern on a bytes-like object')
        with self.assertRaises(TypeError) as cm:
            re.findall(b'a', 'a')
        self.assertEqual(str(cm.exception), 'cannot use a bytes pattern on a string-like object')
        with self.assertRaises(TypeError):
            re.compile('a').finditer(b'a')


class IgnoreCaseTests(unittest.TestCase):
    def test_special_classes(self):
        self.assertTrue(re.match('\u212a', 'k', re.I))
        self.assertTrue(re.match('k', '\u212a', re.I))
        self.assertTrue(re.match('s', '\u017f', re.I))
        self.assertTrue(re.match('i', '\u0131', re.I))
        self.assertTrue(re.match('[a-z]', '\u212a', re.I))
        self.assertTrue(re.match('[\u0100-\uffff]', 'k', re.I))
        self.assertTrue(re.match('[\u0100-\uffff]', '\xdf', re.I))
        self.assertTrue(re.match('\u03b8', '\u03d1', re.I))

    def test_ascii_flag(self):
        self.assertIsNone(re.match('\xe9', '\xc9', re.I | re.A))
        self.assertTrue(re.match('\xe9', '\xc9', re.I))
        self.assertIsNone(re.match('[^\xe9]', '\xc9', re.I))
        self.assertEqual(re.findall(r'(?i)\b(?:lorem|dolor)\b', 'Lorem DOLOR dolorem'),
                         ['Lorem', 'DOLOR'])

    def test_backref(self):
        self.assertTrue(re.match(r'(?i)(\w+) \1', 'Hello hELLO'))
        self.assertIsNone(re.match(r'(\w+) \1', 'Hello hELLO'))


class ConstructTests(unittest.TestCase):
    def test_possessive_and_atomic(self):
        self.assertIsNone(re.match(r'a++a', 'aaa'))
        self.assertIsNone(re.match(r'(?>a|ab)c', 'abc'))
        self.assertEqual(re.match(r'(?>ab|a)c', 'abc').group(), 'abc')
        self.assertEqual(re.match(r'(?:ab)*+', 'ababa').group(), 'abab')

    def test_lookaround(self):
        self.assertEqual(re.findall(r'(?<=\$)\d+', 'a $12 b 34 $5'), ['12', '5'])
        self.assertEqual(re.findall(r'\b\w+(?<!s)\b', 'cats dog birds cow'), ['dog', 'cow'])
        self.assertEqual(re.findall(r'\w+(?=,)', 'a, b c, d'), ['a', 'c'])
        self.assertEqual(re.search(r'(?=(\w+))\w', 'hi there').group(1), 'hi')
        self.assertEqual(re.compile(r'(?<=a)b').search('ab', 1).span(), (1, 2))

    def test_conditional(self):
        p = re.compile(r"(')?\w+(?(1)')")
        self.assertEqual(p.fullmatch("'abc'").group(), "'abc'")
        self.assertEqual(p.fullmatch('abc').group(), 'abc')
        self.assertIsNone(p.fullmatch("'abc"))

    def test_empty_matches(self):
        self.assertEqual(re.sub('x*', '-', 'abxd'), '-a-b--d-')
        self.assertEqual(re.split(r'\b', 'a b'), ['', 'a', ' ', 'b', ''])
        self.assertEqual([m.span() for m in re.finditer(r'\b|x', 'ax')],
                         [(0, 0), (1, 2), (2, 2)])
        self.assertEqual(re.findall(r'(a|)+', 'aab'), ['', '', ''])

    def test_single_char_repeat_before_literal(self):
        html = '<b>one</b> <i>x</i> <b>two</b><b></b>'
        self.assertEqual(re.findall(r'<b>(.*?)</b>', html), ['one', 'two', ''])
        self.assertEqual(re.findall(r'<b>(.*)</b>', html), ['one</b> <i>x</i> <b>two</b><b>'])
        self.assertEqual(re.findall(r'<([^>]*?)i>', html), ['', '/'])
        self.assertEqual(re.match(r'a.*?bc', 'a b bbc bc').group(), 'a b bbc')
        self.assertEqual(re.match(r'a.*bc', 'a b bbc bc x').group(), 'a b bbc bc')
        self.assertIsNone(re.match(r'a[^x]*?c', 'abbbxc'))
        self.assertEqual(re.match(r'a[^x]*?c', 'abcbc').group(), 'abc')

    def test_nested_repeat(self):
        self.assertEqual(re.match(r'(?:a{0,2}){3}', 'aaaaaaa').group(), 'aaaaaa')
        self.assertEqual(re.match(r'((a)|b)+', 'ab').groups(), ('b', 'a'))
        self.assertEqual(re.match(r'(a*)*b', 'aab').groups(), ('',))


class MatchObjectTests(unittest.TestCase):
    def test_api(self):
        m = re.search(r'(?P<w>\w+) (?P<n>\d+)?(x)?', '!! hello 42!')
        self.assertEqual(m.group(), 'hello 42')
        self.assertEqual(m.group('w', 2), ('hello', '42'))
        self.assertEqual(m[1], 'hello')
        self.assertEqual(m['n'], '42')
        self.assertEqual(m.groups(), ('hello', '42', None))
        self.assertEqual(m.groups(''), ('hello', '42', ''))
        self.assertEqual(m.groupdict(), {'w': 'hello', 'n': '42'})
        self.assertEqual(m.span(3), (-1, -1))
        self.assertEqual(m.start('n'), 9)
        self.assertEqual(m.end(), 11)
        self.assertEqual(m.regs, ((3, 11), (3, 8), (9, 11), (-1, -1)))
        self.assertEqual(m.lastindex, 2)
        self.assertEqual(m.lastgroup, 'n')
        self.assertEqual(m.pos, 0)
        self.assertEqual(m.endpos, 12)
        self.assertEqual(m.string, '!! hello 42!')
        self.assertIs(m.re, re.compile(r'(?P<w>\w+) (?P<n>\d+)?(x)?'))
        self.assertEqual(m.expand(r'\g<n>:\1\3'), '42:hello')
        self.assertEqual(repr(m), "<re.Match object; span=(3, 11), match='hello 42'>")
        self.assertIs(copy.copy(m), m)
        self.assertIs(copy.deepcopy(m), m)
        self.assertIsInstance(m, re.Match)
        self.assertEqual(re.Match[str].__args__, (str,))
        self.assertTrue(m)
        for bad in (4, -1, 'nope', 1.0, None):
            with self.subTest(bad=bad):
                with self.assertRaises(IndexError):
                    m.group(bad)
        self.assertEqual(m.group(True), 'hello')

    def test_pos_endpos(self):
        p = re.compile(r'\d')
        m = p.search('a1b2', 2, 100)
        self.assertEqual((m.pos, m.endpos, m.span()), (2, 4, (3, 4)))
        self.assertEqual(p.match('12', 1).group(), '2')
        self.assertIsNone(p.search('12', 1, 0))
        self.assertEqual(re.compile('').match('abc', 2, 1).span(), (2, 2))
        self.assertEqual([m.span() for m in re.compile('').finditer('', 1)], [(0, 0)])

    def test_bytearray_changed_after_match(self):
        b = bytearray(b'abcd')
        m = re.search(b'bc', b)
        b[1:3] = b'XY'
        self.assertEqual(m.group(), b'XY')

    def test_sub_callable(self):
        self.assertEqual(re.sub(r'\w+', lambda m: m.group().upper(), 'ab cd'), 'AB CD')
        self.assertEqual(re.sub('a', lambda m: None, 'abc'), 'bc')
        self.assertEqual(re.subn(r'(\d)', lambda m: m[1] * 2, 'a1b2', count=1), ('a11b2', 1))
        with self.assertRaises(TypeError):
            re.sub('a', lambda m: 5, 'a')
        with self.assertRaises(ZeroDivisionError):
            re.sub('a', lambda m: 1 / 0, 'a')


class ScannerTests(unittest.TestCase):
    def test_pattern_scanner(self):
        p = re.compile('a(b)', re.I)
        sc = p.scanner('aBab xab')
        self.assertIs(sc.pattern, p)
        self.assertEqual(sc.match().span(), (0, 2))
        self.assertEqual(sc.match().span(), (2, 4))
        self.assertIsNone(sc.match())
        sc = p.scanner('aBab xab')
        self.assertEqual([sc.search().span() for _ in range(3)], [(0, 2), (2, 4), (6, 8)])
        self.assertIsNone(sc.search())
        sc = re.compile('x*').scanner('ab')
        self.assertEqual([sc.search().span() for _ in range(3)], [(0, 0), (1, 1), (2, 2)])
        self.assertIsNone(sc.search())

    def test_scanner_class(self):
        def number(scanner, text):
            return ('num', int(text))
        lex = re.Scanner([
            (r'\d+', number),
            (r'(?:[a-z])+', lambda s, t: ('word', t)),
            (r'(,)', 'comma'),
            (r'\s+', None),
        ])
        self.assertEqual(lex.scan('12 ab,3 ?x'),
                         ([('num', 12), ('word', 'ab'), 'comma', ('num', 3)], '?x'))

    def test_pickle(self):
        import pickle
        p = re.compile(r'(?i)a(b)')
        q = pickle.loads(pickle.dumps(p))
        self.assertEqual(q, p)
        self.assertEqual(q.match('AB').group(1), 'B')
        self.assertIs(copy.copy(p), p)


class ThreadTests(unittest.TestCase):
    def test_shared_pattern(self):
        p = re.compile(r'(\w+)@(\w+)\.com')
        text = ' '.join('u%d@h%d.com' % (i, i) for i in range(200))
        expected = p.findall(text)
        errors = []

        def work():
            for _ in range(20):
                if p.findall(text) != expected:
                    errors.append('findall')
                if p.sub(r'\2', text) != ' '.join('h%d' % i for i in range(200)):
                    errors.append('sub')
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])

    def test_shared_finditer(self):
        # Every match is handed out exactly once, whichever thread asks.
        it = re.finditer(r'\d+', ' '.join(str(i) for i in range(5000)))
        got = []

        def work():
            for m in it:
                got.append(int(m.group()))
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(got), list(range(5000)))


@unittest.skipIf(_braid_sre is None, 'Braid engine module')
class ProgramValidationTests(unittest.TestCase):
    def test_bad_programs(self):
        P = _braid_sre.Program
        bad = [
            [99],                                   # unknown opcode
            [_braid_sre.OP_JUMP, 50],               # jump out of the program
            [_braid_sre.OP_STR, 5, 97],             # truncated literal
            [_braid_sre.OP_GROUP_OPEN, 1000, _braid_sre.OP_SUCCESS],  # bad register
            [],
        ]
        for code in bad:
            with self.subTest(code=code):
                with self.assertRaises(ValueError):
                    P(code, 0, 3, False, None, -1, False)

    def test_good_program(self):
        P = _braid_sre.Program
        prog = P([_braid_sre.OP_CHAR, 97, _braid_sre.OP_SUCCESS], 0, 3, False, None, -1, False)
        self.assertEqual(prog.findall('banana', 0, 100), ['a', 'a', 'a'])


if __name__ == '__main__':
    unittest.main()
