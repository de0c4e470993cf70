"""Tests of hashlib and hmac; expected digests are CPython 3.13's (OpenSSL)."""

import hashlib
import hmac
import io
import os
import tempfile
import threading
import unittest

EXPECTED = [
    ('blake2b', 64, 128, '765278130f882fbfcf36f19a6332840448c18270757da459a0f5f641240d6a458d888e25444691bd7172c7945729f96c8b18f184588467ae33be02db06176487'),
    ('blake2s', 32, 64, 'e72dd5d197969a7888d17e7b96674a84d1f15f5a12c8911015a9583e2d7b5464'),
    ('md5', 16, 64, '7566120cc98f85dba933e2538acd9885'),
    ('sha1', 20, 64, '9d6e658ca347ad643c7669b1b0a0f4195f1dcbcf'),
    ('sha224', 28, 64, '2a9b8dd916c4ede5cde6b66053a6e888bcd7a9b91556e1bc7d4d8f87'),
    ('sha256', 32, 64, '84c854c086f28e02d3d6ece287bc2a88a96c39f17cf2650112e0c0aacd3ff582'),
    ('sha384', 48, 128, '4ed368d4554aed6d965156f3dc1753bacd44cfcc18d9ef62c0cb2c52f4b444a0595bcfb5e125dc8992bf6ecba821c6a2'),
    ('sha3_224', 28, 144, '0f2bf71e7481fe0c8ce70710ab7ec86c839658143c4808da1ca55eda'),
    ('sha3_256', 32, 136, '03209d264f3a7e0fc5f4ae3873504afda2c512aea6dcf355ee0de90a51a97063'),
    ('sha3_384', 48, 104, '5f6c141b7c813cc294f5aca774491e2f5361fd200f5bc089407963a3c850c7fb7fcfe8861b9ec23786d5590d4f0c0cc4'),
    ('sha3_512', 64, 72, 'f8621c49aaf9c5051a1fcf62a20f11c7ac5294b073f8339650feb3f0d79942c9964ddeae41d6c13c7a2c60418d512c367798c31dd6eb8d1212b6438869e637ea'),
    ('sha512', 64, 128, 'c61d85e45a66235f3e8c1aa0f27708da37fa89ed8f28db9412e225796abfe6fa0888b70d73e3b61ce1456c2f81abc32b3e8c07083284200dc8a8c674405e8aef'),
    ('shake_128', 0, 168, '2ae54a0ae2ffcfe3096c22ab6290a2ab9ce6ab1c'),
    ('shake_256', 0, 136, 'ed5d46adc529f3db04cccc1d75b3a055cf56c405'),
]


class HashlibTests(unittest.TestCase):
    def test_guaranteed_algorithms(self):
        for name, digest_size, block_size, hexdigest in EXPECTED:
            with self.subTest(name):
                h = hashlib.new(name, b'braid')
                self.assertEqual(h.name, name)
                self.assertEqual(h.digest_size, digest_size)
                self.assertEqual(h.block_size, block_size)
                got = h.hexdigest(20) if name.startswith('shake') else h.hexdigest()
                self.assertEqual(got, hexdigest)
                self.assertEqual(getattr(hashlib, name)(b'braid').name, name)

    def test_known_vectors(self):
        self.assertEqual(hashlib.sha256(b'abc').hexdigest(),
                         'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
        self.assertEqual(hashlib.md5().hexdigest(), 'd41d8cd98f00b204e9800998ecf8427e')
        self.assertEqual(hashlib.new('SHA1', b'abc').hexdigest(),
                         'a9993e364706816aba3e25717850c26c9cd0d89d')

    def test_update_copy_digest(self):
        h = hashlib.sha512()
        h.update(b'x' * 5000)          # large enough to release the GIL
        c = h.copy()
        h.update(b'y')
        self.assertEqual(c.digest(), hashlib.sha512(b'x' * 5000).digest())
        self.assertEqual(h.digest(), hashlib.sha512(b'x' * 5000 + b'y').digest())
        self.assertEqual(h.digest(), h.digest())     # digest() does not finalise
        h.update(memoryview(b'z'))
        h.update(bytearray(b'z'))
        self.assertEqual(h.hexdigest(), hashlib.sha512(b'x' * 5000 + b'yzz').hexdigest())

    def test_errors(self):
        with self.assertRaises(ValueError) as cm:
            hashlib.new('nope')
        self.assertEqual(str(cm.exception), 'unsupported hash type nope')
        with self.assertRaises(TypeError) as cm:
            hashlib.sha1('text')
        self.assertEqual(str(cm.exception), 'Strings must be encoded before hashing')
        with self.assertRaises(ValueError) as cm:
            hashlib.pbkdf2_hmac('sha1', b'p', b's', 0)
        self.assertEqual(str(cm.exception), 'iteration value must be greater than 0.')

    def test_pbkdf2_and_file_digest(self):
        self.assertEqual(hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 1000, 20).hex(),
                         '0a38253555ce37f5c72a6b703f996814ebf241f2')
        self.assertEqual(hashlib.file_digest(io.BytesIO(b'abc'), 'sha1').hexdigest(),
                         'a9993e364706816aba3e25717850c26c9cd0d89d')

    def test_threads_share_one_object(self):
        h = hashlib.sha256()
        chunk = b'a' * 4096

        def feed():
            for _ in range(50):
                h.update(chunk)

        threads = [threading.Thread(target=feed) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(h.hexdigest(), hashlib.sha256(chunk * 200).hexdigest())


class HmacTests(unittest.TestCase):
    def test_hmac(self):
        self.assertEqual(hmac.new(b'key', b'msg', 'sha256').hexdigest(),
                         '2d93cbc1be167bcb1637a4a23cbff01a7878f0c50ee833954ea5221bb1b8c628')
        self.assertEqual(hmac.digest(b'key', b'msg', 'sha1').hex(),
                         '102900b72b7bf1031eec76b4804b66052376896b')
        long_key = hmac.new(b'k' * 100, b'm', 'sha512')
        self.assertEqual(long_key.hexdigest(), hmac.digest(b'k' * 100, b'm', 'sha512').hex())
        h = hmac.new(b'k', digestmod=hashlib.sha1)
        self.assertEqual((h.name, h.digest_size, h.block_size), ('hmac-sha1', 20, 64))
        c = h.copy()
        h.update(b'more')
        self.assertNotEqual(c.digest(), h.digest())
        with self.assertRaises(TypeError):
            hmac.new(b'k')

    def test_compare_digest(self):
        self.assertTrue(hmac.compare_digest(b'abc', bytearray(b'abc')))
        self.assertFalse(hmac.compare_digest('abc', 'abd'))
        self.assertFalse(hmac.compare_digest(b'abc', b'ab'))
        with self.assertRaises(TypeError) as cm:
            hmac.compare_digest('a', b'a')
        self.assertEqual(str(cm.exception), "a bytes-like object is required, not 'str'")



# Published test vectors: FIPS 180/202 examples for "abc", RFC 1321 for MD5, RFC 7693
# appendix for BLAKE2, the BLAKE2 reference KAT (keyed, empty input), RFC 6070 (PBKDF2),
# RFC 7914 (scrypt), RFC 4231 (HMAC-SHA2) and RFC 2202 (HMAC-MD5/SHA1).
ABC_VECTORS = {
    'md5': '900150983cd24fb0d6963f7d28e17f72',
    'sha1': 'a9993e364706816aba3e25717850c26c9cd0d89d',
    'sha224': '23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7',
    'sha256': 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    'sha384': 'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed'
              '8086072ba1e7cc2358baeca134c825a7',
    'sha512': 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a'
              '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    'sha3_224': 'e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf',
    'sha3_256': '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532',
    'sha3_384': 'ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b2'
                '98d88cea927ac7f539f1edf228376d25',
    'sha3_512': 'b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e'
                '10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0',
    'blake2b': 'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1'
               '7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    'blake2s': '508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982',
}


class DigestVectorTests(unittest.TestCase):

    def test_abc_vectors(self):
        for name, expected in ABC_VECTORS.items():
            with self.subTest(name):
                self.assertEqual(hashlib.new(name, b'abc').hexdigest(), expected)
                self.assertEqual(getattr(hashlib, name)(b'abc').digest(),
                                 bytes.fromhex(expected))

    def test_empty_and_million_a(self):
        self.assertEqual(hashlib.md5().hexdigest(), 'd41d8cd98f00b204e9800998ecf8427e')
        self.assertEqual(hashlib.sha256(b'').hexdigest(),
                         'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
        h = hashlib.sha1()
        for _ in range(1000):
            h.update(b'a' * 1000)
        self.assertEqual(h.hexdigest(), '34aa973cd4c4daa4f61eeb2bdbad27316534016f')

    def test_shake_vectors_and_lengths(self):
        self.assertEqual(hashlib.shake_128(b'').hexdigest(32),
                         '7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26')
        self.assertEqual(hashlib.shake_256(b'').hexdigest(64),
                         '46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f'
                         'd75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be')
        h = hashlib.shake_128(b'x')
        self.assertEqual(h.digest(0), b'')
        self.assertEqual(h.digest(100)[:10], h.digest(10))
        self.assertEqual(len(h.hexdigest(7)), 14)
        self.assertEqual(h.digest_size, 0)
        with self.assertRaises(TypeError):
            h.digest()

    def test_update_equivalence_and_copy(self):
        for name in sorted(hashlib.algorithms_guaranteed):
            with self.subTest(name):
                whole = hashlib.new(name, b'hello world')
                parts = hashlib.new(name)
                parts.update(b'hello')
                snapshot = parts.copy()
                parts.update(memoryview(b' world'))
                args = (16,) if name.startswith('shake') else ()
                self.assertEqual(whole.digest(*args), parts.digest(*args))
                self.assertNotEqual(snapshot.digest(*args), parts.digest(*args))
                self.assertEqual(parts.hexdigest(*args), parts.digest(*args).hex())
                snapshot.update(bytearray(b' world'))
                self.assertEqual(snapshot.digest(*args), whole.digest(*args))

    def test_constructor_arguments(self):
        self.assertEqual(hashlib.sha256(string=b'abc').hexdigest(), ABC_VECTORS['sha256'])
        self.assertEqual(hashlib.new('sha256', data=b'abc').hexdigest(),
                         ABC_VECTORS['sha256'])
        self.assertEqual(hashlib.new('SHA256', b'abc').hexdigest(), ABC_VECTORS['sha256'])
        h = hashlib.md5(b'abc', usedforsecurity=False)
        self.assertEqual(h.hexdigest(), ABC_VECTORS['md5'])
        self.assertEqual(hashlib.new('md5', usedforsecurity=False).name, 'md5')
        with self.assertRaises(TypeError):
            hashlib.sha256('text')
        with self.assertRaises(TypeError):
            hashlib.sha256().update('text')
        with self.assertRaises(ValueError) as cm:
            hashlib.new('no-such-hash')
        self.assertEqual(str(cm.exception), 'unsupported hash type no-such-hash')
        with self.assertRaises(TypeError):
            hashlib.new(b'sha256')

    def test_algorithms_sets(self):
        self.assertIsInstance(hashlib.algorithms_guaranteed, set)
        self.assertIsInstance(hashlib.algorithms_available, set)
        self.assertTrue(hashlib.algorithms_guaranteed <= hashlib.algorithms_available)
        self.assertEqual(len(hashlib.algorithms_guaranteed), 14)

    def test_repr(self):
        self.assertTrue(repr(hashlib.sha256()).startswith('<sha256 '))


class Blake2Tests(unittest.TestCase):

    def test_attributes(self):
        b = hashlib.blake2b()
        s = hashlib.blake2s()
        self.assertEqual((b.digest_size, b.block_size, b.name), (64, 128, 'blake2b'))
        self.assertEqual((s.digest_size, s.block_size, s.name), (32, 64, 'blake2s'))
        self.assertEqual((hashlib.blake2b.MAX_DIGEST_SIZE, hashlib.blake2b.MAX_KEY_SIZE,
                          hashlib.blake2b.SALT_SIZE, hashlib.blake2b.PERSON_SIZE),
                         (64, 64, 16, 16))
        self.assertEqual((hashlib.blake2s.MAX_DIGEST_SIZE, hashlib.blake2s.MAX_KEY_SIZE,
                          hashlib.blake2s.SALT_SIZE, hashlib.blake2s.PERSON_SIZE),
                         (32, 32, 8, 8))

    def test_keyed_kat(self):
        key_b = bytes(range(64))
        self.assertEqual(hashlib.blake2b(b'', key=key_b).hexdigest(),
                         '10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786'
                         'b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568')
        key_s = bytes(range(32))
        self.assertEqual(hashlib.blake2s(b'', key=key_s).hexdigest(),
                         '48a8997da407876b3d79c0d92325ad3b89cbb754d86ab71aee047ad345fd2c49')

    def test_digest_size_changes_output(self):
        short = hashlib.blake2b(b'abc', digest_size=16)
        self.assertEqual(short.digest_size, 16)
        self.assertEqual(len(short.digest()), 16)
        self.assertNotEqual(short.digest(), hashlib.blake2b(b'abc').digest()[:16])
        self.assertEqual(hashlib.blake2s(b'abc', digest_size=32).digest(),
                         hashlib.blake2s(b'abc').digest())

    def test_salt_person_and_tree_parameters_change_output(self):
        base = hashlib.blake2b(b'data').digest()
        variants = [
            hashlib.blake2b(b'data', salt=b'salty').digest(),
            hashlib.blake2b(b'data', person=b'me').digest(),
            hashlib.blake2b(b'data', fanout=2).digest(),
            hashlib.blake2b(b'data', depth=2).digest(),
            hashlib.blake2b(b'data', leaf_size=4096).digest(),
            hashlib.blake2b(b'data', node_offset=1).digest(),
            hashlib.blake2b(b'data', node_depth=1).digest(),
            hashlib.blake2b(b'data', inner_size=32).digest(),
            hashlib.blake2b(b'data', last_node=True).digest(),
            hashlib.blake2b(b'data', key=b'k').digest(),
        ]
        self.assertEqual(len(set(variants + [base])), len(variants) + 1)
        # Parameters left at their defaults are the same as not giving them.
        self.assertEqual(hashlib.blake2b(b'data', salt=b'', person=b'', key=b'',
                                         fanout=1, depth=1).digest(), base)
        # Salt and person are zero-padded to their full size.
        self.assertEqual(hashlib.blake2s(b'x', salt=b'ab').digest(),
                         hashlib.blake2s(b'x', salt=b'ab\0\0\0\0\0\0').digest())

    def test_keyed_copy_and_update(self):
        h = hashlib.blake2s(key=b'secret', digest_size=20)
        h.update(b'part one ')
        c = h.copy()
        h.update(b'part two')
        self.assertEqual(h.digest(), hashlib.blake2s(b'part one part two', key=b'secret',
                                                     digest_size=20).digest())
        self.assertEqual(c.digest(), hashlib.blake2s(b'part one ', key=b'secret',
                                                     digest_size=20).digest())
        self.assertEqual(h.hexdigest(), h.digest().hex())

    def test_long_input_crosses_blocks(self):
        data = bytes(range(256)) * 5
        h = hashlib.blake2b()
        for i in range(0, len(data), 7):
            h.update(data[i:i + 7])
        self.assertEqual(h.digest(), hashlib.blake2b(data).digest())
        h2 = hashlib.blake2b()
        h2.update(data[:128])
        h2.update(data[128:])
        self.assertEqual(h2.digest(), h.digest())

    def test_parameter_errors(self):
        with self.assertRaises(ValueError) as cm:
            hashlib.blake2b(digest_size=0)
        self.assertEqual(str(cm.exception), 'digest_size must be between 1 and 64 bytes')
        with self.assertRaises(ValueError):
            hashlib.blake2s(digest_size=33)
        with self.assertRaises(ValueError) as cm:
            hashlib.blake2b(key=b'k' * 65)
        self.assertEqual(str(cm.exception), 'maximum key length is 64 bytes')
        with self.assertRaises(ValueError) as cm:
            hashlib.blake2b(salt=b's' * 17)
        self.assertEqual(str(cm.exception), 'maximum salt length is 16 bytes')
        with self.assertRaises(ValueError) as cm:
            hashlib.blake2s(person=b'p' * 9)
        self.assertEqual(str(cm.exception), 'maximum person length is 8 bytes')
        with self.assertRaises(ValueError):
            hashlib.blake2b(fanout=256)
        with self.assertRaises(ValueError):
            hashlib.blake2b(depth=0)
        with self.assertRaises(TypeError):
            hashlib.blake2b('str')

    def test_threads_share_one_blake2_object(self):
        # Concurrent update() calls on one object are each applied whole.
        single = hashlib.blake2b(key=b'k')

        def feed_same():
            for _ in range(50):
                single.update(b'x' * 3000)
        threads = [threading.Thread(target=feed_same) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(single.digest(), hashlib.blake2b(b'x' * 600000, key=b'k').digest())

    def test_new_by_name_accepts_defaults(self):
        self.assertEqual(hashlib.new('blake2b', b'abc').digest(), hashlib.blake2b(b'abc').digest())
        self.assertEqual(hashlib.new('blake2s', b'abc', digest_size=32).digest(),
                         hashlib.blake2s(b'abc').digest())


class KeyDerivationTests(unittest.TestCase):

    def test_pbkdf2_rfc6070(self):
        self.assertEqual(hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 1, 20).hex(),
                         '0c60c80f961f0e71f3a9b524af6012062fe037a6')
        self.assertEqual(hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 4096).hex(),
                         '4b007901b765489abead49d926f721d065a429c1')
        self.assertEqual(hashlib.pbkdf2_hmac('sha1', b'pass\0word', b'sa\0lt', 4096, 16).hex(),
                         '56fa6aa75548099dcc37d7f03425e0c3')

    def test_pbkdf2_defaults_and_errors(self):
        self.assertEqual(len(hashlib.pbkdf2_hmac('sha256', b'p', b's', 2)), 32)
        self.assertEqual(len(hashlib.pbkdf2_hmac('sha512', bytearray(b'p'), memoryview(b's'),
                                                 2, dklen=None)), 64)
        with self.assertRaises(ValueError):
            hashlib.pbkdf2_hmac('sha256', b'p', b's', 0)
        with self.assertRaises(ValueError):
            hashlib.pbkdf2_hmac('sha256', b'p', b's', 1, 0)
        with self.assertRaises(ValueError):
            hashlib.pbkdf2_hmac('nope', b'p', b's', 1)
        with self.assertRaises(TypeError):
            hashlib.pbkdf2_hmac('sha256', 'p', b's', 1)

    @unittest.skipUnless(hasattr(hashlib, 'scrypt'), 'scrypt needs OpenSSL support')
    def test_scrypt_rfc7914(self):
        self.assertEqual(hashlib.scrypt(b'', salt=b'', n=16, r=1, p=1, dklen=64).hex(),
                         '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede2144'
                         '2fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906')
        self.assertEqual(hashlib.scrypt(b'password', salt=b'NaCl', n=1024, r=8, p=16,
                                        dklen=64).hex(),
                         'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162'
                         '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640')

    @unittest.skipUnless(hasattr(hashlib, 'scrypt'), 'scrypt needs OpenSSL support')
    def test_scrypt_errors(self):
        self.assertEqual(len(hashlib.scrypt(b'p', salt=b's', n=2, r=1, p=1)), 64)
        with self.assertRaises(TypeError):
            hashlib.scrypt(b'p', b's', 2, 1, 1)
        with self.assertRaises(ValueError):
            hashlib.scrypt(b'p', salt=b's', n=3, r=1, p=1)
        with self.assertRaises(ValueError):
            hashlib.scrypt(b'p', salt=b's', n=2, r=1, p=1, dklen=0)


class FileDigestTests(unittest.TestCase):

    def test_file_digest_on_real_file(self):
        data = b'0123456789' * 30000
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'f.bin')
            with open(path, 'wb') as f:
                f.write(data)
            with open(path, 'rb') as f:
                got = hashlib.file_digest(f, 'sha256')
            with open(path, 'rb') as f:
                got2 = hashlib.file_digest(f, hashlib.md5)
        self.assertEqual(got.digest(), hashlib.sha256(data).digest())
        self.assertEqual(got2.hexdigest(), hashlib.md5(data).hexdigest())

    def test_file_digest_bytesio_and_errors(self):
        self.assertEqual(hashlib.file_digest(io.BytesIO(b'abc'), 'sha1').hexdigest(),
                         ABC_VECTORS['sha1'])
        with self.assertRaises(ValueError):
            hashlib.file_digest(io.StringIO('abc'), 'sha1')


class HmacDetailTests(unittest.TestCase):

    def test_rfc4231_case_2(self):
        key, msg = b'Jefe', b'what do ya want for nothing?'
        self.assertEqual(hmac.new(key, msg, 'sha256').hexdigest(),
                         '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
        self.assertEqual(hmac.digest(key, msg, 'sha512').hex(),
                         '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554'
                         '9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737')

    def test_rfc2202(self):
        self.assertEqual(hmac.new(b'\x0b' * 16, b'Hi There', 'md5').hexdigest(),
                         '9294727a3638bb1c13f48ef8158bfc9d')
        self.assertEqual(hmac.new(b'\xaa' * 80, b'Test Using Larger Than Block-Size Key - '
                                  b'Hash Key First', hashlib.sha1).hexdigest(),
                         'aa4ae5e15272d00e95705637ce8a3b55ed402112')

    def test_digestmod_forms_agree(self):
        expected = hmac.new(b'k', b'm', 'sha256').digest()
        self.assertEqual(hmac.new(b'k', b'm', hashlib.sha256).digest(), expected)
        self.assertEqual(hmac.new(b'k', b'm', digestmod='SHA256').digest(), expected)
        self.assertEqual(hmac.digest(b'k', b'm', hashlib.sha256), expected)
        h = hmac.new(bytearray(b'k'), digestmod='sha256')
        h.update(b'm')
        self.assertEqual(h.digest(), expected)
        self.assertEqual(h.name, 'hmac-sha256')
        self.assertEqual(h.digest_size, 32)
        self.assertEqual(h.block_size, 64)

    def test_hmac_with_blake2_and_sha3(self):
        h = hmac.new(b'key', b'msg', hashlib.blake2b)
        self.assertEqual(h.digest_size, 64)
        self.assertEqual(h.block_size, 128)
        self.assertEqual(hmac.new(b'key', b'msg', 'sha3_256').block_size, 136)

    def test_key_type_errors(self):
        with self.assertRaises(TypeError) as cm:
            hmac.new('key', b'msg', 'sha256')
        self.assertEqual(str(cm.exception),
                         "key: expected bytes or bytearray, but got 'str'")
        with self.assertRaises(TypeError):
            hmac.new(b'key', 'msg', 'sha256')

    def test_compare_digest_variants(self):
        self.assertTrue(hmac.compare_digest(b'', b''))
        self.assertTrue(hmac.compare_digest(memoryview(b'xy'), b'xy'))
        self.assertTrue(hmac.compare_digest('ascii', 'ascii'))
        with self.assertRaises(TypeError):
            hmac.compare_digest('\u00e9', '\u00e9')
        with self.assertRaises(TypeError):
            hmac.compare_digest(1, 1)


class ArgumentHandlingTests(unittest.TestCase):

    def test_type_errors(self):
        with self.assertRaises(TypeError) as cm:
            hashlib.new(5)
        self.assertEqual(str(cm.exception), 'name must be a string')
        for bad in (None, 5):
            with self.assertRaises(TypeError) as cm:
                hashlib.md5().update(bad)
            self.assertEqual(str(cm.exception), 'object supporting the buffer API required')
        with self.assertRaises(TypeError) as cm:
            hashlib.new('md5', b'a', string=b'b')
        self.assertEqual(str(cm.exception),
                         "argument for new() given by name ('string') and position (2)")

    def test_xof_length_argument(self):
        h = hashlib.shake_128()
        self.assertEqual(h.digest(length=4), h.digest(4))
        self.assertEqual(h.hexdigest(length=4), h.digest(4).hex())
        with self.assertRaises(TypeError) as cm:
            h.digest(1.0)
        self.assertEqual(str(cm.exception), "'float' object cannot be interpreted as an integer")

    def test_pbkdf2_limits(self):
        with self.assertRaises(OverflowError) as cm:
            hashlib.pbkdf2_hmac('sha1', b'p', b's', 2 ** 40)
        self.assertEqual(str(cm.exception), 'iteration value is too great.')
        with self.assertRaises(OverflowError) as cm:
            hashlib.pbkdf2_hmac('sha1', b'p', b's', 1, 2 ** 40)
        self.assertEqual(str(cm.exception), 'key length is too great.')

    def test_compare_digest_type_errors(self):
        cases = [((1, b'a'), "a bytes-like object is required, not 'int'"),
                 (('a', 1), "unsupported operand types(s) or combination of types: "
                            "'str' and 'int'"),
                 (([], []), "unsupported operand types(s) or combination of types: "
                            "'list' and 'list'"),
                 ((memoryview(b'a'), 'a'), "a bytes-like object is required, not 'str'")]
        for args, message in cases:
            with self.subTest(args=args):
                with self.assertRaises(TypeError) as cm:
                    hmac.compare_digest(*args)
                self.assertEqual(str(cm.exception), message)

    def test_hmac_rejects_xof(self):
        with self.assertRaises(ValueError):
            hmac.new(b'k', b'm', 'shake_128')

    def test_blake2_is_final(self):
        with self.assertRaises(TypeError):
            type('Sub', (hashlib.blake2b,), {})
        self.assertEqual(type(hashlib.blake2b().copy()), hashlib.blake2b)
        with self.assertRaises(TypeError):
            hashlib.blake2s(b'a', b'b')


if __name__ == '__main__':
    unittest.main()
