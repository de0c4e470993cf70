"""Tests for the email package: message model, parsers, errors and Address/Group."""

import io
import unittest

import email
from email import errors, policy
from email.generator import BytesGenerator, Generator
from email.headerregistry import Address, Group
from email.message import EmailMessage, Message
from email.parser import (BytesFeedParser, BytesHeaderParser, BytesParser, FeedParser,
                          HeaderParser, Parser)

PKG_INFO = """\
Metadata-Version: 2.1
Name: example
Version: 1.0
Summary: An example
Classifier: License :: OSI Approved
Classifier: Programming Language :: Python
Description: First line
        continued line
        |
        last

The body.
"""

MULTIPART = """\
From: a@example.com
Content-Type: multipart/mixed; boundary="XYZ"

preamble text
--XYZ
Content-Type: text/plain; charset="us-ascii"

first part
--XYZ
Content-Type: application/octet-stream
Content-Transfer-Encoding: base64

AAECAw==
--XYZ--
epilogue
"""


class MessageTests(unittest.TestCase):

    def test_headers_are_case_insensitive_and_ordered(self):
        msg = Message()
        msg['Subject'] = 'hello'
        msg['X-Tag'] = 'one'
        msg['x-tag'] = 'two'
        self.assertEqual(msg['SUBJECT'], 'hello')
        self.assertEqual(msg.get_all('X-TAG'), ['one', 'two'])
        self.assertEqual(msg.keys(), ['Subject', 'X-Tag', 'x-tag'])
        self.assertEqual(len(msg), 3)
        self.assertIn('subject', msg)
        self.assertIsNone(msg['Missing'])
        self.assertEqual(msg.get('Missing', 'dflt'), 'dflt')
        self.assertIsNone(msg.get_all('Missing'))
        del msg['X-TAG']
        self.assertEqual(msg.items(), [('Subject', 'hello')])
        del msg['not-there']

    def test_replace_header(self):
        msg = Message()
        msg['A'] = '1'
        msg['B'] = '2'
        msg.replace_header('a', '3')
        self.assertEqual(msg.items(), [('A', '3'), ('B', '2')])
        with self.assertRaises(KeyError):
            msg.replace_header('C', 'x')

    def test_add_header_params(self):
        msg = Message()
        msg.add_header('Content-Disposition', 'attachment', filename='bud.gif')
        msg.add_header('X-Flag', 'v', no_value=None, some_thing='x y')
        self.assertEqual(msg['Content-Disposition'], 'attachment; filename="bud.gif"')
        self.assertEqual(msg['X-Flag'], 'v; no-value; some-thing="x y"')
        self.assertEqual(msg.get_filename(), 'bud.gif')
        self.assertEqual(msg.get_content_disposition(), 'attachment')

    def test_content_type(self):
        msg = Message()
        self.assertEqual(msg.get_content_type(), 'text/plain')
        msg['Content-Type'] = 'Text/HTML; charset="UTF-8"; format=flowed'
        self.assertEqual(msg.get_content_type(), 'text/html')
        self.assertEqual(msg.get_content_maintype(), 'text')
        self.assertEqual(msg.get_content_subtype(), 'html')
        self.assertEqual(msg.get_param('charset'), 'UTF-8')
        self.assertEqual(msg.get_content_charset(), 'utf-8')
        self.assertEqual(msg.get_params(), [('Text/HTML', ''), ('charset', 'UTF-8'),
                                            ('format', 'flowed')])
        self.assertIsNone(msg.get_param('missing'))
        msg.set_param('charset', 'latin-1')
        self.assertEqual(msg['Content-Type'],
                         'Text/HTML; charset="latin-1"; format="flowed"')
        msg.del_param('format')
        self.assertEqual(msg['Content-Type'], 'Text/HTML; charset="latin-1"')

    def test_invalid_content_type(self):
        msg = Message()
        msg['Content-Type'] = 'garbage'
        self.assertEqual(msg.get_content_type(), 'text/plain')

    def test_set_type(self):
        msg = Message()
        msg['Content-Type'] = 'text/plain; charset="us-ascii"'
        msg.set_type('text/html')
        self.assertEqual(msg['Content-Type'], 'text/html; charset="us-ascii"')
        self.assertEqual(msg['MIME-Version'], '1.0')
        with self.assertRaises(ValueError):
            msg.set_type('nonsense')

    def test_payload_and_as_string(self):
        msg = Message()
        msg['To'] = 'b@example.com'
        msg.set_payload('Body text\n')
        self.assertFalse(msg.is_multipart())
        self.assertEqual(msg.get_payload(), 'Body text\n')
        self.assertEqual(msg.as_string(), 'To: b@example.com\n\nBody text\n')
        self.assertEqual(str(msg), msg.as_string())
        self.assertEqual(bytes(msg), b'To: b@example.com\n\nBody text\n')

    def test_decode_payload(self):
        msg = Message()
        msg['Content-Transfer-Encoding'] = 'base64'
        msg.set_payload('aGVsbG8gd29ybGQ=\n')
        self.assertEqual(msg.get_payload(decode=True), b'hello world')
        msg = Message()
        msg['Content-Transfer-Encoding'] = 'quoted-printable'
        msg.set_payload('caf=C3=A9 soft=\nbreak\n')
        self.assertEqual(msg.get_payload(decode=True), b'caf\xc3\xa9 softbreak\n')

    def test_attach_and_walk(self):
        outer = Message()
        outer['Content-Type'] = 'multipart/mixed'
        inner = Message()
        inner.set_payload('x')
        outer.attach(inner)
        self.assertTrue(outer.is_multipart())
        self.assertIs(outer.get_payload(0), inner)
        self.assertEqual(list(outer.walk()), [outer, inner])
        self.assertIsNone(outer.get_payload(decode=True))

    def test_unixfrom(self):
        msg = email.message_from_string('From nobody Mon Jan  1 00:00:00 2024\nA: b\n\nx')
        self.assertEqual(msg.get_unixfrom(), 'From nobody Mon Jan  1 00:00:00 2024')
        self.assertEqual(msg['A'], 'b')
        self.assertTrue(msg.as_string(unixfrom=True).startswith('From nobody'))

    def test_email_message(self):
        msg = EmailMessage()
        msg.set_content('hi')
        self.assertEqual(msg.get_content_type(), 'text/plain')
        self.assertEqual(msg.get_content(), 'hi\n')
        self.assertIs(msg.get_body(), msg)


class ParserTests(unittest.TestCase):

    def test_pkg_info(self):
        msg = email.message_from_string(PKG_INFO)
        self.assertEqual(msg['Name'], 'example')
        self.assertEqual(msg.get_all('Classifier'),
                         ['License :: OSI Approved', 'Programming Language :: Python'])
        # Continuation lines are kept as they are (the compat32 policy).
        self.assertEqual(msg['Description'],
                         'First line\n        continued line\n        |\n        last')
        self.assertEqual(msg.get_payload(), 'The body.\n')
        self.assertEqual(msg.defects, [])

    def test_message_from_file_and_bytes(self):
        msg = email.message_from_file(io.StringIO(PKG_INFO))
        self.assertEqual(msg['Version'], '1.0')
        msg = email.message_from_bytes(PKG_INFO.encode('ascii'))
        self.assertEqual(msg['Summary'], 'An example')
        msg = email.message_from_binary_file(io.BytesIO(b'A: b\n\nbody \xff'))
        self.assertEqual(msg['A'], 'b')
        self.assertEqual(msg.get_payload(decode=True), b'body \xff')

    def test_header_parsers(self):
        msg = HeaderParser().parsestr(MULTIPART)
        self.assertFalse(msg.is_multipart())
        self.assertTrue(msg.get_payload().startswith('preamble text\n--XYZ\n'))
        msg = BytesHeaderParser().parsebytes(MULTIPART.encode())
        self.assertFalse(msg.is_multipart())
        msg = Parser().parsestr(MULTIPART, headersonly=True)
        self.assertFalse(msg.is_multipart())

    def test_multipart(self):
        msg = BytesParser().parsebytes(MULTIPART.encode())
        self.assertTrue(msg.is_multipart())
        self.assertEqual(msg.get_boundary(), 'XYZ')
        first, second = msg.get_payload()
        self.assertEqual(first.get_payload(), 'first part')
        self.assertEqual(first.get_content_charset(), 'us-ascii')
        self.assertEqual(second.get_payload(decode=True), b'\x00\x01\x02\x03')
        self.assertEqual(msg.preamble, 'preamble text')
        self.assertEqual(msg.epilogue, 'epilogue\n')
        self.assertEqual([part.get_content_type() for part in msg.walk()],
                         ['multipart/mixed', 'text/plain', 'application/octet-stream'])
        self.assertEqual(msg.get_charsets(), [None, 'us-ascii', None])

    def test_feed_parsers(self):
        parser = FeedParser()
        for chunk in (MULTIPART[:10], MULTIPART[10:95], MULTIPART[95:]):
            parser.feed(chunk)
        msg = parser.close()
        self.assertTrue(msg.is_multipart())
        self.assertEqual(msg.get_payload(0).get_payload(), 'first part')
        parser = BytesFeedParser()
        parser.feed(b'Subject: hi\n')
        parser.feed(b'\nbody \xff')
        msg = parser.close()
        self.assertEqual(msg['Subject'], 'hi')
        self.assertEqual(msg.get_payload(decode=True), b'body \xff')

    def test_custom_class(self):
        class Custom(Message):
            pass
        msg = email.message_from_string('A: 1\n\n', _class=Custom)
        self.assertIsInstance(msg, Custom)

    def test_defects(self):
        msg = email.message_from_string(' leading continuation\nA: 1\n\nbody')
        self.assertIsInstance(msg.defects[0], errors.FirstHeaderLineIsContinuationDefect)
        msg = email.message_from_string('A: 1\nnot a header\nmore\n')
        self.assertIsInstance(msg.defects[0], errors.MissingHeaderBodySeparatorDefect)
        self.assertEqual(msg.get_payload(), 'not a header\nmore\n')
        msg = email.message_from_string('Content-Type: multipart/mixed\n\nx\n')
        self.assertIsInstance(msg.defects[0], errors.NoBoundaryInMultipartDefect)

    def test_error_hierarchy(self):
        self.assertTrue(issubclass(errors.HeaderParseError, errors.MessageError))
        self.assertTrue(issubclass(errors.MessageDefect, ValueError))
        self.assertTrue(issubclass(errors.InvalidHeaderDefect, errors.HeaderDefect))


class GeneratorTests(unittest.TestCase):

    def message(self):
        msg = Message()
        msg['To'] = 'a@b'
        msg['Long'] = 'word ' * 30
        msg.set_payload('From here\nbody\n')
        return msg

    def flatten(self, msg, **kwargs):
        unixfrom = kwargs.pop('unixfrom', False)
        out = io.StringIO()
        Generator(out, **kwargs).flatten(msg, unixfrom=unixfrom)
        return out.getvalue()

    def test_folding_and_mangling(self):
        folded = ('To: a@b\nLong: ' + 'word ' * 13 + 'word\n ' + 'word ' * 14 + 'word\n'
                  ' word \n\n')
        self.assertEqual(self.flatten(self.message(), policy=policy.compat32),
                         folded + '>From here\nbody\n')
        self.assertEqual(self.flatten(self.message(), policy=policy.default),
                         folded + 'From here\nbody\n')
        self.assertEqual(self.flatten(self.message(), policy=policy.SMTP),
                         (folded + 'From here\nbody\n').replace('\n', '\r\n'))
        unfolded = self.flatten(self.message(), policy=policy.default.clone(max_line_length=0))
        self.assertEqual(unfolded, 'To: a@b\nLong: ' + 'word ' * 30 + '\n\nFrom here\nbody\n')

    def test_generator_arguments(self):
        text = self.flatten(self.message(), mangle_from_=False, maxheaderlen=60,
                            unixfrom=True)
        self.assertTrue(text.startswith('From nobody '))
        self.assertIn('\nLong: ' + 'word ' * 10 + 'word\n word', text)
        self.assertTrue(text.endswith('\n\nFrom here\nbody\n'))
        msg = self.message()
        out = io.StringIO()
        Generator(out).flatten(msg, linesep='\r\n')
        self.assertIn('To: a@b\r\n', out.getvalue())

    def test_bytes_generator(self):
        out = io.BytesIO()
        BytesGenerator(out, maxheaderlen=0).flatten(self.message())
        self.assertEqual(out.getvalue(), b'To: a@b\nLong: ' + b'word ' * 30 +
                         b'\n\n>From here\nbody\n')
        msg = email.message_from_bytes(b'A: b\n\nbody \xff\n')
        out = io.BytesIO()
        BytesGenerator(out).flatten(msg)
        self.assertEqual(out.getvalue(), b'A: b\n\nbody \xff\n')

    def test_roundtrip_multipart(self):
        msg = email.message_from_string(MULTIPART)
        self.assertEqual(msg.as_string(), MULTIPART)
        self.assertEqual(bytes(msg), MULTIPART.encode('ascii'))

    def test_new_multipart_gets_a_boundary(self):
        msg = Message()
        msg['Content-Type'] = 'multipart/alternative'
        part = Message()
        part.set_payload('one')
        msg.attach(part)
        text = msg.as_string()
        boundary = msg.get_boundary()
        self.assertIsNotNone(boundary)
        self.assertEqual(text.count('--' + boundary), 2)
        self.assertEqual(email.message_from_string(text).get_payload(0).get_payload(),
                         'one')


class PolicyTests(unittest.TestCase):

    def test_instances(self):
        self.assertEqual(repr(policy.compat32), 'Compat32()')
        self.assertEqual(repr(policy.default), 'EmailPolicy()')
        self.assertTrue(policy.compat32.mangle_from_)
        self.assertFalse(policy.default.mangle_from_)
        self.assertEqual(policy.default.max_line_length, 78)
        self.assertEqual(policy.SMTP.linesep, '\r\n')
        self.assertIsNone(policy.HTTP.max_line_length)
        self.assertTrue(policy.SMTPUTF8.utf8)
        self.assertTrue(policy.strict.raise_on_defect)

    def test_immutable_and_clone(self):
        with self.assertRaises(AttributeError):
            policy.default.linesep = 'x'
        clone = policy.default.clone(linesep='\r\n', utf8=True)
        self.assertEqual((clone.linesep, clone.utf8), ('\r\n', True))
        self.assertEqual(policy.default.linesep, '\n')
        self.assertEqual(repr(policy.default.clone(max_line_length=0)),
                         'EmailPolicy(max_line_length=0)')
        with self.assertRaises(TypeError):
            policy.default.clone(nope=1)
        self.assertEqual((policy.default + policy.SMTP).linesep, '\r\n')
        self.assertEqual(policy.EmailPolicy(utf8=True, mangle_from_=False).utf8, True)

    def test_handle_defect(self):
        msg = Message()
        defect = errors.InvalidHeaderDefect('bad')
        policy.default.handle_defect(msg, defect)
        self.assertEqual(msg.defects, [defect])
        with self.assertRaises(errors.InvalidHeaderDefect):
            policy.strict.handle_defect(msg, defect)


class AddressTests(unittest.TestCase):

    def test_from_parts(self):
        address = Address('Joe Example', 'joe', 'example.com')
        self.assertEqual(address.addr_spec, 'joe@example.com')
        self.assertEqual(str(address), 'Joe Example <joe@example.com>')
        self.assertEqual(repr(address), "Address(display_name='Joe Example', "
                                        "username='joe', domain='example.com')")

    def test_addr_spec(self):
        address = Address(display_name='A. Person', addr_spec='a@b.org')
        self.assertEqual((address.username, address.domain), ('a', 'b.org'))
        self.assertEqual(str(address), '"A. Person" <a@b.org>')
        self.assertEqual(str(Address(addr_spec='x@y')), 'x@y')
        self.assertEqual(Address(addr_spec='x@y'), Address(username='x', domain='y'))
        with self.assertRaises(TypeError):
            Address(username='x', addr_spec='x@y')
        with self.assertRaises(ValueError):
            Address(addr_spec='a@b, c@d')
        with self.assertRaises(ValueError):
            Address('bad\nname', 'x', 'y')

    def test_empty(self):
        self.assertEqual(str(Address()), '<>')

    def test_group(self):
        group = Group('team', [Address('A', 'a', 'x.org'), Address('', 'b', 'x.org')])
        self.assertEqual(str(group), 'team: A <a@x.org>, b@x.org;')
        self.assertEqual(str(Group('empty')), 'empty:;')
        self.assertEqual(str(Group(None, [Address('', 'c', 'd')])), 'c@d')
        self.assertEqual(len(group.addresses), 2)


if __name__ == '__main__':
    unittest.main()
