import html
import html.entities
import html.parser
import unittest


class HtmlTests(unittest.TestCase):
    def test_escape(self):
        self.assertEqual(html.escape('<a href="x">\'&'),
                         '&lt;a href=&quot;x&quot;&gt;&#x27;&amp;')
        self.assertEqual(html.escape('"\'<>&', quote=False), '"\'&lt;&gt;&amp;')

    def test_unescape_named(self):
        self.assertEqual(html.unescape('&amp;&lt;&gt;&quot;&apos;'), '&<>"\'')
        self.assertEqual(html.unescape('&copy &nbsp;x'), '\xa9 \xa0x')
        self.assertEqual(html.unescape('&notit;'), '\xacit;')
        self.assertEqual(html.unescape('&notin;'), '\u2209')
        self.assertEqual(html.unescape('&ampx'), '&x')
        self.assertEqual(html.unescape('&foo; & &;'), '&foo; & &;')
        self.assertEqual(html.unescape('&lt&gtfoo'), '<>foo')

    def test_unescape_numeric(self):
        self.assertEqual(html.unescape('&#60;&#x3c;&#X3C&#60'), '<<<<')
        self.assertEqual(html.unescape('&#0;'), '\ufffd')
        self.assertEqual(html.unescape('&#128;'), '\u20ac')
        self.assertEqual(html.unescape('&#x81;'), '\x81')
        self.assertEqual(html.unescape('&#xd800;'), '\ufffd')
        self.assertEqual(html.unescape('&#999999999;'), '\ufffd')
        self.assertEqual(html.unescape('&#1;&#65535;&#x0b;'), '')
        self.assertEqual(html.unescape('&#13;'), '\r')
        self.assertEqual(html.unescape('&#; &#x;'), '&#; &#x;')
        self.assertEqual(html.unescape('no refs'), 'no refs')

    def test_entities(self):
        e = html.entities
        self.assertEqual(len(e.name2codepoint), 252)
        self.assertEqual(e.name2codepoint['eacute'], 0xe9)
        self.assertEqual(e.name2codepoint['Omega'], 0x3a9)
        self.assertEqual(e.codepoint2name[0x2022], 'bull')
        self.assertEqual(e.entitydefs['amp'], '&')
        self.assertEqual(e.html5['amp;'], '&')
        self.assertEqual(e.html5['amp'], '&')
        self.assertEqual(e.html5['lang;'], '\u27e8')
        self.assertNotIn('hellip', e.html5)


class EscapeTests(unittest.TestCase):

    def test_each_character(self):
        self.assertEqual(html.escape('&'), '&amp;')
        self.assertEqual(html.escape('<'), '&lt;')
        self.assertEqual(html.escape('>'), '&gt;')
        self.assertEqual(html.escape('"'), '&quot;')
        self.assertEqual(html.escape("'"), '&#x27;')
        self.assertEqual(html.escape('"', quote=False), '"')
        self.assertEqual(html.escape("'", False), "'")

    def test_ampersand_first(self):
        # an existing reference is escaped again, not preserved
        self.assertEqual(html.escape('&amp;'), '&amp;amp;')
        self.assertEqual(html.escape('&lt;b&gt;'), '&amp;lt;b&amp;gt;')

    def test_other_text_unchanged(self):
        for text in ('', 'plain', '\xe9\u20ac\U0001f600', 'tab\tnewline\n', '=/;#'):
            with self.subTest(text=text):
                self.assertEqual(html.escape(text), text)

    def test_round_trip(self):
        text = '<p class="x">Tom & Jerry\'s</p>'
        self.assertEqual(html.unescape(html.escape(text)), text)
        self.assertEqual(html.unescape(html.escape(text, quote=False)), text)

    def test_not_a_string(self):
        with self.assertRaises(AttributeError):
            html.escape(5)

    def test_all(self):
        self.assertEqual(html.__all__, ['escape', 'unescape'])


class UnescapeTests(unittest.TestCase):

    def test_decimal_and_hex(self):
        self.assertEqual(html.unescape('&#65;&#x42;&#X43;&#0068;&#x00045;'), 'ABCDE')
        self.assertEqual(html.unescape('&#x1F600;'), '\U0001f600')
        self.assertEqual(html.unescape('&#x1f600'), '\U0001f600')
        self.assertEqual(html.unescape('&#65x'), 'Ax')
        self.assertEqual(html.unescape('&#x41g'), 'Ag')
        self.assertEqual(html.unescape('&#x10FFFF;'), '')       # a non-character

    def test_numeric_replacements(self):
        # the Windows-1252 reading of C1 controls, and NUL / CR
        self.assertEqual(html.unescape('&#x80;&#x82;&#x99;&#x9f;'), '\u20ac\u201a\u2122\u0178')
        self.assertEqual(html.unescape('&#x8d;&#x90;&#x9d;'), '\x8d\x90\x9d')
        self.assertEqual(html.unescape('&#0;&#x0;'), '\ufffd\ufffd')
        self.assertEqual(html.unescape('&#x0d;'), '\r')

    def test_invalid_code_points(self):
        # surrogates and values beyond Unicode become U+FFFD
        self.assertEqual(html.unescape('&#xD800;&#xdfff;'), '\ufffd\ufffd')
        self.assertEqual(html.unescape('&#x110000;&#1114112;'), '\ufffd\ufffd')
        self.assertEqual(html.unescape('&#' + '9' * 30 + ';'), '\ufffd')
        # control characters and non-characters are dropped
        for cp in (0x1, 0x8, 0xb, 0xe, 0x1f, 0x7f, 0xfdd0, 0xfdef, 0xfffe, 0xffff,
                   0x1fffe, 0x10ffff):
            with self.subTest(cp=hex(cp)):
                self.assertEqual(html.unescape('a&#x%x;b' % cp), 'ab')
        # ... but ordinary ones are kept
        for cp in (0x9, 0xa, 0xc, 0x20, 0xa0, 0xfdcf, 0xfdf0, 0xfffd, 0x1fffd):
            with self.subTest(cp=hex(cp)):
                self.assertEqual(html.unescape('&#%d;' % cp), chr(cp))

    def test_incomplete_numeric(self):
        for text in ('&#', '&#;', '&#x', '&#x;', '&#xg;', '&# 1;', '&#-1;'):
            with self.subTest(text=text):
                self.assertEqual(html.unescape(text), text)

    def test_named_with_semicolon(self):
        self.assertEqual(html.unescape('&eacute;&Eacute;&hellip;&euro;&lang;'),
                         '\xe9\xc9\u2026\u20ac\u27e8')
        self.assertEqual(html.unescape('&AMP;&LT;&GT;&QUOT;'), '&<>"')
        self.assertEqual(html.unescape('&Tab;&NewLine;'), '\t\n')
        self.assertEqual(html.unescape('&check;&star;'), '\u2713\u2606')

    def test_named_without_semicolon(self):
        # only the legacy names may lose their semicolon
        self.assertEqual(html.unescape('&amp &lt &gt &quot &nbsp &copy &eacute'),
                         '& < > " \xa0 \xa9 \xe9')
        self.assertEqual(html.unescape('&AMP &REG'), '& \xae')
        self.assertEqual(html.unescape('&hellip &euro'), '&hellip &euro')
        # the longest legacy prefix is used when no full name matches
        self.assertEqual(html.unescape('&copyright'), '\xa9right')
        self.assertEqual(html.unescape('&ampfoo;'), '&foo;')
        self.assertEqual(html.unescape('&notin;&notit;&not'), '\u2209\xacit;\xac')
        self.assertEqual(html.unescape('&eacutes'), '\xe9s')

    def test_unknown_names(self):
        for text in ('&zzz;', '&zzz', '& amp;', '&;', '&', '&&', '&#&', '&Amp;'):
            with self.subTest(text=text):
                self.assertEqual(html.unescape(text), text)

    def test_case_matters(self):
        self.assertEqual(html.unescape('&Eacute;&eacute;'), '\xc9\xe9')
        self.assertEqual(html.unescape('&EUro;'), '&EUro;')

    def test_name_length_limit(self):
        # a name is at most 32 characters: longer runs are not references
        long_name = 'a' * 40
        self.assertEqual(html.unescape('&' + long_name + ';'), '&' + long_name + ';')
        self.assertEqual(html.unescape('&amp' + 'x' * 40), '&' + 'x' * 40)

    def test_mixed_text(self):
        self.assertEqual(html.unescape('x &lt; y &amp;&amp; y &gt; z; &#169; 2024'),
                         'x < y && y > z; \xa9 2024')
        self.assertEqual(html.unescape('&lt;&lt;&lt;'), '<<<')
        self.assertEqual(html.unescape('a&amp;b&amp;c'), 'a&b&c')
        self.assertEqual(html.unescape(''), '')


class EntitiesTests(unittest.TestCase):

    def test_tables_agree(self):
        e = html.entities
        for name, cp in e.name2codepoint.items():
            with self.subTest(name=name):
                self.assertEqual(e.entitydefs[name], chr(cp))
                if name not in ('lang', 'rang'):        # HTML5 remapped these two
                    self.assertEqual(e.html5[name + ';'], chr(cp))
                self.assertEqual(e.name2codepoint[e.codepoint2name[cp]], cp)
        self.assertEqual(len(e.codepoint2name), len(e.name2codepoint))
        self.assertEqual(set(e.entitydefs), set(e.name2codepoint))

    def test_html4_samples(self):
        e = html.entities
        self.assertEqual(e.name2codepoint['nbsp'], 160)
        self.assertEqual(e.name2codepoint['yuml'], 255)
        self.assertEqual(e.name2codepoint['Alpha'], 913)
        self.assertEqual(e.name2codepoint['sigmaf'], 962)
        self.assertEqual(e.name2codepoint['thetasym'], 977)
        self.assertEqual(e.name2codepoint['diams'], 9830)
        self.assertEqual(e.name2codepoint['lang'], 9001)
        self.assertEqual(e.codepoint2name[38], 'amp')
        self.assertEqual(e.entitydefs['lt'], '<')
        self.assertNotIn('apos', e.name2codepoint)

    def test_html5_table_is_complete(self):
        # The HTML standard defines 2,231 names: 2,125 with ';', 106 legacy ones without.
        h = html.entities.html5
        self.assertEqual(len(h), 2231)
        self.assertEqual(sum(1 for k in h if k.endswith(';')), 2125)
        for name in h:
            if not name.endswith(';'):
                self.assertEqual(h[name], h[name + ';'])
        self.assertEqual(h['bernou;'], '\u212c')
        self.assertEqual(h['nsubE;'], '\u2ac5\u0338')
        self.assertEqual(h['phiv;'], '\u03d5')
        self.assertEqual(h['ThickSpace;'], '\u205f\u200a')
        self.assertEqual(html.unescape('&ap;&NotEqualTilde;&bernou'), '\u2248\u2242\u0338&bernou')

    def test_html5_samples(self):
        h = html.entities.html5
        self.assertEqual(h['apos;'], "'")
        self.assertEqual(h['lt'], '<')
        self.assertEqual(h['LT;'], '<')
        self.assertEqual(h['rang;'], '\u27e9')     # HTML5 changed lang/rang
        self.assertEqual(h['nbsp'], '\xa0')
        self.assertNotIn('apos', h)
        self.assertNotIn('euro', h)
        self.assertIn('euro;', h)
        for key, value in h.items():
            if not key.endswith(';'):
                self.assertEqual(h[key + ';'], value)

    def test_all(self):
        self.assertEqual(sorted(html.entities.__all__),
                         ['codepoint2name', 'entitydefs', 'html5', 'name2codepoint'])


class Collector(html.parser.HTMLParser):
    """Records every handler call as a tuple; adjacent text is merged."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.events = []

    def _add(self, *event):
        if event[0] == 'data' and self.events and self.events[-1][0] == 'data':
            self.events[-1] = ('data', self.events[-1][1] + event[1])
        else:
            self.events.append(event)

    def handle_starttag(self, tag, attrs):
        self._add('starttag', tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._add('startendtag', tag, attrs)

    def handle_endtag(self, tag):
        self._add('endtag', tag)

    def handle_data(self, data):
        self._add('data', data)

    def handle_comment(self, data):
        self._add('comment', data)

    def handle_charref(self, name):
        self._add('charref', name)

    def handle_entityref(self, name):
        self._add('entityref', name)

    def handle_decl(self, decl):
        self._add('decl', decl)

    def handle_pi(self, data):
        self._add('pi', data)

    def unknown_decl(self, data):
        self._add('unknown_decl', data)


def parse(source, chunks=None, **kwargs):
    parser = Collector(**kwargs)
    if chunks is None:
        parser.feed(source)
    else:
        for i in range(0, len(source), chunks):
            parser.feed(source[i:i + chunks])
    parser.close()
    return parser.events


class HTMLParserTests(unittest.TestCase):

    def check(self, source, expected, **kwargs):
        self.assertEqual(parse(source, **kwargs), expected)
        # feeding one character at a time gives the same events
        self.assertEqual(parse(source, chunks=1, **kwargs), expected)

    def test_simple_document(self):
        self.check('<!DOCTYPE html><html><head><title>T</title></head>'
                   '<body><p class="x">Hello</p></body></html>', [
                       ('decl', 'DOCTYPE html'),
                       ('starttag', 'html', []), ('starttag', 'head', []),
                       ('starttag', 'title', []), ('data', 'T'), ('endtag', 'title'),
                       ('endtag', 'head'), ('starttag', 'body', []),
                       ('starttag', 'p', [('class', 'x')]), ('data', 'Hello'),
                       ('endtag', 'p'), ('endtag', 'body'), ('endtag', 'html')])

    def test_names_are_lower_cased(self):
        self.check('<DIV ID="a" Data-X=1></Div>',
                   [('starttag', 'div', [('id', 'a'), ('data-x', '1')]), ('endtag', 'div')])

    def test_attribute_forms(self):
        self.check('<a b=\'c\' d = "e" f=g h= i j=>', [
            ('starttag', 'a', [('b', 'c'), ('d', 'e'), ('f', 'g'), ('h', 'i'), ('j', '')])])
        self.check('<input disabled value="x y">',
                   [('starttag', 'input', [('disabled', None), ('value', 'x y')])])
        self.check('<a href=x/y/>', [('starttag', 'a', [('href', 'x/y/')])])
        self.check('<a b="1"c=\'2\'>', [('starttag', 'a', [('b', '1'), ('c', '2')])])
        self.check('<a =b>', [('starttag', 'a', [('=b', None)])])
        self.check('<a x="1" x="2">', [('starttag', 'a', [('x', '1'), ('x', '2')])])

    def test_attribute_references_are_converted(self):
        self.check('<a href="?a=1&amp;b=2&#33;" t=&lt;x>',
                   [('starttag', 'a', [('href', '?a=1&b=2!'), ('t', '<x')])])
        self.check('<a t="&amp" u=\'&copy2\'>',
                   [('starttag', 'a', [('t', '&'), ('u', '\xa92')])],
                   convert_charrefs=False)

    def test_malformed_attributes(self):
        # a name may start with a quote or '=' when it follows white space or a quote
        self.check('<a "=\'x>', [('starttag', 'a', [('"', None), ("='x", None)])])
        self.check('<a b="c"d=e>', [('starttag', 'a', [('b', 'c'), ('d', 'e')])])
        # a character that cannot start an attribute ends the tag: it becomes text
        self.check('<x\x00>y', [('data', '<x\x00>y')])
        # ... but '=' or a letter there means the tag may still be completed
        parser = Collector()
        parser.feed('<a b="c')
        self.assertEqual(parser.events, [])
        parser.feed(' d">e')
        parser.close()
        self.assertEqual(parser.events, [('starttag', 'a', [('b', 'c d')]), ('data', 'e')])

    def test_empty_element_tags(self):
        self.check('<br/><img src="a"/><hr />', [
            ('startendtag', 'br', []), ('startendtag', 'img', [('src', 'a')]),
            ('startendtag', 'hr', [])])
        # a '/' that is not followed by '>' is ignored
        self.check('<br/ >', [('starttag', 'br', [])])

    def test_default_startendtag_calls_both(self):
        calls = []

        class P(html.parser.HTMLParser):
            def handle_starttag(self, tag, attrs):
                calls.append(('start', tag, attrs))

            def handle_endtag(self, tag):
                calls.append(('end', tag))
        p = P()
        p.feed('<br clear="all"/>')
        p.close()
        self.assertEqual(calls, [('start', 'br', [('clear', 'all')]), ('end', 'br')])

    def test_text_and_references(self):
        self.check('a &amp; b &lt;c&gt; &#65;&#x42; &copy &zz; &',
                   [('data', 'a & b <c> AB \xa9 &zz; &')])
        self.check('a &amp; b &#65;&#x42 &zz; x', [
            ('data', 'a '), ('entityref', 'amp'), ('data', ' b '), ('charref', '65'),
            ('charref', 'x42'), ('data', ' '), ('entityref', 'zz'), ('data', ' x')],
            convert_charrefs=False)

    def test_reference_split_across_feeds(self):
        parser = Collector()
        for piece in ('x &am', 'p; y &#6', '5; z'):
            parser.feed(piece)
        parser.close()
        self.assertEqual(parser.events, [('data', 'x & y A z')])

    def test_comments(self):
        self.check('<!-- a comment --><!---->x<!-- a -- b -->',
                   [('comment', ' a comment '), ('comment', ''), ('data', 'x'),
                    ('comment', ' a -- b ')])
        self.check('<!--\nmulti\nline\n-->', [('comment', '\nmulti\nline\n')])

    def test_bogus_comments(self):
        self.check('<!x><! y ></$z>', [('comment', 'x'), ('comment', ' y '),
                                        ('comment', '$z')])

    def test_declarations_and_pi(self):
        self.check('<!doctype html><?xml version="1.0"?><?php echo 1 ?>', [
            ('decl', 'doctype html'), ('pi', 'xml version="1.0"?'), ('pi', 'php echo 1 ?')])

    def test_marked_sections(self):
        self.check('<![CDATA[x<y]]>', [('unknown_decl', 'CDATA[x<y')])
        self.check('<![if !IE]>a<![endif]>',
                   [('unknown_decl', 'if !IE'), ('data', 'a'), ('unknown_decl', 'endif')])
        with self.assertRaises(AssertionError):
            parse('<![foo[x]]>')

    def test_script_and_style_are_text(self):
        self.check('<script>if (a<b && c>d) {}</script>', [
            ('starttag', 'script', []), ('data', 'if (a<b && c>d) {}'),
            ('endtag', 'script')])
        self.check('<style>p::before{content:"</p>"}</STYLE >', [
            ('starttag', 'style', []), ('data', 'p::before{content:"</p>"}'),
            ('endtag', 'style')])
        # no references are converted inside
        self.check('<script>&amp;</script>', [
            ('starttag', 'script', []), ('data', '&amp;'), ('endtag', 'script')])

    def test_end_tags(self):
        self.check('</a></ b ></c d>', [('endtag', 'a'), ('endtag', 'b'), ('endtag', 'c')])
        # '</>' is dropped
        self.check('x</>y', [('data', 'xy')])

    def test_stray_angle_brackets(self):
        self.check('a < b > c <3', [('data', 'a < b > c <3')])
        self.check('<>', [('data', '<>')])

    def test_unfinished_constructs_at_close(self):
        self.check('<div', [('data', '<div')])
        self.check('<a href="x>', [('data', '<a href="x>')])
        self.check('<!-- open', [('data', '<!-- open')])
        self.check('text &amp', [('data', 'text &')])

    def test_incomplete_data_waits_for_more(self):
        parser = Collector()
        parser.feed('<a hr')
        self.assertEqual(parser.events, [])
        parser.feed('ef="x">y &am')
        # text ending with what may be the start of a reference is held back
        self.assertEqual(parser.events, [('starttag', 'a', [('href', 'x')])])
        parser.close()
        self.assertEqual(parser.events[-1], ('data', 'y &am'))

    def test_getpos_and_starttag_text(self):
        positions = []

        class P(html.parser.HTMLParser):
            def handle_starttag(self, tag, attrs):
                positions.append((tag, self.getpos(), self.get_starttag_text()))
        p = P()
        self.assertEqual(p.getpos(), (1, 0))
        self.assertIsNone(p.get_starttag_text())
        p.feed('<a>\n  <b x = "1">\n\n<c\ny>')
        p.close()
        self.assertEqual(positions, [('a', (1, 0), '<a>'), ('b', (2, 2), '<b x = "1">'),
                                     ('c', (4, 0), '<c\ny>')])

    def test_reset(self):
        p = Collector()
        p.feed('<a hr')
        p.reset()
        p.feed('<b>')
        p.close()
        self.assertEqual(p.events, [('starttag', 'b', [])])
        self.assertEqual(p.getpos(), (1, 3))

    def test_defaults(self):
        p = html.parser.HTMLParser()
        self.assertTrue(p.convert_charrefs)
        self.assertEqual(html.parser.HTMLParser.CDATA_CONTENT_ELEMENTS, ('script', 'style'))
        # the handlers exist and do nothing
        p.feed('<a>b</a><!--c--><!d><?e>&amp;')
        p.close()
        with self.assertRaises(TypeError):
            html.parser.HTMLParser(False)
        self.assertEqual(html.parser.__all__, ['HTMLParser'])


if __name__ == "__main__":
    unittest.main()
