import html
import html.entities
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


if __name__ == "__main__":
    unittest.main()
