"""Tests of the io module: open() in text and binary modes, the buffered and text layers,
StringIO and BytesIO."""

import io
import os
import unittest

TESTFN = '/tmp/braid_test_io_%d' % os.getpid()


class FileTests(unittest.TestCase):

    def tearDown(self):
        if os.path.exists(TESTFN):
            os.remove(TESTFN)

    def test_text_roundtrip_utf8(self):
        text = 'héllo wörld\nsecond line €\n'
        with open(TESTFN, 'w', encoding='utf-8') as f:
            self.assertEqual(f.write(text), len(text))
            self.assertEqual(f.encoding, 'utf-8')
        with open(TESTFN, 'rb') as f:
            self.assertEqual(f.read(), text.encode('utf-8'))
        with open(TESTFN, encoding='utf-8') as f:
            self.assertEqual(f.read(), text)
        with open(TESTFN, encoding='utf-8') as f:
            self.assertEqual(f.readlines(), ['héllo wörld\n', 'second line €\n'])
        with open(TESTFN, encoding='utf-8') as f:
            self.assertEqual(list(f), ['héllo wörld\n', 'second line €\n'])

    def test_latin1_and_ascii(self):
        with open(TESTFN, 'w', encoding='latin-1') as f:
            f.write('caf\xe9')
        with open(TESTFN, 'rb') as f:
            self.assertEqual(f.read(), b'caf\xe9')
        with open(TESTFN, encoding='latin-1') as f:
            self.assertEqual(f.read(), 'caf\xe9')
        with open(TESTFN, 'w', encoding='ascii') as f:
            with self.assertRaises(UnicodeEncodeError):
                f.write('caf\xe9')
                f.flush()

    def test_universal_newlines(self):
        with open(TESTFN, 'wb') as f:
            f.write(b'a\r\nb\rc\nd')
        with open(TESTFN, encoding='utf-8') as f:
            self.assertEqual(f.read(), 'a\nb\nc\nd')
        with open(TESTFN, encoding='utf-8', newline='') as f:
            self.assertEqual(f.readlines(), ['a\r\n', 'b\r', 'c\n', 'd'])
        with open(TESTFN, encoding='utf-8', newline='\r\n') as f:
            self.assertEqual(f.readlines(), ['a\r\n', 'b\rc\nd'])

    def test_write_newline_translation(self):
        with open(TESTFN, 'w', encoding='utf-8', newline='\r\n') as f:
            f.write('a\nb\n')
        with open(TESTFN, 'rb') as f:
            self.assertEqual(f.read(), b'a\r\nb\r\n')

    def test_binary_read_seek_tell(self):
        with open(TESTFN, 'wb') as f:
            f.write(b'0123456789')
        with open(TESTFN, 'rb') as f:
            self.assertEqual(f.read(3), b'012')
            self.assertEqual(f.tell(), 3)
            f.seek(7)
            self.assertEqual(f.read(), b'789')
            f.seek(-4, io.SEEK_END)
            self.assertEqual(f.read(2), b'67')
            self.assertEqual(f.read(0), b'')

    def test_text_tell_seek(self):
        with open(TESTFN, 'w', encoding='utf-8') as f:
            f.write('αβγ\nδεζ\n')
        with open(TESTFN, encoding='utf-8') as f:
            self.assertEqual(f.readline(), 'αβγ\n')
            pos = f.tell()
            self.assertEqual(pos, 7)
            self.assertEqual(f.read(), 'δεζ\n')
            f.seek(pos)
            self.assertEqual(f.read(1), 'δ')

    def test_append_and_update_modes(self):
        with open(TESTFN, 'w', encoding='utf-8') as f:
            f.write('one\n')
        with open(TESTFN, 'a', encoding='utf-8') as f:
            f.write('two\n')
        with open(TESTFN, 'r+', encoding='utf-8') as f:
            self.assertEqual(f.read(), 'one\ntwo\n')
            f.write('three\n')
        with open(TESTFN, encoding='utf-8') as f:
            self.assertEqual(f.read(), 'one\ntwo\nthree\n')

    def test_exclusive_create(self):
        with open(TESTFN, 'x', encoding='utf-8') as f:
            f.write('x')
        with self.assertRaises(FileExistsError):
            open(TESTFN, 'x', encoding='utf-8')

    def test_errors(self):
        with self.assertRaises(FileNotFoundError):
            open('/nonexistent/dir/file', encoding='utf-8')
        with self.assertRaises(ValueError):
            open(TESTFN, 'rw')
        with self.assertRaises(ValueError):
            open(TESTFN, 'wb', encoding='utf-8')
        with open(TESTFN, 'w', encoding='utf-8') as f:
            pass
        with self.assertRaises(ValueError):
            f.write('closed')
        self.assertTrue(f.closed)
        with open(TESTFN, 'rb') as f:
            with self.assertRaises(io.UnsupportedOperation):
                f.write(b'x')
        with self.assertRaises(IsADirectoryError):
            open('/', encoding='utf-8')

    def test_file_attributes(self):
        with open(TESTFN, 'wb') as f:
            self.assertEqual(f.name, TESTFN)
            self.assertEqual(f.mode, 'wb')
            self.assertIsInstance(f, io.BufferedWriter)
            self.assertIsInstance(f.raw, io.FileIO)
            self.assertTrue(f.writable())
            self.assertFalse(f.readable())
        with open(TESTFN, encoding='utf-8') as f:
            self.assertIsInstance(f, io.TextIOWrapper)
            self.assertEqual(f.mode, 'r')
            self.assertIsInstance(f.fileno(), int)
        with open(TESTFN, 'rb', buffering=0) as f:
            self.assertIsInstance(f, io.FileIO)

    def test_large_binary(self):
        data = bytes(range(256)) * 1000
        with open(TESTFN, 'wb') as f:
            f.write(data)
        with open(TESTFN, 'rb') as f:
            self.assertEqual(f.read(), data)
        with open(TESTFN, 'rb') as f:
            chunks = []
            while chunk := f.read(1000):
                chunks.append(chunk)
            self.assertEqual(b''.join(chunks), data)


class StringIOTests(unittest.TestCase):

    def test_write_read(self):
        s = io.StringIO()
        self.assertEqual(s.write('hello\n'), 6)
        s.write('world')
        self.assertEqual(s.getvalue(), 'hello\nworld')
        self.assertEqual(s.tell(), 11)
        s.seek(0)
        self.assertEqual(s.readline(), 'hello\n')
        self.assertEqual(s.read(), 'world')
        self.assertEqual(s.read(), '')

    def test_initial_value_and_iteration(self):
        s = io.StringIO('a\nb\nc')
        self.assertEqual(list(s), ['a\n', 'b\n', 'c'])
        self.assertEqual(s.tell(), 0 + len('a\nb\nc'))

    def test_overwrite_and_truncate(self):
        s = io.StringIO('abcdef')
        s.seek(2)
        s.write('XY')
        self.assertEqual(s.getvalue(), 'abXYef')
        s.truncate(3)
        self.assertEqual(s.getvalue(), 'abX')

    def test_closed(self):
        s = io.StringIO()
        s.close()
        with self.assertRaises(ValueError):
            s.write('x')
        with self.assertRaises(ValueError):
            s.getvalue()

    def test_print_to_stringio(self):
        s = io.StringIO()
        print('a', 1, [2], sep='-', end='!\n', file=s)
        self.assertEqual(s.getvalue(), 'a-1-[2]!\n')


class BytesIOTests(unittest.TestCase):

    def test_basic(self):
        b = io.BytesIO(b'abc')
        self.assertEqual(b.read(), b'abc')
        b.write(b'def')
        self.assertEqual(b.getvalue(), b'abcdef')
        b.seek(1)
        self.assertEqual(b.read(2), b'bc')
        b.seek(10)
        b.write(b'z')
        self.assertEqual(b.getvalue(), b'abcdef\x00\x00\x00\x00z')
        with self.assertRaises(TypeError):
            b.write('str')

    def test_readline_and_iter(self):
        b = io.BytesIO(b'l1\nl2\nl3')
        self.assertEqual(b.readline(), b'l1\n')
        self.assertEqual(list(b), [b'l2\n', b'l3'])

    def test_text_wrapper_over_bytesio(self):
        raw = io.BytesIO()
        t = io.TextIOWrapper(raw, encoding='utf-8')
        t.write('π = 3.14\n')
        t.flush()
        self.assertEqual(raw.getvalue(), 'π = 3.14\n'.encode('utf-8'))
        t.seek(0)
        self.assertEqual(t.read(), 'π = 3.14\n')


if __name__ == '__main__':
    unittest.main()
