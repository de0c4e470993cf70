"""Tests for urllib.parse."""

import unittest
import urllib.parse as parse


class SplitTests(unittest.TestCase):

    def test_urlparse(self):
        url = 'http://user:pw@Host.Example.COM:8080/p/a/t/h;params?query=1&x=2#frag'
        result = parse.urlparse(url)
        self.assertEqual(tuple(result), ('http', 'user:pw@Host.Example.COM:8080',
                                         '/p/a/t/h', 'params', 'query=1&x=2', 'frag'))
        self.assertIsInstance(result, parse.ParseResult)
        self.assertEqual(result.username, 'user')
        self.assertEqual(result.password, 'pw')
        self.assertEqual(result.hostname, 'host.example.com')
        self.assertEqual(result.port, 8080)
        self.assertEqual(result.geturl(), url)
        self.assertEqual(parse.urlunparse(result), url)

    def test_urlsplit(self):
        result = parse.urlsplit('HTTPS://example.org/a;b?c#d')
        self.assertEqual(tuple(result), ('https', 'example.org', '/a;b', 'c', 'd'))
        self.assertIsNone(result.port)
        self.assertIsNone(result.username)
        self.assertEqual(parse.urlunsplit(result), 'https://example.org/a;b?c#d')
        self.assertEqual(parse.urlsplit('a/b', scheme='file').scheme, 'file')
        self.assertEqual(parse.urlsplit('x#y', allow_fragments=False).path, 'x#y')

    def test_various_forms(self):
        cases = [
            ('file:///etc/hosts', ('file', '', '/etc/hosts', '', '')),
            ('mailto:someone@example.com', ('mailto', '', 'someone@example.com', '', '')),
            ('//netloc/only', ('', 'netloc', '/only', '', '')),
            ('relative/path?q', ('', '', 'relative/path', 'q', '')),
            ('git+ssh://git@host/repo.git', ('git+ssh', 'git@host', '/repo.git', '', '')),
            ('', ('', '', '', '', '')),
            (' \thttp://x/ y\n', ('http', 'x', '/ y', '', '')),
        ]
        for url, expected in cases:
            with self.subTest(url=url):
                self.assertEqual(tuple(parse.urlsplit(url)), expected)

    def test_ipv6(self):
        result = parse.urlsplit('http://[::1]:443/x')
        self.assertEqual(result.hostname, '::1')
        self.assertEqual(result.port, 443)
        with self.assertRaises(ValueError):
            parse.urlsplit('http://[::1/x')
        with self.assertRaises(ValueError):
            parse.urlsplit('http://a]b/')

    def test_bad_port(self):
        with self.assertRaises(ValueError):
            parse.urlsplit('http://host:99999/').port
        with self.assertRaises(ValueError):
            parse.urlsplit('http://host:abc/').port

    def test_bytes(self):
        result = parse.urlsplit(b'http://h/p?q')
        self.assertIsInstance(result, parse.SplitResultBytes)
        self.assertEqual(result.netloc, b'h')
        self.assertEqual(result.decode(), parse.urlsplit('http://h/p?q'))
        self.assertEqual(parse.urlunsplit(result), b'http://h/p?q')
        self.assertEqual(parse.urlsplit('http://h/').encode().hostname, b'h')
        with self.assertRaises(TypeError):
            parse.urljoin('http://a/', b'b')

    def test_urldefrag(self):
        self.assertEqual(tuple(parse.urldefrag('http://a/b#frag')), ('http://a/b', 'frag'))
        self.assertEqual(tuple(parse.urldefrag('http://a/b')), ('http://a/b', ''))
        self.assertEqual(parse.urldefrag('x#y').geturl(), 'x#y')

    def test_urlunsplit_netloc_schemes(self):
        self.assertEqual(parse.urlunsplit(('file', '', '/tmp/x', '', '')), 'file:///tmp/x')
        self.assertEqual(parse.urlunsplit(('mailto', '', 'a@b', '', '')), 'mailto:a@b')
        self.assertEqual(parse.urlunparse(('http', 'h', 'p', 'x', 'q', 'f')),
                         'http://h/p;x?q#f')


class JoinTests(unittest.TestCase):

    def test_rfc3986_examples(self):
        base = 'http://a/b/c/d;p?q'
        cases = {
            'g:h': 'g:h', 'g': 'http://a/b/c/g', './g': 'http://a/b/c/g',
            'g/': 'http://a/b/c/g/', '/g': 'http://a/g', '//g': 'http://g',
            '?y': 'http://a/b/c/d;p?y', 'g?y': 'http://a/b/c/g?y',
            '#s': 'http://a/b/c/d;p?q#s', 'g#s': 'http://a/b/c/g#s',
            ';x': 'http://a/b/c/;x', 'g;x': 'http://a/b/c/g;x', '': base,
            '.': 'http://a/b/c/', './': 'http://a/b/c/', '..': 'http://a/b/',
            '../': 'http://a/b/', '../g': 'http://a/b/g', '../..': 'http://a/',
            '../../g': 'http://a/g', '../../../g': 'http://a/g',
            '/./g': 'http://a/g', '/../g': 'http://a/g', 'g.': 'http://a/b/c/g.',
            '..g': 'http://a/b/c/..g', './../g': 'http://a/b/g',
            'g/./h': 'http://a/b/c/g/h', 'g/../h': 'http://a/b/c/h',
            'http:g': 'http://a/b/c/g',
        }
        for relative, expected in cases.items():
            with self.subTest(relative=relative):
                self.assertEqual(parse.urljoin(base, relative), expected)

    def test_other_schemes(self):
        self.assertEqual(parse.urljoin('mailto:a@b', 'c'), 'c')
        self.assertEqual(parse.urljoin('', 'x'), 'x')
        self.assertEqual(parse.urljoin('http://a/b', 'https://c/d'), 'https://c/d')
        self.assertEqual(parse.urljoin(b'http://a/b/c', b'../d'), b'http://a/d')


class QuoteTests(unittest.TestCase):

    def test_quote(self):
        self.assertEqual(parse.quote('abc def/ghi'), 'abc%20def/ghi')
        self.assertEqual(parse.quote('a/b', safe=''), 'a%2Fb')
        self.assertEqual(parse.quote('\xfcber'), '%C3%BCber')
        self.assertEqual(parse.quote('\xfc', encoding='latin-1'), '%FC')
        self.assertEqual(parse.quote('_.-~'), '_.-~')
        self.assertEqual(parse.quote(b'\x00\xff'), '%00%FF')
        self.assertEqual(parse.quote(''), '')
        with self.assertRaises(TypeError):
            parse.quote(b'x', encoding='utf-8')

    def test_quote_plus(self):
        self.assertEqual(parse.quote_plus('a b+c/d'), 'a+b%2Bc%2Fd')
        self.assertEqual(parse.quote_plus('a b', safe='+'), 'a+b')
        self.assertEqual(parse.quote_from_bytes(b'abc def?'), 'abc%20def%3F')
        with self.assertRaises(TypeError):
            parse.quote_from_bytes('str')

    def test_unquote(self):
        self.assertEqual(parse.unquote('abc%20def'), 'abc def')
        self.assertEqual(parse.unquote('%C3%BCber'), '\xfcber')
        self.assertEqual(parse.unquote('%FC', encoding='latin-1'), '\xfc')
        self.assertEqual(parse.unquote('%zz%4'), '%zz%4')
        self.assertEqual(parse.unquote('%C3%28'), '\ufffd(')
        self.assertEqual(parse.unquote(b'a%20b'), 'a b')
        self.assertEqual(parse.unquote_plus('a+b%2B'), 'a b+')
        self.assertEqual(parse.unquote_to_bytes('a%FFb'), b'a\xffb')
        self.assertEqual(parse.unquote_to_bytes(''), b'')
        with self.assertRaises(TypeError):
            parse.unquote(None)


class QueryTests(unittest.TestCase):

    def test_parse_qsl(self):
        self.assertEqual(parse.parse_qsl('a=1&b=2&a=3'), [('a', '1'), ('b', '2'), ('a', '3')])
        self.assertEqual(parse.parse_qsl('a&b=&c=%20+x'), [('c', '  x')])
        self.assertEqual(parse.parse_qsl('a&b=&c=1', keep_blank_values=True),
                         [('a', ''), ('b', ''), ('c', '1')])
        self.assertEqual(parse.parse_qsl('a=1;b=2', separator=';'), [('a', '1'), ('b', '2')])
        self.assertEqual(parse.parse_qsl(b'a=%FF'), [(b'a', b'\xff')])
        self.assertEqual(parse.parse_qsl(''), [])
        with self.assertRaises(ValueError):
            parse.parse_qsl('a&b=1', strict_parsing=True)
        with self.assertRaises(ValueError):
            parse.parse_qsl('a=1&b=2', max_num_fields=1)

    def test_parse_qs(self):
        self.assertEqual(parse.parse_qs('a=1&b=2&a=3'), {'a': ['1', '3'], 'b': ['2']})
        self.assertEqual(parse.parse_qs('x=', keep_blank_values=True), {'x': ['']})

    def test_urlencode(self):
        self.assertEqual(parse.urlencode({'a': 1, 'b': 'x y'}), 'a=1&b=x+y')
        self.assertEqual(parse.urlencode([('a', [1, 2])]), 'a=%5B1%2C+2%5D')
        self.assertEqual(parse.urlencode([('a', [1, 2])], doseq=True), 'a=1&a=2')
        self.assertEqual(parse.urlencode({'b': b'\xff'}), 'b=%FF')
        self.assertEqual(parse.urlencode({'p': 'a/b'}, safe='/'), 'p=a/b')
        self.assertEqual(parse.urlencode({'s': 'a b'}, quote_via=parse.quote), 's=a%20b')
        with self.assertRaises(TypeError):
            parse.urlencode('not a mapping')


if __name__ == '__main__':
    unittest.main()
