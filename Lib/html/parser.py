"""A simple, tolerant parser for HTML and XHTML (Braid).

HTMLParser is fed text in pieces (feed(), then close()) and calls a handler method for each
construct it recognises: start and end tags, text, comments, declarations, processing
instructions and, with convert_charrefs=False, character and entity references.  Malformed
markup is passed on as text rather than rejected.  The contents of <script> and <style> are
text up to the matching end tag.
"""

import re
from html import unescape

__all__ = ['HTMLParser']

# '<' followed by a letter opens a start tag.
_tag_open = re.compile(r'<[a-zA-Z]')
# A tag name: a letter, then anything up to white space, '/', '>' or NUL.
_tag_name = re.compile(r'[a-zA-Z][^\t\n\r\f />\x00]*')
# White space and lone slashes between attributes.
_attr_gap = re.compile(r'(?:\s|/(?!>))*')
# An attribute name; the first character may be '=' (as browsers do).
_attr_name = re.compile(r'[^\s/>][^\s/=>]*')
# '=' (one or more, with white space around) and a value.
_attr_value = re.compile(
    r'\s*=+\s*'
    r'''(?:'(?P<single>[^']*)'|"(?P<double>[^"]*)"|(?P<bare>(?!['"])[^>\s]*))''')
# References in text (used with convert_charrefs=False).
_charref = re.compile(r'&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]')
_entityref = re.compile(r'&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]')
_incomplete_ref = re.compile(r'&[a-zA-Z#]')
_interesting = re.compile(r'[&<]')
# A well-formed end tag's content (between '</' and '>').
_endtag_exact = re.compile(r'\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*')
# The end of a comment: '--', optional white space, '>'.
_comment_end = re.compile(r'--\s*>')
_space_or_semicolon = re.compile(r'[\s;]')
# Marked sections: the keyword, and the two ways they end.
_decl_name = re.compile(r'[a-zA-Z][-_.a-zA-Z0-9]*\s*')
_section_end = re.compile(r']\s*]\s*>')
_condition_end = re.compile(r']\s*>')


class HTMLParser:
    """Find tags and other markup and call handler methods.

    Usage: p = HTMLParser(); p.feed(data); ...; p.close().  Override the handle_* methods
    to receive the parts of the document: tag and attribute names are lower-cased,
    attribute values have their quotes removed and references converted.  With
    convert_charrefs true (the default) references in text are converted too and
    handle_entityref/handle_charref are never called.
    """

    CDATA_CONTENT_ELEMENTS = ('script', 'style')

    def __init__(self, *, convert_charrefs=True):
        self.convert_charrefs = convert_charrefs
        self.reset()

    def reset(self):
        """Forget all unprocessed data and start again at line 1, column 0."""
        self.rawdata = ''
        self.lasttag = '???'
        self.interesting = _interesting
        self.cdata_elem = None
        self.lineno = 1
        self.offset = 0
        self._starttag_text = None

    def feed(self, data):
        """Add data to the buffer and process as much of it as is complete."""
        self.rawdata = self.rawdata + data
        self.goahead(False)

    def close(self):
        """Process the rest of the buffer as if the document ended there."""
        self.goahead(True)

    def getpos(self):
        """(line number, offset) of the construct being handled."""
        return self.lineno, self.offset

    def get_starttag_text(self):
        """The source text of the most recent start tag."""
        return self._starttag_text

    def updatepos(self, i, j):
        """Advance the position over rawdata[i:j]; return j."""
        if i >= j:
            return j
        nl = self.rawdata.count('\n', i, j)
        if nl:
            self.lineno += nl
            self.offset = j - (self.rawdata.rindex('\n', i, j) + 1)
        else:
            self.offset += j - i
        return j

    def set_cdata_mode(self, elem):
        """Treat everything up to </elem> as text (for <script> and <style>)."""
        self.cdata_elem = elem.lower()
        self.interesting = re.compile(r'</\s*%s\s*>' % re.escape(self.cdata_elem), re.I)

    def clear_cdata_mode(self):
        self.interesting = _interesting
        self.cdata_elem = None

    # -- the main loop ------------------------------------------------------------------------

    def _text(self, text):
        if self.convert_charrefs and not self.cdata_elem:
            text = unescape(text)
        self.handle_data(text)

    def goahead(self, end):
        rawdata = self.rawdata
        i = 0
        n = len(rawdata)
        while i < n:
            if self.convert_charrefs and not self.cdata_elem:
                j = rawdata.find('<', i)
                if j < 0:
                    # Keep back a reference that may continue in the next feed().
                    amp = rawdata.rfind('&', max(i, n - 34))
                    if amp >= 0 and not _space_or_semicolon.search(rawdata, amp) and not end:
                        break
                    j = n
            else:
                match = self.interesting.search(rawdata, i)
                if match:
                    j = match.start()
                elif self.cdata_elem:
                    break
                else:
                    j = n
            if i < j:
                self._text(rawdata[i:j])
            i = self.updatepos(i, j)
            if i == n:
                break
            if rawdata.startswith('<', i):
                if _tag_open.match(rawdata, i):
                    k = self.parse_starttag(i)
                elif rawdata.startswith('</', i):
                    k = self.parse_endtag(i)
                elif rawdata.startswith('<!--', i):
                    k = self.parse_comment(i)
                elif rawdata.startswith('<?', i):
                    k = self.parse_pi(i)
                elif rawdata.startswith('<!', i):
                    k = self.parse_html_declaration(i)
                elif i + 1 < n:
                    self.handle_data('<')
                    k = i + 1
                elif end:
                    self.handle_data('<')
                    k = i + 1
                else:
                    break
                if k < 0:
                    if not end:
                        break
                    # An unfinished construct at the end of the document is text.
                    k = rawdata.find('>', i + 1)
                    if k < 0:
                        k = rawdata.find('<', i + 1)
                        if k < 0:
                            k = i + 1
                    else:
                        k += 1
                    self._text(rawdata[i:k])
                i = self.updatepos(i, k)
            elif rawdata.startswith('&#', i):
                match = _charref.match(rawdata, i)
                if match:
                    name = match.group()[2:-1]
                    self.handle_charref(name)
                    k = match.end()
                    if not match.group().endswith(';'):
                        k -= 1
                    i = self.updatepos(i, k)
                    continue
                if ';' in rawdata[i:]:      # a bad reference: '&#' is text
                    self.handle_data(rawdata[i:i + 2])
                    i = self.updatepos(i, i + 2)
                break
            elif rawdata.startswith('&', i):
                match = _entityref.match(rawdata, i)
                if match:
                    self.handle_entityref(match.group(1))
                    k = match.end()
                    if not match.group().endswith(';'):
                        k -= 1
                    i = self.updatepos(i, k)
                    continue
                match = _incomplete_ref.match(rawdata, i)
                if match:
                    # A reference that may go on in the next feed().  At the very end a
                    # lone '&x' loses its '&' (CPython does the same).
                    if end and match.group() == rawdata[i:]:
                        i = self.updatepos(i, i + 1)
                    break
                if i + 1 < n:
                    self.handle_data('&')
                    i = self.updatepos(i, i + 1)
                else:
                    break
            else:
                raise AssertionError('interesting.search() lied')
        if end and i < n and not self.cdata_elem:
            self._text(rawdata[i:n])
            i = self.updatepos(i, n)
        self.rawdata = rawdata[i:]

    # -- tags ---------------------------------------------------------------------------------

    def _scan_starttag(self, i):
        """Scan the start tag at rawdata[i] ('<' and a letter).  Return (end, tag, attrs,
        empty): end is the index after '>', or -1 if the tag is incomplete; empty is true
        for a tag closed by '/>' (a '/' ending an unquoted value does not count)."""
        rawdata = self.rawdata
        n = len(rawdata)
        match = _tag_name.match(rawdata, i + 1)
        tag = match.group().lower()
        pos = match.end()
        attrs = []
        while True:
            pos = _attr_gap.match(rawdata, pos).end()
            if pos >= n:
                return -1, None, None, False
            if rawdata.startswith('/>', pos):
                return pos + 2, tag, attrs, True
            if rawdata[pos] == '>':
                return pos + 1, tag, attrs, False
            if rawdata[pos] == '/':         # '/' at the very end of the buffer
                return -1, None, None, False
            before = rawdata[pos - 1]
            if not (before.isspace() or before in '/\'"'):
                # An attribute name must follow white space, '/' or a quote.  Otherwise
                # a letter, '=' or '/' may still become a proper tag with more data (as
                # '<a b="x' waiting for its quote); anything else ends the tag as text.
                if rawdata[pos] in '=/' or rawdata[pos].isascii() and rawdata[pos].isalpha():
                    return -1, None, None, False
                return pos, None, None, False
            name_match = _attr_name.match(rawdata, pos)
            name = name_match.group().lower()
            pos = name_match.end()
            value_match = _attr_value.match(rawdata, pos)
            value = None
            if value_match:
                if value_match.group('single') is not None:
                    value = value_match.group('single')
                elif value_match.group('double') is not None:
                    value = value_match.group('double')
                else:
                    value = value_match.group('bare')
                pos = value_match.end()
            if value:
                value = unescape(value)
            attrs.append((name, value))

    def parse_starttag(self, i):
        """Handle the start tag at rawdata[i]; return the index after it, or -1."""
        end, tag, attrs, empty = self._scan_starttag(i)
        if end < 0:
            return end
        rawdata = self.rawdata
        if tag is None:
            self.handle_data(rawdata[i:end])
            return end
        self._starttag_text = rawdata[i:end]
        self.lasttag = tag
        if empty:
            self.handle_startendtag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.set_cdata_mode(tag)
        return end

    def parse_endtag(self, i):
        """Handle the end tag at rawdata[i] ('</'); return the index after it, or -1."""
        rawdata = self.rawdata
        gt = rawdata.find('>', i + 2)
        if gt < 0:
            return -1
        end = gt + 1
        content = rawdata[i + 2:gt]
        if self.cdata_elem is not None:
            name = content.strip().lower()
            if name != self.cdata_elem:
                self.handle_data(rawdata[i:end])
                return end
            self.handle_endtag(name)
            self.clear_cdata_mode()
            return end
        match = _endtag_exact.fullmatch(content)
        if match is None:
            # Tolerated: junk after the name ('</a b>'), but the name must come first.
            match = _tag_name.match(content)
            if match is None:
                if not content:
                    return end              # '</>' is dropped
                self.handle_comment(content)    # '</$x>', '</ >': a bogus comment
                return end
            name = match.group().lower()
        else:
            name = match.group(1).lower()
        self.handle_endtag(name)
        self.clear_cdata_mode()
        return end

    # -- comments, declarations, processing instructions --------------------------------------

    def parse_comment(self, i, report=True):
        """Handle '<!--...-->' at rawdata[i]; return the index after it, or -1."""
        rawdata = self.rawdata
        match = _comment_end.search(rawdata, i + 4)
        if not match:
            return -1
        if report:
            self.handle_comment(rawdata[i + 4:match.start()])
        return match.end()

    def parse_pi(self, i):
        """Handle '<?...>' at rawdata[i]; return the index after it, or -1."""
        rawdata = self.rawdata
        gt = rawdata.find('>', i + 2)
        if gt < 0:
            return -1
        self.handle_pi(rawdata[i + 2:gt])
        return gt + 1

    def parse_html_declaration(self, i):
        """Handle '<!...>' at rawdata[i]: a doctype, a marked section such as
        <![CDATA[...]]>, or a bogus comment.  Return the index after it, or -1."""
        rawdata = self.rawdata
        if rawdata.startswith('<![', i):
            return self.parse_marked_section(i)
        if rawdata[i:i + 9].lower() == '<!doctype':
            gt = rawdata.find('>', i + 9)
            if gt < 0:
                return -1
            self.handle_decl(rawdata[i + 2:gt])
            return gt + 1
        return self.parse_bogus_comment(i)

    def parse_marked_section(self, i, report=True):
        """Handle '<![keyword[...]]>' (CDATA and SGML sections) or the conditional
        comments '<![if ...]>', '<![else]>', '<![endif]>' at rawdata[i] with unknown_decl();
        return the index after it, or -1."""
        rawdata = self.rawdata
        start = i + 3
        if start >= len(rawdata):
            return -1
        match = _decl_name.match(rawdata, start)
        if match is None:
            self.updatepos(i, start)
            raise AssertionError('expected name token at %r' % rawdata[i:i + 20])
        if match.end() == len(rawdata):
            return -1                       # the name may go on in the next feed()
        keyword = match.group().strip().lower()
        if keyword in ('temp', 'cdata', 'ignore', 'include', 'rcdata'):
            close = _section_end.search(rawdata, start)
        elif keyword in ('if', 'else', 'endif'):
            close = _condition_end.search(rawdata, start)
        else:
            raise AssertionError('unknown status keyword %r in marked section'
                                 % rawdata[start:match.end()])
        if close is None:
            return -1
        if report:
            self.unknown_decl(rawdata[start:close.start()])
        return close.end()

    def parse_bogus_comment(self, i, report=True):
        """Handle '<!...>' or '</...>' that is not proper markup as a comment."""
        rawdata = self.rawdata
        gt = rawdata.find('>', i + 2)
        if gt < 0:
            return -1
        if report:
            self.handle_comment(rawdata[i + 2:gt])
        return gt + 1

    # -- handlers, to be overridden -----------------------------------------------------------

    def handle_startendtag(self, tag, attrs):
        """An XHTML-style empty tag <tag/>: by default a start tag then an end tag."""
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        pass

    def handle_charref(self, name):
        pass

    def handle_entityref(self, name):
        pass

    def handle_data(self, data):
        pass

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass
