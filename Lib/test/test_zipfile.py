"""Tests for zipfile (ZipFile, ZipInfo, is_zipfile, zipfile.Path)."""

import io
import os
import shutil
import tempfile
import unittest
import zipfile

# A stored and a deflated member, written by CPython 3.13's zipfile (fixed timestamps).
REFERENCE_ZIP = bytes.fromhex(
    '504b0304140000000000000021286a39e0d0050000000500000005000000612e'
    '747874616c706861504b030414000000080000002128871d46cc0b0000002900'
    '000005000000622e7478744b4a2d495448224c280200504b0102140314000000'
    '0000000021286a39e0d005000000050000000500000000000000000000008001'
    '00000000612e747874504b0102140314000000080000002128871d46cc0b0000'
    '0029000000050000000000000000000000800128000000622e747874504b0506'
    '000000000200020066000000560000000000')


class ZipFileTests(unittest.TestCase):

    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix='braid_zip_')
        self.addCleanup(shutil.rmtree, self.tmpdir, True)
        self.path = os.path.join(self.tmpdir, 'test.zip')

    def test_write_and_read(self):
        with zipfile.ZipFile(self.path, 'w') as zf:
            zf.writestr('stored.txt', 'hello')
            zf.writestr('deflated.txt', 'x' * 1000, compress_type=zipfile.ZIP_DEFLATED)
            zf.writestr('dir/', '')
            zf.writestr('dir/unicod\xe9.txt', b'bytes')
        self.assertTrue(zipfile.is_zipfile(self.path))
        with zipfile.ZipFile(self.path) as zf:
            self.assertEqual(zf.namelist(), ['stored.txt', 'deflated.txt', 'dir/',
                                             'dir/unicod\xe9.txt'])
            self.assertEqual(zf.read('stored.txt'), b'hello')
            self.assertEqual(zf.read('deflated.txt'), b'x' * 1000)
            self.assertEqual(zf.read('dir/unicod\xe9.txt'), b'bytes')
            info = zf.getinfo('deflated.txt')
            self.assertEqual(info.compress_type, zipfile.ZIP_DEFLATED)
            self.assertEqual(info.file_size, 1000)
            self.assertLess(info.compress_size, 100)
            self.assertTrue(zf.getinfo('dir/').is_dir())
            self.assertFalse(info.is_dir())
            self.assertIsNone(zf.testzip())
            with self.assertRaises(KeyError):
                zf.getinfo('missing')

    def test_compression_argument(self):
        with zipfile.ZipFile(self.path, 'w', compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr('a.txt', 'a' * 100)
        with zipfile.ZipFile(self.path) as zf:
            self.assertEqual(zf.getinfo('a.txt').compress_type, zipfile.ZIP_DEFLATED)
            self.assertEqual(zf.read('a.txt'), b'a' * 100)

    def test_reads_cpython_archive(self):
        with zipfile.ZipFile(io.BytesIO(REFERENCE_ZIP)) as zf:
            self.assertEqual(zf.namelist(), ['a.txt', 'b.txt'])
            self.assertEqual(zf.read('a.txt'), b'alpha')
            self.assertEqual(zf.read('b.txt'), b'beta ' * 8 + b'!')
            self.assertEqual(zf.getinfo('a.txt').date_time, (2000, 1, 1, 0, 0, 0))

    def test_open_and_read_lines(self):
        with zipfile.ZipFile(self.path, 'w') as zf:
            zf.writestr('lines.txt', 'one\ntwo\n')
        with zipfile.ZipFile(self.path) as zf:
            with zf.open('lines.txt') as f:
                self.assertEqual(f.readline(), b'one\n')
                self.assertEqual(f.read(), b'two\n')
            with io.TextIOWrapper(zf.open('lines.txt'), encoding='ascii') as f:
                self.assertEqual(f.read().split(), ['one', 'two'])

    def test_open_for_writing(self):
        with zipfile.ZipFile(self.path, 'w') as zf:
            with zf.open('w.txt', 'w') as f:
                f.write(b'written ')
                f.write(b'in parts')
        with zipfile.ZipFile(self.path) as zf:
            self.assertEqual(zf.read('w.txt'), b'written in parts')

    def test_write_file_and_extract(self):
        source = os.path.join(self.tmpdir, 'source.txt')
        with open(source, 'w') as f:
            f.write('content')
        with zipfile.ZipFile(self.path, 'w') as zf:
            zf.write(source, 'inner/name.txt')
            zf.writestr('../evil.txt', 'outside')
        target = os.path.join(self.tmpdir, 'out')
        with zipfile.ZipFile(self.path) as zf:
            extracted = zf.extract('inner/name.txt', target)
            self.assertEqual(extracted, os.path.join(target, 'inner', 'name.txt'))
            zf.extractall(target)
        with open(os.path.join(target, 'inner', 'name.txt')) as f:
            self.assertEqual(f.read(), 'content')
        # Names leading out of the target directory stay inside it.
        self.assertTrue(os.path.isfile(os.path.join(target, 'evil.txt')))
        self.assertFalse(os.path.exists(os.path.join(self.tmpdir, 'evil.txt')))

    def test_append(self):
        with zipfile.ZipFile(self.path, 'w') as zf:
            zf.writestr('first', '1')
        with zipfile.ZipFile(self.path, 'a') as zf:
            zf.writestr('second', '2')
        with zipfile.ZipFile(self.path) as zf:
            self.assertEqual(zf.namelist(), ['first', 'second'])
            self.assertEqual(zf.read('first'), b'1')

    def test_comment(self):
        with zipfile.ZipFile(self.path, 'w') as zf:
            zf.comment = b'archive comment'
            zf.writestr('x', 'y')
        with zipfile.ZipFile(self.path) as zf:
            self.assertEqual(zf.comment, b'archive comment')
        with self.assertRaises(TypeError):
            zipfile.ZipFile(io.BytesIO(), 'w').comment = 'str'

    def test_file_objects(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, 'w') as zf:
            zf.writestr('m', 'data')
        self.assertFalse(buffer.closed)
        self.assertTrue(zipfile.is_zipfile(buffer))
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as zf:
            self.assertEqual(zf.read('m'), b'data')

    def test_bad_files(self):
        with open(self.path, 'wb') as f:
            f.write(b'not a zip file at all')
        self.assertFalse(zipfile.is_zipfile(self.path))
        with self.assertRaises(zipfile.BadZipFile):
            zipfile.ZipFile(self.path)
        self.assertIs(zipfile.BadZipfile, zipfile.BadZipFile)
        self.assertIs(zipfile.error, zipfile.BadZipFile)
        self.assertFalse(zipfile.is_zipfile(os.path.join(self.tmpdir, 'missing.zip')))
        with self.assertRaises(ValueError):
            zipfile.ZipFile(self.path, 'q')

    def test_corrupted_member(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, 'w') as zf:
            zf.writestr('m', 'payload')
        data = bytearray(buffer.getvalue())
        data[data.index(b'payload')] ^= 0xFF
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
            with self.assertRaises(zipfile.BadZipFile):
                zf.read('m')
            self.assertEqual(zf.testzip(), 'm')

    def test_closed_archive(self):
        zf = zipfile.ZipFile(io.BytesIO(REFERENCE_ZIP))
        zf.close()
        with self.assertRaises(ValueError):
            zf.read('a.txt')
        self.assertIn('[closed]', repr(zf))

    def test_zipinfo(self):
        info = zipfile.ZipInfo('name.txt', (2020, 5, 6, 7, 8, 10))
        self.assertEqual(info.filename, 'name.txt')
        self.assertEqual(info.date_time, (2020, 5, 6, 7, 8, 10))
        self.assertEqual(info.compress_type, zipfile.ZIP_STORED)
        self.assertEqual(repr(info), "<ZipInfo filename='name.txt' file_size=0>")
        with self.assertRaises(ValueError):
            zipfile.ZipInfo('old', (1979, 1, 1, 0, 0, 0))
        source = os.path.join(self.tmpdir, 'f.bin')
        with open(source, 'wb') as f:
            f.write(b'12345')
        info = zipfile.ZipInfo.from_file(source, 'arc/f.bin')
        self.assertEqual((info.filename, info.file_size), ('arc/f.bin', 5))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, 'w') as zf:
            zf.writestr(info, b'12345')
        with zipfile.ZipFile(buffer) as zf:
            self.assertEqual(zf.getinfo('arc/f.bin').date_time, info.date_time[:5] +
                             (info.date_time[5] // 2 * 2,))

    def test_mkdir(self):
        with zipfile.ZipFile(self.path, 'w') as zf:
            zf.mkdir('folder')
        with zipfile.ZipFile(self.path) as zf:
            self.assertEqual(zf.namelist(), ['folder/'])
            self.assertTrue(zf.getinfo('folder/').is_dir())


class PathTests(unittest.TestCase):

    def setUp(self):
        self.buffer = io.BytesIO()
        with zipfile.ZipFile(self.buffer, 'w') as zf:
            zf.writestr('a.txt', 'content of a')
            zf.writestr('b/c.txt', 'content of c')
            zf.writestr('b/d/e.txt', 'content of e')
        self.zf = zipfile.ZipFile(self.buffer)
        self.addCleanup(self.zf.close)

    def test_traversal(self):
        root = zipfile.Path(self.zf)
        self.assertTrue(root.is_dir())
        self.assertEqual(sorted(p.name for p in root.iterdir()), ['a.txt', 'b'])
        b = root / 'b'
        self.assertTrue(b.is_dir())
        self.assertTrue(b.exists())
        self.assertEqual(sorted(p.name for p in b.iterdir()), ['c.txt', 'd'])
        e = root.joinpath('b', 'd', 'e.txt')
        self.assertTrue(e.is_file())
        self.assertEqual(e.read_text(), 'content of e')
        self.assertEqual(e.read_bytes(), b'content of e')
        self.assertEqual(e.suffix, '.txt')
        self.assertEqual(e.stem, 'e')
        self.assertEqual(e.parent.name, 'd')
        self.assertFalse((root / 'missing').exists())

    def test_open(self):
        a = zipfile.Path(self.zf, 'a.txt')
        with a.open() as f:
            self.assertEqual(f.read(), 'content of a')
        with a.open('rb') as f:
            self.assertEqual(f.read(), b'content of a')
        with self.assertRaises(FileNotFoundError):
            zipfile.Path(self.zf, 'nope.txt').open()
        with self.assertRaises(IsADirectoryError):
            zipfile.Path(self.zf, 'b/').open()


if __name__ == '__main__':
    unittest.main()
