"""Tests for tarfile."""

import io
import os
import shutil
import stat
import tarfile
import tempfile
import unittest


def member(name, data=b'', **attributes):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 1000
    for attribute, value in attributes.items():
        setattr(info, attribute, value)
    return info, io.BytesIO(data)


class HeaderTests(unittest.TestCase):

    def test_ustar_header_fields(self):
        info, _ = member('a/b.txt', b'abc', mode=0o644, uname='u', gname='g')
        block = info.tobuf(tarfile.USTAR_FORMAT)
        self.assertEqual(len(block), 512)
        self.assertEqual(block[:8], b'a/b.txt\0')
        self.assertEqual(block[100:108], b'0000644\0')
        self.assertEqual(block[124:136], b'00000000003\0')
        self.assertEqual(block[136:148], b'00000001750\0')
        self.assertEqual(block[148:156], b'007511\0 ')
        self.assertEqual(block[156:157], tarfile.REGTYPE)
        self.assertEqual(block[257:265], b'ustar\x0000')
        self.assertEqual(block[265:267], b'u\0')

    def test_frombuf_roundtrip(self):
        info, _ = member('dir/file', b'x' * 700, mode=0o755, uid=12, gid=34)
        parsed = tarfile.TarInfo.frombuf(info.tobuf(tarfile.USTAR_FORMAT), 'utf-8', 'strict')
        self.assertEqual((parsed.name, parsed.size, parsed.mode, parsed.uid, parsed.gid,
                          parsed.mtime), ('dir/file', 700, 0o755, 12, 34, 1000))
        self.assertTrue(parsed.isreg())
        damaged = bytearray(info.tobuf(tarfile.USTAR_FORMAT))
        damaged[0] ^= 1
        with self.assertRaises(tarfile.HeaderError):
            tarfile.TarInfo.frombuf(bytes(damaged), 'utf-8', 'strict')

    def test_long_names(self):
        name = 'd/' + 'x' * 150
        info, _ = member(name)
        pax = info.tobuf(tarfile.PAX_FORMAT)
        self.assertEqual(len(pax), 1536)
        self.assertEqual(pax[:15], b'././@PaxHeader\0')
        self.assertEqual(pax[512:522], b'162 path=d')
        gnu = info.tobuf(tarfile.GNU_FORMAT)
        self.assertEqual(gnu[:14], b'././@LongLink\0')
        self.assertEqual(gnu[156:157], tarfile.GNUTYPE_LONGNAME)
        ustar = tarfile.TarInfo('p' * 90 + '/' + 'n' * 90).tobuf(tarfile.USTAR_FORMAT)
        self.assertEqual(ustar[345:350], b'ppppp')
        with self.assertRaises(ValueError):
            tarfile.TarInfo('z' * 300).tobuf(tarfile.USTAR_FORMAT)

    def test_directory_names(self):
        info = tarfile.TarInfo('folder')
        info.type = tarfile.DIRTYPE
        self.assertEqual(info.tobuf()[:7], b'folder/')
        parsed = tarfile.TarInfo.frombuf(info.tobuf(), 'utf-8', 'strict')
        self.assertEqual(parsed.name, 'folder')
        self.assertTrue(parsed.isdir())

    def test_replace_and_repr(self):
        info, _ = member('name')
        other = info.replace(name='other', mode=0o600)
        self.assertEqual((info.name, other.name, other.mode), ('name', 'other', 0o600))
        self.assertTrue(repr(info).startswith("<TarInfo 'name' at "))


class ArchiveTests(unittest.TestCase):

    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix='braid_tar_')
        self.addCleanup(shutil.rmtree, self.tmpdir, True)
        self.src = os.path.join(self.tmpdir, 'src')
        os.makedirs(os.path.join(self.src, 'sub'))
        with open(os.path.join(self.src, 'a.txt'), 'w') as f:
            f.write('alpha\n')
        with open(os.path.join(self.src, 'sub', 'b.txt'), 'w') as f:
            f.write('beta\n')
        os.symlink('a.txt', os.path.join(self.src, 'link'))
        os.chmod(os.path.join(self.src, 'a.txt'), 0o640)

    def archive(self, mode='w', **kwargs):
        path = os.path.join(self.tmpdir, 'out.tar' + ('.gz' if 'gz' in mode else ''))
        with tarfile.open(path, mode, **kwargs) as archive:
            archive.add(self.src, arcname='src')
        return path

    def test_write_and_read(self):
        path = self.archive()
        self.assertTrue(tarfile.is_tarfile(path))
        self.assertEqual(os.path.getsize(path) % tarfile.RECORDSIZE, 0)
        with tarfile.open(path) as archive:
            self.assertEqual(archive.getnames(),
                             ['src', 'src/a.txt', 'src/link', 'src/sub', 'src/sub/b.txt'])
            a = archive.getmember('src/a.txt')
            self.assertEqual((a.size, a.mode & 0o777), (6, 0o640))
            self.assertEqual(archive.extractfile(a).read(), b'alpha\n')
            link = archive.getmember('src/link')
            self.assertTrue(link.issym())
            self.assertEqual(link.linkname, 'a.txt')
            self.assertEqual(archive.extractfile('src/link').read(), b'alpha\n')
            self.assertIsNone(archive.extractfile('src/sub'))
            with self.assertRaises(KeyError):
                archive.getmember('missing')

    def test_gzip_modes(self):
        for mode in ('w:gz', 'w|gz'):
            with self.subTest(mode=mode):
                path = self.archive(mode)
                with open(path, 'rb') as f:
                    self.assertEqual(f.read(2), b'\x1f\x8b')
                for read_mode in ('r', 'r:*', 'r:gz'):
                    with tarfile.open(path, read_mode) as archive:
                        self.assertEqual(archive.extractfile('src/sub/b.txt').read(),
                                         b'beta\n')
                # A stream is read in order: each member's data as it comes.
                with tarfile.open(path, 'r|gz') as archive:
                    contents = {info.name: archive.extractfile(info).read()
                                for info in archive if info.isreg()}
                self.assertEqual(contents, {'src/a.txt': b'alpha\n',
                                            'src/sub/b.txt': b'beta\n'})
                with self.assertRaises(tarfile.ReadError):
                    tarfile.open(path, 'r:')

    def test_extractall_with_filters(self):
        path = self.archive()
        target = os.path.join(self.tmpdir, 'out')
        with tarfile.open(path) as archive:
            archive.extractall(target, filter='data')
        with open(os.path.join(target, 'src', 'sub', 'b.txt')) as f:
            self.assertEqual(f.read(), 'beta\n')
        self.assertEqual(os.readlink(os.path.join(target, 'src', 'link')), 'a.txt')
        mode = stat.S_IMODE(os.stat(os.path.join(target, 'src', 'a.txt')).st_mode)
        self.assertEqual(mode, 0o640)
        with tarfile.open(path) as archive:
            with self.assertWarns(DeprecationWarning):
                archive.extract('src/a.txt', os.path.join(self.tmpdir, 'plain'))
        self.assertTrue(os.path.isfile(os.path.join(self.tmpdir, 'plain', 'src', 'a.txt')))

    def test_dangerous_members_are_refused(self):
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode='w') as archive:
            archive.addfile(*member('../escape.txt', b'x'))
        buffer.seek(0)
        with tarfile.open(fileobj=buffer) as archive:
            with self.assertRaises(tarfile.OutsideDestinationError):
                archive.extractall(os.path.join(self.tmpdir, 'dest'), filter='data')
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode='w') as archive:
            archive.addfile(*member('/abs.txt', b'x'))
            info, _ = member('evil')
            info.type = tarfile.SYMTYPE
            info.linkname = '/etc/passwd'
            archive.addfile(info)
        buffer.seek(0)
        dest = os.path.join(self.tmpdir, 'dest2')
        with tarfile.open(fileobj=buffer) as archive:
            archive.extract('/abs.txt', dest, filter='data')
            self.assertTrue(os.path.isfile(os.path.join(dest, 'abs.txt')))
            with self.assertRaises(tarfile.AbsoluteLinkError):
                archive.extract('evil', dest, filter='data')
            with self.assertRaises(ValueError):
                archive.extract('evil', dest, filter='no-such-filter')

    def test_filter_functions(self):
        info, _ = member('f', mode=0o4777, uid=5, uname='someone')
        tar_filtered = tarfile.tar_filter(info, self.tmpdir)
        self.assertEqual(tar_filtered.mode, 0o755)
        data_filtered = tarfile.data_filter(info, self.tmpdir)
        self.assertEqual((data_filtered.mode, data_filtered.uid, data_filtered.uname),
                         (0o755, None, None))
        self.assertIs(tarfile.fully_trusted_filter(info, self.tmpdir), info)
        device, _ = member('dev', type=tarfile.CHRTYPE)
        with self.assertRaises(tarfile.SpecialFileError):
            tarfile.data_filter(device, self.tmpdir)

    def test_addfile_and_append(self):
        path = os.path.join(self.tmpdir, 'made.tar')
        with tarfile.open(path, 'w', format=tarfile.GNU_FORMAT) as archive:
            archive.addfile(*member('one.txt', b'1'))
            with self.assertRaises(ValueError):
                archive.addfile(member('two.txt', b'2')[0])
        with tarfile.open(path, 'a') as archive:
            archive.addfile(*member('long/' + 'y' * 120, b'22'))
        with tarfile.open(path) as archive:
            names = archive.getnames()
            self.assertEqual(names, ['one.txt', 'long/' + 'y' * 120])
            self.assertEqual(archive.extractfile(names[1]).read(), b'22')

    def test_iteration_and_list(self):
        path = self.archive()
        with tarfile.open(path) as archive:
            self.assertEqual([m.name for m in archive], archive.getnames())
            out = io.StringIO()
            import contextlib
            with contextlib.redirect_stdout(out):
                archive.list(verbose=False)
            self.assertEqual(out.getvalue().splitlines(),
                             ['src/ ', 'src/a.txt ', 'src/link ', 'src/sub/ ',
                              'src/sub/b.txt '])
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                archive.list(members=[archive.getmember('src/link')])
            line = out.getvalue()
            self.assertTrue(line.startswith('lrwx'), line)
            self.assertTrue(line.endswith(' src/link -> a.txt \n'), line)

    def test_bad_input(self):
        path = os.path.join(self.tmpdir, 'junk')
        with open(path, 'wb') as f:
            f.write(b'this is not a tar file' * 40)
        self.assertFalse(tarfile.is_tarfile(path))
        with self.assertRaises(tarfile.ReadError):
            tarfile.open(path)
        with self.assertRaises(tarfile.CompressionError):
            tarfile.open(path, 'r:zz')
        with self.assertRaises(ValueError):
            tarfile.open(path, 'q')
        empty = os.path.join(self.tmpdir, 'empty.tar')
        with tarfile.open(empty, 'w'):
            pass
        with tarfile.open(empty) as archive:
            self.assertEqual(archive.getmembers(), [])

    def test_pax_unicode_and_numbers(self):
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode='w', format=tarfile.PAX_FORMAT) as archive:
            archive.addfile(*member('caf\xe9.txt', b'x', uid=8 ** 8))
        buffer.seek(0)
        with tarfile.open(fileobj=buffer) as archive:
            info = archive.getmember('caf\xe9.txt')
            self.assertEqual(info.uid, 8 ** 8)
            self.assertEqual(info.pax_headers['path'], 'caf\xe9.txt')


if __name__ == '__main__':
    unittest.main()
