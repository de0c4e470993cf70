"""Adversarial thread stress (Tools/stress/run.sh): C objects with internal state shared by
threads.  One thread replaces the shared re scanners, JSON decoder and encoder, incremental
codecs and StringIO/BytesIO buffers, flips the locale and re-initialises decoders, while three
threads drive the same objects: scanner.match()/search(), decoder.raw_decode() and
scan_once (the _json scanner), encoder.encode(), incremental encode/decode with partial
input, locale.localeconv() and str.format with 'n', and reads and writes on the shared
buffers.  Racing users of one stateful object may see each other's progress (a scanner
skipping matches, a decoder's partial state); what must never happen is a crash or a
report from the sanitizer.

Run it under the AddressSanitizer build; it prints "ok" when it finishes."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness
import codecs, io, json, locale, re

done = []
text = 'alpha 12 beta 345 gamma 6789 ' * 20
pattern = re.compile(r'(\w+) (\d+)')
state = {
    'scanner': pattern.scanner(text),
    'decoder': json.JSONDecoder(),
    'encoder': json.JSONEncoder(sort_keys=True, indent=1),
    'udec': codecs.getincrementaldecoder('utf-8')(),
    'uenc': codecs.getincrementalencoder('utf-16')(),
    'sio': io.StringIO('x' * 100),
    'bio': io.BytesIO(b'y' * 100),
}
doc = json.dumps({'k%d' % i: [i, str(i), {'n': None, 'f': 1.5}] for i in range(30)})
payload = 'päivää ☃ 𝄞 '.encode('utf-8') * 10


def mutator():
    for r in range(100000):
        k = r % 7
        if k == 0:
            state['scanner'] = pattern.scanner(text, r % 50)
        elif k == 1:
            state['decoder'] = json.JSONDecoder(parse_float=float if r % 2 else None)
        elif k == 2:
            state['encoder'] = json.JSONEncoder(sort_keys=bool(r % 2), indent=r % 3)
        elif k == 3:
            state['udec'].reset()
            state['uenc'] = codecs.getincrementalencoder('utf-16')()
        elif k == 4:
            state['sio'] = io.StringIO('x' * (r % 100))
            try:
                state['bio'].seek(0)
                state['bio'].truncate(r % 100)
            except BufferError:
                pass    # a reader's read() holds a view of the buffer (as in CPython)
        elif k == 5:
            locale.setlocale(locale.LC_ALL, 'C.UTF-8' if r % 2 else 'C')
        else:
            state['decoder'].__init__(strict=bool(r % 2))


def scan():
    scanner = state['scanner']
    for _ in range(5):
        m = scanner.search() if _ % 2 else scanner.match()
        if m is not None:
            assert m.group(0)[0].isalpha()


def decode():
    decoder = state['decoder']
    value, end = decoder.raw_decode(doc)
    assert end == len(doc) and len(value) == 30
    assert decoder.scan_once('[1, "a"]', 0) == ([1, 'a'], 8)


def encode():
    out = state['encoder'].encode({'b': [1, 2.5, None], 'a': 'x'})
    assert '"a"' in out


def incremental():
    dec = state['udec']
    for i in range(0, len(payload), 7):
        dec.decode(payload[i:i + 7])
    state['uenc'].encode('abc☃')


def buffers():
    sio, bio = state['sio'], state['bio']
    sio.write('abc')
    sio.seek(0)
    sio.read(10)
    bio.write(b'abc')
    bio.getvalue()
    bio.seek(0)
    bio.read(5)


def localeinfo():
    conv = locale.localeconv()
    assert 'decimal_point' in conv
    format(1234567, 'n')


ops = [scan, decode, encode, incremental, buffers, localeinfo]
reader = _harness.ops_reader(ops, (UnicodeDecodeError, ValueError, BufferError, locale.Error),
                             done)
_harness.run(mutator, reader, done)
