"""Tests of the binascii module; expected values are CPython 3.13's."""

import binascii
import unittest


class ModuleTests(unittest.TestCase):

    def test_exceptions(self):
        self.assertTrue(issubclass(binascii.Error, ValueError))
        self.assertTrue(issubclass(binascii.Incomplete, Exception))
        self.assertFalse(issubclass(binascii.Incomplete, ValueError))
        self.assertEqual(binascii.Error.__module__, 'binascii')
        self.assertEqual(binascii.Incomplete.__name__, 'Incomplete')

    def test_functions_exist(self):
        for name in ['a2b_base64', 'b2a_base64', 'a2b_hex', 'b2a_hex', 'hexlify', 'unhexlify',
                     'a2b_qp', 'b2a_qp', 'a2b_uu', 'b2a_uu', 'crc32', 'crc_hqx']:
            self.assertTrue(callable(getattr(binascii, name)), name)
        # removed in 3.11
        self.assertFalse(hasattr(binascii, 'b2a_hqx'))
        self.assertFalse(hasattr(binascii, 'rlecode_hqx'))


class ArgumentTests(unittest.TestCase):

    def check_type_error(self, func, message, *args, **kwargs):
        with self.assertRaises(TypeError) as cm:
            func(*args, **kwargs)
        self.assertEqual(str(cm.exception), message)

    def test_positional_only(self):
        for name in ('a2b_base64', 'b2a_base64', 'b2a_uu'):
            with self.subTest(name=name):
                self.check_type_error(getattr(binascii, name),
                                      '%s() takes exactly 1 positional argument (0 given)'
                                      % name, data=b'YQ==')
        # these take data by keyword
        self.assertEqual(binascii.hexlify(data=b'\x01'), b'01')
        self.assertEqual(binascii.a2b_qp(data=b'a=3D'), b'a=')
        self.assertEqual(binascii.b2a_qp(data=b'a='), b'a=3D')

    def test_argument_counts(self):
        self.check_type_error(binascii.crc32, 'crc32 expected at least 1 argument, got 0')
        self.check_type_error(binascii.crc32, 'crc32 expected at most 2 arguments, got 3',
                              b'', 0, 0)
        self.check_type_error(binascii.crc_hqx, 'crc_hqx expected 2 arguments, got 1', b'')
        self.check_type_error(binascii.crc32, 'binascii.crc32() takes no keyword arguments',
                              data=b'')
        self.check_type_error(binascii.hexlify, 'hexlify() takes at most 3 arguments (4 given)',
                              b'', ':', 1, 2)
        self.check_type_error(binascii.b2a_hex, 'b2a_hex() takes at most 3 arguments (4 given)',
                              b'', ':', 1, 2)

    def test_argument_types(self):
        for name in ('a2b_base64', 'a2b_hex', 'unhexlify', 'a2b_qp', 'a2b_uu'):
            with self.subTest(name=name):
                self.check_type_error(getattr(binascii, name),
                                      "argument should be bytes, buffer or ASCII string, "
                                      "not 'int'", 5)
        for name in ('b2a_base64', 'b2a_hex', 'hexlify', 'b2a_qp', 'b2a_uu', 'crc32'):
            with self.subTest(name=name):
                self.check_type_error(getattr(binascii, name),
                                      "a bytes-like object is required, not 'str'", 'x')
        with self.assertRaises(OverflowError) as cm:
            binascii.hexlify(b'ab', ':', 2 ** 40)
        self.assertEqual(str(cm.exception), 'Python int too large to convert to C int')
        self.check_type_error(binascii.hexlify,
                              "'float' object cannot be interpreted as an integer",
                              b'ab', ':', 1.5)
        self.assertEqual(binascii.hexlify(b'abcd', ':', -2 ** 31), b'61626364')


class HexTests(unittest.TestCase):

    def test_hexlify(self):
        self.assertEqual(binascii.hexlify(b''), b'')
        self.assertEqual(binascii.hexlify(b'\x00\x7f\x80\xff'), b'007f80ff')
        self.assertEqual(binascii.b2a_hex(bytearray(b'AZ')), b'415a')
        self.assertEqual(binascii.hexlify(memoryview(b'\x01\x02')), b'0102')
        self.assertEqual(binascii.hexlify(bytes(range(256))), bytes(range(256)).hex().encode())

    def test_hexlify_sep(self):
        data = bytes([1, 2, 3, 4, 5])
        self.assertEqual(binascii.hexlify(data, ':'), b'01:02:03:04:05')
        self.assertEqual(binascii.hexlify(data, b' '), b'01 02 03 04 05')
        self.assertEqual(binascii.hexlify(data, '-', 2), b'01-0203-0405')
        self.assertEqual(binascii.hexlify(data, '-', -2), b'0102-0304-05')
        self.assertEqual(binascii.hexlify(data, '_', 5), b'0102030405')
        self.assertEqual(binascii.hexlify(data, '_', 9), b'0102030405')
        self.assertEqual(binascii.hexlify(data, sep='.', bytes_per_sep=3), b'0102.030405')
        self.assertEqual(binascii.hexlify(b'', ':'), b'')
        self.assertEqual(binascii.hexlify(b'\xab', ':'), b'ab')
        for n in range(1, 8):
            with self.subTest(n=n):
                self.assertEqual(binascii.hexlify(bytes(range(20)), ' ', n),
                                 bytes(range(20)).hex(' ', n).encode())
                self.assertEqual(binascii.hexlify(bytes(range(20)), ' ', -n),
                                 bytes(range(20)).hex(' ', -n).encode())

    def test_hexlify_bad_sep(self):
        with self.assertRaises(ValueError):
            binascii.hexlify(b'ab', '')
        with self.assertRaises(ValueError):
            binascii.hexlify(b'ab', '::')
        with self.assertRaises(ValueError) as cm:
            binascii.hexlify(b'ab', '\u20ac')
        self.assertEqual(str(cm.exception), 'sep must be ASCII.')
        with self.assertRaises(TypeError) as cm:
            binascii.hexlify(b'ab', bytearray(b':'))
        self.assertEqual(str(cm.exception), 'sep must be str or bytes.')
        with self.assertRaises(TypeError):
            binascii.hexlify(b'ab', 5)
        with self.assertRaises(TypeError):
            binascii.hexlify('ab')
        # Latin-1 separators pass through as one byte
        self.assertEqual(binascii.hexlify(b'ab', '\xe9'), b'61\xe962')
        self.assertEqual(binascii.hexlify(b'ab', b'\xe9'), b'61\xe962')

    def test_unhexlify(self):
        self.assertEqual(binascii.unhexlify(b'007f80FF'), b'\x00\x7f\x80\xff')
        self.assertEqual(binascii.unhexlify('aBcD'), b'\xab\xcd')
        self.assertEqual(binascii.a2b_hex(bytearray(b'41')), b'A')
        self.assertEqual(binascii.unhexlify(b''), b'')
        data = bytes(range(256))
        self.assertEqual(binascii.unhexlify(binascii.hexlify(data)), data)

    def test_unhexlify_errors(self):
        with self.assertRaises(binascii.Error) as cm:
            binascii.unhexlify(b'abc')
        self.assertEqual(str(cm.exception), 'Odd-length string')
        with self.assertRaises(binascii.Error) as cm:
            binascii.unhexlify(b'0g')
        self.assertEqual(str(cm.exception), 'Non-hexadecimal digit found')
        with self.assertRaises(binascii.Error):
            binascii.unhexlify(b'01 2')
        with self.assertRaises(ValueError) as cm:
            binascii.unhexlify('\xe9\xe9')
        self.assertEqual(str(cm.exception),
                         'string argument should contain only ASCII characters')
        with self.assertRaises(TypeError):
            binascii.unhexlify(12)


class Base64Tests(unittest.TestCase):

    def test_b2a_base64(self):
        self.assertEqual(binascii.b2a_base64(b''), b'\n')
        self.assertEqual(binascii.b2a_base64(b'a'), b'YQ==\n')
        self.assertEqual(binascii.b2a_base64(b'ab'), b'YWI=\n')
        self.assertEqual(binascii.b2a_base64(b'abc'), b'YWJj\n')
        self.assertEqual(binascii.b2a_base64(b'\xff\xfe\xfd'), b'//79\n')
        self.assertEqual(binascii.b2a_base64(b'\xfb\xef'), b'++8=\n')
        self.assertEqual(binascii.b2a_base64(b'abc', newline=False), b'YWJj')
        self.assertEqual(binascii.b2a_base64(b'', newline=False), b'')
        with self.assertRaises(TypeError):
            binascii.b2a_base64(b'abc', False)      # newline is keyword-only
        with self.assertRaises(TypeError):
            binascii.b2a_base64('abc')

    def test_a2b_base64(self):
        self.assertEqual(binascii.a2b_base64(b'YWJj'), b'abc')
        self.assertEqual(binascii.a2b_base64('YWI='), b'ab')
        self.assertEqual(binascii.a2b_base64(b'YQ==\n'), b'a')
        self.assertEqual(binascii.a2b_base64(b''), b'')
        self.assertEqual(binascii.a2b_base64(b'\n'), b'')
        data = bytes(range(256)) * 3
        self.assertEqual(binascii.a2b_base64(binascii.b2a_base64(data)), data)

    def test_a2b_base64_lenient(self):
        # characters outside the alphabet are skipped
        self.assertEqual(binascii.a2b_base64(b'Y W\nJ!j'), b'abc')
        self.assertEqual(binascii.a2b_base64(b'YWJj\x00'), b'abc')
        # decoding stops at the padding that ends the data
        self.assertEqual(binascii.a2b_base64(b'YQ==YWJj'), b'a')
        self.assertEqual(binascii.a2b_base64(b'YWI=YQ=='), b'ab')
        self.assertEqual(binascii.a2b_base64(b'YQ==='), b'a')
        # padding before the quantum is complete is ignored
        self.assertEqual(binascii.a2b_base64(b'=YWJj'), b'abc')
        self.assertEqual(binascii.a2b_base64(b'YW=Jj'), b'abc')

    def test_a2b_base64_errors(self):
        cases = [
            (b'YWJ', 'Incorrect padding'),
            (b'YQ=', 'Incorrect padding'),
            (b'Y', 'Invalid base64-encoded string: number of data characters (1) cannot '
                   'be 1 more than a multiple of 4'),
            (b'YWJjZ', 'Invalid base64-encoded string: number of data characters (5) cannot '
                       'be 1 more than a multiple of 4'),
        ]
        for data, message in cases:
            with self.subTest(data=data):
                with self.assertRaises(binascii.Error) as cm:
                    binascii.a2b_base64(data)
                self.assertEqual(str(cm.exception), message)
        with self.assertRaises(ValueError):
            binascii.a2b_base64('\u20ac')
        with self.assertRaises(TypeError):
            binascii.a2b_base64(None)

    def test_strict_mode(self):
        self.assertEqual(binascii.a2b_base64(b'YWJj', strict_mode=True), b'abc')
        self.assertEqual(binascii.a2b_base64(b'YQ==', strict_mode=True), b'a')
        cases = [
            (b'YW Jj', 'Only base64 data is allowed'),
            (b'YWJj\n', 'Only base64 data is allowed'),
            (b'=YWJj', 'Leading padding not allowed'),
            (b'YQ==YQ==', 'Excess data after padding'),
            (b'YQ=', 'Incorrect padding'),
            (b'YQ=a=', 'Discontinuous padding not allowed'),
            (b'YWJj=', 'Excess padding not allowed'),
        ]
        for data, message in cases:
            with self.subTest(data=data):
                with self.assertRaises(binascii.Error) as cm:
                    binascii.a2b_base64(data, strict_mode=True)
                self.assertEqual(str(cm.exception), message)
        # the same inputs decode leniently
        self.assertEqual(binascii.a2b_base64(b'YW Jj'), b'abc')
        self.assertEqual(binascii.a2b_base64(b'YWJj='), b'abc')


class ChecksumTests(unittest.TestCase):

    def test_crc32(self):
        self.assertEqual(binascii.crc32(b''), 0)
        self.assertEqual(binascii.crc32(b'123456789'), 0xCBF43926)
        self.assertEqual(binascii.crc32(b'', 5), 5)
        self.assertEqual(binascii.crc32(b'a' * 1000),
                         binascii.crc32(b'a' * 500, binascii.crc32(b'a' * 500)))
        crc = 0
        for chunk in (b'The quick ', b'brown fox ', b'jumps'):
            crc = binascii.crc32(chunk, crc)
        self.assertEqual(crc, binascii.crc32(b'The quick brown fox jumps'))
        # the start value is taken modulo 2**32; the result is unsigned
        self.assertEqual(binascii.crc32(b'x', -1), binascii.crc32(b'x', 0xffffffff))
        self.assertGreaterEqual(binascii.crc32(b'\xff' * 7), 0)
        with self.assertRaises(TypeError):
            binascii.crc32('text')

    def test_crc_hqx(self):
        # CRC-16/XMODEM (start 0) and CRC-16/CCITT-FALSE (start 0xFFFF) check values
        self.assertEqual(binascii.crc_hqx(b'123456789', 0), 0x31C3)
        self.assertEqual(binascii.crc_hqx(b'123456789', 0xFFFF), 0x29B1)
        self.assertEqual(binascii.crc_hqx(b'', 0x1234), 0x1234)
        self.assertEqual(binascii.crc_hqx(b'', 0x12345), 0x2345)
        self.assertEqual(binascii.crc_hqx(b'6789', binascii.crc_hqx(b'12345', 0)), 0x31C3)
        with self.assertRaises(TypeError):
            binascii.crc_hqx(b'abc')


class UuTests(unittest.TestCase):

    def test_b2a_uu(self):
        self.assertEqual(binascii.b2a_uu(b''), b' \n')
        self.assertEqual(binascii.b2a_uu(b'', backtick=True), b'`\n')
        self.assertEqual(binascii.b2a_uu(b'abc'), b'#86)C\n')
        self.assertEqual(binascii.b2a_uu(b'Cat'), b'#0V%T\n')
        self.assertEqual(binascii.b2a_uu(b'\x00\x00\x00'), b'#    \n')
        self.assertEqual(binascii.b2a_uu(b'\x00\x00\x00', backtick=True), b'#````\n')
        self.assertEqual(binascii.b2a_uu(b'a'), b'!80  \n')
        self.assertEqual(binascii.b2a_uu(b'a', backtick=True), b'!80``\n')
        line = binascii.b2a_uu(b'x' * 45)
        self.assertEqual(len(line), 62)
        self.assertEqual(line[:1], b'M')
        with self.assertRaises(binascii.Error) as cm:
            binascii.b2a_uu(b'x' * 46)
        self.assertEqual(str(cm.exception), 'At most 45 bytes at once')
        with self.assertRaises(TypeError):
            binascii.b2a_uu(b'a', True)           # backtick is keyword-only

    def test_a2b_uu(self):
        self.assertEqual(binascii.a2b_uu(b'#86)C\n'), b'abc')
        self.assertEqual(binascii.a2b_uu('#86)C'), b'abc')
        self.assertEqual(binascii.a2b_uu(b'#````\n'), b'\x00\x00\x00')
        self.assertEqual(binascii.a2b_uu(b' \n'), b'')
        self.assertEqual(binascii.a2b_uu(b'`\n'), b'')
        # trailing blanks stripped by mailers: missing characters count as zero
        self.assertEqual(binascii.a2b_uu(b'#86)'), b'ab@')
        self.assertEqual(binascii.a2b_uu(b'%86)C'), b'abc\x00\x00')
        # the empty line reads as a length character of NUL, i.e. 32 bytes
        self.assertEqual(binascii.a2b_uu(b''), b'\x00' * 32)
        # blanks, backticks and line ends may follow the data
        self.assertEqual(binascii.a2b_uu(b'#86)C  ``\r\n'), b'abc')
        for n in range(46):
            data = bytes(range(n))
            self.assertEqual(binascii.a2b_uu(binascii.b2a_uu(data)), data)
            self.assertEqual(binascii.a2b_uu(binascii.b2a_uu(data, backtick=True)), data)

    def test_a2b_uu_errors(self):
        with self.assertRaises(binascii.Error) as cm:
            binascii.a2b_uu(b'#86)Cx')
        self.assertEqual(str(cm.exception), 'Trailing garbage')
        with self.assertRaises(binascii.Error) as cm:
            binascii.a2b_uu(b'#8\x7f)C')
        self.assertEqual(str(cm.exception), 'Illegal char')
        with self.assertRaises(binascii.Error) as cm:
            binascii.a2b_uu(b'#86\x01C')
        self.assertEqual(str(cm.exception), 'Illegal char')


class QuotedPrintableTests(unittest.TestCase):

    def test_b2a_qp_basic(self):
        self.assertEqual(binascii.b2a_qp(b''), b'')
        self.assertEqual(binascii.b2a_qp(b'plain text'), b'plain text')
        self.assertEqual(binascii.b2a_qp(b'a=b'), b'a=3Db')
        self.assertEqual(binascii.b2a_qp(b'caf\xe9'), b'caf=E9')
        self.assertEqual(binascii.b2a_qp(b'\x00\x01\x7f'), b'=00=01=7F')
        self.assertEqual(binascii.b2a_qp(b'~}'), b'~}')

    def test_b2a_qp_whitespace(self):
        self.assertEqual(binascii.b2a_qp(b'a b\tc'), b'a b\tc')
        self.assertEqual(binascii.b2a_qp(b'a b\tc', quotetabs=True), b'a=20b=09c')
        # whitespace at the end of a line or of the data is quoted
        self.assertEqual(binascii.b2a_qp(b'a \nb\t\n'), b'a=20\nb=09\n')
        self.assertEqual(binascii.b2a_qp(b'end '), b'end=20')
        self.assertEqual(binascii.b2a_qp(b'end\t'), b'end=09')

    def test_b2a_qp_header(self):
        self.assertEqual(binascii.b2a_qp(b'a b', header=True), b'a_b')
        self.assertEqual(binascii.b2a_qp(b'a_b', header=True), b'a=5Fb')
        self.assertEqual(binascii.b2a_qp(b'a_b'), b'a_b')
        self.assertEqual(binascii.b2a_qp(b'a b', quotetabs=True, header=True), b'a=20b')

    def test_b2a_qp_lines(self):
        self.assertEqual(binascii.b2a_qp(b'x' * 77), b'x' * 75 + b'=\nxx')
        self.assertEqual(binascii.b2a_qp(b'x' * 76), b'x' * 76)      # the last one fits
        self.assertEqual(binascii.b2a_qp(b'x' * 76 + b'\n'), b'x' * 76 + b'\n')
        encoded = binascii.b2a_qp(b'y' * 200)
        self.assertTrue(all(len(line) <= 76 for line in encoded.split(b'\n')))
        self.assertEqual(binascii.a2b_qp(encoded), b'y' * 200)
        # quoted characters are never split by a soft line break
        encoded = binascii.b2a_qp(b'=' * 30)
        self.assertEqual(encoded, b'=3D' * 25 + b'=\n' + b'=3D' * 5)

    def test_b2a_qp_line_ends(self):
        # CRLF data keeps CRLF line ends; soft breaks follow them
        self.assertEqual(binascii.b2a_qp(b'a\r\nb\nc'), b'a\r\nb\r\nc')
        self.assertEqual(binascii.b2a_qp(b'a\nb\r\nc'), b'a\nb\nc')
        self.assertEqual(binascii.b2a_qp(b'z' * 80 + b'\r\n'),
                         b'z' * 75 + b'=\r\n' + b'z' * 5 + b'\r\n')
        # binary data: line ends are data
        self.assertEqual(binascii.b2a_qp(b'a\r\nb\n', istext=False), b'a=0D=0Ab=0A')
        # a lone CR in text is kept
        self.assertEqual(binascii.b2a_qp(b'a\rb'), b'a\rb')

    def test_b2a_qp_dot(self):
        # a dot alone on a line is quoted (SMTP would eat it)
        self.assertEqual(binascii.b2a_qp(b'.'), b'=2E')
        self.assertEqual(binascii.b2a_qp(b'.\n'), b'=2E\n')
        self.assertEqual(binascii.b2a_qp(b'a\n.\nb'), b'a\n=2E\nb')
        self.assertEqual(binascii.b2a_qp(b'.a'), b'.a')
        self.assertEqual(binascii.b2a_qp(b'a.'), b'a.')

    def test_b2a_qp_arguments(self):
        self.assertEqual(binascii.b2a_qp(b'a b', True), b'a=20b')
        self.assertEqual(binascii.b2a_qp(b'\n', False, False), b'=0A')
        self.assertEqual(binascii.b2a_qp(b' ', False, True, True), b'=20')
        with self.assertRaises(TypeError):
            binascii.b2a_qp('text')

    def test_a2b_qp(self):
        self.assertEqual(binascii.a2b_qp(b''), b'')
        self.assertEqual(binascii.a2b_qp(b'a=3Db'), b'a=b')
        self.assertEqual(binascii.a2b_qp(b'=e9=E9'), b'\xe9\xe9')
        self.assertEqual(binascii.a2b_qp('caf=E9'), b'caf\xe9')
        # soft line breaks vanish
        self.assertEqual(binascii.a2b_qp(b'ab=\ncd'), b'abcd')
        self.assertEqual(binascii.a2b_qp(b'ab=\r\ncd'), b'abcd')
        self.assertEqual(binascii.a2b_qp(b'ab='), b'ab')
        # malformed escapes are kept
        self.assertEqual(binascii.a2b_qp(b'=zz'), b'=zz')
        self.assertEqual(binascii.a2b_qp(b'=A'), b'=A')
        self.assertEqual(binascii.a2b_qp(b'a==3D'), b'a=3D')      # '==' is one '='
        # header mode
        self.assertEqual(binascii.a2b_qp(b'a_b'), b'a_b')
        self.assertEqual(binascii.a2b_qp(b'a_b', header=True), b'a b')
        self.assertEqual(binascii.a2b_qp(b'a_b', True), b'a b')

    def test_qp_round_trip(self):
        samples = [bytes(range(256)), b'line one \nline two\t\n.\n', b'=' * 100,
                   b'a b c_d', b'\r\n'.join([b'x' * 90] * 3)]
        for data in samples:
            for quotetabs in (False, True):
                for header in (False, True):
                    with self.subTest(data=data[:10], quotetabs=quotetabs, header=header):
                        enc = binascii.b2a_qp(data, quotetabs=quotetabs, istext=False,
                                              header=header)
                        self.assertEqual(binascii.a2b_qp(enc, header=header), data)


if __name__ == '__main__':
    unittest.main()
