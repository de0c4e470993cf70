"""Tests of base64 and binascii; expected values are CPython 3.13's."""

import base64
import binascii
import io
import unittest

ROWS = [
    (b'', b'', b'', b'', b'', b'', b''),
    (b'f', b'Zg==', b'Zg==', b'MY======', b'CO======', b'66', b'W&'),
    (b'fo', b'Zm8=', b'Zm8=', b'MZXQ====', b'CPNG====', b'666F', b'W^V'),
    (b'foo', b'Zm9v', b'Zm9v', b'MZXW6===', b'CPNMU===', b'666F6F', b'W^Zo'),
    (b'foob', b'Zm9vYg==', b'Zm9vYg==', b'MZXW6YQ=', b'CPNMUOG=', b'666F6F62', b'W^Zp|'),
    (b'fooba', b'Zm9vYmE=', b'Zm9vYmE=', b'MZXW6YTB', b'CPNMUOJ1', b'666F6F6261', b'W^Zp|VE'),
    (b'foobar', b'Zm9vYmFy', b'Zm9vYmFy', b'MZXW6YTBOI======', b'CPNMUOJ1E8======', b'666F6F626172', b'W^Zp|VR8'),
    (b'\xff\xfe\x00', b'//4A', b'__4A', b'777AA===', b'VVV00===', b'FFFE00', b'|NZ~'),
]
ERRORS = [
    ("base64.b64decode(b'Zm9v!', validate=True)", 'Error', 'Only base64 data is allowed'),
    ("base64.b32decode(b'MZXW6===')", None, None),
    ("base64.b16decode(b'0g')", 'Error', 'Non-base16 digit found'),
    ("base64.b64decode('\\xe9')", 'ValueError', 'string argument should contain only ASCII characters'),
    ('base64.b64decode(3)', 'TypeError', "argument should be a bytes-like object or ASCII string, not 'int'"),
    ("base64.b85decode(b'|NsC0~')", 'ValueError', 'base85 overflow in hunk starting at byte 5'),
    ("binascii.unhexlify(b'abc')", 'Error', 'Odd-length string'),
    ("binascii.unhexlify(b'zz')", 'Error', 'Non-hexadecimal digit found'),
    ("binascii.a2b_base64(b'Y')", 'Error', 'Invalid base64-encoded string: number of data characters (1) cannot be 1 more than a multiple of 4'),
    ("binascii.a2b_base64(b'YQ')", 'Error', 'Incorrect padding'),
    ("binascii.a2b_base64(b'YQ==YQ==', strict_mode=True)", 'Error', 'Excess data after padding'),
    ("binascii.a2b_base64(b'=YQ==', strict_mode=True)", 'Error', 'Leading padding not allowed'),
    ("binascii.a2b_base64(b'YQ=x=', strict_mode=True)", 'Error', 'Discontinuous padding not allowed'),
]


class Base64Tests(unittest.TestCase):
    def test_encodings_round_trip(self):
        for data, b64, url, b32, b32hex, b16, b85 in ROWS:
            with self.subTest(data=data):
                self.assertEqual(base64.b64encode(data), b64)
                self.assertEqual(base64.urlsafe_b64encode(data), url)
                self.assertEqual(base64.b32encode(data), b32)
                self.assertEqual(base64.b32hexencode(data), b32hex)
                self.assertEqual(base64.b16encode(data), b16)
                self.assertEqual(base64.b85encode(data), b85)
                self.assertEqual(base64.b64decode(b64), data)
                self.assertEqual(base64.urlsafe_b64decode(url), data)
                self.assertEqual(base64.b32decode(b32), data)
                self.assertEqual(base64.b32hexdecode(b32hex), data)
                self.assertEqual(base64.b16decode(b16), data)
                self.assertEqual(base64.b85decode(b85), data)

    def test_options(self):
        self.assertEqual(base64.b64encode(b'\xfb\xff', altchars=b'-_'), b'-_8=')
        self.assertEqual(base64.b64decode('+/+/'), b'\xfb\xff\xbf')
        self.assertEqual(base64.b64decode(b'Zm9v\nYmFy'), b'foobar')
        self.assertEqual(base64.b32decode('mzxw6===', casefold=True), b'foo')
        self.assertEqual(base64.b32decode('MZXW6YQ=', map01=b'L'), b'foob')
        self.assertEqual(base64.b85encode(b'f', pad=True), b'W&i*H')
        self.assertEqual(base64.encodebytes(b'x' * 60),
                         base64.b64encode(b'x' * 57) + b'\n' + base64.b64encode(b'x' * 3) + b'\n')
        out = io.BytesIO()
        base64.encode(io.BytesIO(b'y' * 100), out)
        self.assertEqual(base64.decodebytes(out.getvalue()), b'y' * 100)

    def test_errors(self):
        for expr, name, message in ERRORS:
            with self.subTest(expr):
                if name is None:        # CPython accepts this input
                    eval(expr, {"base64": base64, "binascii": binascii})
                    continue
                with self.assertRaises(Exception) as cm:
                    eval(expr, {"base64": base64, "binascii": binascii})
                self.assertEqual(type(cm.exception).__name__, name)
                self.assertEqual(str(cm.exception), message)


class BinasciiTests(unittest.TestCase):
    def test_hex(self):
        self.assertEqual(binascii.hexlify(b'\x01\x02\x03\x04\x05', '-', 2), b'01-0203-0405')
        self.assertEqual(binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', -2), b'0102:0304:05')
        self.assertEqual(binascii.unhexlify('0aFF'), b'\n\xff')
        self.assertTrue(issubclass(binascii.Error, ValueError))

    def test_checksums(self):
        self.assertEqual(binascii.crc32(b'hello'), 907060870)
        self.assertEqual(binascii.crc32(b'world', binascii.crc32(b'hello ')),
                         binascii.crc32(b'hello world'))
        self.assertEqual(binascii.crc_hqx(b'hello', 0), 50018)

    def test_base64_lenient_and_strict(self):
        self.assertEqual(binascii.a2b_base64(b'YQ==YQ=='), b'a')
        self.assertEqual(binascii.a2b_base64(b'YQ=x='), b'a\x0c')
        self.assertEqual(binascii.a2b_base64(b'Y W\nJj'), b'abc')
        self.assertEqual(binascii.b2a_base64(b'ab', newline=False), b'YWI=')


class Base85FamilyTests(unittest.TestCase):

    def test_a85_basic(self):
        self.assertEqual(base64.a85encode(b''), b'')
        self.assertEqual(base64.a85encode(b'Man '), b'9jqo^')
        self.assertEqual(base64.a85encode(b'\0\0\0\0'), b'z')
        self.assertEqual(base64.a85encode(b'\0\0\0\0\0'), b'z!!')
        self.assertEqual(base64.a85encode(b'\0'), b'!!')
        self.assertEqual(base64.a85encode(b'    '), b'+<VdL')
        self.assertEqual(base64.a85encode(b'    ', foldspaces=True), b'y')
        self.assertEqual(base64.a85encode(b'\xff\xff\xff\xff'), b's8W-!')
        self.assertEqual(base64.a85encode(b'abc'), b'@:E^')
        self.assertEqual(base64.a85encode(b'abc', pad=True), b'@:E^H')
        self.assertEqual(base64.a85decode(b'9jqo^'), b'Man ')
        self.assertEqual(base64.a85decode('@:E^'), b'abc')
        self.assertEqual(base64.a85decode(b'z!!'), b'\0' * 5)
        self.assertEqual(base64.a85decode(b'y', foldspaces=True), b'    ')

    def test_a85_adobe_and_wrap(self):
        self.assertEqual(base64.a85encode(b'abc', adobe=True), b'<~@:E^~>')
        self.assertEqual(base64.a85encode(b'', adobe=True), b'<~~>')
        self.assertEqual(base64.a85encode(b'Man is', wrapcol=3), b'9jq\no^B\nla')
        self.assertEqual(base64.a85encode(b'abcdefgh', wrapcol=4, adobe=True),
                         b'<~@:\nE_WA\nS,Rg\n~>')
        self.assertEqual(base64.a85encode(b'ab', wrapcol=3, adobe=True), b'<~@\n:B\n~>')
        self.assertEqual(base64.a85decode(b'<~@:E^~>', adobe=True), b'abc')
        self.assertEqual(base64.a85decode(b'@:E^~>', adobe=True), b'abc')
        self.assertEqual(base64.a85decode(b'<~@:\nE_WA\nS,Rg\n~>', adobe=True), b'abcdefgh')
        with self.assertRaises(ValueError) as cm:
            base64.a85decode(b'<~@:E^', adobe=True)
        self.assertEqual(str(cm.exception),
                         "Ascii85 encoded byte sequences must end with b'~>'")

    def test_a85_decode_ignorechars_and_errors(self):
        self.assertEqual(base64.a85decode(b'@:\tE ^\n'), b'abc')
        self.assertEqual(base64.a85decode(b'@:xE^', ignorechars=b'x'), b'abc')
        errors = [
            (b'@:E^ v', {}, 'Non-Ascii85 digit found: v'),
            (b'@:E^ \x0c', {}, 'Non-Ascii85 digit found: \x0c'),
            (b'@z', {}, 'z inside Ascii85 5-tuple'),
            (b'@y', {'foldspaces': True}, 'y inside Ascii85 5-tuple'),
            (b'y', {}, 'Non-Ascii85 digit found: y'),
            (b'uuuuu', {}, 'Ascii85 overflow'),
            (b's8W-"', {}, 'Ascii85 overflow'),
        ]
        for data, kwargs, message in errors:
            with self.subTest(data=data):
                with self.assertRaises(ValueError) as cm:
                    base64.a85decode(data, **kwargs)
                self.assertEqual(str(cm.exception), message)

    def test_a85_round_trip(self):
        for n in range(12):
            data = bytes(range(250, 250 - n, -1)) + b'\0' * (n % 5) + b' ' * n
            for fold in (False, True):
                for adobe in (False, True):
                    with self.subTest(n=n, fold=fold, adobe=adobe):
                        enc = base64.a85encode(data, foldspaces=fold, adobe=adobe, wrapcol=7)
                        self.assertEqual(base64.a85decode(enc, foldspaces=fold, adobe=adobe),
                                         data)

    def test_b85(self):
        self.assertEqual(base64.b85encode(b'\0\0\0\0'), b'00000')
        self.assertEqual(base64.b85encode(b'\xff\xff\xff\xff'), b'|NsC0')
        self.assertEqual(base64.b85encode(b'abc'), b'VPaz')
        self.assertEqual(base64.b85encode(b'abc', pad=True), b'VPazd')
        self.assertEqual(base64.b85decode(b'VPaz'), b'abc')
        self.assertEqual(base64.b85decode(b'VPazd'), b'abc\0')
        with self.assertRaises(ValueError) as cm:
            base64.b85decode(b'VP"zd')
        self.assertEqual(str(cm.exception), 'bad base85 character at position 2')
        for n in range(10):
            data = bytes(range(200, 200 + n))
            self.assertEqual(base64.b85decode(base64.b85encode(data)), data)

    def test_z85(self):
        # the ZeroMQ specification's example
        self.assertEqual(base64.z85encode(b'\x86\x4F\xD2\x6F\xB5\x59\xF7\x5B'), b'HelloWorld')
        self.assertEqual(base64.z85decode(b'HelloWorld'), b'\x86\x4F\xD2\x6F\xB5\x59\xF7\x5B')
        self.assertEqual(base64.z85decode('HelloWorld'), b'\x86\x4F\xD2\x6F\xB5\x59\xF7\x5B')
        self.assertEqual(base64.z85encode(b''), b'')
        self.assertEqual(base64.z85encode(b'\0\0\0\0'), b'00000')
        self.assertEqual(base64.z85encode(b'\xff\xff\xff\xff'), b'%nSc0')
        self.assertEqual(base64.z85encode(b'abc'), b'vpAZ')
        self.assertEqual(base64.z85decode(b'vpAZ'), b'abc')
        for n in range(10):
            data = bytes(range(100, 100 + 3 * n, 3))
            self.assertEqual(base64.z85decode(base64.z85encode(data)), data)

    def test_z85_errors(self):
        with self.assertRaises(ValueError) as cm:
            base64.z85decode(b'Hello_orld')         # '_' is Base85 but not Z85
        self.assertEqual(str(cm.exception), 'bad z85 character at position 5')
        with self.assertRaises(ValueError) as cm:
            base64.z85decode(b'#####')
        self.assertEqual(str(cm.exception), 'z85 overflow in hunk starting at byte 0')

    def test_all(self):
        for name in ['a85encode', 'a85decode', 'b85encode', 'b85decode', 'z85encode',
                     'z85decode', 'b32hexencode', 'b32hexdecode', 'encodebytes']:
            self.assertIn(name, base64.__all__)


class Base32And16Tests(unittest.TestCase):

    def test_b32_padding_lengths(self):
        for n, pads in [(1, 6), (2, 4), (3, 3), (4, 1), (5, 0), (6, 6)]:
            with self.subTest(n=n):
                enc = base64.b32encode(b'x' * n)
                self.assertEqual(len(enc) % 8, 0)
                self.assertEqual(len(enc) - len(enc.rstrip(b'=')), pads)
                self.assertEqual(base64.b32decode(enc), b'x' * n)
                self.assertEqual(base64.b32hexdecode(base64.b32hexencode(b'x' * n)), b'x' * n)

    def test_b32_options(self):
        self.assertEqual(base64.b32decode(b'ME======'), b'a')
        with self.assertRaises(binascii.Error):
            base64.b32decode(b'me======')
        self.assertEqual(base64.b32decode(b'me======', casefold=True), b'a')
        # map01: '0' is always O; '1' becomes the given letter
        self.assertEqual(base64.b32decode(b'M0======', map01=b'L'),
                         base64.b32decode(b'MO======'))
        self.assertEqual(base64.b32decode(b'1E======', map01=b'I'),
                         base64.b32decode(b'IE======'))
        self.assertEqual(base64.b32decode('1E======', map01='L'),
                         base64.b32decode(b'LE======'))
        with self.assertRaises(binascii.Error):
            base64.b32decode(b'M0======')
        self.assertEqual(base64.b32hexdecode(b'c4======', casefold=True), b'a')
        with self.assertRaises(TypeError):
            base64.b32hexdecode(b'CO======', map01=b'L')

    def test_b32_errors(self):
        cases = [
            (b'ME=====', 'Incorrect padding'),        # not a multiple of 8
            (b'MEA=====', 'Incorrect padding'),       # 5 padding characters
            (b'M=======', 'Incorrect padding'),
            (b'M!======', 'Non-base32 digit found'),
            (b'ME=A====', 'Non-base32 digit found'),  # bad digits are reported first
            (b'M1======', 'Non-base32 digit found'),
        ]
        for data, message in cases:
            with self.subTest(data=data):
                with self.assertRaises(binascii.Error) as cm:
                    base64.b32decode(data)
                self.assertEqual(str(cm.exception), message)

    def test_b16(self):
        self.assertEqual(base64.b16encode(b'\x01\xab\xff'), b'01ABFF')
        self.assertEqual(base64.b16decode(b'01ABFF'), b'\x01\xab\xff')
        self.assertEqual(base64.b16decode('01abff', casefold=True), b'\x01\xab\xff')
        with self.assertRaises(binascii.Error) as cm:
            base64.b16decode(b'01abff')
        self.assertEqual(str(cm.exception), 'Non-base16 digit found')
        with self.assertRaises(binascii.Error) as cm:
            base64.b16decode(b'ABC')
        self.assertEqual(str(cm.exception), 'Odd-length string')


class Base64MoreTests(unittest.TestCase):

    def test_b64_altchars_and_validate(self):
        self.assertEqual(base64.b64encode(b'\xfb\xff\xbf', altchars=b'*!'), b'*!*!')
        self.assertEqual(base64.b64decode(b'*!*!', altchars=b'*!'), b'\xfb\xff\xbf')
        self.assertEqual(base64.b64decode('-_-_', altchars='-_'), b'\xfb\xff\xbf')
        with self.assertRaises(AssertionError):
            base64.b64encode(b'x', altchars=b'-')
        self.assertEqual(base64.b64decode(b'YW Jj'), b'abc')
        with self.assertRaises(binascii.Error):
            base64.b64decode(b'YW Jj', validate=True)
        with self.assertRaises(binascii.Error):
            base64.b64decode(b'YWJj\n', validate=True)

    def test_urlsafe(self):
        self.assertEqual(base64.urlsafe_b64encode(b'\xfb\xff\xbf'), b'-_-_')
        self.assertEqual(base64.urlsafe_b64decode(b'-_-_'), b'\xfb\xff\xbf')
        self.assertEqual(base64.urlsafe_b64decode('-_-_'), b'\xfb\xff\xbf')
        # the standard characters are still decoded
        self.assertEqual(base64.urlsafe_b64decode(b'+/+/'), b'\xfb\xff\xbf')
        self.assertEqual(base64.standard_b64encode(b'\xfb\xff\xbf'), b'+/+/')
        self.assertEqual(base64.standard_b64decode(b'+/+/'), b'\xfb\xff\xbf')

    def test_encodebytes_lines(self):
        self.assertEqual(base64.encodebytes(b''), b'')
        self.assertEqual(base64.encodebytes(b'a'), b'YQ==\n')
        out = base64.encodebytes(bytes(range(256)))
        lines = out.split(b'\n')
        self.assertEqual(lines[-1], b'')
        self.assertTrue(all(len(line) == 76 for line in lines[:-2]))
        self.assertEqual(base64.decodebytes(out), bytes(range(256)))
        self.assertEqual(base64.encodebytes(bytearray(b'ab')), b'YWI=\n')
        with self.assertRaises(TypeError):
            base64.encodebytes('text')
        with self.assertRaises(TypeError):
            base64.decodebytes('YWI=')

    def test_stream_functions(self):
        data = bytes(range(256)) * 2
        src, dst = io.BytesIO(data), io.BytesIO()
        base64.encode(src, dst)
        self.assertEqual(dst.getvalue(), base64.encodebytes(data))
        back = io.BytesIO()
        base64.decode(io.BytesIO(dst.getvalue()), back)
        self.assertEqual(back.getvalue(), data)

    def test_input_types(self):
        for value in (b'YWJj', bytearray(b'YWJj'), memoryview(b'YWJj'), 'YWJj'):
            self.assertEqual(base64.b64decode(value), b'abc')
            self.assertEqual(base64.b85decode(base64.b85encode(b'abc')), b'abc')
        with self.assertRaises(TypeError):
            base64.b64encode('abc')
        with self.assertRaises(TypeError):
            base64.b32encode('abc')
        with self.assertRaises(TypeError):
            base64.b16encode('abc')
        with self.assertRaises(TypeError):
            base64.a85encode('abc')
        with self.assertRaises(ValueError):
            base64.b32decode('\xe9' * 8)
        with self.assertRaises(TypeError):
            base64.a85decode(5)

    def test_encodebytes_input_checks(self):
        import array
        grid = memoryview(b'abcd').cast('B', (2, 2))
        with self.assertRaises(TypeError) as cm:
            base64.encodebytes(grid)
        self.assertEqual(str(cm.exception), 'expected 1-D data, not 2-D data from memoryview')
        with self.assertRaises(TypeError) as cm:
            base64.encodebytes(array.array('i', [1]))
        self.assertEqual(str(cm.exception), "expected single byte elements, not 'i' from array")
        with self.assertRaises(TypeError) as cm:
            base64.decodebytes('YWI=')
        self.assertEqual(str(cm.exception), 'expected bytes-like object, not str')
        # the other encoders take any buffer, as its bytes
        self.assertEqual(base64.b64encode(grid), b'YWJjZA==')
        self.assertEqual(base64.b16encode(array.array('B', [1, 255])), b'01FF')

    def test_map01_must_be_one_byte(self):
        with self.assertRaises(AssertionError):
            base64.b32decode(b'ME======', map01=b'LL')


class CommandLineTests(unittest.TestCase):

    def run_main(self, *args, stdin=b''):
        import subprocess
        import sys
        proc = subprocess.run([sys.executable, '-m', 'base64', *args], input=stdin,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return proc.returncode, proc.stdout, proc.stderr

    def test_encode_file_and_decode_stdin(self):
        import os
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'data')
            with open(path, 'wb') as f:
                f.write(b'hello world' * 10)
            rc, out, err = self.run_main(path)
            self.assertEqual((rc, err), (0, b''))
            self.assertEqual(out, base64.encodebytes(b'hello world' * 10))
            rc, out, err = self.run_main('-e', path)
            self.assertEqual(out, base64.encodebytes(b'hello world' * 10))
        self.assertEqual(self.run_main('-d', stdin=b'aGVsbG8=\n'), (0, b'hello', b''))
        self.assertEqual(self.run_main('-u', '-', stdin=b'aGVsbG8=\n'), (0, b'hello', b''))
        self.assertEqual(self.run_main(stdin=b'hi'), (0, b'aGk=\n', b''))

    def test_usage(self):
        rc, out, err = self.run_main('-h')
        self.assertEqual((rc, err), (0, b''))
        self.assertTrue(out.startswith(b'usage: '))
        self.assertIn(b'-d, -u: decode', out)
        rc, out, err = self.run_main('-x')
        self.assertEqual((rc, out), (2, b''))
        self.assertTrue(err.startswith(b'option -x not recognized\nusage: '))


if __name__ == "__main__":
    unittest.main()
